"""`briefing timeline`, `briefing statements` and `briefing entity` on a real index."""

from __future__ import annotations

import csv
import json
from xml.etree import ElementTree

import pytest

from tests.cli.index_cli_helpers import briefing, write_corpus

STORIES = {
    "talks.txt": """Aliyev and Pashinyan to meet in Baku on 12 July

2 July 2024

Ilham Aliyev met Nikol Pashinyan in Brussels on July 1 to prepare the treaty. Aliyev and \
Pashinyan agreed that the border commission would meet again.

"We will sign the treaty before the winter," Aliyev said. According to Pashinyan, the \
border talks made progress last week.

The two leaders first met in Prague in October 2022.
""",
    "gas.txt": """Gas deal signed in Baku

15 March 2024

Ilham Aliyev welcomed the European Commission delegation in Baku yesterday. Aliyev and \
Pashinyan were not seen together at the ceremony.

Ursula von der Leyen told reporters that Azerbaijan was a reliable partner.
""",
    "bank.txt": """Central bank holds rates

20 January 2025

The central bank kept rates unchanged on Monday. "Inflation is slowing across the \
region," said governor Taleh Kazimov.
""",
}
TALKS_TITLE = "Aliyev and Pashinyan to meet in Baku on 12 July"


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", STORIES)


def _json(*args: str):
    out = briefing(*args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _events(corpus, *args: str) -> list[dict]:
    return _json("timeline", *args, "--corpus", str(corpus))


def test_the_timeline_is_sorted_by_the_dates_the_sentences_mention(corpus):
    events = _events(corpus)
    assert [e["date"] for e in events] == [
        "2022-10",
        "2024-03-14",
        "2024-06-24/2024-06-30",
        "2024-07-01",
        "2024-07-12",
        "2025-01-20",
    ]
    first_meeting = events[0]
    assert first_meeting["sentence"] == "The two leaders first met in Prague in October 2022."
    assert (first_meeting["precision"], first_meeting["resolved"]) == ("month", False)
    assert first_meeting["article_date"] == "2024-07-02"


def test_from_and_to_keep_the_events_within_the_range(corpus):
    events = _events(corpus, "--from", "2024-06-30", "--to", "2024-07")
    assert [e["date"] for e in events] == ["2024-06-24/2024-06-30", "2024-07-01", "2024-07-12"]
    assert _events(corpus, "Pashinyan", "--from", "2025") == []
    bad = briefing("timeline", "--from", "July", "--corpus", str(corpus))
    assert bad.returncode == 2 and "2024-07" in bad.stderr


def test_a_relative_date_is_resolved_from_the_articles_date(corpus):
    (yesterday,) = [e for e in _events(corpus, "gas") if "yesterday" in e["sentence"]]
    assert (yesterday["date"], yesterday["precision"], yesterday["resolved"]) == (
        "2024-03-14",
        "day",
        True,
    )


def test_a_date_in_the_headline_is_an_event_of_the_title(corpus):
    (headline,) = [e for e in _events(corpus, "treaty") if e["part"] == "title"]
    assert (headline["date"], headline["sentence"]) == ("2024-07-12", TALKS_TITLE)
    assert (headline["start"], headline["end"]) == (0, len(TALKS_TITLE))


def test_text_output_groups_events_by_year_and_month(corpus):
    out = briefing("timeline", "--corpus", str(corpus))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines.index("2024") < lines.index("  March") < lines.index("  June")
    assert lines.index("  July") < lines.index("2025") < lines.index("  January")


def test_statements_of_a_speaker_named_by_an_alias(corpus):
    statements = _json("statements", "aliyev", "--corpus", str(corpus))
    assert [(s["speaker"], s["kind"], s["text"]) for s in statements] == [
        ("Ilham Aliyev", "direct", "We will sign the treaty before the winter,")
    ]
    body = STORIES["talks.txt"].split("\n\n", 2)[2]
    assert body[statements[0]["start"] : statements[0]["end"]] == statements[0]["text"]
    reported = _json("statements", "Pashinyan", "--corpus", str(corpus))
    assert [(s["kind"], s["text"]) for s in reported] == [
        ("reported", "the border talks made progress last week")
    ]


def test_an_unknown_name_is_one_line_and_exit_2(corpus):
    for command in ("statements", "entity"):
        out = briefing(command, "Nobody Known", "--corpus", str(corpus))
        assert out.returncode == 2
        assert "Nobody Known" in out.stderr and not out.stdout


def test_the_entity_page_lists_who_shares_sentences_with_their_evidence(corpus):
    page = _json("entity", "Ilham Aliyev", "--corpus", str(corpus))
    assert (page["name"], page["type"], page["aliases"], page["articles"]) == (
        "Ilham Aliyev",
        "PERSON",
        ["Aliyev"],
        2,
    )
    assert [(m["month"], m["articles"]) for m in page["mentions"]] == [
        ("2024-03", 1),
        ("2024-07", 1),
    ]
    (pashinyan,) = page["cooccurring"]
    assert (pashinyan["name"], pashinyan["count"], pashinyan["articles"]) == (
        "Nikol Pashinyan",
        3,
        2,
    )
    evidence = {e["sentence"] for e in pashinyan["evidence"]}
    assert "Aliyev and Pashinyan were not seen together at the ceremony." in evidence


def test_the_cooccurrence_graph_exports_as_graphml_and_csv(corpus, tmp_path):
    graphml, edges = tmp_path / "graph.graphml", tmp_path / "edges.csv"
    assert (
        briefing("entity", "aliyev", "--corpus", str(corpus), "--graphml", str(graphml)).returncode
        == 0
    )
    assert (
        briefing("entity", "aliyev", "--corpus", str(corpus), "--edges", str(edges)).returncode == 0
    )
    namespace = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ElementTree.parse(graphml).getroot().find("g:graph", namespace)
    labels = sorted(
        node.find("g:data[@key='label']", namespace).text
        for node in graph.findall("g:node", namespace)
    )
    assert labels == ["Ilham Aliyev", "Nikol Pashinyan"]
    (edge,) = graph.findall("g:edge", namespace)
    assert edge.find("g:data[@key='weight']", namespace).text == "3"
    with edges.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Source"], r["Target"], r["Weight"]) for r in rows] == [
        ("Ilham Aliyev", "Nikol Pashinyan", "3")
    ]


