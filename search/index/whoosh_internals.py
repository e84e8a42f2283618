"""Every use of Whoosh's private names, each behind a check of the Whoosh version.

The index's fast paths (see :mod:`search.index.codec`, :mod:`search.index.writer` and
:mod:`search.query.ranking`) reach into Whoosh's codec, writer and posting matchers:
attributes and methods with a leading underscore that a new Whoosh release may rename
or drop without notice. They all live here, and the writing side in
:mod:`search.index.whoosh_writing`, and nowhere else under ``search/``
(``tests/unit/test_whoosh_fence.py`` fails otherwise).

At import the version of the ``whoosh-reloaded`` imported (``whoosh.versionstring()``,
read without the slower package metadata) is compared with :data:`TESTED_VERSION` (the
one pinned in ``pyproject.toml``) and every private name used here is looked up. If the
version differs or a name is missing, :data:`FAST_PATHS` is False, one warning says why,
and each function below takes Whoosh's public path instead: Whoosh's own codec, writer
and per-posting matcher calls, one process per build. An upgrade then makes indexing
and search slower, never different.

Importing the module also corrects the faults of Whoosh's top-``limit`` search that put
a weaker article in the top ten (see :func:`correct_matchers`), with any Whoosh: the
corrections use the public matcher interface only. Whatever opens an index imports this
module (its segments name :class:`search.index.codec.IndexCodec`).
"""

from __future__ import annotations

import io
import pickle
import struct
import warnings
import zlib
from array import array
from bisect import bisect_left
from itertools import accumulate

import whoosh
from whoosh import collectors, scoring
from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PerDocReader,
    W3PostingsWriter,
    W3TermInfo,
    W3TermsReader,
)
from whoosh.filedb import filetables
from whoosh.filedb.filetables import FileFormatError, OrderedHashReader
from whoosh.matching import binary, mcore
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

TESTED_VERSION = "2.7.5"
DISTRIBUTION = "whoosh-reloaded"

# A term table's format tag, and the size of the int ending it (its extras' length).
_HASH_MAGIC = b"HSH3"
_INT_SIZE = struct.calcsize("!i")

# A posting block's length, negative for a term's last block.
_BLOCK_SIZE = struct.Struct("!i")

# Whoosh's doc_field_length answers None (not 0) for an empty field; keep that.
_BYTE_LENGTHS = [None] + [byte_to_length(code) for code in range(1, 256)]

# Each Whoosh object and the private names used on it (as attributes, methods it calls,
# or keyword arguments it takes).
REQUIRED = (
    (whoosh3, ("_lenfield",)),
    (W3Codec, ("_blocklimit", "_compression", "_inlinelimit")),
    (W3PerDocReader, ("_cached_reader", "_doccount")),
    (
        W3PostingsWriter,
        (
            "_blocklimit",
            "_blockcount",
            "_compression",
            "_ids",
            "_maxlength",
            "_maxweight",
            "_minlength",
            "_mini_ids",
            "_mini_values",
            "_new_block",
            "_postfile",
            "_terminfo",
            "_values",
            "_weights",
            "_write_block",
        ),
    ),
    (
        W3FieldWriter,
        (
            "_btext",
            "_codec",
            "_fieldid",
            "_format",
            "_postwriter",
            "_postfile",
            "_segment",
            "_storage",
            "_tindex",
        ),
    ),
    (W3TermInfo, ("_struct",)),
    (
        W3LeafMatcher,
        (
            "_ids",
            "_maxid",
            "_next_block",
            "_read_ids",
            "_read_values",
            "_read_weights",
            "_values",
            "_weights",
        ),
    ),
    (scoring.BM25F, ("_field_B",)),
    (SegmentReader, ("_perdoc",)),
    (
        W3TermsReader,
        ("_codec", "_dbfile", "_fieldmap", "_fieldunmap", "_postfile", "_tindex"),
    ),
    (filetables, ("_dir_entry", "_directory_size", "_hash_functions", "_lengths", "_pointer")),
    (OrderedHashReader, ("_read_extras",)),
    (filetables.OrderedHashWriter, ("_write_directory", "_write_extras")),
    (
        SegmentWriter,
        (
            "_added",
            "_check_fields",
            "_check_state",
            "_close_segment",
            "_doc_boost",
            "_field_boost",
            "_finalize_segment",
            "_flush_segment",
            "_lk",
            "_tempstorage",
        ),
    ),
)

