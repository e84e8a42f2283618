"""Timeline, statements and entity page: each lists passages, opens the article at one
and quotes one into the current briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.models import SearchFilters
from search.service import open_search_service
from tests.tui.conftest import ready, screen_text, search, wait_for
from tests.tui.test_quoting import stored, write_note
from tui.app import make_app
from tui.month_chart import month_bars, months_between
from tui.passage import Passage
from tui.screens.entity_page import EntityPageScreen
from tui.screens.passage_list import PassageList
from tui.screens.statements import StatementsScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.workspace import Workspace


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


@pytest.fixture
def notes_app(seeds: Path, notes: Path):
    return make_app(seeds, notes_dir=notes)


def rows_of(screen) -> list[Passage]:
    return [passage for _, passage in screen.rows if passage is not None]


def pick(pilot, screen, passage: Passage) -> None:
    """Put the list's cursor on ``passage``."""
    index = next(i for i, (_, p) in enumerate(screen.rows) if p == passage)
    listing = screen.query_one(PassageList)
    listing.highlighted = listing.get_option_index(str(index))


async def timeline_of(pilot, query: str) -> TimelineScreen:
    await ready(pilot)
    await search(pilot, query)
    await pilot.press("down")  # into the results list: the search box would take the T
    await pilot.press("T")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))
    return pilot.app.screen


async def opened_at(pilot, passage: Passage) -> ReadingPane:
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() == passage.article_id)
    pane = workspace.active_pane.query_one(ReadingPane)
    await wait_for(pilot, lambda: pane.layer("current") == [(passage.start, passage.end)])
    return pane


def test_the_month_chart_has_a_bar_per_month_and_shares_bars_when_the_span_is_long():
    assert months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    bars, per_bar = month_bars({"2024-01": 4, "2024-03": 1}, 80)
    assert per_bar == 1 and bars[0] == "█" and bars[1] == " " and bars[2] != " "
    bars, per_bar = month_bars({"2000-01": 1, "2024-12": 2}, 40)
    assert per_bar == 8 and len(bars) <= 40


async def test_t_after_a_search_lists_the_hits_events_by_date_under_year_and_month(app, seeds):
    async with app.run_test(size=(100, 36)) as pilot:
        view = await timeline_of(pilot, "Aliyev")
        service = open_search_service(seeds)
        hits = {hit.id for hit in service.search("Aliyev", limit=1000).hits}
        events = service.timeline("Aliyev")
        assert events and {e.article_id for e in events} <= hits
        shown = rows_of(view)
        assert len(shown) == len(events)
        dates = [e.date_start for e in events]
        assert dates == sorted(dates)
        text = screen_text(app)
        assert "Timeline: “Aliyev”" in text
        first = events[0]
        assert first.date_start[:4] in text and first.sentence[:30] in text
        # A heading per year, and per month of the dates given to a month or a day.
        headings = [str(line) for line, passage in view.rows if passage is None]
        assert headings[0] == first.date_start[:4]
        dated = next(e for e in events if e.precision == "day")
        assert any(h.strip().endswith(dated.date_start[:4]) and " " in h.strip() for h in headings)
        # The chart of events per month over the span.
        assert "most events:" in text and any(c in text for c in "▁▂▃▄▅▆▇█")
        # Resolved dates are marked.
        if any(e.resolved for e in events):
            assert "~" in text


async def test_the_timeline_follows_the_filters_of_the_search(app, seeds):
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        service = open_search_service(seeds)
        filters = SearchFilters(date_from="2024-01-01")
        pilot.app.screen.search_view._filters = filters
        await pilot.press("down", "T")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))
        expected = service.timeline("Aliyev", filters=filters)
        assert len(rows_of(pilot.app.screen)) == len(expected)
        assert len(expected) < len(service.timeline("Aliyev"))


async def test_enter_on_an_event_opens_the_article_with_the_cursor_on_its_sentence(app):
    async with app.run_test(size=(100, 36)) as pilot:
        view = await timeline_of(pilot, "Aliyev")
        target = next(p for p in rows_of(view) if not p.in_title)
        pick(pilot, view, target)
        await pilot.press("enter")
        pane = await opened_at(pilot, target)
        sentence = pane.article.body[slice(*pane.cursor.sentence_span)]
        assert sentence.strip() in pane.article.body[target.start : target.end + 1]