def test_a_changed_file_changes_only_its_own_events(corpus):
    before = _events(corpus)
    bank = corpus / "bank.txt"
    bank.write_text(STORIES["bank.txt"].replace("on Monday", "on 3 January"), encoding="utf-8")
    after = _events(corpus)
    others = [e for e in before if e["title"] != "Central bank holds rates"]
    assert [e for e in after if e["title"] != "Central bank holds rates"] == others
    assert [e["date"] for e in after if e["title"] == "Central bank holds rates"] == ["2025-01-03"]


def test_entity_corrections_change_the_speaker_and_the_companions(corpus, tmp_path):
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    corrections = config / "entities.yaml"
    corrections.write_text(
        "- merge: [Pashinyan, Nikol Pashinyan]\n  into: Prime Minister Pashinyan\n",
        encoding="utf-8",
    )
    reported = _json("statements", "pashinyan", "--corpus", str(corpus))
    assert [s["speaker"] for s in reported] == ["Prime Minister Pashinyan"]
    page = _json("entity", "aliyev", "--corpus", str(corpus))
    assert [c["name"] for c in page["cooccurring"]] == ["Prime Minister Pashinyan"]
    corrections.write_text("- ignore: Pashinyan\n- ignore: Nikol Pashinyan\n", encoding="utf-8")
    assert briefing("statements", "Pashinyan", "--corpus", str(corpus)).returncode == 2
    assert _json("entity", "aliyev", "--corpus", str(corpus))["cooccurring"] == []
