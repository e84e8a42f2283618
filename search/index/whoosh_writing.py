"""Writing a segment through Whoosh's private names: posting blocks filled a term at a
time, a field writer that takes each term's postings whole, and a segment writer that
adds a document's postings a field at a time.

This is the writing half of the fence around Whoosh's private API
(:mod:`search.index.whoosh_internals`): every private name used here is in its
``REQUIRED`` list and checked at import, and with an untested Whoosh
(:data:`~search.index.whoosh_internals.FAST_PATHS` off) each function below gives
Whoosh's own codec writers and segment writer instead. The bytes written are Whoosh's:
``tests/unit/test_whoosh_fence.py`` builds the same index both ways.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from array import array
from hashlib import md5
from itertools import accumulate, chain, starmap
from operator import lt, sub

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    W3TermInfo,
)
from whoosh.filedb import filetables
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from search.index import name_counts, whoosh_internals

# Blocks smaller than this (a rare word's few postings) gain next to nothing from zlib.
MIN_COMPRESSED_BYTES = 256
BLOCK_PICKLE_PROTOCOL = 4

# Short terms are written this many at a time (one write to each file).
SHORT_TERMS_WRITTEN_TOGETHER = 4096

# A short term's info followed by where its postings are and how long (``W3TermInfo``'s
# ``to_bytes`` with its extent).
_term_info_at = (
    struct.Struct(W3TermInfo._struct.format + "qi") if whoosh_internals.FAST_PATHS else None
)


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

    def short_term(self, postings: list[tuple], codes: bytes, fixed_size, offset: int):
        """A term whose postings fit in one block, made in one call: its posting bytes
        and its term info.

        The bytes are those that ``start_postings``, :meth:`add_term_postings`,
        ``finish_postings`` and ``W3TermInfo.to_bytes`` write in turn (a term with a
        single posting, most of a segment's, went through some forty calls).

        Args:
            postings: The term's (docnum, weight, value) postings in document order, at
                most a block of them.
            codes: The field's one-byte length code of every document (0 when empty):
                the blocks and the term info hold these codes, not the lengths.
            fixed_size: The field format's ``fixed_value_size()``.
            offset: Where in the postings file its bytes will be written.

        Returns:
            (bytes to write at ``offset``, term info bytes).
        """
        if len(postings) == 1:
            data, weights, stats = _one_posting_block(postings[0], codes, fixed_size)
        else:
            data, weights, stats = _written_block(postings, codes, fixed_size)
        count, first_id, last_id, maxweight, minbyte, maxbyte = stats
        databytes = pickle.dumps(data, BLOCK_PICKLE_PROTOCOL)
        compression = self._compression if len(databytes) >= MIN_COMPRESSED_BYTES else 0
        if compression:
            databytes = zlib.compress(databytes, compression)
        info = (count, last_id, maxweight, compression, minbyte, maxbyte)
        infobytes = pickle.dumps(info, 2)
        # The header, then the block's length: negative, as the last block.
        block = b"".join(
            (WHOOSH3_HEADER_MAGIC, pack_int(-len(infobytes) - len(databytes)), infobytes, databytes)
        )
        return block, _term_info_at.pack(
            False,
            sum(weights),
            count,
            minbyte,
            maxbyte,
            maxweight,
            first_id,
            last_id,
            offset,
            len(block),
        )

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), mini_weights(self._weights), self._mini_values())
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


def mini_weights(weights) -> float | tuple | None:
    """A block's weights as stored: None when all are 1, one float when all are equal,
    else each weight; whole numbers (a term's frequency times a whole boost, as every
    field here has) as ints, which pickle in two bytes where a float takes nine. A block
    of a common word is then about a fifth smaller and reads back faster; scores are the
    same, an int counting as the float of its value in BM25."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first  # a float: Whoosh's reader tells it by type
    if all(map(float.is_integer, weights)):
        return tuple(map(int, weights))
    return tuple(weights)


def _written_block(postings: list[tuple], codes: bytes, fixed_size):
    """A block's pickled data, weights and statistics, as ``W3PostingsWriter`` makes them.

    Returns:
        (ids, weights, values) minified, the weights as stored (single precision), and
        (count, first id, last id, highest weight, shortest and longest field length
        code).
    """
    ids, weights, values = zip(*postings, strict=True)
    ids = array("I", ids)
    weights = array("f", weights)
    # A length code grows with the length, and is 0 only for an empty field.
    present = list(filter(None, map(codes.__getitem__, ids)))
    if fixed_size is None:
        mini_values = tuple(filter(None, values))
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(filter(None, values))
    data = (tuple(map(sub, ids, chain((0,), ids))), mini_weights(weights), mini_values)  # gaps
    shortest, longest = (min(present), max(present)) if present else (0, 0)
    stats = (len(ids), ids[0], ids[-1], max(0, *weights), shortest, longest)
    return data, weights, stats


def _one_posting_block(posting: tuple, codes: bytes, fixed_size):
    """:func:`_written_block` of a single posting, most terms' only one, without the lists."""
    docnum, weight, value = posting
    weight = array("f", (weight,))[0]
    code = codes[docnum]
    if fixed_size is None:
        mini_value = (value,) if value else ()
    elif fixed_size == 0:
        mini_value = None
    else:
        mini_value = value or b""
    data = ((docnum,), None if weight == 1.0 else weight, mini_value)
    return data, (weight,), (1, docnum, docnum, max(0, weight), code, code)


class TermFieldWriter(W3FieldWriter):
    """Whoosh's field writer, also taking postings already grouped by term, and writing
    the segment's entity name counts (see :mod:`search.index.name_counts`)."""

    def __init__(self, codec, storage, segment) -> None:
        super().__init__(codec, storage, segment)
        self._name_counts: name_counts.SegmentCounts = {}
        self._counted: dict[str, int] | None = None
        self._term_info = None

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._counted = (
            self._name_counts.setdefault(fieldname, {})
            if fieldname in name_counts.NAME_FIELDS
            else None
        )

    def start_term(self, btext):
        super().start_term(btext)
        if self._counted is not None:
            self._term_info = self._postwriter._terminfo

    def finish_term(self):
        super().finish_term()
        if self._counted is not None:
            self._counted[self._btext.decode("utf-8")] = self._term_info.doc_frequency()

    def close(self):
        if self._name_counts:
            name_counts.write(self._segment, self._storage, self._name_counts)
        close_table(self._tindex)
        self._postfile.close()
        self.is_closed = True

    def add_term_postings(self, schema, lengths: whoosh_internals.LoadedLengths, terms) -> None:
        """Write every term's postings.

        The terms that fit in one block are written a few thousand at a time: their
        posting blocks in one write, their term table entries in another.

        Args:
            schema: The index schema.
            lengths: The new segment's field lengths.
            terms: ((field name, term bytes), postings) pairs sorted by field and term,
                each term's (docnum, weight, value) postings in document order.
        """
        fieldname = None
        blocklimit = self._codec._blocklimit
        postfile = self._postfile
        blocks: list[bytes] = []
        entries: list[tuple[bytes, bytes]] = []
        offset = postfile.tell()
        for (name, btext), found in terms:
            if name != fieldname:
                if fieldname is not None:
                    self.finish_field()
                fieldname = name
                self.start_field(name, schema[name])
                field_lengths = lengths.field_lengths(name)
                field_codes = lengths.field_codes(name)
                fixed_size = self._format.fixed_value_size()
                field_key = pack_ushort(self._fieldid)
                short_term = self._postwriter.short_term
            if len(found) <= blocklimit:
                block, info = short_term(found, field_codes, fixed_size, offset)
                blocks.append(block)
                offset += len(block)
                entries.append((field_key + btext, info))
                if self._counted is not None:
                    self._counted[btext.decode("utf-8")] = len(found)
                if len(entries) < SHORT_TERMS_WRITTEN_TOGETHER:
                    continue
            self._write_short_terms(blocks, entries)
            blocks, entries = [], []
            if len(found) > blocklimit:
                self.start_term(btext)
                self._postwriter.add_term_postings(found, field_lengths)
                self.finish_term()
            offset = postfile.tell()
        self._write_short_terms(blocks, entries)
        if fieldname is not None:
            self.finish_field()

    def _write_short_terms(self, blocks: list[bytes], entries: list[tuple[bytes, bytes]]):
        """Write short terms' posting blocks and add their term table entries."""
        if blocks:
            self._postfile.write(b"".join(blocks))
        if entries:
            add_table_entries(self._tindex, entries)


def add_table_entries(table, entries: list[tuple[bytes, bytes]]) -> None:
    """Add (key, value) entries, keys in increasing order, to a term table being written:
    what ``OrderedHashWriter.add`` does for each, with one write (and each step taken
    for all the entries in one call).

    Args:
        table: Whoosh's ``OrderedHashWriter`` of a segment's terms.
        entries: The entries, each key greater than the last key added.

    Raises:
        ValueError: a key is not greater than the one before.
    """
    if not entries:
        return
    keys, values = zip(*entries, strict=True)
    before = (table.lastkey, *keys)
    if not all(map(lt, before, keys)):
        lastkey, key = next(pair for pair in zip(before, keys, strict=False) if pair[0] >= pair[1])
        raise ValueError(f"Keys must increase: {lastkey!r}..{key!r}")
    hashes = _md5_hashes(keys)  # a segment's term table hashes its keys by MD5
    sizes = map(filetables._lengths.pack, map(len, keys), map(len, values))
    chunks = list(map(b"".join, zip(sizes, keys, values, strict=True)))
    positions = list(accumulate(map(len, chunks), initial=table.dbfile.tell()))
    positions.pop()  # where the chunks end
    buckets = table.buckets
    for hashed, position in zip(hashes, positions, strict=True):
        buckets[hashed & 255].append((hashed, position))
    table.dbfile.write(b"".join(chunks))
    table.lastkey = keys[-1]
    _extend_growable(table.index, positions)


def close_table(table) -> None:
    """Finish a term table being written: what ``HashWriter.close`` does, each of its 256
    hash tables written in one piece instead of a slot at a time.

    Args:
        table: Whoosh's ``OrderedHashWriter`` of a segment's terms.
    """
    dbfile = table.dbfile
    for entries in table.buckets:
        numslots = 2 * len(entries)
        table.directory.append((dbfile.tell(), numslots))
        slots = [_EMPTY_SLOT] * numslots
        for entry in entries:
            # The slot the hash picks, or the next free one after it (wrapping round).
            slot = (entry[0] >> 8) % numslots
            while slots[slot] is not _EMPTY_SLOT:
                slot = (slot + 1) % numslots
            slots[slot] = entry
        dbfile.write(b"".join(starmap(filetables._pointer.pack, slots)))
    table._write_directory()
    extras_at = dbfile.tell()
    table._write_extras()
    dbfile.write_int(dbfile.tell() - extras_at)
    dbfile.close()


# An empty slot of a term table's hash table: no key starts at position 0 (the header).
_EMPTY_SLOT = (0, 0)


def _md5_hashes(keys) -> list[int]:
    """Whoosh's ``md5_hash`` of each key (the low 32 bits of its MD5 digest)."""
    return [int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big") for key in keys]


def _extend_growable(growable, numbers: list[int]) -> None:
    """``GrowableArray.extend``: the array in one call unless a number overflows its
    type, then Whoosh's own number by number (it widens the type)."""
    array_of = growable.array
    before = len(array_of)
    if isinstance(array_of, array):
        try:
            array_of.extend(numbers)
            return
        except OverflowError:
            del array_of[before:]
    for number in numbers:
        growable.append(number)


def field_writer(codec: W3Codec, storage, segment):
    """The codec's field writer: one taking whole terms when allowed."""
    if whoosh_internals.FAST_PATHS:
        return TermFieldWriter(codec, storage, segment)
    return W3Codec.field_writer(codec, storage, segment)


def postings_writer(codec: W3Codec, dbfile, byteids: bool = False):
    """The codec's postings writer: one pickling blocks at protocol 4 when allowed."""
    if whoosh_internals.FAST_PATHS:
        return FastBlockWriter(
            dbfile,
            blocklimit=codec._blocklimit,
            byteids=byteids,
            compression=codec._compression,
            inlinelimit=codec._inlinelimit,
        )
    return W3Codec.postings_writer(codec, dbfile, byteids=byteids)


class TermWriter(SegmentWriter):
    """Whoosh's segment writer, adding a document's postings to the pool a field at a
    time and handing each term's postings to the codec whole at commit.

    It needs a pool with ``add_field`` and ``iter_terms``
    (:class:`~search.index.writer.TermPool`) and a codec whose field writer is a
    :class:`TermFieldWriter`; :func:`segment_writer` gives it both.
    """

    # Whether the schema has a spelling field or term vectors (known at the first document).
    _whoosh_path: bool | None = None

    def add_document(self, **fields):
        """Whoosh's ``add_document``, each field's postings added in one call.

        Whoosh calls the pool once per posting; a schema with a spelling field or term
        vectors takes Whoosh's own path.
        """
        schema = self.schema
        if self._whoosh_path is None:
            self._whoosh_path = any(field.separate_spelling() or field.vector for field in schema)
        if self._whoosh_path:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        add_field = self.pool.add_field
        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    length = add_field(fieldname, docnum, field.index(value), boost)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
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


def segment_writer(index, codec: W3Codec, pool, *, limitmb: float, lock: bool = True):
    """A writer adding one new segment to ``index``.

    Args:
        index: The Whoosh index.
        codec: The codec to write with.
        pool: Makes the writer's pool from (temporary storage, segment, limitmb=...);
            used only on the fast path (Whoosh's own pool otherwise).
        limitmb: Megabytes of postings kept in memory before a run is spilled to disk.
        lock: Take the index's write lock; False only in a worker of a parent that
            holds it, which needs :data:`~search.index.whoosh_internals.FAST_PATHS`.

    Returns:
        A :class:`TermWriter` with ``pool`` when allowed, else ``index.writer(...)``.

    Raises:
        RuntimeError: ``lock`` is False without the fast paths.
    """
    if whoosh_internals.FAST_PATHS:
        writer = TermWriter(index, _lk=lock, codec=codec, limitmb=limitmb)
        writer.pool = pool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
        return writer
    if not lock:
        raise RuntimeError("a writer without the index lock needs Whoosh's private API")
    return index.writer(codec=codec, limitmb=limitmb)


def finish_segment(writer):
    """Write out a writer's new segment without committing it (a build worker's end).

    Args:
        writer: A writer from :func:`segment_writer` with ``lock=False``.

    Returns:
        The written segment, or None when no document was added.

    Raises:
        RuntimeError: without the fast paths (builds then run in one process).
    """
    if not whoosh_internals.FAST_PATHS:
        raise RuntimeError("finishing a segment without a commit needs Whoosh's private API")
    if writer._added:
        return writer._finalize_segment()
    # Not cancel(): that deletes the temporary folder the other workers share.
    writer._close_segment()
    return None
