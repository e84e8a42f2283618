"""The index's writers: Whoosh's segment writer with our codec and a term-grouped pool.

A Whoosh writer collects every posting of a segment in a pool as one
(field, term, document, weight, value) tuple, and at commit sorts them all; past
``limitmb`` it sorts and spills a run to disk, pickling one posting per call at
protocol 2 (no opcode for bytes) and merging the runs back one posting at a time. On
10,000 news articles that sort and spill took longer than indexing the articles.

:class:`TermPool` groups postings by term as they arrive instead. A writer numbers
documents in the order it adds them (merged segments included), so each term's
postings arrive already in document order: a commit sorts only the distinct terms. A
spill writes the terms in order as a few large protocol-4 pickles; a term's postings
from successive runs are joined in run order. ``SegmentWriter`` ignores its
``poolclass`` argument, so :func:`open_writer` puts the pool in place itself.

:class:`TermWriter` uses that grouping at both ends: a document's terms go into the pool
one field at a time, and a commit hands each term's postings to the codec whole
(:class:`~search.index.codec.TermFieldWriter`), which fills a posting block with a few
list operations instead of a method call per posting.
"""

from __future__ import annotations

import contextlib
import heapq
import pickle
from collections.abc import Iterator
from itertools import groupby, islice
from operator import itemgetter

from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from search.index.codec import IndexCodec

RUN_CHUNK_TERMS = 20_000
RUN_PICKLE_PROTOCOL = 4
# Rough bytes of memory per posting besides its value: the tuple, number and weight.
POSTING_BYTES = 100
TERM_BYTES = 200

_key = itemgetter(0)


class TermPool:
    """A writer's postings, grouped by (field, term), spilled to disk past a limit.

    Args:
        tempstore: Where runs are written (the writer's temporary storage).
        segment: The segment being written (unused; Whoosh's pool signature).
        limitmb: Megabytes of postings kept in memory before a run is spilled.
    """

    def __init__(self, tempstore, segment=None, limitmb: float = 128) -> None:
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.terms: dict[tuple[str, bytes], list[tuple]] = {}
        self.size = 0
        self.runs: list[str] = []

    def add(self, item: tuple) -> None:
        """Add one (fieldname, term bytes, docnum, weight, value bytes) posting.

        Whoosh's own path, used when a writer merges an existing segment into its own.
        """
        fieldname, btext, docnum, weight, value = item
        self.add_terms(fieldname, docnum, [(btext, 0, weight, value)])

    def add_terms(self, fieldname: str, docnum: int, items) -> int:
        """Add one document's postings of one field; returns the field's length.

        Args:
            fieldname: The field.
            docnum: The document.
            items: (term bytes, frequency, weight, value bytes) of each of its terms.
        """
        terms = self.terms
        length = size = 0
        for btext, freq, weight, value in items:
            postings = terms.get((fieldname, btext))
            if postings is None:
                postings = terms[fieldname, btext] = []
                size += TERM_BYTES
            # A float, as Whoosh's own writer makes it (it multiplies by a 1.0 boost).
            postings.append((docnum, float(weight), value))
            length += freq
            size += POSTING_BYTES + len(value or b"")
        self.size += size
        if self.size > self.limit:
            self.save()
        return length

    def save(self) -> None:
        """Write the postings in memory to disk as a run sorted by term."""
        if not self.terms:
            return
        path = f"{random_name()}.run"
        entries = iter(sorted(self.terms.items(), key=_key))
        with self.tempstore.create_file(path).raw_file() as handle:
            while chunk := list(islice(entries, RUN_CHUNK_TERMS)):
                pickle.dump(chunk, handle, RUN_PICKLE_PROTOCOL)
        self.runs.append(path)
        self.terms, self.size = {}, 0

    def iter_terms(self) -> Iterator[tuple]:
        """Each ((field, term), postings) pair sorted by field and term; postings in
        document order."""
        if self.runs:
            self.save()
            return self._merged_runs()
        return iter(sorted(self.terms.items(), key=_key))

    def _merged_runs(self) -> Iterator[tuple]:
        runs, self.runs = self.runs, []
        merged = heapq.merge(*(self._read_run(path) for path in runs), key=_key)
        for key, parts in groupby(merged, key=_key):
            yield key, [posting for _, postings in parts for posting in postings]

    def _read_run(self, path: str) -> Iterator[tuple]:
        try:
            with self.tempstore.open_file(path).raw_file() as handle:
                while True:
                    try:
                        chunk = pickle.load(handle)
                    except EOFError:
                        return
                    yield from chunk
        finally:
            self.tempstore.delete_file(path)

    def cleanup(self) -> None:
        """Remove any runs left on disk (after a cancel)."""
        for path in self.runs:
            with contextlib.suppress(OSError):
                self.tempstore.delete_file(path)
        self.runs = []


class TermWriter(SegmentWriter):
    """Whoosh's segment writer, adding and writing postings a term at a time.

    :meth:`add_document` is Whoosh's without what the index never uses (boosts given
    per document, term vectors, separate spelling fields, stored values other than the
    indexed ones): a document that uses one of them goes through Whoosh's own. The
    writer needs a :class:`TermPool` and an :class:`~search.index.codec.IndexCodec`;
    :func:`open_writer` gives it both.
    """

    def add_document(self, **fields):
        if any(name.startswith("_") for name in fields):
            return super().add_document(**fields)
        schema = self.schema
        self._check_state()
        fieldnames = sorted(fields)
        self._check_fields(schema, fieldnames)
        if any(_needs_whoosh(schema[name]) for name in fieldnames):
            return super().add_document(**fields)
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    length = self.pool.add_terms(fieldname, docnum, field.index(value))
                    if not field.scorable:
                        length = 0  # only scorable fields keep lengths, as in Whoosh
                perdoc.add_field(fieldname, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(
                        fieldname, field.column_type, field.to_column_value(value)
                    )
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            self.fieldwriter.add_term_postings(self.schema, lengths, self.pool.iter_terms())
        finally:
            lengths.close()
        self.fieldwriter.close()


def _needs_whoosh(field) -> bool:
    return bool(field.vector) or field.separate_spelling()


def open_writer(index, *, limitmb: float, lock: bool = True) -> TermWriter:
    """A writer adding one new segment to ``index``.

    Args:
        index: The Whoosh index.
        limitmb: Megabytes of postings kept in memory before a run is spilled to disk.
        lock: Take the index's write lock; False only in a worker of a parent
            that holds it.

    Returns:
        The writer, using :class:`~search.index.codec.IndexCodec` and :class:`TermPool`.
    """
    writer = TermWriter(index, _lk=lock, codec=IndexCodec(), limitmb=limitmb)
    writer.pool = TermPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    return writer
