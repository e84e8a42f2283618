"""`briefing search --saved NAME`: a search saved in the app, run from the command line."""

from __future__ import annotations

import json

import pytest

from tests.cli.index_cli_helpers import briefing, write_corpus
from tui.state import RememberedState


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def saved_json(corpus, name: str) -> dict:
    out = briefing("search", "--saved", name, "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_saved_search_marks_its_new_hits_and_then_counts_them_seen(corpus):
    RememberedState(corpus).save_search("money", "rates OR oil", [])
    first = saved_json(corpus, "money")
    assert first["query"] == "rates OR oil"
    assert {r["title"]: r["new"] for r in first["results"]} == {
        "Central bank holds rates": True,
        "Oil prices climb in Baku": True,
    }
    again = saved_json(corpus, "money")
    assert [r["new"] for r in again["results"]] == [False, False]
    assert RememberedState(corpus).saved_search("money").seen == {r["id"] for r in first["results"]}


def test_text_output_names_the_search_and_marks_new_hits(corpus):
    state = RememberedState(corpus)
    state.save_search("oil", "oil", [])
    out = briefing("search", "--saved", "oil", "--corpus", str(corpus))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Saved search 'oil': oil  (1 new)"
    assert "Oil prices climb in Baku" in out.stdout and "  new" in out.stdout


def test_an_unknown_name_is_a_usage_error_listing_the_saved_names(corpus):
    state = RememberedState(corpus)
    state.save_search("money", "rates", [])
    state.save_search("energy", "oil", [])
    out = briefing("search", "--saved", "sport", "--corpus", str(corpus))
    assert out.returncode == 2
    assert "no saved search named 'sport'" in out.stderr
    assert "'energy', 'money'" in out.stderr


def test_with_no_saved_searches_the_error_says_so(corpus):
    out = briefing("search", "--saved", "sport", "--corpus", str(corpus))
    assert out.returncode == 2
    assert "there are no saved searches yet" in out.stderr


def test_a_query_and_saved_together_or_neither_is_a_usage_error(corpus):
    assert briefing("search", "oil", "--saved", "x", "--corpus", str(corpus)).returncode == 2
    assert briefing("search", "--corpus", str(corpus)).returncode == 2


def test_the_command_line_reads_the_last_word_as_typed_not_as_a_prefix(corpus):
    out = briefing("search", "Centr", "--corpus", str(corpus), "--json")
    assert json.loads(out.stdout)["total"] == 0
    out = briefing("search", "Centr*", "--corpus", str(corpus), "--json")
    assert json.loads(out.stdout)["total"] == 1
