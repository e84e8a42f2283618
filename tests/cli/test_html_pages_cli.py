"""A folder of saved web pages through the CLI: listed by their headlines with site,
author and date, and searchable by their stories' words but not by their menus'."""

from __future__ import annotations

import json

import pytest

from tests.cli.index_cli_helpers import briefing
from tests.unit.web_pages import FURNITURE_WORDS, PAGES, write_pages


@pytest.fixture
def corpus(tmp_path):
    return write_pages(tmp_path / "downloads")


def _json(*args: str):
    out = briefing(*args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_articles_list_each_page_by_its_headline_with_site_author_and_date(corpus):
    listed = {a["path"]: a for a in _json("articles", "--corpus", str(corpus))}
    assert sorted(listed) == sorted(PAGES)
    for name, want in PAGES.items():
        got = listed[name]
        assert (got["title"], got["source"], got["author"]) == (
            want.title,
            want.source,
            want.author,
        ), name
        assert (got["date"] or "")[: len(want.date or "")] == (want.date or ""), name
        assert (got["date"] is None) == (want.date is None), name


def test_search_finds_the_stories_words_and_not_the_sites(corpus):
    for name, want in PAGES.items():
        found = _json("search", want.body_words[0], "--corpus", str(corpus))
        assert name in [hit["path"] for hit in found["results"]], want.body_words[0]
    for word in FURNITURE_WORDS:
        found = _json("search", word, "--corpus", str(corpus))
        assert found["results"] == [], word


def test_shortened_title_page_is_listed_by_its_heading_not_its_menu(tmp_path):
    corpus = write_pages(
        tmp_path / "downloads", {"harbour.html": PAGES["harbour_short_title.html"]}
    )
    out = briefing("articles", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Harbour deal signed" in out.stdout
    assert "Home | News" not in out.stdout
