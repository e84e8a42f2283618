"""What the app reads before its index is open: the article list, without Whoosh."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from search.service import open_search_service
from tui.remembered import RememberedArticles

PROJECT = Path(__file__).resolve().parents[2]

LIST_WITHOUT_WHOOSH = """
import sys
from search.service import open_search_service
service = open_search_service(sys.argv[1])
titles = sorted(a.title for a in service.articles())
loaded = sorted(m for m in sys.modules if m == "whoosh" or m.startswith("whoosh."))
print(len(titles), titles[0], loaded)
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(4):
        (folder / f"note-{n}.txt").write_text(
            f"Grain exports week {n}\n\nShipments of grain rose in week {n}.\n", encoding="utf-8"
        )
    return folder


def test_listing_an_indexed_corpus_imports_no_whoosh(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    open_search_service(corpus).update()
    out = subprocess.run(
        [sys.executable, "-c", LIST_WITHOUT_WHOOSH, str(corpus)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split(" ", 1)[0] == "4"
    assert "Grain exports week 0" in out.stdout
    assert out.stdout.strip().endswith("[]"), out.stdout


def test_the_listing_matches_what_the_open_index_holds(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    service = open_search_service(corpus)
    service.update()
    listed = open_search_service(corpus).articles()
    everything = service.search("", limit=100)
    assert sorted(a.id for a in listed) == sorted(hit.id for hit in everything.hits)
    assert everything.total == len(listed) == 4


def test_an_unindexed_corpus_lists_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    assert open_search_service(corpus).articles() == []


def test_remembered_articles_are_read_in_the_background(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    open_search_service(corpus).update()
    release = threading.Event()

    def read():
        release.wait(10)
        return open_search_service(corpus).articles()

    remembered = RememberedArticles(read)
    assert remembered.get(timeout=0) is None
    release.set()
    articles = remembered.get(timeout=10)
    assert articles is not None
    assert sorted(a.title for a in articles)[0] == "Grain exports week 0"


def test_an_unreadable_list_counts_as_nothing_remembered():
    def read():
        raise OSError("the cache folder is gone")

    assert RememberedArticles(read).get(timeout=10) == []
