"""Ranking the common queries with plain dictionaries instead of Whoosh's matcher trees.

Whoosh scores a match by walking a tree of matcher objects, several Python calls per
document and per tree node, which made a query matching a tenth of the articles cost
tens of milliseconds. Here each term's postings are read a block at a time into a
dictionary of BM25F scores and the query's ``And``/``Or``/``Not``/phrase structure is
applied with dictionary operations; counting the matches comes free.

The scores are Whoosh's own: the same BM25F formula and statistics, summed in the
same tree shapes (``make_weighted_tree``/``make_binary_tree``), ``Not`` inside ``And``
adding Whoosh's constant 1.0, phrases scored as the sum of their words, and a prefix or
wildcard scored segment by segment as Whoosh does (1.0 a match where it stands for three
words or more in a segment of up to 5,000 documents), so a query ranks the same whether
it runs here or, when it has a part this module declines, through Whoosh. Any other
query part (fuzzy terms, ranges, other weightings) answers None and the caller lets
Whoosh run the query. Posting blocks and field lengths are read through
:mod:`search.index.whoosh_internals` (a posting at a time with an untested Whoosh).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from operator import add, getitem

from whoosh import query as wq
from whoosh import scoring
from whoosh.util import make_weighted_tree

from search.index import whoosh_internals
from search.query import phrase_matching, posting_memo

# InverseMatcher's score: what a ``Not`` clause adds to each match of an ``And``.
NOT_SCORE = 1.0
# What Whoosh's unscored preloaded union (ArrayUnionMatcher) records for each match.
UNSCORED_MATCH = 1.0
CODE_LENGTHS = whoosh_internals.code_lengths()
# Up to this many documents Whoosh unions three or more clauses in a score array.
_PRELOADED_OR_DOCS = 5000


class _Unsupported(Exception):
    """A query part this module leaves to Whoosh."""


class _Complement:
    """Every document except ``excluded`` (a ``Not`` clause), scoring ``score``."""

    def __init__(self, excluded: dict[int, float], score: float) -> None:
        self.excluded = excluded
        self.score = score


def rank(
    searcher, query, limit: int, *, check: Callable[[], None] | None = None
) -> tuple[list[tuple[float, int]], int] | None:
    """The top documents of a query and how many documents match it.

    Args:
        searcher: An open Whoosh searcher (BM25F weighting).
        query: The parsed query.
        limit: How many top documents to return.
        check: Called before each term's postings are read; it raises to stop the
            ranking (a query out of time, see :mod:`search.query.bounds`).

    Returns:
        ([(score, docnum)] best first, ties by docnum as Whoosh orders them, match
        count), or None when the query has a part only Whoosh can run.
    """
    weighting = searcher.weighting
    if type(weighting) is not scoring.BM25F:
        return None
    try:
        scores = _Evaluator(searcher, weighting, check).scores(query)
    except _Unsupported:
        return None
    if isinstance(scores, _Complement):
        return None
    return _best(scores, limit), len(scores)


class _Evaluator:
    def __init__(self, searcher, weighting: scoring.BM25F, check=None) -> None:
        self.check = check or _unchecked
        # The phrases' posting values read, for this search's snippets.
        self.kept = posting_memo.start(searcher)
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = weighting
        self.K1 = weighting.K1
        self.field_B: dict[str, float] = {}

    def scores(self, node):
        kind = type(node)
        if node is wq.NullQuery or kind is type(wq.NullQuery):
            return {}
        if kind is wq.Term:
            return _boosted(self._term(node.fieldname, node.text), node.boost)
        if kind is wq.Or:
            return self._or(node)
        if kind is wq.And:
            return self._and(node)
        if kind is wq.Phrase:
            return _boosted(self._phrase(node), node.boost)
        if kind in (wq.Prefix, wq.Wildcard):
            return self._expanded(node)
        raise _Unsupported(kind.__name__)

    def _expanded(self, node):
        """A prefix or wildcard, scored segment by segment as Whoosh scores it.

        Whoosh expands the pattern in each segment and ORs the words found there (one
        word: that term, without the boost). A prefix or wildcard asks for a constant
        score (``constantscore``, their default): with three words or more in a segment
        of at most 5,000 documents Whoosh unions them in a preloaded array that records
        each match as 1.0, whatever the boost and however many of the words it holds;
        with two words, or in a larger segment, it sums their BM25 scores.
        """
        if not node.text.strip("*"):
            raise _Unsupported("a bare wildcard matches every document")
        result: dict[int, float] = {}
        for sub, offset in self.searcher.leaf_searchers():
            found = [(field, word) for field, word in node.expanded_terms(sub.reader()) if word]
            if len(found) >= wq.Or.TOO_MANY_CLAUSES:
                raise _Unsupported("too many clauses")
            if node.constantscore and len(found) > 2 and _preloads_unions(sub):
                reader = sub.reader()
                for field, word in found:
                    self.check()
                    self._field(field)
                    postings = whoosh_internals.postings(reader.postings(field, word))
                    result.update((docnum + offset, UNSCORED_MATCH) for docnum, _ in postings)
                continue
            leaf = [(sub, offset)]
            parts = [self._postings(field, word, leaves=leaf) for field, word in found]
            if len(parts) == 1:
                result.update(parts[0])
            elif parts:
                result.update(_boosted(_tree(_union, [0] * len(parts), parts), node.boost))
        return result

    def _field(self, fieldname: str):
        schema = self.searcher.schema
        if fieldname not in schema or not schema[fieldname].scorable:
            raise _Unsupported(fieldname)
        return schema[fieldname]

    def _term(self, fieldname: str, text) -> dict[int, float]:
        return self._postings(fieldname, text)

    def _postings(
        self, fieldname: str, text, values: dict | None = None, leaves=None
    ) -> dict[int, float]:
        """The BM25F score of each document holding a term.

        With ``values``, each document's raw posting value (e.g. its encoded positions)
        is put there too, from the same read of the posting blocks. With ``leaves``,
        only those (segment searcher, offset) pairs are read.
        """
        self.check()
        field = self._field(fieldname)
        btext = text if isinstance(text, bytes) else field.to_bytes(text)
        scores: dict[int, float] = {}
        if (fieldname, btext) not in self.reader:
            return scores
        stats = self._stats(fieldname, btext)
        for sub, offset in self.searcher.leaf_searchers() if leaves is None else leaves:
            reader = sub.reader()
            if (fieldname, btext) in reader:
                matcher = reader.postings(fieldname, btext)
                if values is None:
                    postings = whoosh_internals.postings(matcher)
                else:
                    postings = whoosh_internals.postings_keeping_values(matcher, values, offset)
                self._score(scores, postings, reader, fieldname, stats, offset)
        return scores

    def _score(self, scores, postings, reader, fieldname, stats, offset) -> None:
        """Add BM25 scores to ``scores``: Whoosh's ``scoring.bm25``, same operations."""
        (idf, avgfl, B), K1 = stats, self.K1
        codes = whoosh_internals.length_codes(reader, fieldname)
        if codes is None:
            length = reader.doc_field_length
            for docnum, tf in postings:
                fl = length(docnum, fieldname, 1)
                scores[docnum + offset] = scoring.bm25(idf, tf, fl, avgfl, B, K1)
            return
        norms = _norms(K1, B, avgfl)
        tf_factor = K1 + 1
        for docnum, tf in postings:
            scores[docnum + offset] = idf * ((tf * tf_factor) / (tf + norms[codes[docnum]]))

    def _or(self, node):
        if node.scale or node.minmatch:
            raise _Unsupported("Or with scale or minmatch")
        subs = node.subqueries
        if len(subs) >= wq.Or.TOO_MANY_CLAUSES:
            raise _Unsupported("too many clauses")
        if not subs:
            return {}
        parts = [self.scores(sub) for sub in subs]
        if any(isinstance(part, _Complement) for part in parts):
            raise _Unsupported("Not inside Or")
        if len(parts) == 1:
            return parts[0]  # Whoosh runs a lone clause without the group's boost
        if len(parts) > 2 and _preloads_unions(self.searcher):
            # Whoosh's preloaded union adds each clause's boosted score in order.
            result: dict[int, float] = {}
            for part in parts:
                result = _union(result, _boosted(part, node.boost))
            return result
        if len(parts) == 2:
            # Two clauses add up alike in either order: no need for their sizes.
            return _boosted(_union(parts[0], parts[1]), node.boost)
        weights = [sub.estimate_size(self.reader) for sub in subs]
        return _boosted(_tree(_union, weights, parts), node.boost)

    def _and(self, node):
        subs = node.subqueries
        if not subs:
            return {}
        parts = [self._and_part(sub) for sub in subs]
        if len(parts) == 1:
            return parts[0]  # Whoosh runs a lone clause without the group's boost
        weights = [0 - sub.estimate_size(self.reader) for sub in subs]
        return _boosted(_tree(_intersection, weights, parts), node.boost)

    def _and_part(self, node):
        if type(node) is wq.Not:
            inner = self.scores(node.query)
            if isinstance(inner, _Complement):
                raise _Unsupported("double negation")
            return _Complement(inner, NOT_SCORE)
        return self.scores(node)

    def _phrase(self, node) -> dict[int, float]:
        """A phrase, scored as Whoosh scores it: the sum of its words' BM25 scores in
        each document where they stand one after another.

        Segment by segment, each word is looked up once; a segment missing one is passed
        over, and the rarest word's postings are read first and each other word's only in
        the blocks that hold a document every word so far is in. The positions are
        compared for the documents holding every word, and only the documents where the
        words are adjacent are scored.
        """
        words = node.words
        if node.slop != 1 or len(set(words)) != len(words):
            raise _Unsupported("phrase with slop or repeated words")
        fieldname = node.fieldname
        field = self._field(fieldname)
        if not field.format or not field.format.supports("positions"):
            raise _Unsupported("phrase on a field without positions")
        if not words:
            return {}
        terms = [field.to_bytes(word) for word in words]
        positions = phrase_matching.positions_decoder(field.format)
        stats = rows = None
        scores: dict[int, float] = {}
        for sub, offset in self.searcher.leaf_searchers():
            reader = sub.reader()
            if not reader.doc_count():
                continue  # every article of the segment was replaced or removed
            found = self._holding_every_word(reader, fieldname, terms)
            if found is None:
                continue
            candidates, values, weights = found
            adjacent = phrase_matching.adjacent(values, positions)
            matched = list(compress(candidates, adjacent))
            if not matched:
                continue
            for btext, read in zip(terms, values, strict=True):
                self.kept[fieldname, btext, offset] = posting_memo.Kept(
                    matched, list(compress(read, adjacent))
                )
            if stats is None:
                stats = [self._stats(fieldname, btext) for btext in terms]
                rows = [_ScoreRows(word_stats, self.K1) for word_stats in stats]
            codes = whoosh_internals.length_codes(reader, fieldname)
            if codes is None:
                per_word = [
                    self._scored(reader, fieldname, word_stats, matched, compress(tfs, adjacent))
                    for tfs, word_stats in zip(weights, stats, strict=True)
                ]
            else:
                matched_codes = list(map(codes.__getitem__, matched))
                per_word = [
                    list(map(getitem, map(row.__getitem__, compress(tfs, adjacent)), matched_codes))
                    for tfs, row in zip(weights, rows, strict=True)
                ]
            scores.update(zip(map(offset.__add__, matched), _summed(per_word), strict=True))
        return scores

    def _holding_every_word(self, reader, fieldname: str, terms: list[bytes]):
        """The segment's documents holding every word, and each word's raw posting values
        and weights in them; None when there are none.

        Returns:
            ([docnum], [[raw value]], [[weight]]): the documents in order, then a list of
            values and one of weights a word, each in the documents' order; or None.
        """
        infos = []
        for btext in terms:
            info = whoosh_internals.term_info(reader, fieldname, btext)
            if info is None:
                return None
            infos.append(info)
        values: list[list] = [[] for _ in terms]
        weights: list[list] = [[] for _ in terms]
        held: list[int] | None = None  # the documents holding every word so far, in order
        read: list[int] = []  # the words read so far
        for i in sorted(range(len(terms)), key=lambda i: infos[i].doc_frequency()):
            self.check()
            ids: list[int] = []
            blocks = whoosh_internals.term_blocks(reader, fieldname, terms[i], infos[i], held)
            if held is None:
                for block_ids, block_weights, block_values in blocks:
                    ids += block_ids
                    weights[i] += block_weights
                    values[i] += block_values
            else:
                # Both in document order: this word's postings are kept in the documents
                # held so far, then those documents in the ones this word is in.
                holding = set(held).__contains__
                for block_ids, block_weights, block_values in blocks:
                    there = list(map(holding, block_ids))
                    ids += compress(block_ids, there)
                    weights[i] += compress(block_weights, there)
                    values[i] += compress(block_values, there)
                if len(ids) < len(held):
                    here = list(map(set(ids).__contains__, held))
                    for j in read:
                        values[j] = list(compress(values[j], here))
                        weights[j] = list(compress(weights[j], here))
            held = ids
            read.append(i)
            if not held:
                return None
        return held, values, weights

    def _stats(self, fieldname: str, btext: bytes) -> tuple[float, float, float]:
        """A term's idf, its field's average length and BM25F's B for the field."""
        searcher = self.searcher
        idf = searcher.idf(fieldname, btext)
        avgfl = searcher.avg_field_length(fieldname) or 1
        B = self.field_B.get(fieldname)
        if B is None:
            B = whoosh_internals.field_b(self.weighting, searcher, fieldname, btext)
            self.field_B[fieldname] = B
        return idf, avgfl, B

    def _scored(self, reader, fieldname, stats, docnums, tfs) -> list[float]:
        """The BM25 score of each document of one segment for its tf, in order, as
        :meth:`_score` scores."""
        found: dict[int, float] = {}
        self._score(found, zip(docnums, tfs, strict=True), reader, fieldname, stats, 0)
        return [found[docnum] for docnum in docnums]


