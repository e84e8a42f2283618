""" "Did you mean", snippets with highlight ranges, terms for the reading pane, related articles."""

from __future__ import annotations

import pytest

from tests.unit.index_fixtures import make_service, write_articles

LONG_BODY = (
    "Opening words about nothing in particular. " * 8
    + "Later the President Ilham Aliyev warned that inflation rates were rising. "
    + "Closing words about other matters entirely. " * 8
)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("suggest")
    write_articles(
        root / "corpus",
        "a.txt",
        {"title": "A warning on prices", "body": LONG_BODY},
        {"title": "Inflation falls", "body": "Inflation fell as the central bank raised rates."},
        {"title": "Cup final", "body": "A late goal decided the cup final."},
        {"title": "Rates and inflation", "body": "The bank watches inflation and interest rates."},
    )
    built = make_service(root / "corpus", root / "index")
    built.update()
    return built


def test_misspelt_name_gets_a_suggestion_in_the_same_case(service):
    results = service.search("Alyiev")
    assert results.hits == ()
    assert results.suggestion == "Aliyev"


def test_suggestions_are_whole_words_not_stems(service):
    assert service.search("inflatoin").suggestion == "inflation"


def test_suggestion_keeps_the_rest_of_the_query(service):
    assert service.search('title:warnign AND "cup fianl"').suggestion == (
        'title:warning AND "cup final"'
    )


def test_known_words_get_no_suggestion(service):
    assert service.search("inflation rates").suggestion is None


def test_snippet_is_plain_text_around_the_match_with_ranges(service):
    hit = service.search("aliyev").hits[0]
    snippet = hit.snippet
    assert "<" not in snippet.text and "\n" not in snippet.text
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["Aliyev"]
    assert len(snippet.text) < len(LONG_BODY) / 2


def test_snippet_highlights_the_forms_the_stemmer_matched(service):
    hit = next(h for h in service.search("rate").hits if h.title == "Inflation falls")
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.highlights] == ["rates"]


def test_title_only_match_shows_the_opening(service):
    hit = service.search("title:warning").hits[0]
    assert hit.snippet.text.startswith("Opening words")


def test_terms_hold_the_query_words_as_they_appear_in_text(service):
    results = service.search("rate AND bank")
    assert {"rate", "bank", "rates"} <= set(results.terms)


def test_marked_wraps_each_highlight():
    from search.models import Snippet

    assert Snippet("an oil price", ((3, 6), (7, 12))).marked() == "an «oil» «price»"


def test_related_articles_share_words_and_exclude_the_article(service):
    source = service.search('title:"Rates and inflation"').hits[0]
    related = [hit.title for hit in service.related(source.id, limit=3)]
    assert related and related[0] == "Inflation falls"
    assert "Rates and inflation" not in related
    assert service.related("no-such-id") == []


def test_wildcard_and_phrase_matches_are_highlighted(service):
    wildcard = next(h for h in service.search("infla*").hits if h.title == "Inflation falls")
    assert [wildcard.snippet.text[s:e] for s, e in wildcard.snippet.highlights] == ["Inflation"]
    phrase = service.search('"interest rates"').hits[0]
    assert [phrase.snippet.text[s:e] for s, e in phrase.snippet.highlights] == [
        "interest",
        "rates",
    ]
