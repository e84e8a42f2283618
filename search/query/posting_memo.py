"""The posting values a search's ranking read, kept with its searcher for its snippets.

A phrase's ranking reads the raw posting values (positions and character ranges) of its
words in every article holding them all; the snippets of the top articles want the
character ranges of the same words in a few of those articles. Rather than look the
words up and read their postings again in each segment, the ranking leaves the values of
the articles it matched with the searcher and the snippets take them from there. The
next ranking on the searcher replaces them, and a searcher sees one version of the
index, so what is kept stays true.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from weakref import WeakKeyDictionary

# Searcher -> (field, term, segment offset) -> segment document number -> raw value.
_KEPT: WeakKeyDictionary = WeakKeyDictionary()
_NOTHING: Mapping[int, bytes] = {}


class Kept(Mapping):
    """Document number -> raw value, from the documents in order and their values
    (looked up by bisection: no dictionary is built for the thousands a phrase matches).

    Args:
        docnums: Segment document numbers, ascending.
        values: The raw value of each.
    """

    def __init__(self, docnums: list[int], values: list[bytes]) -> None:
        self._docnums = docnums
        self._raw_values = values

    def _place(self, docnum: int) -> int | None:
        at = bisect_left(self._docnums, docnum)
        return at if at < len(self._docnums) and self._docnums[at] == docnum else None

    def __contains__(self, docnum) -> bool:
        return self._place(docnum) is not None

    def __getitem__(self, docnum: int) -> bytes:
        at = self._place(docnum)
        if at is None:
            raise KeyError(docnum)
        return self._raw_values[at]

    def __iter__(self) -> Iterator[int]:
        return iter(self._docnums)

    def __len__(self) -> int:
        return len(self._docnums)


def start(searcher) -> dict:
    """A new, empty memo for a search on ``searcher``, in place of the last one."""
    memo: dict = {}
    _KEPT[searcher] = memo
    return memo


def values(searcher, fieldname: str, btext: bytes, offset: int) -> Mapping[int, bytes]:
    """The raw values kept of a term in the segment at ``offset`` (empty when none):
    segment document number -> value, for some of the documents holding the term."""
    memo = _KEPT.get(searcher)
    return memo.get((fieldname, btext, offset), _NOTHING) if memo is not None else _NOTHING
