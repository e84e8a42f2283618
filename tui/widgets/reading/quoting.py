"""Quoting: the reading pane's sentence cursor and quote marks, and what a quoting key quotes.

The pane owns one and keeps the keys; this works out what they act on. The cursor
follows the reader: it is hidden until a cursor or quoting key is pressed, which shows
it on the first sentence in view; walking to a hit (``n``/``N``), keeping a find (Enter)
or clicking puts it on that sentence; and once the reader scrolls its sentence out of
view, the next cursor or quoting key starts again from the first sentence in view.
``s`` quotes the text selected with the mouse in the pane if there is some (widened to
whole words), else the sentence under the cursor; ``p`` quotes the paragraph. A quoting
key that had to show the cursor first only shows it, so nothing the reader has not seen
marked is quoted. The current briefing's quotes on the article are :class:`QuoteMarks`;
Enter on a mark, or a click on it, shows its note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from briefings.anchoring import quote_article
from tui.widgets.reading.cursor import SentenceCursor
from tui.widgets.reading.marks import QuoteMarks
from tui.widgets.reading.spans import Range, paragraph_of
from tui.widgets.reading.words import widen_to_words

if TYPE_CHECKING:
    from textual.geometry import Offset
    from textual.selection import Selection

    from briefings.models import Note, Quote
    from search.models.articles import Article
    from tui.widgets.reading.body import ArticleBody
    from tui.widgets.reading.paragraph import Paragraph

MARK_SIGN = "❝"


def local_offset(text: str, at: Offset | None, default: int) -> int:
    """A paragraph offset from a content offset (x: character in line y)."""
    if at is None:
        return default
    lines = text.split("\n")
    row = min(max(at.y, 0), len(lines) - 1)
    return sum(len(line) + 1 for line in lines[:row]) + min(max(at.x, 0), len(lines[row]))


class Quoting:
    """The cursor and marks of one article shown in an :class:`ArticleBody`.

    Args:
        article: the article shown, body included.
        paragraphs: its paragraphs' ``(start, end)`` body offsets.
        body: the widget showing them, which knows what is in view.
    """

    def __init__(self, article: Article, paragraphs: Sequence[Range], body: ArticleBody) -> None:
        self.article = article
        self.cursor = SentenceCursor(article.body, paragraphs)
        self.marks = QuoteMarks(article, paragraphs)
        self._paragraphs = list(paragraphs)
        self._body = body

    def ensure_cursor(self) -> bool:
        """Keep the cursor where it is if the reader sees it (True), else put it on the
        first sentence in view (False: the caller shows it there).

        The cursor stays put only while its sentence is in view (or is being scrolled
        into view); once the reader has scrolled it away, it starts again.
        """
        if self.cursor.active and self.cursor_in_view():
            return True
        self.cursor.place_at(self._body.first_in_view(self.cursor.sentences_of))
        return False

    def cursor_in_view(self) -> bool:
        """Whether the reader can see the cursor's sentence (or is about to)."""
        span = self.cursor.sentence_span
        if span is None:
            return False
        return self._body.revealing or self._body.shows(self.cursor.paragraph, span)

    def reveal(self, offset: int, *, center: bool) -> None:
        """Scroll body ``offset`` into view once the cursor is drawn."""
        self._body.reveal(paragraph_of(self._paragraphs, offset), offset, center=center)

    def status(self) -> str:
        """Where the cursor is and what the keys do there ("" while it is hidden)."""
        cursor = self.cursor
        if not cursor.active:
            return ""
        where = (
            f"¶ {cursor.paragraph + 1}/{len(self._paragraphs)} · sentence "
            f"{cursor.sentence + 1}/{len(cursor.sentences_of(cursor.paragraph))}"
        )
        span = cursor.sentence_span
        if span and self.marks.at(*span) is not None:
            return f"{where} · {MARK_SIGN} quoted: Enter shows the note"
        return f"{where} · s quote sentence · p quote paragraph · a note on article"

    def span(self, unit: str) -> Range | None:
        """The cursor's ``"sentence"`` or ``"paragraph"``, in body offsets."""
        return self.cursor.sentence_span if unit == "sentence" else self.cursor.paragraph_span

    def quote(self, span: Range) -> Quote:
        """The quote of body ``span``, anchored in the article."""
        return quote_article(self.article, *span)

    def note_under_cursor(self) -> Note | None:
        """The note of the mark under the cursor, if the cursor is shown and in view."""
        shown = self.cursor.active and self.cursor_in_view()
        span = self.cursor.sentence_span if shown else None
        return self.marks.at(*span) if span else None

    def offset_at(self, paragraph: Paragraph, at: Offset) -> int:
        """The body offset drawn at ``at`` in ``paragraph`` (e.g. under a click)."""
        text = self.article.body[paragraph.start : paragraph.end]
        return paragraph.start + local_offset(text, at, 0)

    def selection_span(self, selections: Mapping[Paragraph, Selection]) -> Range | None:
        """Body offsets of the text selected in these paragraphs, widened to whole words.

        Args:
            selections: the mouse selection in each of the pane's paragraphs it covers.

        Returns:
            The span, or None with nothing but spaces selected.
        """
        if not selections:
            return None
        found = [self._selected(paragraph, part) for paragraph, part in selections.items()]
        start, end = min(a for a, _ in found), max(b for _, b in found)
        body = self.article.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return widen_to_words(body, start, end) if start < end else None

    def _selected(self, paragraph: Paragraph, selection: Selection) -> Range:
        text = self.article.body[paragraph.start : paragraph.end]
        start = local_offset(text, selection.start, 0)
        end = local_offset(text, selection.end, len(text))
        return paragraph.start + start, paragraph.start + max(start, end)
