"""Which documents hold a phrase's words one after another (Whoosh's phrase, slop 1).

The ranking (:mod:`search.query.ranking`) reads the postings of a phrase's words and
asks here which of the documents holding every word hold them side by side. Common
phrases ("prime minister") leave thousands of such documents per segment, so the test
costs a few C calls a document: each posting value is decoded in one ``struct`` call
(:func:`search.index.postings_format.positions_of` for the body's packed format) and
the positions of a two-word phrase are compared as one set against the next word's
positions moved back by one.
"""

from __future__ import annotations

from collections.abc import Callable

from search.index.postings_format import PackedCharacters, positions_of

_ONE_BACK = (-1).__add__


def positions_decoder(field_format) -> Callable[[bytes], list[int] | tuple[int, ...]]:
    """What reads the positions out of a field's posting values."""
    if type(field_format) is PackedCharacters:
        return positions_of
    return field_format.decoder("positions")


def adjacent(docnums: list[int], parts: list[dict], positions: Callable) -> list[int]:
    """The documents in which the words stand one after another, in the given order.

    Args:
        docnums: Documents holding every word, in order.
        parts: For each word of the phrase, document number -> (weight, raw posting value).
        positions: Decodes a raw posting value into the word's positions.

    Returns:
        The documents of ``docnums`` where word *i* is at some position ``p + i``.
    """
    if len(parts) == 2:
        first, second = parts
        return [
            docnum
            for docnum in docnums
            if not set(positions(first[docnum][1])).isdisjoint(
                map(_ONE_BACK, positions(second[docnum][1]))
            )
        ]
    return [
        docnum
        for docnum in docnums
        if _one_after_another([positions(part[docnum][1]) for part in parts])
    ]


def _one_after_another(places: list) -> bool:
    """Whether some start ``p`` has word *i* at ``p + i`` for every word."""
    starts = set(places[0])
    for step, found in enumerate(places[1:], start=1):
        starts = starts.intersection([position - step for position in found])
        if not starts:
            return False
    return True
