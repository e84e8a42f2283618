"""The body's posting format: positions and character ranges packed as fixed-width integers.

Whoosh's ``Characters`` format stores a posting as its occurrence count followed by a
pickled list of (position, start, length) deltas: about a microsecond to encode one
occurrence, most of the encoding time of a build. :class:`PackedCharacters` stores the
count followed by each occurrence's position, start and end character as big-endian
32-bit integers (the byte order of Whoosh's own count), which packs five times faster
and decodes without unpickling. It is read through the same decoder names
("positions", "characters", "frequency", "weight") as the format it replaces.

The index pickles its schema by class name: renaming or moving this class makes existing
indexes unreadable, and they are then rebuilt.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from itertools import chain

from whoosh import formats


@lru_cache(maxsize=1024)
def _layout(occurrences: int) -> struct.Struct:
    return struct.Struct(f"!{1 + 3 * occurrences}I")


class _PackerByCount(dict):
    """The packer of a posting value of each number of occurrences, made at its first use
    (a lookup in one call, where a term's value is packed)."""

    def __missing__(self, count: int):
        packer = self[count] = _layout(count).pack
        return packer


# ``PACKERS[count](count, *flat)`` is :func:`pack_occurrences` without a call of its own.
PACKERS = _PackerByCount()


def pack_occurrences(flat: list[int], count: int | None = None) -> bytes:
    """A posting value from ``flat``: position, start, end of each occurrence in turn
    (``count`` of them, when the caller knows)."""
    if count is None:
        count = len(flat) // 3
    return PACKERS[count](count, *flat)


@lru_cache(maxsize=1024)
def _positions_layout(occurrences: int) -> struct.Struct:
    # Each occurrence's position, its start and end skipped.
    return struct.Struct(f"!4x{'I8x' * occurrences}")


# Most postings hold a few occurrences: their position readers are looked up by count.
_POSITION_READERS = [_positions_layout(count).unpack for count in range(64)]
_OCCURRENCE_BYTES = 12
_COUNT_BYTES = 4
# The value of a term met once in a document (most are), and where its position is.
ONE_OCCURRENCE_BYTES = _COUNT_BYTES + _OCCURRENCE_BYTES
FIRST_POSITION = slice(_COUNT_BYTES, _COUNT_BYTES + 4)


def positions_of(valuestring: bytes) -> tuple[int, ...]:
    """The positions of a posting value, in order (its length gives the count)."""
    count = (len(valuestring) - _COUNT_BYTES) // _OCCURRENCE_BYTES
    if count < len(_POSITION_READERS):
        return _POSITION_READERS[count](valuestring)
    return _positions_layout(count).unpack(valuestring)


def _unpack(valuestring: bytes) -> tuple[int, ...]:
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

    def combine(self, vs) -> bytes:
        # Whoosh joins the values of the many terms a wildcard expands to: one range per
        # position, widened to cover each value's.
        ranges: dict[int, tuple[int, int]] = {}
        for value in vs:
            for position, start, end in self.decode_characters(value):
                old = ranges.get(position, (start, end))
                ranges[position] = (min(start, old[0]), max(end, old[1]))
        return self.encode((position, *ranges[position]) for position in sorted(ranges))
