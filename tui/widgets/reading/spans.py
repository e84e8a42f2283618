"""Character spans over an article body: where paragraphs lie, where terms and finds match.

Pure functions with no Textual: the reading pane maps every span layer (query hits, finds,
and later entities and quote marks) onto paragraphs with these, all in body offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

PARAGRAPH_BREAK = "\n\n"
# A paragraph longer than this is shown (and walked by the cursor) in pieces cut at a
# space: wrapping one 50 MB line would hold the screen for minutes.
PIECE_CHARS = 10_000

Range = tuple[int, int]
# A range that carries its own style (entities: one colour per type), else the layer's.
StyledRange = tuple[int, int, str]


def paragraph_ranges(body: str, piece_chars: int = PIECE_CHARS) -> list[Range]:
    """Where each paragraph of ``body`` starts and ends (as ``Article.paragraphs`` splits it).

    Args:
        body: the article body, paragraphs separated by a blank line.
        piece_chars: a longer paragraph comes as pieces of about this many characters,
            each cut after a space where there is one.

    Returns:
        ``(start, end)`` body offsets, one per paragraph (or piece).
    """
    ranges: list[Range] = []
    if not body:
        return ranges
    start = 0
    while True:
        end = body.find(PARAGRAPH_BREAK, start)
        end = len(body) if end < 0 else end
        ranges.extend(_pieces(body, start, end, piece_chars))
        if end == len(body):
            return ranges
        start = end + len(PARAGRAPH_BREAK)


def _pieces(body: str, start: int, end: int, piece_chars: int) -> list[Range]:
    pieces: list[Range] = []
    while end - start > piece_chars:
        space = body.rfind(" ", start + piece_chars // 2, start + piece_chars)
        cut = space + 1 if space > start else start + piece_chars
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _term_pattern(term: str) -> str:
    # Query terms come stemmed or with wildcards: match words that start with the term.
    escaped = re.escape(term.strip("\"'")).replace(r"\*", r"\w*").replace(r"\?", r"\w")
    return rf"(?<!\w){escaped}\w*"


def term_ranges(
    body: str, terms: Iterable[str], start: int = 0, end: int | None = None
) -> list[Range]:
    """Every place in ``body`` where one of the query ``terms`` occurs, in order.

    A term matches a word starting with it, case-insensitively, so the stem "elect"
    also marks "elections".

    Args:
        body: the article body.
        terms: words from the query (``SearchResults.terms``).
        start: where to start looking (a long article is marked a part at a time).
        end: where to stop (default: the end of the body).

    Returns:
        Non-overlapping ``(start, end)`` ranges, sorted.
    """
    patterns = [_term_pattern(t) for t in terms if t and t.strip("\"'*?")]
    if not patterns or not body:
        return []
    # Longest first so that "azerbaijani" wins over "azer" at the same place.
    patterns.sort(key=len, reverse=True)
    regex = re.compile("|".join(patterns), re.IGNORECASE)
    found = regex.finditer(body, start, len(body) if end is None else end)
    return [(m.start(), m.end()) for m in found if m.end() > m.start()]


def find_ranges(body: str, needle: str, start: int = 0, end: int | None = None) -> list[Range]:
    """Every case-insensitive occurrence of ``needle`` (taken literally) in ``body``.

    Args:
        body: the article body.
        needle: text typed in the find bar.
        start: where to start looking.
        end: where to stop (default: the end of the body).

    Returns:
        Non-overlapping ``(start, end)`` ranges, sorted.
    """
    if not needle.strip() or not body:
        return []
    regex = re.compile(re.escape(needle), re.IGNORECASE)
    found = regex.finditer(body, start, len(body) if end is None else end)
    return [(m.start(), m.end()) for m in found]


def clip(ranges: Sequence[Range | StyledRange], start: int, end: int) -> list[Range | StyledRange]:
    """The parts of ``ranges`` inside ``[start, end)``, made relative to ``start``.

    Args:
        ranges: body offsets, sorted by start; a style carried by a range is kept.
        start: where the paragraph starts in the body.
        end: where it ends.

    Returns:
        Paragraph-local ranges.
    """
    local: list[Range | StyledRange] = []
    for span in ranges:
        a, b = span[0], span[1]
        if b <= start:
            continue
        if a >= end:
            break
        local.append((max(a, start) - start, min(b, end) - start, *span[2:]))
    return local


def paragraphs_touched(paragraphs: Sequence[Range], ranges: Iterable[Sequence[int]]) -> set[int]:
    """Indices of the paragraphs that any of ``ranges`` overlaps (to redraw only those)."""
    touched: set[int] = set()
    for span in ranges:
        first = paragraph_of(paragraphs, span[0])
        last = paragraph_of(paragraphs, max(span[0], span[1] - 1))
        touched.update(range(first, last + 1))
    return touched


def paragraph_of(ranges: Sequence[Range], offset: int) -> int:
    """The index of the paragraph holding body ``offset`` (the last one if past the end)."""
    index = bisect_right(ranges, offset, key=_end)
    return min(index, max(0, len(ranges) - 1))


def _end(span: Range) -> int:
    return span[1]
