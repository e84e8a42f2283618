"""The entity panel of an article, narrowing the search from it, and the entity view (KWIC)."""

from __future__ import annotations

from textual.widgets import Input

from search.models import SearchFilters
from tests.tui.conftest import ready, screen_text, search, wait_for
from tui.screens.entity_view import EntityViewScreen, MentionList
from tui.widgets.entities.panel import EntityPanel
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import SEARCH_TAB, Workspace


async def open_best_hit(pilot, query: str) -> ReadingPane:
    await search(pilot, query)
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return workspace.active_pane.query_one(ReadingPane)


async def open_panel_on(pilot, reader: ReadingPane, canonical: str) -> EntityPanel:
    await pilot.press("E")
    panel = reader.entity_panel
    await wait_for(pilot, lambda: panel.entity_list.has_focus)
    entity_type = next(s.type for s in reader.entities if s.canonical == canonical)
    panel.select(canonical, entity_type)
    await pilot.pause()
    return panel


async def test_the_panel_groups_the_articles_entities_by_type_with_counts(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        assert "Entities in this article" not in screen_text(app)
        await pilot.press("E")
        await wait_for(pilot, lambda: "Entities in this article" in screen_text(app))
        mentions = sum(1 for s in reader.entities if s.canonical == "Ilham Aliyev")
        people = len({s.canonical for s in reader.entities if s.type == "PERSON"})
        text = screen_text(app)
        assert f"People ({people})" in text
        # In the panel (right of its border), the name with its number of mentions.
        panel_lines = [line.split("▏", 1)[1] for line in text.splitlines() if "▏" in line]
        assert any(
            "Ilham Aliyev" in line and line.split()[-1] == str(mentions) for line in panel_lines
        )
        # The cursor walks entities, not headings; E again hides the panel.
        panel = reader.entity_panel
        await pilot.press("down")
        assert panel.highlighted is not None and panel.highlighted in panel.entries
        await pilot.press("E")
        await wait_for(pilot, lambda: "Entities in this article" not in screen_text(app))
        assert reader.body.has_focus
        # Escape in the panel closes it too, and stays in the article.
        await pilot.press("E")
        await wait_for(pilot, lambda: panel.entity_list.has_focus)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Entities in this article" not in screen_text(app))
        assert reader.body.has_focus and app.screen.query_one(Workspace).active != SEARCH_TAB


async def test_enter_on_an_entity_narrows_the_search_to_articles_that_mention_it(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        await open_panel_on(pilot, reader, "Nikol Pashinyan")
        await pilot.press("enter")
        view = app.screen.query_one(SearchView)
        narrowed = SearchFilters(person=("Nikol Pashinyan",))
        await wait_for(pilot, lambda: view.answered_filters == narrowed)
        assert view.query == "" and "Only: person Nikol Pashinyan" in screen_text(app)
        assert app.screen.query_one(Workspace).active == SEARCH_TAB
        assert app.screen.query_one("#query", Input).has_focus
        assert view.results_list.rows and "No article matches" not in screen_text(app)


async def test_c_lists_every_mention_in_context_and_enter_opens_the_article_there(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        await open_panel_on(pilot, reader, "Nikol Pashinyan")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityViewScreen))
        view = app.screen
        mentions = view.mentions
        assert len({m.article_id for m in mentions}) >= 2
        text = screen_text(app)
        assert "Person: Nikol Pashinyan" in text
        assert f"{len(mentions)} mentions in" in text
        # One line per mention: left context, the mention, right context.
        first = mentions[0]
        before, after = first.left.split()[-1], first.right.split()[0]
        assert any(
            before in line and first.text in line and after in line
            for line in text.splitlines()
            if "Person:" not in line
        )
        # Pick a mention in another article than the one being read.
        target = next(i for i, m in enumerate(mentions) if m.article_id != reader.article.id)
        view.query_one(MentionList).highlighted = target
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        chosen = mentions[target]
        await wait_for(pilot, lambda: workspace.current_article_id() == chosen.article_id)
        opened = workspace.active_pane.query_one(ReadingPane)
        await wait_for(pilot, lambda: opened.layer("current") == [(chosen.start, chosen.end)])
        # The mention is on screen, drawn reversed.
        await wait_for(pilot, lambda: chosen.text in screen_text(app))


async def test_escape_leaves_the_entity_view_where_it_was(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        await open_panel_on(pilot, reader, "Ilham Aliyev")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityViewScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, EntityViewScreen))
        workspace = app.screen.query_one(Workspace)
        assert workspace.current_article_id() == reader.article.id


async def test_the_panel_keys_are_in_the_help_and_the_palette(app):
    from textual.widgets import Static

    from search.entities import corrections_path
    from tui.screens.help import HelpScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        await open_panel_on(pilot, reader, "Nikol Pashinyan")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        shown = screen_text(app)
        for words in ("Entity panel", "Search for it", "Mentions in context"):
            assert words in shown
        await pilot.press("end")
        await wait_for(pilot, lambda: "Entity corrections" in screen_text(app))
        help_text = app.screen.query_one("#help").query_one(Static).content
        assert str(corrections_path()) in str(help_text)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))
        # The palette runs the same action as the key.
        await pilot.press("ctrl+p", *"mentions in context")
        await wait_for(pilot, lambda: "Mentions in context" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityViewScreen))
        assert app.screen.canonical == "Nikol Pashinyan"
