"""`briefing search`: ranked results, JSON, "did you mean", malformed queries, auto-update."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.locations import seeds_dir
from tests.cli.index_cli_helpers import briefing, write_corpus


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def _json(*args):
    out = briefing("search", *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_search_without_a_prior_index_updates_it_quietly(corpus):
    out = briefing("search", "inflation", "--corpus", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Central bank holds rates" in out.stdout
    assert "inflation" in out.stdout
    assert out.stderr == ""


def test_text_results_show_title_details_score_and_snippet(corpus):
    out = briefing("search", "oil", "--corpus", str(corpus))
    lines = out.stdout.splitlines()
    assert lines[0] == "1 result, showing 1"
    assert lines[2].startswith("1. Oil prices climb in Baku  score ")
    assert lines[3].strip().endswith("oil.txt")
    assert "Oil prices rose sharply" in lines[4]


def test_json_result_fields_and_marked_snippet(corpus):
    data = _json("rates", "--corpus", str(corpus))
    assert data["total"] == 1
    (result,) = data["results"]
    assert set(result) >= {"id", "title", "source", "date", "path", "url", "score", "snippet"}
    assert "«rates»" in result["snippet"]
    start, end = result["highlights"][0]
    assert result["snippet_text"][start:end] == "rates"
    assert "rates" in data["terms"]


def test_new_file_is_found_on_the_next_search(corpus):
    _json("goal", "--corpus", str(corpus))
    (corpus / "new.txt").write_text("Harvest breaks records\n\nFarmers report a record harvest.\n")
    data = _json("harvest", "--corpus", str(corpus))
    assert [r["title"] for r in data["results"]] == ["Harvest breaks records"]


def test_limit_caps_the_results(corpus):
    data = _json("", "--corpus", str(corpus), "--limit", "2")
    assert (len(data["results"]), data["total"]) == (2, 3)


def test_misspelt_name_gets_a_suggestion_in_text_and_json():
    assert _json("Alyiev")["suggestion"] == "Aliyev"
    out = briefing("search", "Alyiev")
    assert "Did you mean: Aliyev" in out.stdout


def test_seeds_are_searched_by_default():
    data = _json("Aliyev")
    assert data["total"] > 0
    # Paths are relative to the corpus searched: here, files of the bundled seeds.
    assert all(not Path(r["path"]).is_absolute() for r in data["results"])
    assert all((seeds_dir() / r["path"]).is_file() for r in data["results"])


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "(unbalanced", "person:", "*", "x" * 5000, "date:[2024 to zz]", "[a to"],
)
def test_malformed_query_gives_results_or_one_line_error(corpus, query):
    out = briefing("search", query, "--corpus", str(corpus))
    assert out.returncode in (0, 2)
    assert "Traceback" not in out.stderr
    if out.returncode == 2:
        assert len(out.stderr.strip().splitlines()) == 1
        assert out.stderr.startswith("briefing: ")


@pytest.mark.parametrize("args", [[], ["oil", "--limit", "0"], ["oil", "--limit", "many"]])
def test_usage_errors_exit_2(args):
    out = briefing("search", *args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_markup_and_escapes_in_documents_are_printed_literally(tmp_path):
    corpus = write_corpus(
        tmp_path / "corpus",
        {
            "odd.txt": "Odd title [bold red]x[/]\n\nBody with [link=file:///etc/passwd]markup[/link].\n"
        },
    )
    out = briefing("search", "markup", "--corpus", str(corpus))
    assert "[bold red]x[/]" in out.stdout
    assert "[link=file:///etc/passwd]" in out.stdout
