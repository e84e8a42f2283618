"""Timelines, statements and entity pages through the service, on a real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.service import open_search_service

TALKS = """Aliyev and Pashinyan to meet in Baku on 12 July

2 July 2024

Ilham Aliyev met Nikol Pashinyan in Brussels on July 1 to prepare the treaty. Aliyev and \
Pashinyan agreed that the border commission would meet again.

"We will sign the treaty before the winter," Aliyev said. According to Pashinyan, the \
border talks made progress last week.

The two leaders first met in Prague in October 2022.
"""
GAS = """Gas deal signed in Baku

15 March 2024

Ilham Aliyev welcomed the European Commission delegation in Baku yesterday. Aliyev and \
Pashinyan were not seen together at the ceremony.

Ursula von der Leyen told reporters that Azerbaijan was a reliable partner.
"""
BANK = """Central bank holds rates

20 January 2025

The central bank kept rates unchanged on Monday. "Inflation is slowing across the \
region," said governor Taleh Kazimov.
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in {"talks.txt": TALKS, "gas.txt": GAS, "bank.txt": BANK}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def service(corpus):
    found = open_search_service(corpus)
    found.update()
    return found


def _dated(events) -> list[tuple[str, str]]:
    return [(event.date, event.sentence) for event in events]


def test_the_timeline_lists_every_dated_sentence_by_date(service):
    events = service.timeline()
    dates = [event.date_start for event in events]
    assert dates == sorted(dates)
    found = {event.sentence: event for event in events}
    october = found["The two leaders first met in Prague in October 2022."]
    assert (october.date, october.precision, october.resolved) == ("2022-10", "month", False)
    assert october.article_date == "2024-07-02"
    last_week = found["According to Pashinyan, the border talks made progress last week."]
    assert (last_week.date, last_week.resolved) == ("2024-06-24/2024-06-30", True)
    headline = found["Aliyev and Pashinyan to meet in Baku on 12 July"]
    assert (headline.part, headline.date, headline.start) == ("title", "2024-07-12", 0)


def test_an_events_offsets_point_at_its_sentence(service):
    for event in service.timeline("treaty"):
        article = service.article(event.article_id)
        text = article.title if event.part == "title" else article.body
        assert text[event.start : event.end] == event.sentence


def test_a_query_and_a_date_range_narrow_the_timeline(service):
    events = service.timeline("gas", date_from="2024-03", date_to="2024")
    assert _dated(events) == [
        (
            "2024-03-14",
            "Ilham Aliyev welcomed the European Commission delegation in Baku yesterday.",
        )
    ]
    assert all(e.date_start >= "2025" for e in service.timeline(None, date_from="2025-01-01"))


def test_the_timeline_of_one_article(service):
    bank = next(a for a in service.articles() if a.title == "Central bank holds rates")
    events = service.timeline(article_id=bank.id)
    assert _dated(events) == [("2025-01-20", "The central bank kept rates unchanged on Monday.")]


def test_statements_of_a_speaker_named_by_an_alias_or_a_word_of_the_name(service):
    aliyev = service.statements("aliyev")
    assert [(s.speaker, s.kind, s.text) for s in aliyev] == [
        ("Ilham Aliyev", "direct", "We will sign the treaty before the winter,")
    ]
    statement = aliyev[0]
    assert service.article(statement.article_id).body[statement.start : statement.end] == (
        statement.text
    )
    reported = service.statements("VON DER LEYEN")
    assert [(s.speaker, s.kind, s.text) for s in reported] == [
        ("Ursula von der Leyen", "reported", "Azerbaijan was a reliable partner")
    ]
    assert service.statements("Nobody Known") == []


def test_an_entity_page_ranks_who_shares_sentences_with_it(service):
    page = service.entity("Aliyev")
    assert (page.name, page.type, page.aliases, page.articles) == (
        "Ilham Aliyev",
        "PERSON",
        ("Aliyev",),
        2,
    )
    assert [(m.month, m.articles) for m in page.mentions] == [("2024-03", 1), ("2024-07", 1)]
    # Brussels shares a single sentence with him: too little to rank.
    assert [(c.name, c.count, c.articles) for c in page.cooccurring] == [("Nikol Pashinyan", 3, 2)]
    evidence = page.cooccurring[0].evidence
    assert "Ilham Aliyev met Nikol Pashinyan in Brussels on July 1 to prepare the treaty." in [
        e.sentence for e in evidence
    ]
    assert service.entity("Nobody Known") is None


def test_the_graph_export_holds_the_pairs_sharing_sentences(service):
    edges = service.cooccurrence_graph()
    assert [(e.source, e.target, e.count) for e in edges] == [
        ("Ilham Aliyev", "Nikol Pashinyan", 3)
    ]
    assert service.cooccurrence_graph("pashinyan") == edges


def test_a_changed_file_changes_only_its_own_events(service, corpus):
    before = {e.sentence: e for e in service.timeline() if e.title != "Central bank holds rates"}
    (corpus / "bank.txt").write_text(BANK.replace("on Monday", "on 3 January"), encoding="utf-8")
    report = service.update()
    assert report.updated == 1
    after = service.timeline()
    assert "The central bank kept rates unchanged on 3 January." in [e.sentence for e in after]
    assert {e.sentence: e for e in after if e.title != "Central bank holds rates"} == before


def test_entity_corrections_change_speakers_and_companions(service, corpus, tmp_path):
    config = Path(tmp_path / "config")
    config.mkdir(exist_ok=True)
    (config / "entities.yaml").write_text(
        "- ignore: Pashinyan\n- ignore: Nikol Pashinyan\n", encoding="utf-8"
    )
    service.update()
    assert service.statements("Pashinyan") == []
    assert service.entity("Aliyev").cooccurring == ()


def test_a_name_means_the_entity_most_articles_name_so_whatever_its_type(tmp_path):
    # Two articles about a minister whose surname is a city, twelve about the city: the
    # few people named "Lisbon" must not win because people are looked up first.
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(2):
        (folder / f"minister-{number}.txt").write_text(
            f"Minister speaks {number}\n\nMinister Anna Lisbon spoke to reporters on Monday. "
            "Lisbon said the budget would pass. Lisbon added that talks would go on.\n",
            encoding="utf-8",
        )
    for number in range(12):
        (folder / f"city-{number}.txt").write_text(
            f"Report {number}\n\nTrams in Lisbon ran late again, and Lisbon council met "
            "officials from Porto.\n",
            encoding="utf-8",
        )
    service = open_search_service(folder)
    service.update()
    assert service.resolve_entity("Anna Lisbon") == ("Anna Lisbon", "PERSON")
    assert service.resolve_entity("lisbon") == ("Lisbon", "PLACE")
    page = service.entity("Lisbon")
    assert (page.name, page.type, page.articles) == ("Lisbon", "PLACE", 12)