PRIVATE_NAMES = frozenset(name for _, names in REQUIRED for name in names)


def _names_used(owner) -> set[str]:
    """The attributes ``owner`` has, and every name its functions use or take."""
    found = set(dir(owner))
    classes = owner.__mro__ if isinstance(owner, type) else [owner]
    for cls in classes:
        for value in vars(cls).values():
            code = getattr(value, "__code__", None)
            if code is not None:
                found.update(code.co_names, code.co_varnames)
    return found


def problems(version: str | None, required=REQUIRED) -> list[str]:
    """Why the fast paths cannot be trusted with this Whoosh (empty when they can).

    Args:
        version: The installed whoosh-reloaded version (None when unknown).
        required: (Whoosh object, private names used on it) pairs.

    Returns:
        One line per problem: a different version, or a name Whoosh no longer has.
    """
    found = []
    if version != TESTED_VERSION:
        found.append(f"{DISTRIBUTION} {version} is installed; {TESTED_VERSION} was tested")
    for owner, names in required:
        missing = sorted(set(names) - _names_used(owner))
        if missing:
            found.append(f"{owner.__name__} has no {', '.join(missing)}")
    return found


PROBLEMS = problems(whoosh.versionstring())
FAST_PATHS = not PROBLEMS
if PROBLEMS:
    warnings.warn(
        "briefing uses Whoosh's public paths (slower indexing and search): " + "; ".join(PROBLEMS),
        RuntimeWarning,
        stacklevel=2,
    )


def code_lengths() -> list:
    """The field length each one-byte code stands for (None for code 0, an empty field)."""
    return list(_BYTE_LENGTHS)


# Matching: corrections to Whoosh's collection of the top documents.

_WHOOSH_SCORED_COLLECTOR = collectors.ScoredCollector.__init__


def _and_maybe_skip_to(self, id):
    """``AndMaybeMatcher.skip_to`` that brings the optional matcher to where the required
    one landed (Whoosh brings it to ``id``: behind, when the required matcher jumped past
    ``id``, so the document landed on was scored without its optional part)."""
    if not self.a.is_active():
        raise mcore.ReadTooFar
    moved = self.a.skip_to(id)
    if self.a.is_active() and self.b.is_active():
        moved = self.b.skip_to(self.a.id()) or moved
    return moved


def _and_not_start(self, a, b) -> None:
    """``AndNotMatcher.__init__`` that passes over every first document the excluded
    matcher holds (Whoosh checked only whether both started on the same document)."""
    binary.BiMatcher.__init__(self, a, b)
    while a.is_active() and b.is_active():
        if b.id() < a.id():
            b.skip_to(a.id())
        if not b.is_active() or b.id() != a.id():
            break
        a.next()


def _no_block_quality(self) -> bool:
    """Two-part matchers do not skip blocks by quality (see :func:`correct_matchers`)."""
    return False


def _scored_collector(self, replace=0) -> None:
    """``ScoredCollector.__init__`` that keeps the query's matchers unless told otherwise."""
    _WHOOSH_SCORED_COLLECTOR(self, replace=replace)


