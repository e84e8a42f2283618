"""What the app remembers, in a real terminal: open an article, star it, change the theme,
quit, launch again: the tab is back in front, starred, in the same theme."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from search.locations import seeds_dir
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

LISTED = "articles · sorted by"
BACKGROUND = re.compile(r"\x1b\[48;2;(\d+);(\d+);(\d+)m")


def header_is_light(terminal: Terminal) -> bool:
    """Whether the top row is drawn on a light background (the first colour it sets)."""
    found = BACKGROUND.search(terminal.capture(styled=True).splitlines()[0])
    return found is not None and sum(int(part) for part in found.groups()) > 3 * 128


def test_tab_star_and_theme_come_back_after_a_relaunch(terminal: Terminal, tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    terminal.run_with_status(f"briefing {corpus}")
    listing = terminal.wait_for(LISTED)
    assert not header_is_light(terminal)

    # Escape from the empty box into the list; Enter opens its first article in a tab.
    first_row = next(line for line in listing.splitlines() if line.startswith("• "))
    terminal.send_keys("Escape", "Enter")
    reading = terminal.wait_for("Path ")
    title = reading.splitlines()[1].split("Search", 1)[1].strip().rstrip("…")
    assert title[:10] in first_row
    terminal.send_keys("*")
    terminal.wait_for(f"★ {title[:12]}")

    terminal.send_keys("C-p")
    terminal.wait_for("Search for commands")
    terminal.type("Light theme")
    terminal.wait_for("Switch to the light theme")
    terminal.send_keys("Enter")
    terminal.wait_for(lambda _: header_is_light(terminal))
    terminal.send_keys("C-q")
    status, _ = terminal.wait_for_exit()
    assert status == 0

    terminal.clear()
    terminal.run(f"briefing {corpus}")
    back = terminal.wait_for([f"★ {title[:12]}", "Path "])
    assert LISTED not in back, "the search list is in front, not the article's tab"
    assert header_is_light(terminal)
    terminal.send_keys("Escape")
    listed = terminal.wait_for(LISTED)
    assert any(line.startswith("★ ") and title[:12] in line for line in listed.splitlines())
