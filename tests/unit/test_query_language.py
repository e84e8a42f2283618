"""The query language as a reader uses it: operators, phrases, wildcards, fuzzy, fields, dates."""

from __future__ import annotations

import pytest

from tests.unit.index_fixtures import make_service, write_articles

ARTICLES = [
    {
        "title": "Interest rates rise",
        "body": "The central bank raised interest rates to fight inflation.",
        "date": "2024-07-15",
        "author": "Farhad Mammadov",
    },
    {
        "title": "Rates of interest in history",
        "body": "Historians compare the rates of interest paid on old loans.",
        "date": "2023-02",
    },
    {
        "title": "Inflation cools",
        "body": "Inflationary pressure eased in Baku as prices fell.",
        "date": "2025-01-14T11:12",
    },
    {"title": "Football final", "body": "A late goal decided the cup final in Baku."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("query")
    write_articles(root / "corpus", "news.txt", *ARTICLES)
    built = make_service(root / "corpus", root / "index")
    built.update()
    return built


def _titles(service, query):
    return {hit.title for hit in service.search(query, limit=50).hits}


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("inflation", {"Interest rates rise", "Inflation cools"}),
        ('"interest rates"', {"Interest rates rise"}),
        ("interest AND history", {"Rates of interest in history"}),
        ("goal OR inflationary", {"Football final", "Inflation cools"}),
        ("baku NOT goal", {"Inflation cools"}),
        ("baku -goal", {"Inflation cools"}),
        ("interest-free OR cup-final", {"Football final"}),
        ("infla*", {"Interest rates rise", "Inflation cools"}),
        ("histor?ans", {"Rates of interest in history"}),
        ("footbal~", {"Football final"}),
        ("title:cools", {"Inflation cools"}),
        ("author:mammadov", {"Interest rates rise"}),
        ("date:2024", {"Interest rates rise"}),
        ("date:2023-02", {"Rates of interest in history"}),
        ("date:[2024-01 to 2025-12]", {"Interest rates rise", "Inflation cools"}),
        ("date:>2024-12", {"Inflation cools"}),
        ("published:2025", {"Inflation cools"}),
    ],
)
def test_query_language(service, query, titles):
    assert _titles(service, query) == titles


def test_stemming_matches_other_forms_of_a_word(service):
    assert _titles(service, "raising") == {"Interest rates rise"}


def test_title_matches_rank_above_body_matches(service):
    hits = service.search("inflation").hits
    assert hits[0].title == "Inflation cools"


def test_empty_query_lists_every_article_newest_first_with_its_opening(service):
    results = service.search("   ")
    assert results.total == 4
    assert [hit.title for hit in results.hits] == [
        "Inflation cools",
        "Interest rates rise",
        "Rates of interest in history",
        "Football final",
    ]
    assert results.hits[0].snippet.text.startswith("Inflationary pressure eased")
    assert results.hits[0].snippet.highlights == ()


def test_limit_caps_hits_but_not_the_total(service):
    results = service.search("baku OR inflation", limit=1)
    assert len(results.hits) == 1
    assert results.total == 3


def test_hits_carry_the_articles_metadata(service):
    hit = service.search("author:mammadov").hits[0]
    assert (hit.author, hit.date) == ("Farhad Mammadov", "2024-07-15")
    assert hit.path.endswith("news.txt")
    assert hit.score > 0
