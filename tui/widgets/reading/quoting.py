"""QuotingMixin: the reading pane's sentence cursor, quoting keys, mouse quotes and quote marks.

Mixed into ``ReadingPane``. The cursor follows the reader: it is hidden until a cursor
or quoting key is pressed, which shows it on the first sentence in view; walking to a
hit (``n``/``N``), keeping a find (Enter) or clicking puts it on that sentence; and once
the reader scrolls its sentence out of view, the next cursor or quoting key starts again
from the first sentence in view. It marks the sentence under it (``cursor`` layer: bold,
underlined, tinted) and says where it is in the status line. ``s`` quotes the text
selected with the mouse in this pane if there is some (widened to whole words), else the
sentence under the cursor; ``p`` quotes the paragraph; ``a`` writes a note on the whole
article. A quoting key that had to show the cursor first only shows it, so nothing the
reader has not seen marked is quoted. The pane only asks (``NoteRequested``); the screen
opens the editor and stores the note.

Quotes of the app's current briefing on this article are painted in the ``quote`` layer
where the app's resolution of the briefing (:mod:`tui.note_status`) finds them; Enter
on a mark, or a click on it, asks to show its note (``NoteChosen``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Region
from textual.message import Message
from textual.selection import Selection
from textual.widget import Widget

from briefings.anchoring import quote_article
from briefings.models import Note, Quote
from search.models import Article
from tui.note_status import Resolution
from tui.widgets.reading import spans
from tui.widgets.reading.cursor import SentenceCursor
from tui.widgets.reading.paragraph import Paragraph
from tui.widgets.reading.words import widen_to_words

CURSOR_STYLE = "bold underline on $primary-muted"
MARK_SIGN = "❝"


@dataclass
class NoteRequested(Message):
    """Write a new note on ``article``, on ``quote`` (None: on the whole article)."""

    article: Article
    quote: Quote | None


@dataclass
class NoteChosen(Message):
    """Show (and edit) this note of the current briefing."""

    note: Note


@dataclass
class PaneOpened(Message):
    """A reading pane is mounted and shows the current briefing's marks."""

    pane: Widget


def _local_offset(text: str, at: Offset | None, default: int) -> int:
    """A paragraph offset from a content offset (x: character in line y)."""
    if at is None:
        return default
    lines = text.split("\n")
    row = min(max(at.y, 0), len(lines) - 1)
    return sum(len(line) + 1 for line in lines[:row]) + min(max(at.x, 0), len(lines[row]))


