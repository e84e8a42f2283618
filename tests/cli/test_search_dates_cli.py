"""`briefing search --from DATE --to DATE`: a date range beside the query."""

from __future__ import annotations

import json

import pytest

from tests.cli.index_cli_helpers import briefing, write_corpus

DATED = {
    "march.txt": "Budget unveiled\n\n14 March 2024\n\nThe finance ministry unveiled the budget.\n",
    "may.txt": "Cranes replaced\n\n12 May 2024\n\nThe port replaced its budget cranes.\n",
    "june.txt": "Leaders meet\n\n2024-06-02\n\nLeaders met to discuss the budget.\n",
    "undated.txt": "Budget debate\n\nThe budget debate went on into the night.\n",
}


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", DATED)


def _titles(corpus, *args: str) -> list[str]:
    out = briefing("search", "budget", "--corpus", str(corpus), "--json", *args)
    assert out.returncode == 0, out.stderr
    return sorted(result["title"] for result in json.loads(out.stdout)["results"])


def test_from_and_to_keep_the_articles_dated_within_the_range(corpus):
    assert _titles(corpus, "--from", "2024-04", "--to", "2024-06") == [
        "Cranes replaced",
        "Leaders meet",
    ]
    assert _titles(corpus, "--to", "2024-05") == ["Budget unveiled", "Cranes replaced"]
    assert _titles(corpus, "--from", "2024-06-02") == ["Leaders meet"]
    assert _titles(corpus, "--from", "2024", "--to", "2024") == [
        "Budget unveiled",
        "Cranes replaced",
        "Leaders meet",
    ]
    assert "Budget debate" in _titles(corpus)


@pytest.mark.parametrize("args", [["--from", "2024-13"], ["--to", "yesterday"], ["--from", "24"]])
def test_a_bad_date_is_one_line_and_exit_2(corpus, args):
    out = briefing("search", "budget", "--corpus", str(corpus), *args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "2024-07-15" in out.stderr


def test_help_says_undated_articles_are_left_out():
    out = briefing("search", "--help")
    assert out.returncode == 0
    assert "--from DATE" in out.stdout and "--to DATE" in out.stdout
    assert "no date are left out" in " ".join(out.stdout.split())
