"""The body's packed posting values read back as what was indexed."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.index.postings_format import PackedCharacters

OFFSET = st.integers(min_value=0, max_value=2**32 - 1)
OCCURRENCES = st.lists(st.tuples(OFFSET, OFFSET, OFFSET), max_size=200)


@given(OCCURRENCES)
def test_occurrences_read_back_unchanged(occurrences):
    packed = PackedCharacters(field_boost=2.0)
    value = packed.encode(occurrences)
    assert packed.decode_characters(value) == occurrences
    assert packed.decode_positions(value) == [position for position, _, _ in occurrences]
    assert packed.decode_frequency(value) == len(occurrences)
    assert packed.decode_weight(value) == pytest.approx(2.0 * len(occurrences))


def test_values_of_several_terms_join_in_position_order():
    # What Whoosh asks for when a wildcard expands to more terms than it matches one by one.
    packed = PackedCharacters()
    economy = packed.encode([(3, 20, 27), (40, 300, 307)])
    economic = packed.encode([(12, 90, 98)])
    joined = packed.combine([economy, economic])
    assert packed.decode_characters(joined) == [(3, 20, 27), (12, 90, 98), (40, 300, 307)]


def _written_wide(occurrences: list[tuple[int, int, int]]) -> bytes:
    """A value as every value used to be written: the count, then four bytes a number
    (an index built then is read without a rebuild)."""
    flat = [number for occurrence in occurrences for number in occurrence]
    return struct.pack(f"!{1 + len(flat)}I", len(occurrences), *flat)


NARROW = st.integers(min_value=0, max_value=2**16 - 1)


@given(st.lists(st.tuples(NARROW, NARROW, NARROW), min_size=1, max_size=200))
def test_a_value_whose_numbers_fit_two_bytes_takes_six_bytes_an_occurrence(occurrences):
    packed = PackedCharacters()
    value = packed.encode(occurrences)
    assert len(value) == 6 * len(occurrences)
    assert packed.decode_characters(value) == occurrences
    assert packed.decode_frequency(value) == len(occurrences)


@given(OCCURRENCES)
def test_values_written_wide_by_an_earlier_build_read_back_unchanged(occurrences):
    value = _written_wide(occurrences)
    packed = PackedCharacters(field_boost=2.0)
    assert packed.decode_characters(value) == occurrences
    assert packed.decode_positions(value) == [position for position, _, _ in occurrences]
    assert packed.decode_frequency(value) == len(occurrences)
    assert packed.decode_weight(value) == pytest.approx(2.0 * len(occurrences))


def test_one_number_past_two_bytes_makes_the_value_wide():
    packed = PackedCharacters()
    value = packed.encode([(3, 20, 27), (9000, 65530, 65536)])
    assert len(value) == 4 + 2 * 12
    assert packed.decode_characters(value) == [(3, 20, 27), (9000, 65530, 65536)]


def test_values_at_one_position_join_into_the_range_covering_both():
    # Two terms a wildcard expands to can stand at one position ("e-mail" as "e" and
    # "mail"): the joined value marks the whole of both.
    packed = PackedCharacters()
    first = packed.encode([(4, 30, 31), (9, 80, 84)])
    second = packed.encode([(4, 32, 36)])
    joined = packed.combine([first, second])
    assert packed.decode_characters(joined) == [(4, 30, 36), (9, 80, 84)]
    assert packed.decode_characters(packed.combine([second, first])) == [(4, 30, 36), (9, 80, 84)]


@given(OCCURRENCES)
def test_a_values_frequency_is_a_whole_number(occurrences):
    frequency = PackedCharacters().decode_frequency(PackedCharacters().encode(occurrences))
    assert type(frequency) is int and frequency == len(occurrences)


@pytest.mark.parametrize("count", [1, 63, 64, 100])
@pytest.mark.parametrize("wide", [False, True])
def test_the_positions_of_a_word_met_many_times_read_back_in_order(count, wide):
    # Values of up to 63 occurrences are read by readers made ahead; longer ones by their own.
    occurrences = [(place, place * 9, place * 9 + 5) for place in range(count)]
    value = _written_wide(occurrences) if wide else PackedCharacters().encode(occurrences)
    assert PackedCharacters().decode_positions(value) == list(range(count))
    assert PackedCharacters().decode_characters(value) == occurrences
