"""The body's posting format: positions and character ranges packed as fixed-width integers.

Whoosh's ``Characters`` format stores a posting as its occurrence count followed by a
pickled list of (position, start, length) deltas: about a microsecond to encode one
occurrence, most of the encoding time of a build. :class:`PackedCharacters` stores each
occurrence's position, start and end character as big-endian integers, which packs five
times faster and decodes without unpickling. It is read through the same decoder names
("positions", "characters", "frequency", "weight") as the format it replaces.

A value is written one of two ways, told apart by its length:

* **narrow**: two bytes a number, no count (the length gives it), when every number is
  below 65,536, as in any text shorter than that: ``6n`` bytes for ``n`` occurrences;
* **wide**: the count, then four bytes a number (Whoosh's own count comes first in its
  formats): ``4 + 12n`` bytes, never a multiple of six.

Most values are a word met once in an article: six bytes narrow, where the wide form
takes sixteen. A phrase reads every posting of its words, so its posting blocks are a
quarter smaller to inflate; the index is smaller too.

The index pickles its schema by class name: renaming or moving this class makes existing
indexes unreadable, and they are then rebuilt.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from itertools import chain

from whoosh import formats

# Every number of a narrow value is below this.
NARROW_LIMIT = 1 << 16
_NARROW_OCCURRENCE_BYTES = 6
_WIDE_OCCURRENCE_BYTES = 12
_COUNT_BYTES = 4


@lru_cache(maxsize=1024)
def _layout(occurrences: int) -> struct.Struct:
    """The wide layout: the count, then three numbers an occurrence."""
    return struct.Struct(f"!{1 + 3 * occurrences}I")


@lru_cache(maxsize=1024)
def _narrow_layout(occurrences: int) -> struct.Struct:
    return struct.Struct(f"!{3 * occurrences}H")


class _PackerByCount(dict):
    """The packer of a posting value of each number of occurrences, made at its first use
    (a lookup in one call, where a term's value is packed)."""

    def __init__(self, layout) -> None:
        super().__init__()
        self.layout = layout

    def __missing__(self, count: int):
        packer = self[count] = self.layout(count).pack
        return packer


# ``PACKERS[count](count, *flat)`` packs wide and ``NARROW_PACKERS[count](*flat)`` narrow:
# :func:`pack_occurrences` without a call of its own, for a caller that knows which.
PACKERS = _PackerByCount(_layout)
NARROW_PACKERS = _PackerByCount(_narrow_layout)


def pack_occurrences(flat: list[int], count: int | None = None) -> bytes:
    """A posting value from ``flat``: position, start, end of each occurrence in turn
    (``count`` of them, when the caller knows); narrow when every number fits."""
    if count is None:
        count = len(flat) // 3
    if count and max(flat) < NARROW_LIMIT:
        return NARROW_PACKERS[count](*flat)
    # Wide too when there is no occurrence: narrow, the value would be empty, and Whoosh
    # drops an empty value.
    return PACKERS[count](count, *flat)


@lru_cache(maxsize=1024)
def _positions_layout(occurrences: int) -> struct.Struct:
    # Each occurrence's position, its start and end skipped.
    return struct.Struct(f"!4x{'I8x' * occurrences}")


@lru_cache(maxsize=1024)
def _narrow_positions_layout(occurrences: int) -> struct.Struct:
    return struct.Struct(f"!{'H4x' * occurrences}")


# Most postings hold a few occurrences: their position readers are looked up by count.
_POSITION_READERS = [_positions_layout(count).unpack for count in range(64)]
_NARROW_POSITION_READERS = [_narrow_positions_layout(count).unpack for count in range(64)]
# A value holding one occurrence (a word met once in an article, as most are): by the
# value's length, where its position is, to be read as a big-endian integer.
LONE_POSITION = {
    _NARROW_OCCURRENCE_BYTES: slice(0, 2),
    _COUNT_BYTES + _WIDE_OCCURRENCE_BYTES: slice(_COUNT_BYTES, _COUNT_BYTES + 4),
}


def _is_narrow(valuestring: bytes) -> bool:
    """Whether a value was packed narrow (its length a multiple of six)."""
    return not len(valuestring) % _NARROW_OCCURRENCE_BYTES


def positions_of(valuestring: bytes) -> tuple[int, ...]:
    """The positions of a posting value, in order (its length gives the count)."""
    size = len(valuestring)
    if not size % _NARROW_OCCURRENCE_BYTES:
        count = size // _NARROW_OCCURRENCE_BYTES
        if count < len(_NARROW_POSITION_READERS):
            return _NARROW_POSITION_READERS[count](valuestring)
        return _narrow_positions_layout(count).unpack(valuestring)
    count = (size - _COUNT_BYTES) // _WIDE_OCCURRENCE_BYTES
    if count < len(_POSITION_READERS):
        return _POSITION_READERS[count](valuestring)
    return _positions_layout(count).unpack(valuestring)


def _unpack(valuestring: bytes) -> tuple[int, ...]:
    """Position, start and end of each occurrence in turn."""
    if _is_narrow(valuestring):
        return _narrow_layout(len(valuestring) // _NARROW_OCCURRENCE_BYTES).unpack(valuestring)
    (count,) = _layout(0).unpack_from(valuestring)
    return _layout(count).unpack(valuestring)[1:]


class PackedCharacters(formats.Characters):
    """Positions and character ranges of each occurrence, packed (see the module)."""

    def encode(self, poslist) -> bytes:
        return pack_occurrences(list(chain.from_iterable(poslist)))

    def decode_characters(self, valuestring: bytes) -> list[tuple[int, int, int]]:
        flat = _unpack(valuestring)
        return list(zip(flat[::3], flat[1::3], flat[2::3], strict=True))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(positions_of(valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        if _is_narrow(valuestring):
            return len(valuestring) // _NARROW_OCCURRENCE_BYTES
        return _layout(0).unpack_from(valuestring)[0]

    def combine(self, vs) -> bytes:
        # Whoosh joins the values of the many terms a wildcard expands to: one range per
        # position, widened to cover each value's.
        ranges: dict[int, tuple[int, int]] = {}
        for value in vs:
            for position, start, end in self.decode_characters(value):
                old = ranges.get(position, (start, end))
                ranges[position] = (min(start, old[0]), max(end, old[1]))
        return self.encode((position, *ranges[position]) for position in sorted(ranges))