class _ScoreRows(dict):
    """A term's BM25 score for a tf and a field length code, as ``rows[tf][code]``: the
    few tfs of a phrase's words are worked out once for every code, with the operations
    of :meth:`_Evaluator._score`, and each matched document is then two look-ups."""

    def __init__(self, stats: tuple[float, float, float], K1: float) -> None:
        super().__init__()
        idf, avgfl, B = stats
        self.idf = idf
        self.norms = _norms(K1, B, avgfl)
        self.tf_factor = K1 + 1

    def __missing__(self, tf: float) -> list:
        idf, tf_factor = self.idf, self.tf_factor
        row = [
            None if norm is None else idf * ((tf * tf_factor) / (tf + norm)) for norm in self.norms
        ]
        self[tf] = row
        return row


def term_values(searcher, fieldname: str, btext: bytes, docnums, astype: str) -> dict:
    """A term's posting values (e.g. "positions", "characters") in the given documents.

    For a page of results: the values the search's ranking read are taken as they are
    (:mod:`search.query.posting_memo`); otherwise only the segments holding a wanted
    document are read, and there only the posting blocks holding one.

    Args:
        searcher: An open Whoosh searcher.
        fieldname: The field.
        btext: The term, as stored.
        docnums: The documents wanted.
        astype: What to decode the values as (the field format's decoder name).

    Returns:
        Document number -> decoded value, for the wanted documents holding the term.
    """
    found = {}
    decode = searcher.schema[fieldname].format.decoder(astype)
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        end = offset + reader.doc_count_all()
        inside = sorted(docnum - offset for docnum in docnums if offset <= docnum < end)
        kept = posting_memo.values(searcher, fieldname, btext, offset)
        if inside and all(docnum in kept for docnum in inside):
            found.update((docnum + offset, decode(kept[docnum])) for docnum in inside)
            continue
        info = whoosh_internals.term_info(reader, fieldname, btext) if inside else None
        if info is None:
            continue  # no wanted document here, or none holds the term
        blocks = whoosh_internals.term_blocks(reader, fieldname, btext, info, inside)
        wanted = set(inside)
        for ids, _, values in blocks:
            found.update(
                (docnum + offset, decode(value))
                for docnum, value in zip(ids, values, strict=True)
                if docnum in wanted
            )
    return found