def correct_matchers() -> None:
    """Make Whoosh's top-``limit`` search give the documents an exhaustive scoring gives.

    * Whoosh's collector replaced the query's matchers every ten matches by simpler ones
      meant to reach only the documents that can still enter the top (``replace``), and
      those dropped documents that belong there: ``title:x OR body:x`` became "title,
      and body if there" whose optional part was left behind (below), so an article
      was scored for its title only; a boosted group was given the boosted threshold
      against its unboosted scores and dropped, and an ``AND`` then ran as its other side
      alone; a union of many words (a fuzzy word's spellings) claimed its best word's
      score as its best, so the other side of an ``AND`` was dropped; a new ``ANDNOT``
      kept its first document though the excluded part held it. Collectors now keep the
      matchers (``replace=0`` by default): a query of several parts then sees every
      match, so its count of matches comes without a second pass, and Whoosh's own top
      ten of fuzzy queries over 10,000 articles took half the time, not more
      (``benchmarks/bench_top_k.py``).
    * ``AndMaybeMatcher.skip_to`` left its optional matcher behind
      (:func:`_and_maybe_skip_to`), and ``AndNotMatcher`` could start on an excluded
      document (:func:`_and_not_start`), in any search.
    * A union, intersection or and-maybe skipped the current block of one part when its
      quality plus the *current* block quality of the other could not reach the lowest
      top score, but the blocks skipped reach past the other part's current block, where
      it may score far higher. Those matchers no longer claim block quality; a single
      word still skips its own weak blocks, which is sound.
    """
    collectors.ScoredCollector.__init__ = _scored_collector
    binary.AndMaybeMatcher.skip_to = _and_maybe_skip_to
    binary.AndNotMatcher.__init__ = _and_not_start
    for matcher in (binary.UnionMatcher, binary.IntersectionMatcher, binary.AndMaybeMatcher):
        matcher.supports_block_quality = _no_block_quality


correct_matchers()


# Reading: term tables, field lengths and posting blocks.


class TermTable(OrderedHashReader):
    """A segment's table of terms, its directory of 256 hash tables read in one piece:
    Whoosh reads it an entry at a time, 256 reads a segment whenever a searcher opens
    (a few milliseconds at ten segments, before every one-shot search). What it holds
    is Whoosh's own."""

    def __init__(self, dbfile, length: int) -> None:
        self.dbfile = dbfile
        self.startoffset = 0
        self.is_closed = False
        dbfile.seek(0)
        magic = dbfile.read(4)
        if magic != _HASH_MAGIC:
            raise FileFormatError(f"Unknown file header {magic!r}")
        self.hashtype = dbfile.read_byte()
        self.hashfn = filetables._hash_functions[self.hashtype]
        dbfile.read_int()  # two ints kept for later versions
        dbfile.read_int()
        self.startofdata = dbfile.tell()
        extras_end = length - _INT_SIZE
        extras_start = extras_end - dbfile.get_int(extras_end)
        dbfile.seek(extras_start)
        self._read_extras()
        directory = dbfile.get(
            extras_start - filetables._directory_size, filetables._directory_size
        )
        self.tables = list(filetables._dir_entry.iter_unpack(directory))
        self.endofdata = self.tables[0][0]


class OpenedTerms(W3TermsReader):
    """Whoosh's terms reader of a segment over a :class:`TermTable`."""

    def __init__(self, codec, dbfile, length: int, postfile) -> None:
        self._codec = codec
        self._dbfile = dbfile
        self._tindex = TermTable(dbfile, length)
        self._fieldmap = self._tindex.extras["fieldmap"]
        self._postfile = postfile
        self._fieldunmap = [None] * len(self._fieldmap)
        for fieldname, number in self._fieldmap.items():
            self._fieldunmap[number] = fieldname


def terms_reader(codec: W3Codec, storage, segment):
    """The codec's terms reader of a segment: its directory read in one piece when allowed."""
    if not FAST_PATHS:
        return W3Codec.terms_reader(codec, storage, segment)
    name = segment.make_filename(codec.TERMS_EXT)
    postfile = segment.open_file(storage, codec.POSTS_EXT)
    return OpenedTerms(codec, storage.open_file(name), storage.file_length(name), postfile)


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
            reader = self._cached_reader(whoosh3._lenfield(fieldname), LENGTHS_COLUMN)
            if reader is None:
                return default
            codes = self._loaded[fieldname] = _whole_column(reader, self._doccount)
        return _BYTE_LENGTHS[codes[docnum]] if docnum < len(codes) else None

    def field_codes(self, fieldname: str):
        """Every document's one-byte length code of a field, by document number."""
        codes = self._loaded.get(fieldname)
        if codes is None:
            reader = self._cached_reader(whoosh3._lenfield(fieldname), LENGTHS_COLUMN)
            codes = _whole_column(reader, self._doccount) if reader else bytes(self._doccount)
            self._loaded[fieldname] = codes
        return codes

    def field_lengths(self, fieldname: str) -> list:
        """Every document's length of a field, by document number (None when empty)."""
        lengths = self._decoded.get(fieldname)
        if lengths is None:
            codes = self.field_codes(fieldname)
            lengths = self._decoded[fieldname] = [_BYTE_LENGTHS[code] for code in codes]
        return lengths


