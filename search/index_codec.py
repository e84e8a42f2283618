"""The index's Whoosh codec: the standard one, with field lengths read once per column.

Whoosh needs the length of a document's field for every posting it writes at commit
and for every match it scores (BM25), and the standard per-document reader fetches it
with one seek and read of a column file each time: about a quarter of a commit and of
a query. :class:`IndexCodec` loads each length column (one byte per document) into
memory on first use instead. It also compresses posting blocks at zlib level 1 rather
than 3: the index is about the same size and commits are faster.

Segments remember the codec that wrote them (pickled by class name), so renaming or
moving this class makes existing indexes unreadable: they are then rebuilt.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3PerDocReader,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length

POSTING_COMPRESSION = 1

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


class IndexCodec(W3Codec):
    """``W3Codec`` with field lengths read once per column and faster compression."""

    def __init__(self) -> None:
        super().__init__(compression=POSTING_COMPRESSION)

    def per_document_reader(self, storage, segment):
        return LoadedLengths(storage, segment)
