"""The top 10 of a search is the top 10 of every matching article scored, for every kind of query.

Fuzzy words and date ranges are ranked by Whoosh's own collector, which keeps the top
``limit`` without scoring every match: it drops query parts that cannot reach the top and
skips posting blocks too weak to. Plain words, phrases and prefixes take the fast ranking
(:mod:`search.query.ranking`). Either way the articles listed must be those an exhaustive
ranking puts first: every matching article scored (Whoosh with no limit), sorted by score,
ties by document number.

A seeded generator writes 3,000 articles from a small, skewed vocabulary with lengths from
three words to four hundred, so a word's posting blocks differ widely in strength and one
field's match alone rarely reaches the top: the case where Whoosh's collector turned
``title:x OR body:x`` into "title, and body if there" and then scored some articles for
their title only, or dropped the other side of an ``AND`` next to a boosted group or a
fuzzy word whose spellings together would have reached the top (see
:func:`search.index.whoosh_internals.correct_matchers`). They are indexed by the app's own
indexing code into a real index on disk.
"""

from __future__ import annotations

import random

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.analysis import SimpleAnalyzer
from whoosh.filedb.filestore import FileStorage

from search.index import whoosh_internals  # noqa: F401  (the corrections apply on import)
from search.index.store import open_searcher
from tests.unit.index_fixtures import make_service, whoosh_query, write_articles

# Commonest first: the generator draws them with Zipf-like odds.
_WORD_LIST = """
    oil gas price market bank interest rate growth cup final world prime minister
    election vote budget tax trade film music award player match coach court judge
    police report strike union energy power water crisis deal talks plan city state
"""
WORDS = _WORD_LIST.split()
BODY_LENGTHS = [3, 8, 20, 60, 150, 400]
ARTICLES = 3000
PER_FILE = 100
SEED = 1
TOP = 10


def _articles(rng: random.Random) -> list[dict]:
    odds = [1 / (rank + 1) for rank in range(len(WORDS))]
    found = []
    for _ in range(ARTICLES):
        body = " ".join(rng.choices(WORDS, odds, k=rng.choice(BODY_LENGTHS)))
        title = " ".join(rng.choices(WORDS, odds, k=rng.randrange(1, 8))).capitalize()
        date = f"20{10 + rng.randrange(12)}-0{1 + rng.randrange(9)}-1{rng.randrange(10)}"
        found.append({"title": title, "body": body, "date": date})
    return found


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("top-k")
    articles = _articles(random.Random(SEED))
    for start in range(0, ARTICLES, PER_FILE):
        name = f"news-{start // PER_FILE:02d}.txt"
        write_articles(root / "corpus", name, *articles[start : start + PER_FILE])
    built = make_service(root / "corpus", root / "index")
    built.update()
    return built


@pytest.fixture(scope="module")
def searcher(service):
    opened = open_searcher(service.folder)
    yield opened
    opened.close()


def _exhaustive(searcher, text: str) -> list[tuple[str, float]]:
    """Every article matching ``text`` scored, best first, ties by document number."""
    hits = searcher.search(whoosh_query(text, searcher.schema), limit=None)
    ranked = sorted(((hit.score, hit.docnum) for hit in hits), key=lambda s: (-s[0], s[1]))
    return [(searcher.stored_fields(docnum)["id"], score) for score, docnum in ranked]


def _assert_top_is_exhaustive_top(service, searcher, text: str) -> None:
    results = service.search(text, limit=TOP)
    expected = _exhaustive(searcher, text)
    assert expected, f"{text!r} matches nothing: it checks nothing"
    assert [hit.id for hit in results.hits] == [article for article, _ in expected[:TOP]]
    assert [hit.score for hit in results.hits] == pytest.approx(
        [score for _, score in expected[:TOP]], rel=1e-9
    )
    assert results.total == len(expected)


# Queries whose top 10 Whoosh's collector got wrong on this corpus before the correction,
# and one of each other kind.
@pytest.mark.parametrize(
    "text",
    [
        "award~ price",
        "gas~ match",
        "gas~ match~",
        "title:gas~ match",
        "plan~ gas",
        "coach~ price",
        "gas match date:[2012 to 2018]",
        "plan gas date:[2012 to 2018]",
        "date:>2019 market~",
        "(award~ OR price) gas",
        "(match~ OR plan) gas",
        "(strike~ OR plan) growth",
        "award^2 price~",
        "match^2 plan~",
        "award ANDNOT price~",
        "(award~ OR price~ OR gas) NOT award",
        "ga* match",
        "mark* film",
        "gas match",
        '"oil price"',
        '"prime minister" vote',
        "market ANDMAYBE film",
        "bank ANDMAYBE rate AND oil",
    ],
)
def test_top_ten_is_the_exhaustive_top_ten(service, searcher, text):
    _assert_top_is_exhaustive_top(service, searcher, text)


