"""The fast ranking ranks random queries as Whoosh does, on a generated corpus in RAM.

:mod:`search.query.ranking` re-implements Whoosh's query evaluation (BM25F, ``And``/
``Or``/``Not``, phrases, prefixes); these checks keep the two in step without the BBC
corpus. A seeded generator writes articles of very different lengths from a small,
skewed vocabulary (so BM25's length normalisation moves the ranking), with a few
gazetteer names for the entity fields. The app's writer, codec and document conversion
index them in RAM over three commits (several segments, replaced and deleted articles),
and Whoosh's own writer and codec index the same changes beside them. Hypothesis then
builds query strings from terms, ``field:`` terms, boosts, phrases, prefixes, wildcards
and ``AND``/``OR``/``NOT`` groups, parsed as the app parses them, and the fast ranking
must give Whoosh's documents in Whoosh's order with Whoosh's scores.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

from search.index.documents import content_hash, to_document
from search.index.schema import build_schema
from search.index.writer import open_writer
from search.models.articles import Article
from search.query import ranking as fast_ranking
from tests.unit.index_fixtures import GAZETTEER, gazetteer_entities, whoosh_query

# Commonest first (the generator draws them with Zipf-like odds), of distinct stems (a
# phrase of two of them never repeats a word); "the" is a stop word.
_WORD_LIST = """
    oil gas price market bank interest rate growth cup final world prime minister
    election vote budget tax trade film music award player match coach court judge
    police report strike union energy power water crisis deal talks plan city state
    chart album league season profit share loss debt export farm rail airline phone
    software the
"""
VOCABULARY = _WORD_LIST.split()
PHRASES = ["interest rate", "prime minister", "world cup final", "oil price", "trade union"]
NAME_QUERIES = [
    "person:aliyev",
    'person:"Ilham Aliyev"',
    "person:pashinyan",
    "org:osce",
    'org:"Central Bank"',
    "place:baku",
    "place:yerevan",
]
# Body lengths from a word to a few hundred: length normalisation matters at both ends.
BODY_LENGTHS = [1, 3, 8, 15, 30, 60, 120, 250]
SEED = 14
# On an index of at most this many documents, Whoosh unions three or more words expanded
# from a prefix or wildcard in an array without their scores (``constantscore``); the
# fast ranking does the same (see test_prefix_of_many_words_is_scored_as_whoosh_scores_it).
WHOOSH_PRELOADS_UP_TO = 5000
SETTINGS = settings(
    max_examples=250,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class _Corpus:
    """Generated articles and the changes of three commits made of them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]  # Zipf-like

    def words(self, count: int) -> str:
        chosen = self.rng.choices(VOCABULARY, self.weights, k=count)
        if count > 4 and self.rng.random() < 0.5:
            at = self.rng.randrange(count)
            chosen[at:at] = self.rng.choice(PHRASES).split()
        return " ".join(chosen)

    def article(self, article_id: str) -> Article:
        body = self.words(self.rng.choice(BODY_LENGTHS))
        if self.rng.random() < 0.4:
            names = self.rng.sample(sorted(GAZETTEER), self.rng.randrange(1, 3))
            body = f"{body}. {' and '.join(names)} said {self.words(self.rng.randrange(1, 6))}."
        title = self.words(self.rng.randrange(1, 9)).capitalize()
        return Article(id=article_id, title=title, body=body, path="corpus.txt")

    def commits(self) -> list[list[tuple[str, object]]]:
        first = [("add", self.article(f"a{n}")) for n in range(110)]
        second = [("update", self.article(f"a{n}")) for n in range(110, 150)]
        second += [("update", self.article(f"a{n}")) for n in range(0, 20, 3)]  # replaced
        third = [("delete", f"a{n}") for n in range(30, 40)]
        third += [("update", self.article(f"a{n}")) for n in (5, 115, 150, 151)]
        return [first, second, third]


def _document(article: Article) -> dict:
    return to_document(article, gazetteer_entities(article.body), content_hash(article))


def _build(folder, open_one, commits):
    """An index on disk in ``folder`` holding ``commits``, each applied by a writer from
    ``open_one`` (its temporary files there too, not in a folder other tests share)."""
    index = FileStorage(str(folder)).create().create_index(build_schema())
    for changes in commits:
        writer = open_one(index)
        for change, value in changes:
            if change == "delete":
                writer.delete_by_term("id", value)
            elif change == "add":
                writer.add_document(**_document(value))
            else:
                writer.update_document(**_document(value))
        writer.commit()
    return index


