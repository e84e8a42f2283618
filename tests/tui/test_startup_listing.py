"""Start-up on an index that already exists: the articles are listed before it is opened.

The first screen lists what the index held when last updated (read from beside it, no
Whoosh); opening, checking and updating the index follow. Each test holds the index
back with a gate so that what the user sees before it opens can be checked.
"""

from __future__ import annotations

import gc
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path

from filelock import FileLock
from textual.notifications import Notify

from search.locations import index_dir
from search.service import open_search_service
from tests.tui.conftest import SteadyClockService, screen_text, wait_for
from tui.app import make_app
from tui.controllers.startup import Phase
from tui.widgets.search.results_list import ResultsList
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import Workspace

GATE_SECONDS = 30


class HeldIndexService(SteadyClockService):
    """The real service; checking the index for updates waits until the test opens the gate."""

    def __init__(self, inner) -> None:
        super().__init__(inner)
        self.gate = threading.Event()
        self.checked = threading.Event()

    def needs_update(self):
        self.gate.wait(timeout=GATE_SECONDS)
        needed = self.inner.needs_update()
        self.checked.set()
        return needed


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        write_story(folder, n, f"Harbour story number {n}")
    return folder


def write_story(folder: Path, n: int, title: str) -> None:
    (folder / f"story-{n:02}.txt").write_text(
        f"{title}\n\nThe harbour at place {n} reopened today after a storm.\n",
        encoding="utf-8",
    )


def indexed(corpus: Path) -> Path:
    open_search_service(corpus).update()
    return corpus


def notices(messages: list) -> list[str]:
    return [m.notification.message for m in messages if isinstance(m, Notify)]


def listed_keys(app) -> list[str]:
    return [row.key for row in app.screen.query_one(ResultsList).rows]


@asynccontextmanager
async def held_open(tmp_path: Path, articles: int):
    """The app on a fresh corpus whose index stays unopened until ``service.gate`` is set."""
    corpus = indexed(write_corpus(tmp_path / "corpus", articles))
    service = HeldIndexService(open_search_service(corpus))
    app = make_app(corpus, service=service)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            yield app, pilot, service
    finally:
        service.gate.set()


async def test_articles_are_listed_before_the_index_is_opened(tmp_path):
    async with held_open(tmp_path, 7) as (app, pilot, service):
        await wait_for(pilot, lambda: "7 articles · sorted by date" in screen_text(app))
        assert "Harbour story number 3" in screen_text(app)
        assert not service.checked.is_set()
        assert not app.screen.query_one(SearchView).searchable
        await wait_for(pilot, lambda: app.screen.startup.phase is Phase.OPENING)
        early = listed_keys(app)
        service.gate.set()
        await wait_for(pilot, lambda: app.screen.query_one(SearchView).searchable)
        assert listed_keys(app) == early
        assert "7 articles · sorted by date" in screen_text(app)
        # Up to date: opened, then ready, with no update between.
        assert app.screen.startup.history == [Phase.LISTING, Phase.OPENING, Phase.READY]


async def test_f5_opens_and_checks_the_index_again_and_finds_a_new_file(tmp_path):
    async with held_open(tmp_path, 3) as (app, pilot, service):
        service.gate.set()
        await wait_for(pilot, lambda: app.screen.startup.phase is Phase.READY)
        write_story(app.corpus, 7, "Ferry timetable changes")
        await pilot.press("f5")
        await wait_for(pilot, lambda: "4 articles" in screen_text(app))
        assert "Ferry timetable changes" in screen_text(app)
        assert app.screen.startup.history[-4:] == [
            Phase.READY,
            Phase.OPENING,
            Phase.UPDATING,
            Phase.READY,
        ]


async def test_the_cursor_stays_put_when_the_index_opens_with_the_same_articles(tmp_path):
    async with held_open(tmp_path, 7) as (app, pilot, service):
        await wait_for(pilot, lambda: "7 articles" in screen_text(app))
        results = app.screen.query_one(ResultsList)
        await pilot.press("down", "down", "down")
        assert results.cursor == 2
        service.gate.set()
        await wait_for(pilot, lambda: app.screen.query_one(SearchView).searchable)
        assert results.cursor == 2