def _random_queries(count: int) -> list[str]:
    rng = random.Random(SEED + 1)
    kinds = [
        "{a}~ {b}",
        "{a}~",
        "{a}~ {b}~",
        "title:{a}~ {b}",
        "{a} {b} date:[2012 to 2018]",
        "{a}~ date:<2015",
        "({a}~ OR {b}) {c}",
        "{a}~ -{b}",
        "{a} ANDMAYBE {b}~",
        "{a}^2 {b}~",
        "{a} ANDNOT {b}~",
        "{a3}* {b}",
        "{a} {b}",
        '"{a} {b}"',
    ]
    found = []
    for number in range(count):
        a, b, c = rng.sample(WORDS, 3)
        found.append(kinds[number % len(kinds)].format(a=a, b=b, c=c, a3=a[:3]))
    return found


def test_top_ten_of_many_queries_is_the_exhaustive_top_ten(service, searcher):
    checked = 0
    for text in _random_queries(56):
        if _exhaustive(searcher, text):
            _assert_top_is_exhaustive_top(service, searcher, text)
            checked += 1
    assert checked > 40


def test_andnot_leaves_out_its_first_article_when_the_excluded_word_is_in_it(tmp_path):
    """The excluded word's first article comes before the wanted word's first, and the
    wanted word's first article holds the excluded word too."""
    write_articles(
        tmp_path / "corpus",
        "news.txt",
        {"title": "Budget", "body": "The budget vote."},
        {"title": "Rail", "body": "Rail fares and the budget."},
        {"title": "Rail", "body": "Rail fares rise."},
    )
    built = make_service(tmp_path / "corpus", tmp_path / "index")
    built.update()
    assert [hit.id for hit in built.search("rail ANDNOT budget").hits] == ["news-2"]


def test_andmaybe_inside_and_adds_the_optional_word_where_it_is(tmp_path):
    """Reaching the rail article, the required word jumps past a budget-only article: the
    optional word must follow it there, not stop on that article and be left out."""
    write_articles(
        tmp_path / "corpus",
        "news.txt",
        {"title": "Fares", "body": "Fares and the budget."},
        {"title": "Rail", "body": "Rail news."},
        {"title": "Budget", "body": "The budget."},
        {"title": "Rail", "body": "Rail fares and the budget."},
    )
    built = make_service(tmp_path / "corpus", tmp_path / "index")
    built.update()
    (maybe,) = built.search("rail AND (fares ANDMAYBE budget)").hits
    (every,) = built.search("rail fares budget").hits
    assert maybe.id == every.id == "news-3"
    assert maybe.score == pytest.approx(every.score, rel=1e-9)


def test_a_strong_later_block_of_one_word_is_not_skipped(tmp_path):
    """Whoosh skipped a block of one word when it plus the other word's current block could
    not reach the top, though the other word scored far higher in its next block.

    "alpha" is in every 16th short title; "beta" is in every long body, but four times in a
    short body for documents 128 to 255: those make the top, past ten weaker ones first.
    """
    schema = fields.Schema(
        title=fields.TEXT(analyzer=SimpleAnalyzer()), body=fields.TEXT(analyzer=SimpleAnalyzer())
    )
    # On disk: a RAM index keeps its writers' temporary files in one folder all tests share.
    index = FileStorage(str(tmp_path)).create().create_index(schema)
    writer = index.writer()
    for _ in range(10):
        writer.add_document(title="alpha " + _filler(30, "x"), body="beta " + _filler(30, "y"))
    writer.add_document(title="alpha", body="beta beta beta")
    writer.commit(merge=False)
    writer = index.writer()
    for number in range(1000):
        title = "alpha " + _filler(60, "x") if number % 16 == 0 else "x0"
        strong = 128 <= number < 256
        body = "beta beta beta beta " + _filler(5, "y") if strong else "beta " + _filler(200, "y")
        writer.add_document(title=title, body=body)
    writer.commit(merge=False)
    query = wq.And([wq.Term("title", "alpha"), wq.Term("body", "beta")])
    with index.searcher() as searcher:
        top = [(hit.score, hit.docnum) for hit in searcher.search(query, limit=TOP)]
        every = [(hit.score, hit.docnum) for hit in searcher.search(query, limit=None)]
    assert top == sorted(every, key=lambda s: (-s[0], s[1]))[:TOP]


def _filler(count: int, prefix: str) -> str:
    return " ".join(f"{prefix}{number}" for number in range(count))