def _best(scores: dict[int, float], limit: int) -> list[tuple[float, int]]:
    """The ``limit`` best (score, docnum), ties by docnum: the lowest score that makes the
    top is found without a key function, then only the documents reaching it are sorted."""
    if 0 < limit < len(scores):
        lowest = heapq.nlargest(limit, scores.values())[-1]
        reaching = [(-score, docnum) for docnum, score in scores.items() if score >= lowest]
    else:
        reaching = [(-score, docnum) for docnum, score in scores.items()]
    reaching.sort()
    return [(-negated, docnum) for negated, docnum in reaching[:limit]]


@lru_cache(maxsize=64)
def _norms(K1: float, B: float, avgfl: float) -> list:
    """The length part of BM25 for each one-byte length code (255 values, worked out once
    per field and index rather than per segment and term)."""
    return [None] + [K1 * ((1 - B) + B * fl / avgfl) for fl in CODE_LENGTHS[1:]]


def _preloads_unions(searcher) -> bool:
    """Whether Whoosh unions three or more clauses in a preloaded array in this searcher."""
    return searcher.doc_count_all() <= _PRELOADED_OR_DOCS


def _summed(columns: list[list[float]]) -> list[float]:
    """Each row's sum of the columns, added in the order of Whoosh's ``make_binary_tree``
    (the halves summed first), so that a phrase scores to the last bit as it does there."""
    if len(columns) == 1:
        return columns[0]
    half = len(columns) // 2
    return list(map(add, _summed(columns[:half]), _summed(columns[half:])))


