"""The posting values a search's ranking read, kept with its searcher for its snippets.

A phrase's ranking reads the raw posting values (positions and character ranges) of its
words in every article holding them all; the snippets of the top articles want the
character ranges of the same words in a few of those articles. Rather than look the
words up and read their postings again in each segment, the ranking leaves what it read
with the searcher and the snippets take it from there. The next ranking on the searcher
replaces it, and a searcher sees one version of the index, so what is kept stays true.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

# Searcher -> (field, term, segment offset) -> segment document number -> raw value.
_KEPT: WeakKeyDictionary = WeakKeyDictionary()


def start(searcher) -> dict:
    """A new, empty memo for a search on ``searcher``, in place of the last one."""
    memo: dict = {}
    _KEPT[searcher] = memo
    return memo


def values(searcher, fieldname: str, btext: bytes, offset: int) -> dict[int, bytes]:
    """The raw values kept of a term in the segment at ``offset`` (empty when none):
    segment document number -> value, for some of the documents holding the term."""
    memo = _KEPT.get(searcher)
    return memo.get((fieldname, btext, offset), {}) if memo is not None else {}
