"""Parts of a long article: the runs of paragraphs a reading pane lays out at once.

No Textual here. An article up to ``PART_CHARS`` characters and ``PART_PARAGRAPHS``
paragraphs is one part, shown whole as before. A longer one (a 50 MB dump took the
screen for 52 s when every paragraph became a widget) is shown a part at a time: the
pane mounts, marks and searches only the part in view, says which part it is, and goes
to the next or previous part on a key, or to the part holding a hit, a quote or the
cursor when the reader walks there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from tui.widgets.reading.spans import Range

# At most this much text, in at most this many paragraphs, is laid out at once.
PART_CHARS = 100_000
PART_PARAGRAPHS = 300


@dataclass(frozen=True)
class Part:
    """Paragraphs ``first``..``last - 1`` of an article: part ``number`` of ``count``."""

    number: int
    count: int
    first: int
    last: int
    start: int
    end: int

    def holds(self, paragraph: int) -> bool:
        return self.first <= paragraph < self.last


def split_parts(
    paragraphs: Sequence[Range],
    *,
    max_chars: int = PART_CHARS,
    max_paragraphs: int = PART_PARAGRAPHS,
) -> list[tuple[int, int]]:
    """Cut an article's paragraphs into parts.

    Args:
        paragraphs: the paragraphs' ``(start, end)`` body offsets.
        max_chars: the most text in a part (a part holds at least one paragraph).
        max_paragraphs: the most paragraphs in a part.

    Returns:
        ``(first, last)`` paragraph indices of each part (``last`` excluded); one part
        for an article with no paragraphs.
    """
    bounds: list[tuple[int, int]] = []
    first = 0
    for index, (_, end) in enumerate(paragraphs):
        if index > first and (
            index - first >= max_paragraphs or end - paragraphs[first][0] > max_chars
        ):
            bounds.append((first, index))
            first = index
    bounds.append((first, len(paragraphs)))
    return bounds


class Parts:
    """The parts of one article and which one is shown.

    Args:
        paragraphs: the paragraphs' ``(start, end)`` body offsets.
        body_length: the length of the body.
    """

    def __init__(self, paragraphs: Sequence[Range], body_length: int) -> None:
        self._paragraphs = list(paragraphs)
        self._bounds = split_parts(self._paragraphs)
        self._length = body_length
        self.current = self.part(0)

    @property
    def count(self) -> int:
        return len(self._bounds)

    def part(self, number: int) -> Part:
        """Part ``number`` (from 0, kept within the article)."""
        number = max(0, min(number, len(self._bounds) - 1))
        first, last = self._bounds[number]
        start = self._paragraphs[first][0] if last > first else 0
        end = self._paragraphs[last - 1][1] if last > first else self._length
        return Part(number, len(self._bounds), first, last, start, end)

    def holding(self, paragraph: int) -> Part:
        """The part that holds paragraph ``paragraph``."""
        return self.part(bisect_right(self._bounds, paragraph, key=itemgetter(0)) - 1)

    def note(self) -> str:
        """What a long article's pane says about the part shown ("" for a one-part article)."""
        part = self.current
        if part.count == 1:
            return ""
        total = len(self._paragraphs)
        return (
            f"Long article: showing part {part.number + 1:,} of {part.count:,} "
            f"(paragraphs {part.first + 1:,}–{part.last:,} of {total:,}) · "
            "> next part · < previous part"
        )