def _unchecked() -> None:
    """No deadline."""


def _boosted(scores, boost: float):
    if boost == 1.0 or isinstance(scores, _Complement):
        return scores
    return {docnum: score * boost for docnum, score in scores.items()}


class _Ordered:
    """A tree leaf that sorts by position only (Whoosh's weights may tie)."""

    def __init__(self, index: int, value) -> None:
        self.index, self.value = index, value

    def __lt__(self, other: _Ordered) -> bool:
        return self.index < other.index


def _tree(combine, weights: list, parts: list):
    leaves = [
        (weight, _Ordered(i, part))
        for i, (weight, part) in enumerate(zip(weights, parts, strict=True))
    ]
    merged = make_weighted_tree(lambda a, b: _Ordered(a.index, combine(a.value, b.value)), leaves)
    return merged.value


def _union(a, b):
    if len(b) > len(a):
        a, b = b, a  # the larger copied, the smaller added (a sum is the same either way)
    result = dict(a)
    for docnum, score in b.items():
        result[docnum] = result[docnum] + score if docnum in result else score
    return result


def _intersection(a, b):
    if isinstance(a, _Complement) and isinstance(b, _Complement):
        raise _Unsupported("two Not clauses meet")
    if isinstance(b, _Complement):
        return {d: s + b.score for d, s in a.items() if d not in b.excluded}
    if isinstance(a, _Complement):
        return {d: a.score + s for d, s in b.items() if d not in a.excluded}
    if len(b) < len(a):
        return {d: a[d] + s for d, s in b.items() if d in a}
    return {d: s + b[d] for d, s in a.items() if d in b}
