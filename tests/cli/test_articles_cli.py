"""`briefing articles`: every article with its metadata, as text or JSON."""

from __future__ import annotations

import json

from search.locations import seeds_dir
from tests.cli.index_cli_helpers import briefing, write_corpus

FIELDS = {
    "id",
    "title",
    "source",
    "author",
    "date",
    "url",
    "path",
    "encoding",
    "pages",
    "origins",
    "language",
}
FIELDS |= {"copies", "versions"}


def test_json_lists_every_article_in_corpus_order(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = briefing("articles", "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    articles = json.loads(out.stdout)
    assert [set(a) for a in articles] == [FIELDS] * 3
    assert [a["path"].rsplit("/", 1)[-1] for a in articles] == ["bank.txt", "oil.txt", "sport.md"]
    assert articles[1]["title"] == "Oil prices climb in Baku"


def test_text_lists_ids_titles_and_paths(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = briefing("articles", str(corpus))
    lines = out.stdout.splitlines()
    assert lines[-1] == "3 articles"
    assert any(line.endswith("  Late goal settles the final") for line in lines)
    assert any(line.strip().endswith("sport.md#0") for line in lines)


def test_deleted_file_disappears_from_the_list(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    briefing("articles", str(corpus))
    (corpus / "oil.txt").unlink()
    articles = json.loads(briefing("articles", str(corpus), "--json").stdout)
    assert [a["title"] for a in articles] == [
        "Central bank holds rates",
        "Late goal settles the final",
    ]


def test_counts_read_in_the_singular_for_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    for name in ("bank.txt", "oil.txt"):
        (corpus / name).unlink()
    assert briefing("articles", str(corpus)).stdout.splitlines()[-1] == "1 article"
    (corpus / "notes.bin").write_bytes(b"\x00\x01binary")
    assert "Skipped:   1 file\n" in briefing("index", str(corpus)).stdout


def test_seeds_list_their_metadata():
    articles = json.loads(briefing("articles", "--json").stdout)
    assert len(articles) >= 5
    # Paths are relative to the corpus folder: the same on every machine, never local.
    assert all((seeds_dir() / a["path"]).is_file() for a in articles)
    assert not any(a["path"].startswith("/") for a in articles)
    assert any(a["url"] for a in articles)
    assert any(a["source"] for a in articles)


def test_missing_corpus_is_a_usage_error(tmp_path):
    out = briefing("articles", "--corpus", str(tmp_path / "nowhere"))
    assert out.returncode == 2
