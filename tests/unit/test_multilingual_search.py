"""Searching a corpus in four languages: inflected forms and any spelling of a name.

A real index on disk over :mod:`tests.fixtures.multilingual`; each query must find the
articles the fixture expects, the article with the spelling typed ranks first, and the
snippet marks the word as the article writes it.
"""

from __future__ import annotations

import pytest

from search.models import SearchFilters
from tests.fixtures.multilingual import ARTICLES, EXACT_HITS, EXPECTED_HITS
from tests.unit.index_fixtures import fixture_names, multilingual_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return multilingual_service(tmp_path_factory.mktemp("multilingual"))


@pytest.mark.parametrize("query", sorted(EXPECTED_HITS))
def test_each_query_finds_the_articles_it_should(service, query):
    found = set(fixture_names(service.search(query)))
    expected = EXPECTED_HITS[query]
    assert expected <= found, expected - found
    if query in EXACT_HITS:
        assert found == expected


def test_every_article_is_listed_with_the_language_it_is_written_in(service):
    languages = {article.id.removesuffix("-0"): article.language for article in service.articles()}
    assert languages == {article.name: article.language for article in ARTICLES}


def test_search_hits_carry_their_language(service):
    hits = service.search("Алиев").hits
    assert {hit.language for hit in hits} >= {"ru", "en"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Aliev", "en_aliev_spelling"),
        ("Əliyev", "az_brussels_talks"),
        ("Пашиняном", "ru_brussels_talks"),
        ("Turkiye", "en_turkiye_rename"),
    ],
)
def test_the_spelling_typed_ranks_first(service, query, first):
    assert fixture_names(service.search(query))[0] == first


def test_a_name_found_in_another_script_is_marked_as_the_article_writes_it(service):
    results = service.search("Алиев")
    english = next(hit for hit in results.hits if hit.id == "en_brussels_talks-0")
    marked = [english.snippet.text[start:end] for start, end in english.snippet.highlights]
    assert marked == ["Aliyev"]
    assert "aliyev" in results.terms  # the reading pane marks the same word


def test_the_folded_form_is_never_shown(service):
    for hit in service.search("Aliyev").hits:
        assert "aliev" not in hit.snippet.text.lower().replace("aliev ", "")  # only as written
    article = service.article("ru_brussels_talks-0")
    assert article is not None and "Алиев" in article.body and "aliev" not in article.body


def test_a_language_filter_and_a_word_together(service):
    assert fixture_names(service.search("Pashinyan lang:tr")) == ["tr_brussels_talks"]
    assert service.search("lang:RU", filters=SearchFilters()).total == 3


@pytest.fixture(scope="module")
def named_service(tmp_path_factory):
    """The same corpus with the app's own entity extraction."""
    from search.entities.extractor import extract_entities

    return multilingual_service(tmp_path_factory.mktemp("multilingual-names"), extract_entities)


@pytest.mark.parametrize("query", ["person:aliyev", "person:Алиев", "person:Aliev"])
def test_a_person_is_found_under_any_spelling_of_their_name(named_service, query):
    found = set(fixture_names(named_service.search(query)))
    assert {"en_brussels_talks", "ru_brussels_talks", "ru_putin_aliev"} <= found


def test_mentions_in_every_script_are_counted_under_one_person(named_service):
    people = dict(
        next(facet for facet in named_service.facets("Aliyev") if facet.field == "person").values
    )
    assert people["Ilham Aliyev"] >= 3  # English and Russian articles
    assert not {"Ильхам Алиев", "İlham Əliyev", "Алиев"} & set(people)
