"""How many articles name each person, organisation and place, written with each segment.

An entity page ranks the names that share sentences with its entity by how rare each
is in the corpus, so it needs the article count of hundreds of names. Whoosh answers
each with one hash lookup per segment, a dozen small file reads: for a name in half of
a 10k corpus that was a third of the page. The codec's field writer (see
:mod:`search.index.whoosh_internals`) therefore writes, beside each segment's terms,
the document frequency of every term of the entity fields, and :class:`NameCounts`
reads each segment's once. A segment is never changed after it is written, so what was
read stays true for as long as the segment is in the index.

The counts are the ones ``reader.doc_frequency`` gives (deleted articles count until
their segment is merged away). A segment written without them (by Whoosh's own codec,
or before they existed) is asked through ``doc_frequency``.
"""

from __future__ import annotations

import json
import threading

from search.models import ENTITY_FIELDS

NAME_COUNTS_EXT = ".nms"
NAME_FIELDS = frozenset(ENTITY_FIELDS.values())

# field -> term -> documents of the segment with it
SegmentCounts = dict[str, dict[str, int]]


def write(segment, storage, counts: SegmentCounts) -> None:
    """Write a new segment's counts (before it is made a compound file)."""
    data = json.dumps(counts, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with segment.create_file(storage, NAME_COUNTS_EXT) as out:
        out.write(data)


def segment_counts(segment_reader) -> SegmentCounts | None:
    """The counts written with a segment (None when it has none)."""
    try:
        with segment_reader.segment().open_file(
            segment_reader.storage(), NAME_COUNTS_EXT
        ) as source:
            return json.loads(source.read().decode("utf-8"))
    except (KeyError, OSError, ValueError):
        # None written (KeyError from a compound file), or unreadable: ask Whoosh.
        return None


class NameCounts:
    """Article counts of entity names, each segment's counts read once and kept."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._segments: dict[str, SegmentCounts | None] = {}

    def counter(self, reader):
        """``count(field, term)`` over ``reader`` (a searcher's reader, one or many segments).

        Segments no longer in ``reader`` are forgotten.
        """
        leaves = [leaf for leaf, _offset in reader.leaf_readers()]
        with self._lock:
            wanted = {leaf.segment().segment_id(): leaf for leaf in leaves}
            for gone in self._segments.keys() - wanted.keys():
                del self._segments[gone]
            for segment_id, leaf in wanted.items():
                if segment_id not in self._segments:
                    self._segments[segment_id] = segment_counts(leaf)
            parts = [(leaf, self._segments[segment_id]) for segment_id, leaf in wanted.items()]

        def count(field: str, term: str) -> int:
            total = 0
            for leaf, counts in parts:
                if counts is not None:
                    total += counts.get(field, {}).get(term, 0)
                else:
                    total += leaf.doc_frequency(field, term)
            return total

        return count