async def test_a_query_typed_before_the_index_opens_runs_once_it_is_open(tmp_path):
    async with held_open(tmp_path, 5) as (app, pilot, service):
        await wait_for(pilot, lambda: "5 articles" in screen_text(app))
        view = app.screen.query_one(SearchView)
        await pilot.press(*"storm")
        await pilot.pause(0.2)
        assert view.answered_query != "storm"
        assert "Opening the index" in screen_text(app)
        service.gate.set()
        await wait_for(pilot, lambda: view.answered_query == "storm")
        assert "5 hits" in screen_text(app)


async def test_an_article_opens_from_the_early_list(tmp_path):
    async with held_open(tmp_path, 4) as (app, pilot, service):
        await wait_for(pilot, lambda: "4 articles" in screen_text(app))
        app.screen.query_one(ResultsList).focus()
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() is not None)
        assert "reopened today after a storm" in screen_text(app)
        assert not service.checked.is_set()


async def test_a_stale_index_is_listed_then_updated_with_the_new_articles(tmp_path):
    corpus = indexed(write_corpus(tmp_path / "corpus", 3))
    write_story(corpus, 9, "Lighthouse keeper retires")
    service = HeldIndexService(open_search_service(corpus))
    app = make_app(corpus, service=service)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "3 articles" in screen_text(app))
            assert "Lighthouse keeper" not in screen_text(app)
            service.gate.set()
            await wait_for(pilot, lambda: "4 articles" in screen_text(app))
            assert "Lighthouse keeper retires" in screen_text(app)
            assert app.screen.startup.history == [
                Phase.LISTING,
                Phase.OPENING,
                Phase.UPDATING,
                Phase.READY,
            ]
            view = app.screen.query_one(SearchView)
            await pilot.press(*"lighthouse")
            await wait_for(pilot, lambda: view.answered_query == "lighthouse")
            assert "1 hit " in screen_text(app)
    finally:
        service.gate.set()


async def test_an_index_being_updated_elsewhere_is_listed_and_searchable(tmp_path):
    corpus = indexed(write_corpus(tmp_path / "corpus", 6))
    write_story(corpus, 0, "Harbour story number 0, revised")
    # Another briefing holds the update lock for the whole test.
    with FileLock(str(index_dir(corpus) / "update.lock")):
        app = make_app(corpus)
        seen: list = []
        async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
            # Listed while the update still waits for the lock (a few seconds).
            while "6 articles" not in screen_text(app):
                assert not notices(seen)
                await pilot.pause(0.02)
            busy = "Another briefing is updating this index."
            await wait_for(pilot, lambda: busy in notices(seen))
            view = app.screen.query_one(SearchView)
            await pilot.press(*"harbour")
            await wait_for(pilot, lambda: view.answered_query == "harbour")
            assert "6 hits" in screen_text(app)


async def test_without_an_index_the_list_waits_for_the_first_build(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 3)
    service = HeldIndexService(open_search_service(corpus))
    app = make_app(corpus, service=service)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.last_articles.get(timeout=0) is not None)
            await pilot.pause(0.1)
            assert "Opening the index" in screen_text(app)
            assert "articles · sorted by" not in screen_text(app)
            service.gate.set()
            await wait_for(pilot, lambda: "3 articles · sorted by" in screen_text(app))
    finally:
        service.gate.set()


async def test_the_collector_is_on_again_once_the_articles_are_listed(tmp_path):
    corpus = indexed(write_corpus(tmp_path / "corpus", 3))
    # As when launched from the command line, which starts with the collector off.
    gc.disable()
    try:
        app = make_app(corpus)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.screen.query_one(SearchView).searchable)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_collector_is_on_while_a_first_build_runs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 3)
    service = HeldIndexService(open_search_service(corpus))
    service.gate.set()
    building = threading.Event()
    release = threading.Event()
    update = service.update

    def held_update(**kwargs):
        building.set()
        release.wait(timeout=GATE_SECONDS)
        return update(**kwargs)

    service.update = held_update
    gc.disable()
    try:
        app = make_app(corpus, service=service)
        async with app.run_test(size=(120, 40)) as pilot:
            give_up = time.monotonic() + 10
            while not (building.is_set() and gc.isenabled()):
                assert time.monotonic() < give_up, "the collector stayed off during the build"
                await pilot.pause(0.02)
            release.set()
            await wait_for(pilot, lambda: "3 articles · sorted by" in screen_text(app))
    finally:
        release.set()
        gc.enable()


async def test_a_corpus_of_one_article_says_so_in_the_singular(tmp_path):
    app = make_app(indexed(write_corpus(tmp_path / "corpus", 1)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "1 article · sorted by date" in screen_text(app))