@pytest.fixture(scope="module")
def searchers(tmp_path_factory):
    """Searchers over the app's index and over Whoosh's index of the same changes."""
    commits = _Corpus(SEED).commits()
    ours = _build(tmp_path_factory.mktemp("ours"), lambda ix: open_writer(ix, limitmb=64), commits)
    whoosh = _build(tmp_path_factory.mktemp("whoosh"), lambda ix: ix.writer(), commits)
    with ours.searcher() as app_searcher, whoosh.searcher() as whoosh_searcher:
        yield app_searcher, whoosh_searcher


def _left_to_whoosh(query, parent=None) -> bool:
    """Whether the query has a ``Not`` the fast ranking leaves to Whoosh.

    That is a ``Not`` outside an ``And`` (alone, or in an ``Or``, e.g. once a stop word
    left it without a partner) or two ``Not`` clauses in one ``And``.
    """
    if isinstance(query, wq.Not) and not isinstance(parent, wq.And):
        return True
    if isinstance(query, wq.And) and sum(isinstance(sub, wq.Not) for sub in query.subqueries) > 1:
        return True
    return any(_left_to_whoosh(child, query) for child in query.children())


def _whoosh_ranking(searcher, query) -> list[tuple[str, float]]:
    return [(hit["id"], hit.score) for hit in searcher.search(query, limit=None)]


def _assert_same_ranking(found: list[tuple[str, float]], expected: list[tuple[str, float]]):
    assert [article_id for article_id, _ in found] == [article_id for article_id, _ in expected]
    assert [score for _, score in found] == pytest.approx(
        [score for _, score in expected], rel=1e-6
    )


def _expands_to_many_words(query, reader) -> bool:
    """Whether a prefix or wildcard of the query stands for three words or more."""
    return any(
        isinstance(node, wq.Prefix | wq.Wildcard)
        and sum(1 for _ in node.expanded_terms(reader)) >= 3
        for node in _walk(query)
    )


def _walk(query):
    yield query
    for child in query.children():
        yield from _walk(child)


def _check(searchers, text: str) -> None:
    """Rank ``text`` with Whoosh and with the fast ranking on both indexes, and compare.

    The fast ranking reads the app's field lengths from memory and, on Whoosh's own
    index, through Whoosh's reader: both ways must give Whoosh's ranking.
    """
    app_searcher, whoosh_searcher = searchers
    query = whoosh_query(text, app_searcher.schema)
    expected = _whoosh_ranking(whoosh_searcher, query)
    # The app's writer and codec give Whoosh's ranking (lengths, postings, statistics).
    _assert_same_ranking(_whoosh_ranking(app_searcher, query), expected)
    for searcher in searchers:
        ranked = fast_ranking.rank(searcher, query, searcher.doc_count_all())
        if ranked is None:
            assert _left_to_whoosh(query), f"the fast ranking declined {query!r}"
            continue
        top, total = ranked
        assert total == len(expected)
        found = [(searcher.stored_fields(docnum)["id"], score) for score, docnum in top]
        _assert_same_ranking(found, expected)
        # A limit cuts the same ranking.
        assert fast_ranking.rank(searcher, query, 5) == (top[:5], total)


# Query strings, as a reader would type them.
# Mostly the commoner words, so that most queries match something.
_WORDS = st.one_of(st.sampled_from(VOCABULARY[:16]), st.sampled_from(VOCABULARY))
_FIELDS = st.sampled_from(["", "", "title:", "body:"])
_BOOSTS = st.sampled_from(["", "", "", "^2", "^0.5"])
_TERMS = st.builds(lambda field, word, boost: field + word + boost, _FIELDS, _WORDS, _BOOSTS)
_PHRASE_WORDS = st.one_of(
    st.sampled_from(PHRASES).map(str.split),
    st.lists(st.sampled_from(VOCABULARY[:8]), min_size=2, max_size=3, unique=True),
)
_PHRASES = st.builds(
    lambda field, words, boost: f'{field}"{" ".join(words)}"{boost}',
    _FIELDS,
    _PHRASE_WORDS,
    _BOOSTS,
)
_PREFIXES = st.builds(
    lambda field, word, n: f"{field}{word[:n]}*",
    _FIELDS,
    _WORDS,
    st.sampled_from([1, 2, 3, 3, 4, 5]),
)
_WILDCARDS = st.builds(
    lambda word, kind: {
        "ends": f"{word[0]}*{word[-1]}",
        "one letter": f"{word[0]}?{word[2:4]}*",
        "inside": f"*{word[1:3]}*",
    }[kind],
    _WORDS.filter(lambda word: len(word) > 3),
    st.sampled_from(["ends", "one letter", "inside"]),
)
_LEAVES = st.one_of(_TERMS, _PHRASES, _PREFIXES, _WILDCARDS, st.sampled_from(NAME_QUERIES))


