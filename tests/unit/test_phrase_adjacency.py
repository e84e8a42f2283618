"""Whether a phrase's words stand side by side, from the body's packed posting values,
narrow or written wide by an earlier build."""

from __future__ import annotations

import struct

from hypothesis import given
from hypothesis import strategies as st

from search.index.postings_format import PackedCharacters, positions_of
from search.query.phrase_matching import adjacent

PLACES = st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=6, unique=True)


def _value(places: list[int], wide: bool) -> bytes:
    occurrences = [(place, place * 5, place * 5 + 4) for place in sorted(places)]
    if not wide:
        return PackedCharacters().encode(occurrences)
    flat = [number for occurrence in occurrences for number in occurrence]
    return struct.pack(f"!{1 + len(flat)}I", len(occurrences), *flat)


@given(st.lists(st.tuples(PLACES, st.booleans(), PLACES, st.booleans()), max_size=30))
def test_two_words_are_adjacent_where_one_position_follows_the_other(documents):
    first = [_value(places, wide) for places, wide, _, _ in documents]
    second = [_value(places, wide) for _, _, places, wide in documents]
    expected = [
        any(place + 1 in set(after) for place in before) for before, _, after, _ in documents
    ]
    assert adjacent([first, second], positions_of) == expected


@given(st.lists(st.tuples(PLACES, PLACES, PLACES, st.booleans()), max_size=20))
def test_three_words_are_adjacent_where_each_follows_the_last(documents):
    words = [[_value(places[k], places[3]) for places in documents] for k in range(3)]
    expected = [any(p + 1 in b and p + 2 in c for p in a) for a, b, c, _ in documents]
    assert adjacent(words, positions_of) == expected