def _whole_column(reader, doccount: int):
    """A column of one-byte length codes in one read: Whoosh's ``load`` reads them one
    document at a time (0.2 s at 10,000 documents, every process's first query)."""
    stored = getattr(reader, "_dbfile", None), getattr(reader, "_basepos", None)
    count = getattr(reader, "_count", None)
    if getattr(reader, "_typecode", None) != "B" or None in (*stored, count) or count > doccount:
        return reader.load()
    dbfile, basepos = stored
    return dbfile.get(basepos, count) + bytes(doccount - count)


def per_document_reader(storage, segment):
    """The codec's per-document reader: field lengths loaded once per column when allowed."""
    if FAST_PATHS:
        return LoadedLengths(storage, segment)
    return W3PerDocReader(storage, segment)


def length_codes(reader, fieldname: str):
    """A segment's one-byte length codes of a field, by document number.

    Args:
        reader: A segment's reader (one of ``searcher.leaf_searchers()``).
        fieldname: The field.

    Returns:
        The codes, or None: then ask ``reader.doc_field_length`` document by document.
    """
    if not FAST_PATHS:
        return None
    perdoc = getattr(reader, "_perdoc", None)
    return perdoc.field_codes(fieldname) if isinstance(perdoc, LoadedLengths) else None


def field_b(weighting, searcher, fieldname: str, btext: bytes) -> float:
    """BM25F's B for a field: its own (``body_B=...``) or the weighting's.

    Args:
        weighting: A ``scoring.BM25F``.
        searcher: The searcher it scores for.
        fieldname: The field.
        btext: A term of the field that is in the index (the public path asks
            Whoosh's scorer for it, a term lookup).
    """
    if FAST_PATHS:
        return weighting._field_B.get(fieldname, weighting.B)
    return weighting.scorer(searcher, fieldname, btext).B


def postings(matcher):
    """(docnum, weight) of each of a term's postings, a block at a time when allowed."""
    if FAST_PATHS and type(matcher) is W3LeafMatcher:
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield from zip(matcher._ids, matcher._weights, strict=True)
            matcher._next_block()
        return
    while matcher.is_active():
        yield matcher.id(), matcher.weight()
        matcher.next()


def postings_keeping_values(matcher, values: dict, offset: int):
    """Like :func:`postings`, also putting each posting's raw value in ``values``.

    Args:
        matcher: The term's posting matcher in one segment.
        values: Receives (docnum + offset) -> raw posting value.
        offset: The segment's first document number in the whole index.
    """
    if FAST_PATHS and type(matcher) is W3LeafMatcher:
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            matcher._read_values()
            ids = matcher._ids
            values.update(zip([docnum + offset for docnum in ids], matcher._values, strict=True))
            yield from zip(ids, matcher._weights, strict=True)
            matcher._next_block()
        return
    while matcher.is_active():
        values[matcher.id() + offset] = matcher.value()
        yield matcher.id(), matcher.weight()
        matcher.next()


def postings_among(matcher, wanted: set[int] | None):
    """A term's postings in one segment, a block at a time: blocks holding none of the
    ``wanted`` documents are passed over unread.

    Args:
        matcher: The term's posting matcher in one segment.
        wanted: The documents of interest (segment document numbers), or None for all.

    Yields:
        (ids, weights, raw values) of each block read, in document order; a block may
        hold documents besides the wanted ones.
    """
    if FAST_PATHS and type(matcher) is W3LeafMatcher:
        ordered = None if wanted is None else sorted(wanted)
        lowest = 0
        while matcher.is_active():
            highest = matcher._maxid
            if ordered is None or _any_between(ordered, lowest, highest):
                matcher._read_ids()
                matcher._read_weights()
                matcher._read_values()
                yield matcher._ids, matcher._weights, matcher._values
            lowest = highest + 1
            matcher._next_block()
        return
    ids, weights, values = [], [], []
    while matcher.is_active():
        if wanted is None or matcher.id() in wanted:
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
        matcher.next()
    yield ids, weights, values


