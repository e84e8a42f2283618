"""The index's writer: Whoosh's segment writer with our codec and a term-grouped pool.

A Whoosh writer collects every posting of a segment in a pool as one
(field, term, document, weight, value) tuple, and at commit sorts them all; past
``limitmb`` it sorts and spills a run to disk, pickling one posting per call at
protocol 2 (no opcode for bytes) and merging the runs back one posting at a time. On
10,000 news articles that sort and spill took longer than indexing the articles.

:class:`TermPool` groups postings by term as they arrive instead. A writer numbers
documents in the order it adds them (merged segments included), so each term's
postings arrive already in document order: a commit sorts only the distinct terms. A
spill writes the terms in order, in chunks of about :data:`RUN_CHUNK_POSTINGS` postings
in the ``marshal`` format (only the process that writes a run reads it back, and marshal
writes these tuples three times as fast as pickle); a term's postings from successive
runs are joined in run order. Merging the runs holds one chunk of each in memory, so
the chunks are cut by postings, not by terms: a chunk of the first 20,000 terms held
most of a run's postings, and merging the runs of a 50,000-article segment took
gigabytes.
``SegmentWriter`` ignores its ``poolclass`` argument, so the pool is put in place by
hand.

At commit the writer hands each term's postings to the codec whole, which fills a
posting block with a few list operations instead of a method call per posting. Both
ends touch Whoosh's private names and live in :mod:`search.index.whoosh_writing`
(:class:`~search.index.whoosh_writing.TermWriter`); with an untested Whoosh,
:func:`open_writer` gives Whoosh's own writer and pool.

A document's postings come in a field at a time (:meth:`TermPool.add_field`, called by
:class:`~search.index.whoosh_writing.TermWriter`), grouped by field and then by term:
Whoosh's own writer made a five-item tuple and a call for each posting, and the pool a
(field, term) key to look it up by.
"""

from __future__ import annotations

import contextlib
import heapq
import marshal
import struct
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from whoosh.util import random_name

from search.index import whoosh_writing
from search.index.codec import IndexCodec

# About 0.4 MB in memory a chunk: merging the 30 or so runs of a build worker's
# 16,000-file share holds some 12 MB (with 10,000 postings a chunk, writing that
# segment took 70 MB more than adding its documents).
RUN_CHUNK_POSTINGS = 2_500
# Rough bytes of memory per posting besides its value: the tuple, number and weight.
POSTING_BYTES = 100
TERM_BYTES = 200
# A run is a sequence of chunks, each its length and then its marshal bytes.
_CHUNK_SIZE = struct.Struct("<Q")

_key = itemgetter(0)


class TermPool:
    """A writer's postings, grouped by field and term, spilled to disk past a limit.

    Args:
        tempstore: Where runs are written (the writer's temporary storage).
        segment: The segment being written (unused; Whoosh's pool signature).
        limitmb: Megabytes of postings kept in memory before a run is spilled.
    """

    def __init__(self, tempstore, segment=None, limitmb: float = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        # Field name -> term bytes -> (docnum, weight, value) postings.
        self.fields: dict[str, dict[bytes, list[tuple]]] = {}
        self.size = 0
        self.runs: list[str] = []

    def add(self, item: tuple) -> None:
        """Add one (fieldname, term bytes, docnum, weight, value bytes) posting.

        Whoosh's writer adds every posting of a merged segment this way.
        """
        fieldname, btext, docnum, weight, value = item
        self.add_field(fieldname, docnum, [(btext, 1, weight, value)], 1.0)

    def add_field(self, fieldname: str, docnum: int, items, boost: float) -> int:
        """Add a document's postings of one field, as ``field.index`` gives them.

        Args:
            fieldname: The field.
            docnum: The document's number.
            items: (term bytes, frequency, weight, value bytes) of each term.
            boost: What each weight is multiplied by (the document's field boost).

        Returns:
            The sum of the frequencies (the field's length in the document).
        """
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
        length = count = size = 0
        for btext, freq, weight, value in items:
            posting = (docnum, float(weight * boost), value)
            postings = terms.get(btext)
            if postings is None:
                terms[btext] = [posting]
                size += TERM_BYTES
            else:
                postings.append(posting)
            length += freq
            count += 1
            if value:
                size += len(value)
        self.size += size + count * POSTING_BYTES
        if self.size > self.limit:
            self.save()
        return length

    def save(self) -> None:
        """Write the postings in memory to disk as a run sorted by term."""
        if not self.fields:
            return
        path = f"{random_name()}.run"
        with self.tempstore.create_file(path).raw_file() as handle:
            for chunk in _chunks(self._sorted()):
                data = marshal.dumps(chunk)
                handle.write(_CHUNK_SIZE.pack(len(data)))
                handle.write(data)
        self.runs.append(path)
        self.fields, self.size = {}, 0

    def iter_terms(self) -> Iterator[tuple]:
        """Each ((field, term), postings) pair sorted by field and term; postings in
        document order."""
        if self.runs:
            self.save()
            return self._merged_runs()
        return self._sorted()

    def _sorted(self) -> Iterator[tuple]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                yield (fieldname, btext), terms[btext]

    def _merged_runs(self) -> Iterator[tuple]:
        runs, self.runs = self.runs, []
        merged = heapq.merge(*(self._read_run(path) for path in runs), key=_key)
        for key, parts in groupby(merged, key=_key):
            yield key, [posting for _, postings in parts for posting in postings]

    def _read_run(self, path: str) -> Iterator[tuple]:
        try:
            with self.tempstore.open_file(path).raw_file() as handle:
                # Each chunk is read whole: marshal reading from a file asks it for
                # every object's bytes in turn.
                while size := handle.read(_CHUNK_SIZE.size):
                    (length,) = _CHUNK_SIZE.unpack(size)
                    yield from marshal.loads(handle.read(length))
        finally:
            self.tempstore.delete_file(path)

    def cleanup(self) -> None:
        """Remove any runs left on disk (after a cancel)."""
        for path in self.runs:
            with contextlib.suppress(OSError):
                self.tempstore.delete_file(path)
        self.runs = []


def _chunks(entries: list[tuple]) -> Iterator[list[tuple]]:
    """``entries`` in runs of about :data:`RUN_CHUNK_POSTINGS` postings (a term whole)."""
    chunk, postings = [], 0
    for entry in entries:
        chunk.append(entry)
        postings += len(entry[1])
        if postings >= RUN_CHUNK_POSTINGS:
            yield chunk
            chunk, postings = [], 0
    if chunk:
        yield chunk


def open_writer(index, *, limitmb: float, lock: bool = True):
    """A writer adding one new segment to ``index``.

    Args:
        index: The Whoosh index.
        limitmb: Megabytes of postings kept in memory before a run is spilled to disk.
        lock: Take the index's write lock; False only in a worker of a parent
            that holds it.

    Returns:
        The writer, using :class:`~search.index.codec.IndexCodec` and :class:`TermPool`
        (Whoosh's own writer when :data:`~search.index.whoosh_internals.FAST_PATHS` is off).
    """
    return whoosh_writing.segment_writer(index, IndexCodec(), TermPool, limitmb=limitmb, lock=lock)
