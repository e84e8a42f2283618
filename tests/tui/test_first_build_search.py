"""On a new folder the list fills and searches answer while the first index build runs.

The build commits after its first 4 files and then after runs that double (4, 8, 16,
12 of 40 files). The real reader is held at the first file of the second and third
runs until the test lets it go, so what the screen shows between commits is checked
without timing anything: the status line says how many files are indexed, the list
grows without moving the cursor off its article, a query typed meanwhile is answered
and answered again as the index grows, and the line goes once the build is done.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from search.index import growing
from search.reading.reader import read_articles
from search.service import open_search_service
from tests.tui.conftest import screen_text
from tui.app import make_app
from tui.widgets.search.facets import FacetPanel
from tui.widgets.search.view import SearchView

FILES = 40
GIVE_UP_SECONDS = 20.0


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(FILES):
        topic = "harbour" if n % 2 == 0 else "railway"
        (folder / f"story-{n:02}.txt").write_text(
            f"Story {n} about the {topic}\n\nThe {topic} at place {n} reopened today.\n",
            encoding="utf-8",
        )
    return folder


class HeldReader:
    """The real reader, held before each named file until the test releases it."""

    def __init__(self, corpus: Path, held: list[str]) -> None:
        self.corpus = corpus
        self.gates = {name: threading.Event() for name in held}

    def __call__(self, path: Path):
        gate = self.gates.get(path.name)
        if gate is not None:
            gate.wait(timeout=GIVE_UP_SECONDS)
        return read_articles(path, self.corpus)

    def release(self, name: str) -> None:
        self.gates[name].set()

    def release_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


async def until(pilot, predicate) -> None:
    """Let the app run until ``predicate()`` holds (the build's worker stays busy, so
    waiting for every worker to finish is not an option)."""
    give_up = time.monotonic() + GIVE_UP_SECONDS
    while not predicate():
        if time.monotonic() > give_up:
            raise AssertionError("the screen never showed what the test waited for")
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.fixture
def small_first_run(monkeypatch):
    monkeypatch.setattr(growing, "FIRST_RUN_FILES", 4)


async def test_the_list_and_searches_follow_each_commit_of_a_first_build(tmp_path, small_first_run):
    corpus = write_corpus(tmp_path / "corpus")
    service = open_search_service(corpus)
    reader = HeldReader(corpus, ["story-04.txt", "story-12.txt"])
    service.indexer._read = reader
    app = make_app(corpus, service=service)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.screen.query_one(SearchView)
            facets = app.screen.query_one(FacetPanel)
            await until(pilot, lambda: "Indexed 4 of 40 files" in screen_text(app))
            await until(pilot, lambda: "4 articles" in screen_text(app))
            await until(pilot, lambda: "still indexing: 4/40" in screen_text(app))
            # The cursor on the third article stays on it as the list grows.
            view.results_list.focus()
            await pilot.press("down", "down")
            chosen = view.results_list.current.key
            reader.release("story-04.txt")
            await until(pilot, lambda: "12 articles" in screen_text(app))
            assert "Indexed 12 of 40 files" in screen_text(app)
            assert view.results_list.current.key == chosen

            # A query typed now is answered over the files indexed so far, then again.
            view.focus_input()
            await pilot.press(*"harbour")
            await until(pilot, lambda: "6 hits" in screen_text(app))
            reader.release("story-12.txt")
            await until(pilot, lambda: "20 hits" in screen_text(app))
            assert view.query == "harbour"
            await until(pilot, lambda: "Indexed" not in screen_text(app))
            await until(pilot, lambda: facets.expected is not None)
            assert "still indexing" not in screen_text(app)
    finally:
        reader.release_all()
