"""From a search to a quote in the briefing through the timeline, in a real terminal:
T lists the dated sentences of the results, s quotes one, `briefing notes` shows it."""

from __future__ import annotations

import pytest

from tests.e2e.test_search_and_open import shows_hits_for
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

# The oldest dated sentence among the articles that name Aliyev.
OLDEST = "The first wave occurred in 1918"


def test_a_timeline_event_quoted_into_the_briefing(terminal: Terminal):
    terminal.run("briefing")
    terminal.wait_for("Relations between Russia and Azerbaijan")
    terminal.send_keys("/")
    terminal.type("Aliyev")
    terminal.wait_for(shows_hits_for("Aliyev"))
    terminal.send_keys("Down")  # into the results: the search box would take the T
    terminal.send_keys("T")
    shown = terminal.wait_for("Timeline: “Aliyev”")
    assert "most events:" in shown and OLDEST in shown

    terminal.send_keys("s")
    terminal.wait_for("New note on")
    terminal.wait_for("▶ Note")
    terminal.type("Oldest date in the record")
    terminal.wait_for("Oldest date in the record")
    terminal.send_keys("C-s")
    terminal.wait_for("Note saved in")
    assert "Timeline: “Aliyev”" in terminal.capture(), "the timeline stays open"
    terminal.send_keys("Escape")
    terminal.wait_for(lambda screen: "Timeline:" not in screen)
    terminal.send_keys("q")
    terminal.wait_for_shell()

    terminal.clear()
    terminal.run("briefing notes")
    listed = terminal.wait_for("Oldest date in the record")
    assert OLDEST in listed
