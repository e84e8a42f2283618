"""Notes after the corpus changed, as the app shows them: a mark on every note that is not
where it was, both wordings of a changed quote and a key to re-quote, orphans apart,
Enter on a moved note opening the article at its passage; the summary, and notes moved
or copied to another briefing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from briefings.anchoring import quote_article
from briefings.models import ArticleRef, new_note
from briefings.store import BriefingStore
from search.service import open_search_service
from tests.tui.conftest import ready, screen_text, styles_of, wait_for, wait_for_text
from tests.tui.notes_helpers import notices
from tui.app import make_app
from tui.screens.briefing_chooser import BriefingChooser
from tui.screens.notes import NotesScreen
from tui.screens.wording import WordingScreen
from tui.widgets.reading.pane import ReadingPane

FEED = """Pipeline talks stall

Negotiators met in Baku on Monday. The pipeline was shot down by the finance ministry \
after a long review. Work stops for now.

https://example.org/pipeline

Ferry link opens

A new ferry link between Baku and Turkmenbashi opened on Friday. Trucks are the first customers.

https://example.org/ferry
"""
REPORT = """Grain exports rise

Exporters shipped more grain than last year. Prices held steady through the summer.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "feed.txt").write_text(FEED, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


def quote_note(corpus: Path, notes: Path, title: str, exact: str, text: str, when=None):
    """Store a note quoting ``exact`` in the article titled ``title``, as the app would."""
    service = open_search_service(corpus)
    service.update()
    summary = next(s for s in service.articles() if s.title == title)
    article = service.article(summary.id)
    start = article.body.index(exact)
    quote = quote_article(article, start, start + len(exact))
    ref = ArticleRef.from_article(article, str(corpus))
    note = new_note(ref, text=text, quote=quote, when=when)
    store = BriefingStore(notes)
    slug = store.briefings()[0].slug if store.briefings() else store.create("Watch").slug
    store.add_note(slug, note)
    return slug, note


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def open_notes(pilot) -> NotesScreen:
    await ready(pilot)
    await wait_for(pilot, lambda: pilot.app.briefing is not None)
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.resolution.done)
    return screen


def highlight(screen: NotesScreen, note_id: str) -> None:
    listing = screen.query_one("#notes", OptionList)
    listing.highlighted = listing.get_option_index(note_id)


async def test_after_edits_every_note_shows_where_it_stands(corpus, notes):
    slug, moved = quote_note(corpus, notes, "Pipeline talks stall", "Work stops for now.", "m")
    _, changed = quote_note(
        corpus, notes, "Pipeline talks stall", "shot down by the finance ministry", "c"
    )
    _, kept = quote_note(corpus, notes, "Ferry link opens", "Trucks are the first", "k")
    _, lost = quote_note(corpus, notes, "Grain exports rise", "Prices held steady", "l")
    edit(corpus / "feed.txt", "shot down by", "downed by")
    (corpus / "report.txt").unlink()

    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_notes(pilot)
        text = screen_text(app)
        assert "1 moved · 1 changed · 1 orphaned" in text
        assert "↕ moved" in text
        assert "≠ changed: the source now reads differently" in text
        assert "quoted ❝ shot down by the finance ministry" in text
        assert "now    ❝ downed by the finance ministry" in text
        assert "Orphaned (1)" in text and "✗ orphaned: its article is no longer" in text
        assert "on “Grain exports rise”" in text
        # The orphan is listed after every other note, never hidden.
        assert text.index("Trucks are the first") < text.index("Orphaned (1)")
        assert text.index("Orphaned (1)") < text.index("Prices held steady")
    # Looking is not changing: the stored notes are as they were.
    stored = BriefingStore(notes).load(slug)
    assert [n.quote for n in stored.notes] == [moved.quote, changed.quote, kept.quote, lost.quote]


async def test_enter_on_a_moved_note_opens_the_article_at_its_new_place(corpus, notes):
    _, note = quote_note(corpus, notes, "Pipeline talks stall", "Work stops for now.", "m")
    edit(corpus / "feed.txt", "Negotiators met", "A late statement came first. Negotiators met")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        assert "↕ moved" in screen_text(app)
        highlight(screen, note.id)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.screen.query(ReadingPane)))
        pane = app.screen.query_one(ReadingPane)
        await wait_for(pilot, lambda: pane.cursor.active)
        start = pane.article.body.index("Work stops for now.")
        assert start != note.quote.start
        assert pane.layer("cursor")[0][:2] == (start, start + len("Work stops for now."))
        assert pane.marks[0][:2] == (start, start + len("Work stops for now."))
        assert "❝ quoted" in pane.status_text


