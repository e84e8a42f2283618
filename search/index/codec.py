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

Segments remember the codec that wrote them (pickled by class name), so renaming or
moving this class makes existing indexes unreadable: they are then rebuilt.
"""

from __future__ import annotations

import pickle
import zlib
from array import array

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PerDocReader,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length, length_to_byte

POSTING_COMPRESSION = 1
# Smaller blocks (a rare word's few postings) gain next to nothing from zlib: stored plain.
MIN_COMPRESSED_BYTES = 256
BLOCK_PICKLE_PROTOCOL = 4

# Whoosh's doc_field_length answers None (not 0) for an empty field; keep that.
_BYTE_LENGTHS = [None] + [byte_to_length(code) for code in range(1, 256)]


class LoadedLengths(W3PerDocReader):
    """A per-document reader that loads each field-length column once."""

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._loaded: dict[str, object] = {}
        self._decoded: dict[str, list] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        codes = self._loaded.get(fieldname)
        if codes is None:
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if reader is None:
                return default
            codes = self._loaded[fieldname] = reader.load()
        return _BYTE_LENGTHS[codes[docnum]] if docnum < len(codes) else None

    def field_codes(self, fieldname: str):
        """Every document's one-byte length code of a field, by document number."""
        codes = self._loaded.get(fieldname)
        if codes is None:
            reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            codes = reader.load() if reader is not None else bytes(self._doccount)
            self._loaded[fieldname] = codes
        return codes

    def field_lengths(self, fieldname: str) -> list:
        """Every document's length of a field, by document number (None when empty)."""
        lengths = self._decoded.get(fieldname)
        if lengths is None:
            codes = self.field_codes(fieldname)
            lengths = self._decoded[fieldname] = [_BYTE_LENGTHS[code] for code in codes]
        return lengths


def code_lengths() -> list:
    """The field length each one-byte code stands for (None for code 0, an empty field)."""
    return list(_BYTE_LENGTHS)


class FastBlockWriter(W3PostingsWriter):
    """Whoosh's postings writer, filled a term at a time, each block pickled at protocol 4.

    The block layout is Whoosh's: length (negative for the last block), the info tuple,
    then the (optionally compressed) pickle of (ids, weights, values).
    """

    def add_term_postings(self, postings: list[tuple], lengths: list) -> None:
        """Add all of a term's (docnum, weight, value) postings, a block at a time.

        Args:
            postings: The term's postings in document order.
            lengths: The field's length of every document (None when empty).
        """
        limit = self._blocklimit
        for start in range(0, len(postings), limit):
            if self._ids:
                self._write_block()
            # Transposed: the block's ids, weights and values.
            ids, weights, values = zip(*postings[start : start + limit], strict=True)
            self._ids = array("I", ids)
            self._weights = array("f", weights)
            self._maxweight = max(0, *weights)  # Whoosh starts the block's maximum at 0
            self._values = [value for value in values if value]
            present = [length for length in map(lengths.__getitem__, ids) if length]
            if present:
                self._minlength, self._maxlength = min(present), max(present)

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = pickle.dumps(data, BLOCK_PICKLE_PROTOCOL)
        compression = self._compression if len(databytes) >= MIN_COMPRESSED_BYTES else 0
        if compression:
            databytes = zlib.compress(databytes, compression)
        ids = self._ids
        info = (
            len(ids),
            ids[-1],
            self._maxweight,
            compression,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        infobytes = pickle.dumps(info, 2)
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class TermFieldWriter(W3FieldWriter):
    """Whoosh's field writer, also taking postings already grouped by term."""

    def add_term_postings(self, schema, lengths: LoadedLengths, terms) -> None:
        """Write every term's postings.

        Args:
            schema: The index schema.
            lengths: The new segment's field lengths.
            terms: ((field name, term bytes), postings) pairs sorted by field and term,
                each term's (docnum, weight, value) postings in document order.
        """
        fieldname = None
        for (name, btext), postings in terms:
            if name != fieldname:
                if fieldname is not None:
                    self.finish_field()
                fieldname = name
                self.start_field(name, schema[name])
                field_lengths = lengths.field_lengths(name)
            self.start_term(btext)
            self._postwriter.add_term_postings(postings, field_lengths)
            self.finish_term()
        if fieldname is not None:
            self.finish_field()


class IndexCodec(W3Codec):
    """``W3Codec`` with field lengths read once per column and faster compression."""

    def __init__(self) -> None:
        super().__init__(compression=POSTING_COMPRESSION)

    def field_writer(self, storage, segment):
        return TermFieldWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return LoadedLengths(storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return FastBlockWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
