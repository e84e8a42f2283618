"""The neutral query tree as a Whoosh query, words cut by the index schema's own analyzers.

Each node becomes the Whoosh query the language has always run (Whoosh's own query
parser built the same objects; ``tests/unit/test_query_equivalence.py`` holds the two
side by side): a word typed without a field is ``Or([title, body])``; text is analysed
by its field (several words: ``And``, none, as for a stop word: nothing, and a group or
``NOT`` left with nothing is dropped); a date range is a ``NumericRange`` on ``date``;
an exact value is a ``Term`` on the field's untokenised twin (``source_exact``); a
word, and a phrase, also look for their other spellings (:mod:`search.query.spellings`,
the corpus's own ones in :mod:`search.query.other_spellings`). The
result is normalised as Whoosh's parser did, so the fast ranking in
:mod:`search.query.ranking` and the snippets see the queries they always have.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.util.times import datetime_to_long

from search.query import tree
from search.query.other_spellings import OtherSpellings
from search.query.spellings import any_phrase_spelling, any_spelling

# Fields whose whole value an Exact node matches, by the untokenised field that holds it.
EXACT_FIELDS = {"source": "source_exact"}


def to_whoosh(
    node: tree.Node, schema, *, spellings: bool = True, others: OtherSpellings | None = None
) -> wq.Query:
    """The Whoosh query for a tree.

    Args:
        node: The neutral tree (:func:`search.query.parser.parse` plus any filters).
        schema: The index's Whoosh schema (its analyzers cut the words).
        spellings: Let each word look for its other spellings too (False: each word as
            its field's analyzer cuts it, as Whoosh's own parser read it).
        others: The corpus's spellings of words and phrases (None: a phrase as typed,
            a word in its stems and folded form only).

    Returns:
        The normalised Whoosh query (``NullQuery`` when nothing is left to look for).
    """
    query = _Mapper(schema, spellings, others).query(node)
    return (query or wq.NullQuery).normalize()


class _Mapper:
    def __init__(self, schema, spellings: bool, others: OtherSpellings | None) -> None:
        self.schema = schema
        self.spellings = spellings
        self.others = others if spellings else None

    def query(self, node: tree.Node) -> wq.Query | None:
        if isinstance(node, tree.TEXT_NODES) and node.field is None:
            # A word on its own searches the title or the body, each analysed by its field.
            subs = [self.query(_in_field(node, field)) for field in tree.TEXT_FIELDS]
            return wq.Or([sub for sub in subs if sub is not None], boost=node.boost)
        if isinstance(node, tree.And | tree.Or):
            subs = [self.query(child) for child in node.children]
            kind = wq.And if isinstance(node, tree.And) else wq.Or
            return kind([sub for sub in subs if sub is not None], boost=node.boost)
        if isinstance(node, tree.Not):
            inner = self.query(node.child)
            return wq.Not(inner) if inner else None
        if isinstance(node, tree.AndNot | tree.AndMaybe | tree.Require):
            return self._binary(node)
        if isinstance(node, tree.Word):
            found = self._term(node.field, node.text, wq.Term, node.boost, tokenize=True)
            if not self.spellings:
                return found
            return any_spelling(found, node.field, node.text, self.schema, self.others)
        if isinstance(node, tree.Prefix):
            return self._term(node.field, node.text, wq.Prefix, node.boost)
        if isinstance(node, tree.Wildcard):
            return self._term(node.field, node.pattern, wq.Wildcard, node.boost)
        if isinstance(node, tree.Fuzzy):
            found = self._term(node.field, node.text, wq.FuzzyTerm, node.boost)
            if found is not None:
                # Whoosh's automaton reads the prefix's letters: none past the word's end.
                found.maxdist = node.edits
                found.prefixlength = min(node.prefix, len(getattr(found, "text", "")))
            return found
        if isinstance(node, tree.Phrase):
            return self._phrase(node)
        if isinstance(node, tree.Range):
            return self._range(node)
        if isinstance(node, tree.DateRange):
            return _dates(node)
        if isinstance(node, tree.Exact):
            return wq.Term(EXACT_FIELDS.get(node.field, node.field), node.value)
        if isinstance(node, tree.Every):
            return wq.Every(node.field) if node.field else wq.Every()
        raise TypeError(f"not a query tree node: {node!r}")

    def _binary(self, node) -> wq.Query | None:
        kind = {tree.AndNot: wq.AndNot, tree.AndMaybe: wq.AndMaybe, tree.Require: wq.Require}
        first, second = (self.query(child) for child in tree.children(node))
        if first is None and second is None:
            return wq.NullQuery
        if first is None or second is None:
            return first if second is None else second
        return kind[type(node)](first, second)

    def _term(self, fieldname, text, termclass, boost, *, tokenize: bool = False):
        field = self.schema[fieldname]
        texts = list(
            field.process_text(text, mode="query", tokenize=tokenize, removestops=tokenize)
        )
        if len(texts) > 1:
            # Several words where one was typed ("interest-free"): as the field says,
            # all of them unless it asks otherwise.
            spec = field.multitoken_query.lower()
            if spec == "first":
                return termclass(fieldname, texts[0], boost=boost)
            if spec == "phrase":
                return wq.Phrase(fieldname, texts, boost=boost)
            kind = wq.Or if spec == "or" else wq.And
            return kind([termclass(fieldname, t, boost=boost) for t in texts])
        if not texts:
            return None
        return termclass(fieldname, texts[0], boost=boost)

    def _phrase(self, node: tree.Phrase) -> wq.Query:
        field = self.schema[node.field]
        tokens = [
            (token.text, node.text[token.startchar : token.endchar])
            for token in field.tokenize(node.text, mode="query", chars=True)
        ]
        phrase = wq.Phrase(node.field, [t for t, _ in tokens], slop=node.slop, boost=node.boost)
        if node.field not in ("title", "body"):
            return phrase
        return any_phrase_spelling(phrase, [typed for _, typed in tokens], self.others)

    def _range(self, node: tree.Range) -> wq.Query:
        field = self.schema[node.field]
        start, end = node.start, node.end
        if start:
            start = _first(field, start)
        if end:
            end = _first(field, end)
        return wq.TermRange(
            node.field, start, end, node.start_excluded, node.end_excluded, boost=node.boost
        )


def _in_field(node, field: str):
    """The node searching ``field``, at no boost of its own (the title-or-body group has it)."""
    return type(node)(**{**vars(node), "field": field, "boost": 1.0})


def _first(field, text: str) -> str | None:
    for word in field.process_text(text, mode="query", tokenize=False, removestops=False):
        return word
    return None


def _dates(node: tree.DateRange) -> wq.Query:
    if node.start is None and node.end is None:
        return wq.Every("date", boost=node.boost)
    if node.start is not None and node.start == node.end:
        return wq.Term("date", node.start, boost=node.boost)
    start = datetime_to_long(node.start) if node.start is not None else None
    end = datetime_to_long(node.end) if node.end is not None else None
    return wq.NumericRange("date", start, end, boost=node.boost)