async def test_accepting_the_current_wording_requotes_the_note(corpus, notes):
    slug, note = quote_note(
        corpus, notes, "Pipeline talks stall", "shot down by the finance ministry", "c"
    )
    edit(corpus / "feed.txt", "shot down by", "downed by")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, note.id)
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, WordingScreen))
        text = screen_text(app)
        assert "You quoted" in text and "The source now reads" in text
        # The words that differ stand out in both wordings; the shared ones do not.
        assert any(style.strike for style in styles_of(app, "shot down"))
        assert any(style.underline for style in styles_of(app, "downed"))
        shared = styles_of(app, "by the finance ministry")
        assert shared and not any(style.strike or style.underline for style in shared)
        await pilot.press("a")
        await wait_for(pilot, lambda: BriefingStore(notes).load(slug).notes[0].quote != note.quote)
        await wait_for_text(pilot, "❝ downed by the finance ministry")
        assert "≠ changed" not in screen_text(app)
    stored = BriefingStore(notes).load(slug).notes[0]
    assert stored.quote.exact == "downed by the finance ministry"
    assert stored.text == "c"
    assert (notes / f"{slug}.yaml.bak").is_file()


async def test_keeping_the_original_wording_leaves_the_note_flagged(corpus, notes):
    slug, note = quote_note(
        corpus, notes, "Pipeline talks stall", "shot down by the finance ministry", "c"
    )
    edit(corpus / "feed.txt", "shot down by", "downed by")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, note.id)
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, WordingScreen))
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert "≠ changed" in screen_text(app)
    assert BriefingStore(notes).load(slug).notes[0].quote == note.quote


async def test_the_summary_is_written_in_the_app_and_exported(corpus, notes):
    slug, _ = quote_note(corpus, notes, "Ferry link opens", "Trucks are the first", "k")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: bool(app.screen.query(TextArea)))
        app.screen.query_one(TextArea).insert("Ferries matter more than pipelines.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: BriefingStore(notes).load(slug).summary != "")
        await wait_for_text(pilot, "Ferries matter more than pipelines.")
        await pilot.press("ctrl+o")
        exported = notes / "exports" / f"{slug}.md"
        await wait_for(pilot, exported.is_file)
    assert "Ferries matter more than pipelines." in exported.read_text(encoding="utf-8")


@pytest.mark.parametrize("key, stays", [("m", False), ("c", True)])
async def test_a_note_moves_or_copies_to_another_briefing(corpus, notes, key, stays):
    slug, note = quote_note(corpus, notes, "Ferry link opens", "Trucks are the first", "k")
    other = BriefingStore(notes).create("Transport").slug
    BriefingStore(notes).set_summary(slug, "touch: the first briefing is the latest")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, note.id)
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingChooser))
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(BriefingStore(notes).load(other).notes) == 1)
    store = BriefingStore(notes)
    sent = store.load(other).notes[0]
    assert sent.quote == note.quote and sent.text == note.text
    assert [n.id for n in store.load(slug).notes] == ([note.id] if stays else [])
    assert (sent.id != note.id) == stays


async def test_a_note_from_another_corpus_is_checked_there_and_says_so(corpus, notes, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "memo.txt").write_text("Budget memo\n\nThe budget grows by a tenth.\n")
    quote_note(elsewhere, notes, "Budget memo", "The budget grows", "b")
    app = make_app(corpus, notes_dir=notes)
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_notes(pilot)
        text = screen_text(app)
        assert "⌂ from another corpus: elsewhere" in text
        assert "orphaned" not in text
        await pilot.press("enter")
        said = lambda: [n for n in notices(seen) if "another corpus (elsewhere)" in n]  # noqa: E731
        await wait_for(pilot, lambda: bool(said()))

    shutil.rmtree(elsewhere)
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        text = screen_text(app)
        assert "✗ orphaned: it was taken in another corpus, not found here" in text
        assert "⌂ from another corpus: elsewhere" in text


@pytest.mark.parametrize("key, grouped", [("ctrl+o", False), ("ctrl+g", True)])
async def test_export_keeps_the_briefing_order_or_groups_by_article(corpus, notes, key, grouped):
    slug, _ = quote_note(corpus, notes, "Pipeline talks stall", "Work stops for now.", "first")
    quote_note(corpus, notes, "Ferry link opens", "Trucks are the first", "second")
    quote_note(corpus, notes, "Pipeline talks stall", "Negotiators met in Baku", "third")
    app = make_app(corpus, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        await pilot.press(key)
        exported = notes / "exports" / f"{slug}.md"
        await wait_for(pilot, exported.is_file)
    markdown = exported.read_text(encoding="utf-8")
    order = [markdown.index(text) for text in ("first", "second", "third")]
    assert (order == sorted(order)) is not grouped
    assert ("## Pipeline talks stall" in markdown) is grouped
