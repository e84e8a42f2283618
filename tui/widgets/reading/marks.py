"""QuoteMarks: the current briefing's quotes on one article, as the reading pane shows them.

No Textual here. The pane hands over each resolution of the briefing (the app keeps one,
:mod:`tui.note_status`) and paints what this works out: the ``quote`` layer and the
paragraphs that get a bar in the margin. A pane opened before the last index update
keeps the text it was given, so a quote found only in a newer text is not marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from tui.widgets.reading.spans import Range, paragraphs_touched

if TYPE_CHECKING:
    from briefings.models import Note
    from search.models.articles import Article
    from tui.note_status import Resolution


class Mark(NamedTuple):
    """A quote of the briefing at body offsets ``start``..``end``, and its note."""

    start: int
    end: int
    note: Note


class QuoteMarks:
    """The marks of one article, sorted by where they start.

    Args:
        article: the article as the pane shows it, body included.
        paragraphs: its paragraphs' ``(start, end)`` body offsets.
    """

    def __init__(self, article: Article, paragraphs: Sequence[Range]) -> None:
        self._article = article
        self._paragraphs = list(paragraphs)
        self.marks: list[Mark] = []

    def show(self, resolution: Resolution) -> None:
        """Mark the quotes ``resolution`` places in this article (moved and changed ones too)."""
        article = self._article
        marks = [
            Mark(item.current.start, item.current.end, item.note)
            for item in resolution.on_article(article.id)
            if item.current is not None and item.article.body == article.body
        ]
        self.marks = sorted(marks, key=lambda mark: (mark.start, mark.end))

    @property
    def ranges(self) -> list[Range]:
        """The marks' body offsets, for the ``quote`` layer."""
        return [(mark.start, mark.end) for mark in self.marks]

    @property
    def paragraphs(self) -> set[int]:
        """The indices of the paragraphs holding a mark."""
        return paragraphs_touched(self._paragraphs, self.marks)

    def at(self, start: int, end: int) -> Note | None:
        """The note of the first mark overlapping body ``start``..``end``, if any."""
        return next(
            (mark.note for mark in self.marks if mark.start < end and start < mark.end), None
        )

    def span_of(self, note: Note) -> Range | None:
        """Where ``note``'s quote is marked, if it is."""
        return next(((m.start, m.end) for m in self.marks if m.note.id == note.id), None)
