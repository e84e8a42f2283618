"""Quoting from a reading pane: the sentence cursor, quote keys, mouse selections, marks.

The pure sentence splitter and word widening are tested on small texts; the rest runs
the app on the seeds with its own index and a notes folder under ``tmp_path``, and reads
what the note editor shows and the YAML it wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Button, Input, Static, TextArea

from briefings.store import BriefingStore
from search.sentences import sentence_ranges
from tests.tui.conftest import ready, screen_text, search, styles_of, wait_for
from tui.app import make_app
from tui.briefing_session import DEFAULT_TITLE
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor import NoteEditor
from tui.widgets.reading.cursor import SentenceCursor
from tui.widgets.reading.pane import ArticleBody, FindBar, ReadingPane
from tui.widgets.reading.spans import paragraph_ranges
from tui.widgets.reading.words import widen_to_words
from tui.widgets.workspace import Workspace


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_ranges(text)]


def test_sentences_end_at_stops_but_not_after_titles_initials_or_before_lower_case():
    text = 'Mr. Smith met J. Doe in Baku. "Will it last?" he asked. It did… Yes!'
    assert sentences(text) == [
        "Mr. Smith met J. Doe in Baku.",
        '"Will it last?" he asked.',
        "It did…",
        "Yes!",
    ]


def test_sentences_of_a_paragraph_are_offsets_into_the_whole_body():
    body = "First para. Still first.\n\n  Second one has no stop  "
    second = paragraph_ranges(body)[1]
    assert [body[a:b] for a, b in sentence_ranges(body, *second)] == ["Second one has no stop"]
    assert sentence_ranges("   ") == []


def test_cursor_moves_across_paragraph_ends_and_stops_at_the_edges():
    body = "One. Two.\n\nThree. Four."
    cursor = SentenceCursor(body, paragraph_ranges(body))
    seen = []
    for _ in range(5):
        seen.append(body[slice(*cursor.sentence_span)])
        cursor.move_sentence(1)
    assert seen == ["One.", "Two.", "Three.", "Four.", "Four."]
    cursor.move_sentence(-3)
    assert body[slice(*cursor.sentence_span)] == "One."
    cursor.move_paragraph(1)
    assert body[slice(*cursor.paragraph_span)] == "Three. Four."


def widened(text: str, selected: str) -> str:
    start = text.index(selected)
    return text[slice(*widen_to_words(text, start, start + len(selected)))]


def test_a_selection_widens_to_whole_words_but_not_past_spaces_or_punctuation():
    text = "Shares of oil firm Rosneft's unit, state-owned since 2019-2020, fell."
    assert widened(text, "oil firm Rosne") == "oil firm Rosneft's"
    assert widened(text, "l firm") == "oil firm"
    assert widened(text, "neft's unit") == "Rosneft's unit"
    assert widened(text, "'s unit") == "Rosneft's unit"
    assert widened(text, "unit, state") == "unit, state-owned"
    assert widened(text, "since 2019-") == "since 2019-2020"
    assert widened(text, "fell.") == "fell."
    assert widened(text, ", state-owned since") == ", state-owned since"
    assert widened("a — b", "—") == "—"
    assert widened("“Quoted” words", "uoted”") == "Quoted”"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


@pytest.fixture
def notes_app(seeds: Path, notes: Path):
    return make_app(seeds, notes_dir=notes)


async def open_article(pilot, query: str) -> ReadingPane:
    await ready(pilot)
    await search(pilot, query)
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return pilot.app.screen.query_one(ReadingPane)


async def write_note(pilot, text: str, tags: str = "") -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
    await pilot.press(*text)
    if tags:
        pilot.app.screen.query_one("#tags", Input).value = tags
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, NoteEditor))


def stored(notes: Path):
    store = BriefingStore(notes)
    [summary] = store.briefings()
    return store.load(summary.slug)


def sentence_at(body: str, offset: int) -> str:
    """The sentence of ``body`` that holds ``offset``, as the sentence splitter cuts it."""
    for start, end in paragraph_ranges(body):
        if start <= offset < end:
            return next(body[a:b] for a, b in sentence_ranges(body, start, end) if offset < b)
    raise AssertionError(f"offset {offset} is not in a paragraph")


def flat(text: str) -> str:
    """Screen text as one line of words, without scroll bar glyphs."""
    return " ".join(re.sub(r"[▁-█▔]", " ", text).split())


def editor_quote(pilot) -> str:
    """The quote the note editor shows."""
    return str(pilot.app.screen.query_one("#quote Static", Static).content)


async def test_keyboard_quote_of_the_second_sentence_is_saved_with_its_note(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right")  # the cursor shows on the first sentence in view
        assert "¶ 1/" in pane.status_text and "sentence 1/" in pane.status_text
        await pilot.press("right")
        expected = pane.article.body[slice(*pane.cursor.sentence_span)]
        await pilot.press("s")
        await write_note(pilot, "Key claim", "energy, gas")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        briefing = stored(notes)
        assert briefing.title == DEFAULT_TITLE
        [note] = briefing.notes
        assert note.quote.exact == expected
        assert note.text == "Key claim" and note.tags == ("energy", "gas")
        assert note.article.id == pane.article.id
        await wait_for(pilot, lambda: pane.layer("quote") != [])
        assert pane.layer("quote") == [(note.quote.start, note.quote.end)]
        marked = [p.index for p in pane.paragraphs if p.has_class("-quoted")]
        assert marked == [pane.cursor.paragraph]  # the bar in the margin
        assert f"briefing: {DEFAULT_TITLE}" in screen_text(pilot.app)


async def test_paragraph_key_quotes_the_whole_paragraph_and_a_is_a_note_without_quote(
    notes_app, notes
):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right", "right_curly_bracket")
        start, end = pane._paragraph_ranges[pane.cursor.paragraph]
        await pilot.press("p")
        await write_note(pilot, "whole paragraph")
        await pilot.press("a")
        await write_note(pilot, "about the article")
        await wait_for(pilot, lambda: len(stored(notes).notes) == 2)
        quoted, general = stored(notes).notes
        assert quoted.quote.exact == pane.article.body[start:end].strip()
        assert general.quote is None and general.text == "about the article"


async def test_escape_with_typed_text_asks_before_discarding(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Aliyev")
        await pilot.press("right", "s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press(*"draft")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert pilot.app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, NoteEditor | ConfirmScreen))
        assert not notes.exists() or not any(notes.glob("*.yaml"))


async def test_mouse_selection_is_quoted_exactly(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        paragraph = pane.paragraphs[1]
        text = pane.article.body[paragraph.start : paragraph.end]
        assert text.startswith("The future of Armenia-Azerbaijan peace ")
        # From the start of "future" to the space after "peace": whole words already.
        pilot.app.screen.selections = {paragraph: Selection(Offset(4, 0), Offset(39, 0))}
        await pilot.press("s")
        await write_note(pilot, "selected")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        assert note.quote.exact == "future of Armenia-Azerbaijan peace"
        assert note.quote.start == paragraph.start + 4


async def test_a_selection_cut_inside_words_is_quoted_as_whole_words(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        paragraph = pane.paragraphs[1]
        assert pane.article.body[paragraph.start : paragraph.end].startswith(
            "The future of Armenia-Azerbaijan peace "
        )
        # "ture of Armenia-Az": both ends inside a word, the end inside a hyphenated one.
        pilot.app.screen.selections = {paragraph: Selection(Offset(6, 0), Offset(24, 0))}
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert editor_quote(pilot) == "future of Armenia-Azerbaijan"
        await write_note(pilot, "widened")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        assert note.quote.exact == "future of Armenia-Azerbaijan"
        assert note.quote.start == paragraph.start + 4


async def test_enter_on_a_mark_shows_its_note_and_the_mark_is_styled(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right", "s")
        await write_note(pilot, "remember [bold]this[/]")
        await wait_for(pilot, lambda: pane.marks != [])
        assert "❝ quoted" in pane.status_text
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert pilot.app.screen.query_one(TextArea).text == "remember [bold]this[/]"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, NoteEditor))
        await pilot.press("right")  # off the mark: the quote layer's italic shows
        start, end, _ = pane.marks[0]
        word = pane.article.body[start:end].split()[0]
        assert any(style.italic for style in styles_of(pilot.app, word))


async def test_clicking_a_mark_shows_its_note(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right", "s")
        await write_note(pilot, "first sentence note")
        await wait_for(pilot, lambda: pane.marks != [])
        first = pane.paragraphs[0]
        assert pane.marks[0][0] == first.start
        await pilot.click(first, offset=(1, 0))
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert pilot.app.screen.query_one(TextArea).text == "first sentence note"


async def test_help_lists_the_quoting_keys_and_which_briefing_is_current(notes_app):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Aliyev")
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Quote paragraph" in screen_text(pilot.app)
        assert "Note on article" in screen_text(pilot.app)
        pilot.app.screen.query_one("#help").scroll_end(animate=False)
        await pilot.pause()
        assert "Current briefing" in screen_text(pilot.app)


async def test_a_mouse_drag_across_two_paragraphs_quotes_what_was_selected(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        first, second = pane.paragraphs[1:3]
        await pilot.mouse_down(first, offset=(4, 0))
        await pilot.hover(second, offset=(10, 0))
        await pilot.mouse_up(second, offset=(10, 0))
        selected = pilot.app.screen.get_selected_text()
        assert selected
        await pilot.press("s")
        await write_note(pilot, "dragged")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        # The drag stopped inside "second": the quote ends with the whole word.
        assert " ".join(selected.split()).endswith("At the sec")
        assert " ".join(note.quote.exact.split()) == " ".join(selected.split()) + "ond"
        assert note.quote.start < second.start < note.quote.end


# The cursor follows the reader: hits, finds and scrolling move what s and p act on.


async def test_s_right_after_n_quotes_the_sentence_of_that_hit(notes_app, notes):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        body = pane.article.body
        third = [m.start() for m in re.finditer(r"(?<!\w)Aliyev", body, re.IGNORECASE)][2]
        expected = sentence_at(body, third)
        assert expected != sentence_at(body, pane.paragraphs[0].start)
        await pilot.press("n", "n", "n")
        await wait_for(pilot, lambda: "hit 3 of" in pane.status_text)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert editor_quote(pilot) == expected
        assert " ".join(expected.split()[:6]) in flat(screen_text(pilot.app))
        await write_note(pilot, "third hit")
        await wait_for(pilot, lambda: notes.is_dir() and any(notes.glob("*.yaml")))
        [note] = stored(notes).notes
        assert note.quote.exact == expected


async def test_p_right_after_the_last_hit_quotes_its_paragraph(notes_app):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        body = pane.article.body
        last = [m.start() for m in re.finditer(r"(?<!\w)Aliyev", body, re.IGNORECASE)][-1]
        [paragraph] = [body[a:b] for a, b in paragraph_ranges(body) if a <= last < b]
        await pilot.press("N")
        await wait_for(pilot, lambda: pane.body.scroll_y > 0)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert editor_quote(pilot) == paragraph.strip()


async def test_s_after_a_find_kept_with_enter_quotes_the_found_sentence(notes_app):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        body = pane.article.body
        expected = sentence_at(body, body.index("irony"))
        assert " ".join(expected.split()[:6]) not in flat(screen_text(pilot.app))
        await pilot.press("f", *"irony", "enter")
        await wait_for(pilot, lambda: pane.query_one(ArticleBody).has_focus)
        await wait_for(pilot, lambda: not pane.query_one(FindBar).has_focus)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert editor_quote(pilot) == expected


async def wheel_down(pilot, body: ArticleBody) -> None:
    for _ in range(20):
        body.post_message(events.MouseScrollDown(body, 5, 5, 0, 1, 0, False, False, False))
    await wait_for(pilot, lambda: body.scroll_y > 30)


SCROLLS = {
    "space": ["space"] * 4,
    "pagedown": ["pagedown"] * 3,
    "G": ["G"],
    "j": ["j"] * 30,
    "wheel": [],
}


@pytest.mark.parametrize("scroll", list(SCROLLS))
async def test_after_scrolling_the_cursor_away_s_quotes_a_sentence_that_was_on_screen(
    notes_app, scroll
):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right")  # the cursor shows on the article's first sentence
        first = pane.article.body[slice(*pane.cursor.sentence_span)]
        if scroll == "wheel":
            await wheel_down(pilot, pane.body)
        else:
            await pilot.press(*SCROLLS[scroll])
        await wait_for(pilot, lambda: pane.body.scroll_y > 20)
        seen = flat(screen_text(pilot.app))
        assert " ".join(first.split()[:6]) not in seen
        await pilot.press("s")
        await pilot.pause()
        if not isinstance(pilot.app.screen, NoteEditor):
            await pilot.press("s")  # the first press only showed the cursor where we are
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        quoted = editor_quote(pilot)
        assert quoted != first
        assert " ".join(quoted.split()[:6]) in seen


async def test_the_cursor_stays_on_its_sentence_while_it_is_in_view(notes_app):
    async with notes_app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right", "right")
        second = pane.article.body[slice(*pane.cursor.sentence_span)]
        await pilot.press("j")
        await wait_for(pilot, lambda: pane.body.scroll_y == 1)
        await pilot.press("s")  # quotes at once: the cursor was on screen all along
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        assert editor_quote(pilot) == second


async def test_the_note_editor_fits_an_80_by_24_terminal(notes_app):
    async with notes_app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, "Aliyev")
        await pilot.press("n", "p")  # the first hit's paragraph: longer than the quote box
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        editor = pilot.app.screen
        assert len(editor_quote(pilot)) > 4 * 80
        screen = editor.region
        for widget in (
            editor.query_one("#quote"),
            editor.query_one(TextArea),
            editor.query_one("#tags", Input),
            *editor.query(Button),
        ):
            assert widget.region.height > 0 and screen.contains_region(widget.region), widget
        shown = screen_text(pilot.app)
        assert "Tags, separated by commas" in shown
        assert "Save (ctrl+s)" in shown and "Cancel (esc)" in shown
        assert " ".join(editor_quote(pilot).split()[:4]) in flat(shown)
