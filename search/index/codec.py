"""The index's Whoosh codec: the standard one, with field lengths read once per column.

Whoosh needs the length of a document's field for every posting it writes at commit
and for every match it scores (BM25), and the standard per-document reader fetches it
with one seek and read of a column file each time: about a quarter of a commit and of
a query. :class:`IndexCodec` loads each length column (one byte per document) into
memory on first use instead. It also compresses posting blocks at zlib level 1 rather
than 3 (the index is about the same size and commits are faster), and pickles each block
with protocol 4 instead of 2: protocol 2 has no opcode for bytes, so every posting's
value went through ``codecs.encode`` and a block took about nine times longer to load.
Whoosh's reader unpickles any protocol, so indexes written either way stay readable.
A segment's term table is opened with its directory of 256 hash tables read in one
piece, not an entry at a time: a searcher opens every segment's.

The readers and writers that do this use Whoosh's private names and so live in
:mod:`search.index.whoosh_internals` and :mod:`search.index.whoosh_writing`; with an
untested Whoosh the codec is Whoosh's own (``W3Codec`` at compression level 1).

Segments remember the codec that wrote them (pickled by class name), so renaming or
moving this class makes existing indexes unreadable: they are then rebuilt.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec

from search.index import whoosh_internals, whoosh_writing

POSTING_COMPRESSION = 1


class IndexCodec(W3Codec):
    """``W3Codec`` with term tables opened in a few reads, field lengths read once per
    column and faster compression."""

    def __init__(self) -> None:
        super().__init__(compression=POSTING_COMPRESSION)

    def field_writer(self, storage, segment):
        return whoosh_writing.field_writer(self, storage, segment)

    def terms_reader(self, storage, segment):
        return whoosh_internals.terms_reader(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return whoosh_internals.per_document_reader(storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return whoosh_writing.postings_writer(self, dbfile, byteids)