def term_info(reader, fieldname: str, btext: bytes):
    """A term's statistics in one segment (``doc_frequency()``), or None when the segment
    does not hold it: one lookup in the segment's term table.

    Args:
        reader: A segment's reader (one of ``searcher.leaf_searchers()``).
        fieldname: The field.
        btext: The term, as stored.
    """
    try:
        return reader.term_info(fieldname, btext)
    except TermNotFound:
        return None


def term_blocks(reader, fieldname: str, btext: bytes, info, wanted: list[int] | None):
    """Like :func:`postings_among`, from a term's :func:`term_info` in one segment: when
    allowed, the term's postings are read in one piece and each block taken apart in
    memory (Whoosh's matcher reads a block's header in a few dozen small reads) without
    looking the term up again.

    Args:
        reader: A segment's reader.
        fieldname: The field.
        btext: The term, as stored.
        info: Its ``term_info`` in that segment.
        wanted: The documents of interest (segment document numbers) in order, or None
            for all.

    Yields:
        (ids, weights, raw values) of each block read, in document order.
    """
    # Read by getattr and checked by type (our own classes use the name too): a reader
    # without Whoosh's term table takes the public path.
    terms = getattr(reader, "_terms", None)
    if not FAST_PATHS or type(terms) not in _TERMS_READERS or info.is_inlined():
        among = None if wanted is None else set(wanted)
        yield from postings_among(reader.postings(fieldname, btext), among)
        return
    offset, length = info.extent()
    if isinstance(length, tuple):
        (length,) = length  # how Whoosh reads a stored length back
    raw = terms._postfile.get(offset, length)
    if raw[: len(WHOOSH3_HEADER_MAGIC)] != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"no posting list at {offset} for {fieldname}:{btext!r}")
    value_size = reader.schema[fieldname].format.fixed_value_size()
    # Whoosh's matcher leaves the deleted documents out; so does this.
    deleted = reader.deleted_docs_set if reader.has_deletions() else None
    lowest = 0
    stream = io.BytesIO(raw)
    at = len(WHOOSH3_HEADER_MAGIC)
    while at < length:
        (size,) = _BLOCK_SIZE.unpack_from(raw, at)
        end = at + _BLOCK_SIZE.size + abs(size)
        stream.seek(at + _BLOCK_SIZE.size)
        count, highest, _, compression, _, _ = pickle.load(stream)
        if wanted is None or _any_between(wanted, lowest, highest):
            data = raw[stream.tell() : end]
            ids, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
            block = _read_block(count, ids, weights, values, value_size)
            yield block if deleted is None else _without(block, deleted)
        lowest = highest + 1
        if size < 0:
            break  # the last block
        at = end


_TERMS_READERS = (W3TermsReader, OpenedTerms)


def _read_block(count: int, ids, weights, values, value_size):
    """A block's ids, weights and values as Whoosh's matcher reads them back."""
    ids = tuple(accumulate(ids))  # stored as gaps
    if weights is None:
        weights = array("f", [1.0]) * count
    elif isinstance(weights, float):
        weights = array("f", [weights]) * count
    if value_size == 0:
        values = (None,) * count
    elif value_size is not None and value_size > 0:
        values = tuple(values[i : i + value_size] for i in range(0, len(values), value_size))
    return ids, weights, values


def _without(block, deleted):
    """A block's postings less those of deleted documents."""
    ids, weights, values = block
    kept = [at for at, docnum in enumerate(ids) if docnum not in deleted]
    if len(kept) == len(ids):
        return block
    return tuple(ids[at] for at in kept), [weights[at] for at in kept], [values[at] for at in kept]


def _any_between(ordered: list[int], lowest: int, highest: int) -> bool:
    at = bisect_left(ordered, lowest)
    return at < len(ordered) and ordered[at] <= highest
