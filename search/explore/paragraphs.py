"""An article body's paragraphs and their sentences, split once for every explorer.

The timeline, the statements and the co-occurrences all walk the same sentences (the
reading pane's, :mod:`search.sentences`); splitting them once per article keeps the
index build from paying for it three times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from search.sentences import Range, sentence_ranges

Paragraph = tuple[Range, list[Range]]

_BREAK = re.compile(r"\n\s*\n")


def paragraph_ranges(body: str) -> Iterator[Range]:
    """``(start, end)`` of each paragraph: text between blank lines."""
    start = 0
    for match in _BREAK.finditer(body):
        yield start, match.start()
        start = match.end()
    yield start, len(body)


def paragraphs(body: str) -> list[Paragraph]:
    """Each paragraph's range with its sentences' ranges, in body offsets."""
    return [((a, b), sentence_ranges(body, a, b)) for a, b in paragraph_ranges(body)]
