"""Character spans over an article body: where paragraphs lie, where terms and finds match.

Pure functions with no Textual: the reading pane maps every span layer (query hits, finds,
and later entities and quote marks) onto paragraphs with these, all in body offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

PARAGRAPH_BREAK = "\n\n"

Range = tuple[int, int]
# A range that carries its own style (entities: one colour per type), else the layer's.
StyledRange = tuple[int, int, str]


def paragraph_ranges(body: str) -> list[Range]:
    """Where each paragraph of ``body`` starts and ends (as ``Article.paragraphs`` splits it).

    Args:
        body: the article body, paragraphs separated by a blank line.

    Returns:
        ``(start, end)`` body offsets, one per paragraph.
    """
    ranges: list[Range] = []
    start = 0
    for paragraph in body.split(PARAGRAPH_BREAK) if body else []:
        ranges.append((start, start + len(paragraph)))
        start += len(paragraph) + len(PARAGRAPH_BREAK)
    return ranges


def _term_pattern(term: str) -> str:
    # Query terms come stemmed or with wildcards: match words that start with the term.
    escaped = re.escape(term.strip("\"'")).replace(r"\*", r"\w*").replace(r"\?", r"\w")
    return rf"(?<!\w){escaped}\w*"


def term_ranges(body: str, terms: Iterable[str]) -> list[Range]:
    """Every place in ``body`` where one of the query ``terms`` occurs, in order.

    A term matches a word starting with it, case-insensitively, so the stem "elect"
    also marks "elections".

    Args:
        body: the article body.
        terms: words from the query (``SearchResults.terms``).

    Returns:
        Non-overlapping ``(start, end)`` ranges, sorted.
    """
    patterns = [_term_pattern(t) for t in terms if t and t.strip("\"'*?")]
    if not patterns or not body:
        return []
    # Longest first so that "azerbaijani" wins over "azer" at the same place.
    patterns.sort(key=len, reverse=True)
    regex = re.compile("|".join(patterns), re.IGNORECASE)
    return [(m.start(), m.end()) for m in regex.finditer(body) if m.end() > m.start()]


def find_ranges(body: str, needle: str) -> list[Range]:
    """Every case-insensitive occurrence of ``needle`` (taken literally) in ``body``.

    Args:
        body: the article body.
        needle: text typed in the find bar.

    Returns:
        Non-overlapping ``(start, end)`` ranges, sorted.
    """
    if not needle.strip() or not body:
        return []
    regex = re.compile(re.escape(needle), re.IGNORECASE)
    return [(m.start(), m.end()) for m in regex.finditer(body)]


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
    for index, (_, end) in enumerate(ranges):
        if offset < end:
            return index
    return max(0, len(ranges) - 1)
