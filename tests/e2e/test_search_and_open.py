"""Searching the seeds from the keyboard in a real terminal and opening a result to read it."""

from __future__ import annotations

import re

import pytest

from search.locations import seeds_dir
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

HIT_COUNT = re.compile(r"^ *(\d+) hits? in \d+ ms", re.MULTILINE)
# The reading pane's own counter of the query's hits in the article, with the keys to move.
HITS_IN_ARTICLE = re.compile(r"\b\d+ hits? · n next")
TITLE_PREFIX = 30


def top_result_title(screen: str) -> str:
    """The first result's title: the line under the hit count, after its reading mark (an
    unread dot or a star), up to the source column."""
    lines = screen.splitlines()
    status_row = next(i for i, line in enumerate(lines) if HIT_COUNT.match(line))
    return lines[status_row + 1].lstrip("•★ ").split("  ")[0].rstrip("…")


def shows_hits_for(word: str):
    """A screen test: a positive hit count with ``word`` in the results under it.

    Search runs as you type, so a count for a shorter prefix may be drawn first; its
    results would not contain the whole word.
    """

    def check(screen: str) -> bool:
        found = HIT_COUNT.search(screen)
        return bool(found) and int(found.group(1)) > 0 and word in screen[found.end() :]

    return check


def test_search_aliyev_shows_hit_count_and_enter_opens_the_top_result(terminal: Terminal):
    terminal.run("briefing")
    terminal.wait_for("Relations between Russia and Azerbaijan")

    terminal.send_keys("/")
    terminal.type("Aliyev")
    results = terminal.wait_for(shows_hits_for("Aliyev"))

    title = top_result_title(results)[:TITLE_PREFIX]
    assert title

    terminal.send_keys("Enter")
    seed_names = [path.name for path in seeds_dir().iterdir()]
    reading = terminal.wait_for(
        lambda s: any(name in s for name in seed_names) and HITS_IN_ARTICLE.search(s) is not None
    )

    assert title in reading, "the opened pane does not show the chosen article's title"
    shown_before = set(results.splitlines())
    body = [line for line in reading.splitlines() if "Aliyev" in line and line not in shown_before]
    assert body, "the pane shows no text of the article beyond the result snippets"
    assert not HIT_COUNT.search(reading), "the results list is still in front"
