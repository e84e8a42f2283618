"""A query pasted or typed fast and Enter at once, in a real terminal: the right article opens.

Each query and its Enter go to tmux in one command, so the keys arrive together, as from
a paste: the app must open the best hit of the text typed, not the top row of the list
still on screen (the article list, whose first row is another article).
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

# Twenty queries, each with the start of its best hit's title; one after another they
# open different articles.
QUERIES = [
    ("Pakistan rice", "The Azerbaijan-Pakistan-Türkiye trilateral"),
    ("Airbus", "No Airbus plane deal between EU and China"),
    ("scorpions Baku", "Radically changing situation – scorpions in Baku"),
    ("Shusha forum", "Key Takeaways from Q&A session"),
    ("Albanese", "Albanese’s approach to China"),
    ("China EU summit", "China EU Summit"),
    ("six months", "“six months” timeframe"),
    ("arms spree", "Armenia's arms spree is a dangerous game"),
    ("Russia Azerbaijan relations", "Relations between Russia and Azerbaijan"),
    ("Trump Asian tour", "False start by Yerevan and Trump’s Asian tour"),
    ("Mammadov", "Yerevan and Washington set to sign partnership"),
    ("Azerbaijan China upgrade", "Azerbaijan and China upgrade bilateral relations"),
    ("Türkiye", "The Azerbaijan-Pakistan-Türkiye trilateral"),
    ("Airbus plane deal", "No Airbus plane deal between EU and China"),
    ("Putin", "Relations between Russia and Azerbaijan"),
    ("Shusha", "Key Takeaways from Q&A session"),
    ("escalation", "Armenia's arms spree is a dangerous game"),
    ("EU China", "China EU Summit"),
    ("Washington document", "Yerevan and Washington set to sign partnership"),
    ("scorpions", "Radically changing situation – scorpions in Baku"),
]
LISTING = "articles · sorted by"
HITS = re.compile(r"^ *\d+ hits? in \d+ ms", re.MULTILINE)
# The reading pane's headline: the fourth line, under the header, the tabs and their rule.
HEADLINE_ROW = 3


def reading(title: str):
    """A screen test: the article shown in the current tab is the one titled ``title``."""

    def check(screen: str) -> bool:
        lines = screen.splitlines()
        return len(lines) > HEADLINE_ROW and lines[HEADLINE_ROW].strip().startswith(title)

    return check


def test_enter_at_once_after_a_query_opens_its_best_hit_every_time(terminal: Terminal):
    terminal.run("briefing")
    terminal.wait_for(LISTING)
    terminal.type("x")  # something in the box, for the first round's way back to the list
    terminal.wait_for(HITS)
    for query, title in QUERIES:
        # Back to the search tab (the last query's hits), then empty the box: the list.
        terminal.send_keys("/")
        terminal.wait_for(HITS)
        terminal.send_keys("Escape")
        terminal.wait_for(LISTING)
        # The text and Enter in one tmux command: they arrive together, as when pasted.
        terminal.send_keys("-l", query, ";", "send-keys", "-t", terminal.target, "Enter")
        screen = terminal.wait_for(reading(title), timeout=10)
        assert LISTING not in screen, f"{query!r}: the list is still in front"
