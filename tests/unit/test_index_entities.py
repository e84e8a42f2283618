"""Entity fields: canonical names searchable by word or whole name, spans kept, facets."""

from __future__ import annotations

import pytest

from search.models.articles import EntitySpan
from tests.unit.index_fixtures import gazetteer_entities, make_service, write_articles


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(
        folder,
        "talks.txt",
        {
            "title": "Peace talks resume",
            "body": "President Aliyev met Nikol Pashinyan in Yerevan. Ilham Aliyev smiled.",
            "source": "Caliber.Az",
        },
        {
            "title": "Bank decision",
            "body": "The Central Bank in Baku raised rates.",
            "source": "Caliber.Az",
        },
    )
    write_articles(
        folder,
        "other.txt",
        {"title": "OSCE visit", "body": "An OSCE mission visited Baku.", "source": "Trend"},
    )
    return folder


@pytest.fixture
def service(corpus, tmp_path):
    built = make_service(corpus, tmp_path / "index")
    built.update()
    return built


def _titles(service, query):
    return {hit.title for hit in service.search(query).hits}


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("person:aliyev", {"Peace talks resume"}),
        ('person:"Ilham Aliyev"', {"Peace talks resume"}),
        ('person:"Aliyev Ilham"', set()),
        ("org:osce", {"OSCE visit"}),
        ('org:"central bank"', {"Bank decision"}),
        ("place:baku", {"Bank decision", "OSCE visit"}),
        ("place:Baku AND org:osce", {"OSCE visit"}),
        ("source:trend", {"OSCE visit"}),
    ],
)
def test_entity_fields_find_articles_by_canonical_name(service, query, titles):
    assert _titles(service, query) == titles


def test_entity_spans_are_stored_in_body_order(service):
    hit = service.search("title:peace").hits[0]
    article = service.article(hit.id)
    spans = service.entities(hit.id)
    assert [span.text for span in spans] == [
        "President Aliyev",
        "Nikol Pashinyan",
        "Yerevan",
        "Ilham Aliyev",
    ]
    assert all(article.body[s.start : s.end] == s.text for s in spans)
    assert {s.canonical for s in spans if s.type == "PERSON"} == {"Ilham Aliyev", "Nikol Pashinyan"}


def test_changed_entity_rules_re_extract_every_article(corpus, tmp_path):
    rules = {"version": "v1", "extra": []}

    def extract(body):
        found = gazetteer_entities(body)
        for word in rules["extra"]:
            at = body.find(word)
            if at >= 0:
                found.append(EntitySpan(at, at + len(word), "ORG", word, word))
        return found

    service = make_service(
        corpus, tmp_path / "index", extract=extract, fingerprint=lambda: rules["version"]
    )
    service.update()
    assert _titles(service, "org:mission") == set()
    rules.update(version="v2", extra=["mission"])
    assert service.needs_update()
    report = service.update()
    assert report.updated == 3
    assert _titles(service, "org:mission") == {"OSCE visit"}


def test_facets_count_articles_per_name_among_the_results(service):
    facets = {facet.field: dict(facet.values) for facet in service.facets("")}
    assert facets["place"] == {"Baku": 2, "Yerevan": 1}
    assert facets["person"] == {"Ilham Aliyev": 1, "Nikol Pashinyan": 1}
    assert facets["source"] == {"Caliber.Az": 2, "Trend": 1}
    narrowed = {facet.field: dict(facet.values) for facet in service.facets("osce")}
    assert narrowed["place"] == {"Baku": 1}


def test_facets_follow_the_index_after_an_update(service, corpus):
    assert dict(service.facets("")[0].values) == {"Ilham Aliyev": 1, "Nikol Pashinyan": 1}
    write_articles(
        corpus,
        "talks.txt",
        {"title": "Talks end", "body": "Nikol Pashinyan left Baku.", "source": "Trend"},
    )
    service.update(rebuild=True)  # article numbers start again from the first
    facets = {facet.field: dict(facet.values) for facet in service.facets("")}
    assert facets["person"] == {"Nikol Pashinyan": 1}
    assert facets["place"] == {"Baku": 2}
    assert facets["source"] == {"Trend": 2}


def test_a_failing_extractor_leaves_the_article_searchable(corpus, tmp_path):
    def extract(body):
        raise ValueError("bad rules")

    service = make_service(corpus, tmp_path / "index", extract=extract)
    assert service.update().articles == 3
    assert _titles(service, "Pashinyan") == {"Peace talks resume"}
    assert service.entities(service.search("Pashinyan").hits[0].id) == []
