"""`briefing articles --json` says where each article's source, date and author came from."""

from __future__ import annotations

import json

from tests.cli.index_cli_helpers import briefing, write_corpus

STORIES = {
    "wire.txt": "Ceasefire talks resume\n\nBy Jane Doe and John Roe, Reuters\n\n"
    "MOSCOW, July 12, 2024 (Reuters) - Talks resumed on Friday after a week's pause.\n",
    "agency.txt": "Ferry line reopens\n\nBAKU, 3 March (Trend) – The ferry line to Aktau"
    " reopened on Monday.\n",
    "bulletin.txt": "CENTER FOR CASPIAN STUDIES\n\nJULY-2024\n\nBULLETIN\n\n"
    "Table of contents\n\n- I. **Ports expand**\n- II. **Rail link opens**\n\n"
    "I. Ports expand\n\nThe ports of the region expanded their capacity.\n\n"
    "II. Rail link opens\n\nA new rail link opened between the two capitals.\n",
    "review.txt": "Harbour strike ends after two weeks Caliber.Az weekly review\n\n"
    "Dock workers returned to work on Monday.\n",
    "plain.txt": "Notes on the summit\n\nThe delegates met for two days and agreed on little.\n",
}


def listed(corpus) -> dict[str, list[dict]]:
    out = briefing("articles", "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    by_file: dict[str, list[dict]] = {}
    for article in json.loads(out.stdout):
        by_file.setdefault(article["path"], []).append(article)
    return by_file


def test_each_field_names_where_it_was_found(tmp_path):
    articles = listed(write_corpus(tmp_path / "corpus", STORIES))
    (wire,) = articles["wire.txt"]
    assert (wire["source"], wire["date"], wire["author"]) == (
        "Reuters",
        "2024-07-12",
        "Jane Doe and John Roe",
    )
    assert wire["origins"] == {"author": "byline", "source": "byline", "date": "dateline"}
    (agency,) = articles["agency.txt"]
    # "3 March" states no year: the date stays empty rather than guessed.
    assert (agency["source"], agency["date"], agency["origins"]) == (
        "Trend",
        None,
        {"source": "dateline"},
    )
    for article in articles["bulletin.txt"]:
        assert (article["source"], article["date"]) == ("Center for Caspian Studies", "2024-07")
        assert article["origins"] == {"source": "header", "date": "header"}
    (review,) = articles["review.txt"]
    assert (review["title"], review["source"], review["origins"]) == (
        "Harbour strike ends after two weeks",
        "Caliber.Az",
        {"source": "title"},
    )
    (plain,) = articles["plain.txt"]
    assert (plain["source"], plain["date"], plain["author"], plain["origins"]) == (
        None,
        None,
        None,
        {},
    )


def test_seed_bulletin_and_page_say_where_their_metadata_came_from():
    out = briefing("articles", "--json")
    assert out.returncode == 0, out.stderr
    articles = json.loads(out.stdout)
    bulletin = [a for a in articles if a["path"].startswith("002_")]
    assert len(bulletin) == 4
    assert all(a["origins"] == {"source": "header", "date": "header"} for a in bulletin)
    (page,) = [a for a in articles if a["path"].startswith("004_")]
    assert page["origins"] == {"author": "title", "date": "header", "source": "copyright"}
    (review,) = [a for a in articles if a["path"].startswith("000_")]
    assert (review["source"], review["date"], review["origins"]) == (
        "Caliber.Az",
        None,
        {"source": "title"},
    )