async def test_t_in_a_reading_tab_lists_that_articles_events(app):
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        await pilot.press("enter")
        workspace = pilot.app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() is not None)
        article_id = workspace.current_article_id()
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))
        assert {p.article_id for p in rows_of(pilot.app.screen)} == {article_id}


async def test_s_on_an_event_quotes_its_sentence_into_the_briefing(notes_app, notes):
    async with notes_app.run_test(size=(100, 36), notifications=True) as pilot:
        view = await timeline_of(pilot, "Aliyev")
        target = next(p for p in rows_of(view) if not p.in_title)
        event_sentence = next(str(line) for line, p in view.rows if p == target)
        pick(pilot, view, target)
        await pilot.press("s")
        await write_note(pilot, "Chronology")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        assert note.article.id == target.article_id
        assert (note.quote.start, note.quote.end) == (target.start, target.end)
        assert note.quote.exact[:20] in event_sentence
        # The view stays open for the next event, and says the note was saved.
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert note.text == "Chronology"
        await wait_for(pilot, lambda: "Note saved in" in screen_text(notes_app))


async def entity_panel_on(pilot, canonical: str):
    await ready(pilot)
    await search(pilot, "Aliyev")
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    reader = workspace.active_pane.query_one(ReadingPane)
    await pilot.press("E")
    panel = reader.entity_panel
    await wait_for(pilot, lambda: panel.entity_list.has_focus)
    entity_type = next(s.type for s in reader.entities if s.canonical == canonical)
    panel.select(canonical, entity_type)
    await pilot.pause()
    return panel


async def test_s_on_an_entity_lists_its_statements_and_enter_opens_one(app, seeds):
    async with app.run_test(size=(100, 36)) as pilot:
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatementsScreen))
        view = pilot.app.screen
        statements = open_search_service(seeds).statements("Ilham Aliyev")
        assert len(rows_of(view)) == len(statements) > 0
        text = screen_text(app)
        assert "Statements: Ilham Aliyev" in text
        assert "direct" in text and statements[0].text[:25] in text
        target = rows_of(view)[-1]
        pick(pilot, view, target)
        await pilot.press("enter")
        await opened_at(pilot, target)


async def test_s_on_a_statement_quotes_it_into_the_briefing(notes_app, notes):
    async with notes_app.run_test(size=(100, 36)) as pilot:
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatementsScreen))
        target = rows_of(pilot.app.screen)[0]
        await pilot.press("s")
        await write_note(pilot, "Said")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        assert note.article.id == target.article_id
        assert (note.quote.start, note.quote.end) == (target.start, target.end)


async def test_the_entity_page_shows_companions_with_evidence_that_opens_the_article(app, seeds):
    async with app.run_test(size=(100, 36)) as pilot:
        await entity_panel_on(pilot, "Nikol Pashinyan")
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EntityPageScreen))
        page = pilot.app.screen
        profile = open_search_service(seeds).entity("Nikol Pashinyan")
        text = screen_text(app)
        assert "Person: Nikol Pashinyan" in text
        assert "Also named: Pashinyan" in text and f"named in {profile.articles} articles" in text
        assert "most mentions:" in text
        companion = profile.cooccurring[0]
        assert companion.name in text and f"{companion.count} sentences" in text
        assert f"score {companion.score:.2f}" in text
        evidence = companion.evidence[0]
        assert evidence.sentence[:25] in text
        target = Passage(evidence.article_id, evidence.start, evidence.end)
        assert rows_of(page)[0] == target
        await pilot.press("enter")
        await opened_at(pilot, target)


async def test_the_entity_page_leads_to_its_statements_and_timeline(app, seeds):
    async with app.run_test(size=(100, 36)) as pilot:
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EntityPageScreen))
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatementsScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EntityPageScreen))
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))
        service = open_search_service(seeds)
        events = service.timeline('person:"Ilham Aliyev"')
        assert len(rows_of(pilot.app.screen)) == len(events) > 0
        assert "Timeline: articles naming Ilham Aliyev" in screen_text(app)
        # Enter on an event closes the timeline and the page, and shows the article.
        target = next(p for p in reversed(rows_of(pilot.app.screen)) if not p.in_title)
        pick(pilot, pilot.app.screen, target)
        await pilot.press("enter")
        await opened_at(pilot, target)
        assert pilot.app.screen is pilot.app.screen_stack[0]


async def test_the_explore_keys_are_in_the_help(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("f1")
        await wait_for(pilot, lambda: "Timeline" in screen_text(app))
        text = screen_text(app)
        assert "Statements" in text and "Entity page" in text
