"""Every mention of an entity across the corpus, with its context, from the service."""

from __future__ import annotations

import pytest

from search.models import entity_query
from search.models.articles import EntitySpan
from search.query.mentions import mentions_in
from search.service import SearchService
from tests.unit.index_fixtures import make_service, write_articles


@pytest.fixture
def service(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(
        folder,
        "talks.txt",
        {
            "title": "Peace talks resume",
            "body": (
                "President Aliyev met Nikol Pashinyan in Yerevan.\n\nLater Ilham Aliyev smiled."
            ),
            "source": "Caliber.Az",
        },
        {"title": "Bank decision", "body": "The Central Bank in Baku raised rates."},
    )
    write_articles(
        folder, "other.txt", {"title": "Visit", "body": "Ilham Aliyev received an OSCE mission."}
    )
    built = make_service(folder, tmp_path / "index")
    built.update()
    return built


def test_every_mention_of_a_person_comes_with_its_article_and_context(service):
    mentions = service.mentions("Ilham Aliyev", "PERSON")
    assert sorted((m.title, m.text) for m in mentions) == [
        ("Peace talks resume", "Ilham Aliyev"),
        ("Peace talks resume", "President Aliyev"),
        ("Visit", "Ilham Aliyev"),
    ]
    for mention in mentions:
        body = service.article(mention.article_id).body
        assert body[mention.start : mention.end] == mention.text
    later = next(m for m in mentions if m.left.endswith("Later "))
    # Context is flattened to one line: the paragraph break became a space.
    assert later.left == "President Aliyev met Nikol Pashinyan in Yerevan. Later "
    assert later.right == " smiled."
    assert later.source == "Caliber.Az"


def test_an_entity_nobody_mentions_has_no_mentions(service):
    assert service.mentions("Nobody Known", "PERSON") == []
    # The same name as another type is another entity.
    assert service.mentions("Ilham Aliyev", "PLACE") == []


def test_the_limit_caps_the_mentions(service):
    assert len(service.mentions("Ilham Aliyev", "PERSON", limit=1)) == 1


def test_the_default_implementation_agrees_with_the_whoosh_one(service):
    # Any engine behind the seam gets mentions from its other methods.
    fallback = SearchService.mentions(service, "Ilham Aliyev", "PERSON")

    def where(mentions):
        return sorted((m.article_id, m.start, m.left, m.right) for m in mentions)

    assert where(fallback) == where(service.mentions("Ilham Aliyev", "PERSON"))
    assert len(fallback) == 3


def test_the_entity_query_names_the_field_and_keeps_the_name_whole():
    assert entity_query("Ilham Aliyev", "PERSON") == 'person:"Ilham Aliyev"'
    assert entity_query('The "Big" Bank', "ORG") == 'org:"The  Big  Bank"'
    assert entity_query("5 May 2024", "DATE") == '"5 May 2024"'


def test_context_is_cut_to_the_asked_width():
    body = "a" * 100 + "Baku" + "b" * 100
    spans = [EntitySpan(100, 104, "PLACE", "Baku", "Baku")]
    (mention,) = mentions_in({"id": "x", "title": "T"}, body, spans, "Baku", "PLACE", context=10)
    assert (mention.left, mention.text, mention.right) == ("a" * 10, "Baku", "b" * 10)
