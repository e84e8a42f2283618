"""Fixtures for Pilot tests: the app over the seeds (or a folder of test documents) with its
own real Whoosh index under tmp_path, and helpers that wait for what a user would see."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from search.locations import seeds_dir
from search.models import NO_FILTERS
from search.service import SearchService, open_search_service
from tui.app import make_app


@pytest.fixture
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture
def app(seeds: Path):
    """The app on the seeds, as the CLI builds it."""
    return make_app(seeds)


def screen_lines(app: App) -> list[list[Segment]]:
    """The terminal's lines, each as the styled segments drawn on it."""
    update = app.screen._compositor.render_full_update()
    return [[segment for strip in line for segment in strip] for line in update.strips]


def screen_text(app: App) -> str:
    """Every character on the terminal, line by line, as the user sees it."""
    return "\n".join("".join(s.text for s in line) for line in screen_lines(app))


def styles_of(app: App, word: str) -> list[Style]:
    """The styles of every drawn segment that starts with ``word`` (case-insensitive)."""
    return [
        segment.style
        for line in screen_lines(app)
        for segment in line
        if segment.style and segment.text.strip().lower().startswith(word.lower())
    ]


async def wait_for(pilot: Pilot, predicate: Callable[[], bool], *, timeout: float = 10.0) -> None:
    """Let the app run (workers, timers, refreshes) until ``predicate()`` holds."""
    give_up = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > give_up:
            raise AssertionError("the screen never showed what the test waited for")
        # A search typed over an earlier one cancels the earlier worker: that one is done.
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
    # Let the screen catch up with what the widgets now hold.
    await pilot.pause()


async def wait_for_text(pilot: Pilot, text: str, *, timeout: float = 10.0) -> str:
    """Wait until ``text`` is on screen; returns the screen."""
    await wait_for(pilot, lambda: text in screen_text(pilot.app), timeout=timeout)
    return screen_text(pilot.app)


async def ready(pilot: Pilot) -> None:
    """Wait until the index is open and the article list is filled."""
    await wait_for(pilot, lambda: " · sorted by " in screen_text(pilot.app))


async def facets_settled(pilot: Pilot) -> None:
    """Wait until a shown facet panel lists the facets of the query on screen."""
    from tui.widgets.search.facets import FacetPanel

    panels = [panel for panel in pilot.app.screen.query(FacetPanel) if panel.display]
    for panel in panels:
        await wait_for(
            pilot,
            lambda panel=panel: (
                panel.expected is not None
                and (panel.shown_query, panel.shown_filters) == panel.expected[:2]
            ),
        )


async def search(pilot: Pilot, query: str) -> str:
    """Type ``query`` into the search box and wait for its answer (or its error) on screen."""
    from tui.widgets.search.view import SearchView

    view = pilot.app.screen.query_one(SearchView)
    await pilot.press(*query)
    await wait_for(
        pilot,
        lambda: view.answered_query == query.strip() or "Cannot search" in screen_text(pilot.app),
    )
    return screen_text(pilot.app)


class SteadyClockService(SearchService):
    """The real service, with query times fixed so that snapshots do not change run to run."""

    def __init__(self, inner: SearchService) -> None:
        self.inner = inner
        self.corpus = inner.corpus

    def needs_update(self):
        return self.inner.needs_update()

    def update(self, **kwargs):
        return self.inner.update(**kwargs)

    def search(self, query, *, filters=NO_FILTERS, limit=50, last_word_partial=False):
        answer = self.inner.search(
            query, filters=filters, limit=limit, last_word_partial=last_word_partial
        )
        return dataclasses.replace(answer, elapsed=0.004)

    def related(self, article_id, *, limit=10):
        return self.inner.related(article_id, limit=limit)

    def facets(self, query, *, filters=NO_FILTERS, limit=10, last_word_partial=False):
        return self.inner.facets(
            query, filters=filters, limit=limit, last_word_partial=last_word_partial
        )

    def article(self, article_id):
        return self.inner.article(article_id)

    def articles(self):
        return self.inner.articles()

    def entities(self, article_id):
        return self.inner.entities(article_id)


@pytest.fixture
def steady_app(seeds: Path):
    """The app on the seeds with fixed query times, for snapshots."""
    return make_app(seeds, service=SteadyClockService(open_search_service(seeds)))