class QuotingMixin(Widget):
    """Cursor, quoting and marks for a widget showing ``self.article`` as ``Paragraph``s."""

    BINDINGS = [
        Binding("right,right_parenthesis", "sentence(1)", "Next sentence", show=False),
        Binding("left,left_parenthesis", "sentence(-1)", "Prev sentence", show=False),
        Binding("ctrl+down,right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("ctrl+up,left_curly_bracket", "paragraph(-1)", "Prev paragraph", show=False),
        Binding("s", "quote('sentence')", "Quote", tooltip="Quote the sentence (or selection)"),
        Binding("p", "quote('paragraph')", "Quote paragraph", show=False),
        Binding("a", "note_article", "Note on article", show=False),
        Binding("enter", "show_note", "Show note", show=False, tooltip="The note of this mark"),
    ]

    # A paragraph holding a quote gets a bar in the margin: a shape, not only a tint.
    DEFAULT_CSS = """
    QuotingMixin Paragraph.-quoted {
        border-left: outer $success;
    }
    """

    article: Article
    # True from a cursor move until the view has scrolled to it.
    _revealing = False

    @property
    def cursor(self) -> SentenceCursor:
        """The sentence cursor (created on first use)."""
        if getattr(self, "_cursor", None) is None:
            self._cursor = SentenceCursor(self.article.body, self._paragraph_ranges)
        return self._cursor

    @property
    def marks(self) -> list[tuple[int, int, Note]]:
        """The current briefing's quotes on this article, as shown: ``(start, end, note)``."""
        return list(getattr(self, "_marks", []))

    def on_mount(self) -> None:
        self._marks: list[tuple[int, int, Note]] = []
        # The screen answers with the briefing's resolution (and sends each new one).
        self.post_message(PaneOpened(self))

    # Marks

    def show_resolution(self, resolution: Resolution) -> None:
        """Mark the current briefing's quotes found in this article (moved and changed
        ones too), where the app's one resolution of the briefing places them."""
        marks = [
            (item.current.start, item.current.end, item.note)
            for item in resolution.on_article(self.article.id)
            # A pane opened before the last index update shows the text it was given.
            if item.current is not None and item.article.body == self.article.body
        ]
        marks.sort(key=lambda mark: (mark[0], mark[1]))
        self._marks = marks
        self.set_layer("quote", [(start, end) for start, end, _ in marks])
        quoted = spans.paragraphs_touched(self._paragraph_ranges, marks)
        for paragraph in self.paragraphs:
            paragraph.set_class(paragraph.index in quoted, "-quoted")
        self._show_status()

    def mark_at(self, start: int, end: int) -> Note | None:
        """The note of the first mark overlapping body ``start``..``end``, if any."""
        return next((n for a, b, n in self.marks if a < end and start < b), None)

    # Cursor

    def _ensure_cursor(self) -> bool:
        """Show the cursor where the reader is; True if it was already shown there.

        The cursor stays put only while its sentence is in view (or is being scrolled
        into view); once the reader has scrolled it away, it starts again on the first
        sentence in view.
        """
        if self.cursor.active and self._cursor_in_view():
            return True
        self.cursor.place_at(self._first_sentence_in_view())
        self._show_cursor()
        return False

    def _view_rows(self) -> tuple[int, int]:
        """The first row of the body's content in view and the row just below the view."""
        top = self.body.scroll_offset.y
        return top, top + self.body.scrollable_content_region.height

    def _cursor_in_view(self) -> bool:
        span = self.cursor.sentence_span
        if span is None:
            return False
        if self._revealing:
            return True
        paragraph = self.paragraphs[self.cursor.paragraph]
        region = paragraph.virtual_region
        first = region.y + paragraph.line_of(max(0, span[0] - paragraph.start))
        last = region.y + paragraph.line_of(max(0, span[1] - paragraph.start))
        top, bottom = self._view_rows()
        return first < bottom and last >= top

    def _first_sentence_in_view(self) -> int:
        """Where the first sentence starting in view starts (else the one covering the top)."""
        top, bottom = self._view_rows()
        covering: int | None = None
        for paragraph in self.paragraphs:
            region = paragraph.virtual_region
            if region.bottom <= top:
                continue
            for start, _ in self.cursor.sentences_of(paragraph.index):
                row = region.y + paragraph.line_of(start - paragraph.start)
                if row >= bottom:
                    return start if covering is None else covering
                if row >= top:
                    return start
                covering = start
        return covering if covering is not None else 0

    def _show_cursor(self, *, center: bool = False, at: int | None = None) -> None:
        span = self.cursor.sentence_span
        self.set_layer("cursor", [(*span, CURSOR_STYLE)] if span else [])
        self._show_status()
        if span:
            self._revealing = True
            self.call_after_refresh(self._reveal, span[0] if at is None else at, center)

    def _reveal(self, offset: int, center: bool) -> None:
        self._revealing = False
        paragraph = self.paragraphs[spans.paragraph_of(self._paragraph_ranges, offset)]
        line = paragraph.line_of(max(0, offset - paragraph.start))
        region = paragraph.virtual_region
        self.body.scroll_to_region(
            Region(region.x, region.y + line, region.width, 1), center=center, animate=False
        )

    def cursor_status(self) -> str:
        """Where the cursor is, for the status line ("" while it is hidden)."""
        if not self.cursor.active:
            return ""
        cursor = self.cursor
        where = (
            f"¶ {cursor.paragraph + 1}/{len(self._paragraph_ranges)} · sentence "
            f"{cursor.sentence + 1}/{len(cursor.sentences_of(cursor.paragraph))}"
        )
        span = cursor.sentence_span
        if span and self.mark_at(*span) is not None:
            return f"{where} · {MARK_SIGN} quoted: Enter shows the note"
        return f"{where} · s quote sentence · p quote paragraph · a note on article"

    def action_sentence(self, step: int) -> None:
        if self._ensure_cursor():
            self.cursor.move_sentence(step)
            self._show_cursor()

    def action_paragraph(self, step: int) -> None:
        if self._ensure_cursor():
            self.cursor.move_paragraph(step)
            self._show_cursor()

    def place_cursor(self, offset: int, *, center: bool = True) -> None:
        """Move the cursor to the sentence at body ``offset`` and scroll that offset into view.

        A hit walked to with ``n``, a find kept with Enter and a click all put the cursor
        here, so the quoting keys act on what the reader is looking at.
        """
        self.cursor.place_at(offset)
        self._show_cursor(center=center, at=offset)

    def jump_to(self, note: Note) -> None:
        """Put the cursor on ``note``'s quoted passage, scrolled to the middle of the view."""
        for start, end, marked in self.marks:
            if marked.id == note.id:
                self.place_cursor(start)
                # The whole quote is marked, whatever sentences it spans.
                self.set_layer("cursor", [(start, end, CURSOR_STYLE)])
                return
        self.notify("That quote is not found in this article's text.", markup=False)

    # Quoting

    def selected_span(self) -> tuple[int, int] | None:
        """Body offsets of the text selected with the mouse in this pane, widened to whole words."""
        found: list[tuple[int, int]] = []
        for widget, selection in self.screen.selections.items():
            if isinstance(widget, Paragraph) and self in widget.ancestors:
                found.append(self._paragraph_selection(widget, selection))
        if not found:
            return None
        start, end = min(a for a, _ in found), max(b for _, b in found)
        body = self.article.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return widen_to_words(body, start, end) if start < end else None

    def _paragraph_selection(self, paragraph: Paragraph, selection: Selection) -> tuple[int, int]:
        text = self.article.body[paragraph.start : paragraph.end]
        start = _local_offset(text, selection.start, 0)
        end = _local_offset(text, selection.end, len(text))
        return paragraph.start + start, paragraph.start + max(start, end)

    def action_quote(self, unit: str) -> None:
        selected = self.selected_span() if unit == "sentence" else None
        if selected is not None:
            self.screen.clear_selection()
            self.post_message(NoteRequested(self.article, quote_article(self.article, *selected)))
            return
        if not self._ensure_cursor():
            self.notify(
                f"The cursor is on the first sentence in view: press {unit[0]} again to quote.",
                markup=False,
            )
            return
        span = self.cursor.sentence_span if unit == "sentence" else self.cursor.paragraph_span
        if span:
            self.post_message(NoteRequested(self.article, quote_article(self.article, *span)))

    def action_note_article(self) -> None:
        self.post_message(NoteRequested(self.article, None))

    def action_show_note(self) -> None:
        span = self.cursor.sentence_span if self.cursor.active and self._cursor_in_view() else None
        note = self.mark_at(*span) if span else None
        if note is None:
            self.notify("No quoted passage under the cursor.", markup=False)
            return
        self.post_message(NoteChosen(note))

    def on_click(self, event: events.Click) -> None:
        widget, at = self.screen.get_widget_and_offset_at(event.screen_x, event.screen_y)
        if not isinstance(widget, Paragraph) or at is None or self.screen.selections:
            return
        text = self.article.body[widget.start : widget.end]
        offset = widget.start + _local_offset(text, at, 0)
        self.place_cursor(offset, center=False)
        note = self.mark_at(offset, offset + 1)
        if note is not None:
            self.post_message(NoteChosen(note))
