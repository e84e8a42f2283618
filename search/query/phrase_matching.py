"""Which documents hold a phrase's words one after another (Whoosh's phrase, slop 1).

The ranking (:mod:`search.query.ranking`) reads the postings of a phrase's words and
asks here which of the documents holding every word hold them side by side. Common
phrases ("prime minister") leave thousands of such documents per segment, so the test
costs a few C calls a document: each posting value is decoded in one ``struct`` call
(:func:`search.index.postings_format.positions_of` for the body's packed format) and
the positions of a two-word phrase are compared as one set against the next word's
positions moved back by one; two words met once each in an article (most are) have
their one position each compared as stored.
"""

from __future__ import annotations

from collections.abc import Callable

from search.index.postings_format import (
    FIRST_POSITION,
    ONE_OCCURRENCE_BYTES,
    PackedCharacters,
    positions_of,
)

_ONE_BACK = (-1).__add__
_stored_int = int.from_bytes  # big-endian, as packed


def positions_decoder(field_format) -> Callable[[bytes], list[int] | tuple[int, ...]]:
    """What reads the positions out of a field's posting values."""
    if type(field_format) is PackedCharacters:
        return positions_of
    return field_format.decoder("positions")


def adjacent(docnums: list[int], values: list[dict], positions: Callable) -> list[int]:
    """The documents in which the words stand one after another.

    Args:
        docnums: Documents holding every word.
        values: For each word of the phrase, document number -> its raw posting value.
        positions: Decodes a raw posting value into the word's positions.

    Returns:
        The documents of ``docnums`` (in their order) where word *i* is at some position
        ``p + i``.
    """
    if len(values) == 2 and positions is positions_of:
        return _two_packed_words(docnums, *values)
    if len(values) == 2:
        first, second = values
        return [
            docnum
            for docnum in docnums
            if not set(positions(first[docnum])).isdisjoint(
                map(_ONE_BACK, positions(second[docnum]))
            )
        ]
    return [
        docnum
        for docnum in docnums
        if _one_after_another([positions(part[docnum]) for part in values])
    ]


def _two_packed_words(docnums: list[int], first: dict, second: dict) -> list[int]:
    """:func:`adjacent` for two words of the body's packed format: a word met once in a
    document (most are) has its one position compared as it is stored."""
    found = []
    ones, twos = map(first.__getitem__, docnums), map(second.__getitem__, docnums)
    for docnum, one, two in zip(docnums, ones, twos, strict=True):
        if len(one) == ONE_OCCURRENCE_BYTES == len(two):
            if _stored_int(one[FIRST_POSITION]) + 1 == _stored_int(two[FIRST_POSITION]):
                found.append(docnum)
        elif not set(positions_of(one)).isdisjoint(map(_ONE_BACK, positions_of(two))):
            found.append(docnum)
    return found


def _one_after_another(places: list) -> bool:
    """Whether some start ``p`` has word *i* at ``p + i`` for every word."""
    starts = set(places[0])
    for step, found in enumerate(places[1:], start=1):
        starts = starts.intersection([position - step for position in found])
        if not starts:
            return False
    return True