def _groups(inner):
    parts = st.lists(inner, min_size=2, max_size=3)
    return st.one_of(
        parts.map(lambda items: "(" + " ".join(items) + ")"),
        parts.map(lambda items: "(" + " AND ".join(items) + ")"),
        parts.map(lambda items: "(" + " OR ".join(items) + ")"),
        parts.map(lambda items: "(" + " OR ".join(items) + ")"),
        st.tuples(inner, inner).map(lambda pair: f"({pair[0]} AND NOT {pair[1]})"),
        st.tuples(inner, _TERMS).map(lambda pair: f"({pair[0]} -{pair[1]})"),
    )


QUERY_TEXTS = st.recursive(_LEAVES, _groups, max_leaves=6)


@SETTINGS
@given(text=QUERY_TEXTS)
def test_fast_ranking_ranks_random_queries_as_whoosh_does(searchers, text):
    _check(searchers, text)


@pytest.mark.parametrize(
    "text",
    [
        "oil",
        "title:growth",
        "body:the",
        '"interest rate"',
        'title:"prime minister"^2',
        "pri*",
        "m*t",
        "person:aliyev",
        'org:"Central Bank"',
        "oil gas",
        "oil OR gas OR software",
        "(oil OR gas) AND NOT price",
        "(market -bank) OR (cup AND NOT final)",
        "(rate OR deal)^2 AND (talks OR plan*)",
    ],
)
def test_fast_ranking_takes_and_matches_common_query_kinds(searchers, text):
    app_searcher, _ = searchers
    assert fast_ranking.rank(app_searcher, whoosh_query(text, app_searcher.schema), 5) is not None
    _check(searchers, text)


def test_generated_corpus_exercises_what_the_ranking_depends_on(searchers):
    app_searcher, _ = searchers
    reader = app_searcher.reader()
    lengths = {app_searcher.doc_field_length(n, "body") for n in reader.all_doc_ids()}
    assert len(app_searcher.leaf_searchers()) > 1 and reader.has_deletions()
    assert min(lengths) < 5 and max(lengths) > 200
    assert app_searcher.doc_frequency("person", "aliyev") > 5


@pytest.mark.parametrize(
    "text", ["body:p*", "p*^2", "p*e", "s*e", "(oil AND c*)", "(gas OR pri* OR s*)"]
)
def test_prefix_of_many_words_is_scored_as_whoosh_scores_it(searchers, text):
    """A prefix or wildcard of three words or more scores each match 1.0, as Whoosh does.

    Whoosh expands a pattern segment by segment. Where it stands for three words or more
    in a segment of at most 5,000 documents, Whoosh unions them in a preloaded array
    that records a match, not its BM25 score (``constantscore``, the default of
    ``Prefix`` and ``Wildcard``): ``p*`` ranks an article about prices no higher than
    one about a prime minister, and a boost does not change it. With one or two words
    in a segment, or in a larger segment, it sums their scores (so an article in a
    small new segment can score differently from its neighbours). The fast ranking
    once summed them always: both found the same articles but in another order.
    We score as Whoosh does because the service also runs queries through Whoosh's own
    ``searcher.search`` (whatever the fast ranking leaves to it, e.g. fuzzy terms or
    ranges): a prefix must not rank one way in ``pri*`` and another in
    ``pri* date:2024``. Indexes of most readers' corpora are under 5,000 articles, so
    this is the scoring they meet.
    """
    app_searcher, _ = searchers
    query = whoosh_query(text, app_searcher.schema)
    assert app_searcher.doc_count_all() <= WHOOSH_PRELOADS_UP_TO
    assert _expands_to_many_words(query, app_searcher.reader())
    _check(searchers, text)
    ranked = fast_ranking.rank(app_searcher, query, 50)
    assert ranked is not None, "the fast ranking takes a prefix of many words"


def test_prefix_of_two_words_sums_their_scores_as_whoosh_does(searchers):
    app_searcher, _ = searchers
    query = whoosh_query("body:co*", app_searcher.schema)
    assert sum(1 for _ in query.expanded_terms(app_searcher.reader())) == 2
    _check(searchers, "body:co*")
    scores = {score for score, _ in fast_ranking.rank(app_searcher, query, 50)[0]}
    assert len(scores) > 1, "two words are scored, not counted"
