"""The query behind "related articles": an article's people, places, headline and key words.

Whoosh's ``more_like`` keeps the body words with the highest Bo1 weight, which favours
the rarest words; on a short article those are mostly words no other article holds, so
the query matched the article alone and, with it masked, nothing. Here a word counts
only if another article holds it too, and the article's other signals join in, each
weighted by how much it says about the story:

* people (``person``), organisations and places, as whole canonical names (the names
  field's one-keyword terms), so "Ilham Aliyev" does not also match every "Aliyev";
* the headline's words, looked up in headlines and in bodies;
* the body's key words: term frequency times Whoosh's idf, best first.

Words and names held by more than :data:`COMMON_SHARE` of the articles say little
about a story and cost the most postings to read, so they are left out. The clauses
are ORed and ranked by :mod:`search.query.ranking` (BM25F, as Whoosh scores them).
"""

from __future__ import annotations

import math

from whoosh import query as wq

from search.index import documents
from search.models import ENTITY_FIELDS

# How many of each kind of clause, at most.
BODY_TERMS = 12
# How many of the body's distinct words are looked up to choose them from.
BODY_CANDIDATES = 80
TITLE_TERMS = 8
NAMES_PER_FIELD = 6
# Boosts by kind of clause: a shared person says the most about a story, a shared place
# (often a capital) the least of the names; body words are scaled below 1 by weight.
NAME_BOOSTS = {"person": 3.0, "org": 2.0, "place": 1.0}
TITLE_BOOST = 1.0
# Terms in more than this share of the articles are left out (and never fewer than
# MIN_COMMON_DOCS articles: in a tiny corpus every word is in a large share).
COMMON_SHARE = 0.2
MIN_COMMON_DOCS = 10


def related_query(searcher, docnum: int) -> wq.Query | None:
    """An OR of the terms that tie other articles to one article.

    Args:
        searcher: An open Whoosh searcher over a corpus index.
        docnum: The article's document number.

    Returns:
        The query, or None when the article holds nothing another article shares.
    """
    stored = searcher.stored_fields(docnum)
    common = max(MIN_COMMON_DOCS, COMMON_SHARE * searcher.doc_count())
    shared = _SharedTerms(searcher, common)
    schema = searcher.schema
    boosts: dict[tuple[str, bytes], float] = {}
    # Each piece of evidence counts once: a name's words are not looked for again as
    # headline or body words.
    named = _add_names(boosts, shared, documents.to_spans(stored))
    for btext in list(_analysed(schema["title"], stored.get("title") or ""))[:TITLE_TERMS]:
        if btext not in named:
            for fieldname in ("title", "body"):
                if shared.useful(fieldname, btext):
                    _add(boosts, fieldname, btext, TITLE_BOOST)
    for btext, boost in _key_words(shared, schema, stored.get("body") or "", named):
        _add(boosts, "body", btext, boost)
    clauses = [
        wq.Term(fieldname, btext.decode("utf-8"), boost=boost)
        for (fieldname, btext), boost in boosts.items()
    ]
    return wq.Or(clauses) if clauses else None


class _SharedTerms:
    """Which terms another article holds too, and none too commonly to say anything."""

    def __init__(self, searcher, common: float) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.common = common
        self.documents = searcher.doc_count_all()

    def frequency(self, fieldname: str, btext: bytes) -> int:
        """How many documents hold the term (one look-up per segment; 0 when none)."""
        return self.reader.doc_frequency(fieldname, btext)

    def useful(self, fieldname: str, btext: bytes) -> bool:
        # The article itself is one of the documents: another must hold the term too.
        return 2 <= self.frequency(fieldname, btext) <= self.common

    def idf(self, frequency: int) -> float:
        """Whoosh's BM25F idf for a term held by ``frequency`` documents."""
        return math.log(self.documents / (frequency + 1)) + 1


def _add(boosts: dict, fieldname: str, btext: bytes, boost: float) -> None:
    key = (fieldname, btext)
    boosts[key] = max(boost, boosts.get(key, 0.0))


def _add_names(boosts: dict, shared: _SharedTerms, spans) -> set[bytes]:
    """Add the article's shared names; the body words of those names are returned."""
    words: set[bytes] = set()
    body = shared.searcher.schema["body"]
    for entity_type, fieldname in ENTITY_FIELDS.items():
        field = shared.searcher.schema[fieldname]
        # A whole name is one term of the names field (see search.index.schema).
        names = dict.fromkeys(
            " ".join(span.canonical.replace(",", " ").split()).lower()
            for span in spans
            if span.type == entity_type
        )
        used = [name for name in names if name and shared.useful(fieldname, field.to_bytes(name))]
        for name in used[:NAMES_PER_FIELD]:
            _add(boosts, fieldname, field.to_bytes(name), NAME_BOOSTS[fieldname])
            words.update(_analysed(body, name))
    return words


def _analysed(field, text: str) -> dict[bytes, float]:
    """Each indexed term of ``text`` in ``field`` with its weight, in order of appearance."""
    weights: dict[bytes, float] = {}
    for btext, _, weight, _ in field.index(text):
        weights[btext] = weights.get(btext, 0.0) + weight
    return weights


def _key_words(shared: _SharedTerms, schema, body: str, skipped: set[bytes]):
    """The body's key words with boosts up to 1: frequency in the body times idf."""
    # Each candidate costs a look-up per segment: a long article's most frequent words,
    # then its earliest (a news story's lead says what it is about), are looked up first.
    candidates = sorted(_analysed(schema["body"], body).items(), key=lambda item: -item[1])
    weighted = []
    for btext, weight in candidates[:BODY_CANDIDATES]:
        if btext in skipped:
            continue
        frequency = shared.frequency("body", btext)
        if 2 <= frequency <= shared.common:
            weighted.append(((1 + math.log(weight)) * shared.idf(frequency), btext))
    weighted.sort(key=lambda item: (-item[0], item[1]))
    top = weighted[:BODY_TERMS]
    return [(btext, weight / top[0][0]) for weight, btext in top]
