"""Searching the seeds from the keyboard in a real terminal and opening a result to read it."""

from __future__ import annotations

import re

import pytest

from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

HIT_COUNT = re.compile(r"\b(\d+) (?:hits?|results?|articles?|matches)\b", re.IGNORECASE)


def test_search_aliyev_shows_hit_count_and_enter_opens_the_article(terminal: Terminal):
    terminal.run("briefing")
    terminal.wait_for("Relations between Russia and Azerbaijan")

    terminal.send_keys("/")
    terminal.type("Aliyev")
    results = terminal.wait_for(HIT_COUNT)

    assert int(HIT_COUNT.search(results).group(1)) > 0
    assert "Aliyev" in results
    terminal.send_keys("Enter")
    reading = terminal.wait_for(lambda screen: screen != results and "Aliyev" in screen)
    assert "Traceback" not in reading
