"""Which documents hold a phrase's words one after another (Whoosh's phrase, slop 1).

The ranking (:mod:`search.query.ranking`) reads the postings of a phrase's words and
asks here which of the documents holding every word hold them side by side: it passes
each word's posting values as a list in the documents' order and gets back a yes or no
a document. Common phrases ("prime minister") leave thousands of such documents per
segment, so the test costs a few C calls a document: each posting value is decoded in
one ``struct`` call (:func:`search.index.postings_format.positions_of` for the body's
packed format) and the positions of a two-word phrase are compared as one set against
the next word's positions moved back by one; two words met once each in an article
(most are) have their one position each compared as stored.
"""

from __future__ import annotations

from collections.abc import Callable

from search.index.postings_format import LONE_POSITION, PackedCharacters, positions_of

_ONE_BACK = (-1).__add__
_stored_int = int.from_bytes  # big-endian, as packed


def positions_decoder(field_format) -> Callable[[bytes], list[int] | tuple[int, ...]]:
    """What reads the positions out of a field's posting values."""
    if type(field_format) is PackedCharacters:
        return positions_of
    return field_format.decoder("positions")


def adjacent(values: list[list], positions: Callable) -> list[bool]:
    """Whether the words stand one after another, document by document.

    Args:
        values: For each word of the phrase, the raw posting value of each document
            holding every word (the same documents, in the same order, for each word).
        positions: Decodes a raw posting value into the word's positions.

    Returns:
        For each document, whether word *i* is at some position ``p + i``.
    """
    if len(values) == 2 and positions is positions_of:
        return _two_packed_words(*values)
    if len(values) == 2:
        return [
            not set(positions(first)).isdisjoint(map(_ONE_BACK, positions(second)))
            for first, second in zip(*values, strict=True)
        ]
    return [
        _one_after_another(list(map(positions, word_values)))
        for word_values in zip(*values, strict=True)
    ]


def _two_packed_words(first: list[bytes], second: list[bytes]) -> list[bool]:
    """:func:`adjacent` for two words of the body's packed format: a word met once in a
    document (most are) has its one position compared as it is stored, or looked for
    among the other word's positions."""
    found = []
    for one, two in zip(first, second, strict=True):
        one_at = LONE_POSITION.get(len(one))
        two_at = LONE_POSITION.get(len(two))
        if one_at is not None:
            after = _stored_int(one[one_at]) + 1
            if two_at is not None:
                found.append(after == _stored_int(two[two_at]))
            else:
                found.append(after in positions_of(two))
        elif two_at is not None:
            found.append(_stored_int(two[two_at]) - 1 in positions_of(one))
        else:
            found.append(not set(positions_of(one)).isdisjoint(map(_ONE_BACK, positions_of(two))))
    return found


def _one_after_another(places: list) -> bool:
    """Whether some start ``p`` has word *i* at ``p + i`` for every word."""
    starts = set(places[0])
    for step, found in enumerate(places[1:], start=1):
        starts = starts.intersection([position - step for position in found])
        if not starts:
            return False
    return True
