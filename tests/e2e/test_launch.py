"""Launching the installed ``briefing`` in a real terminal: the seeds, a missing folder, help."""

from __future__ import annotations

import re

import pytest

from search.locations import seeds_dir
from tests.e2e.tmux import EXIT_MARK, Terminal

pytestmark = pytest.mark.e2e

SEED_TITLES = ("False start by Yerevan", "Relations between Russia and Azerbaijan")
ARTICLE_COUNT = re.compile(r"\b(\d+) articles\b")


def test_first_launch_indexes_the_seeds_with_progress_then_lists_their_articles(
    terminal: Terminal, tmp_path
):
    seed_files = sum(1 for path in seeds_dir().iterdir() if path.is_file())
    terminal.run("briefing")

    terminal.wait_for(re.compile(rf"Indexing \d+/{seed_files} files"))
    screen = terminal.wait_for(
        lambda s: all(title in s for title in SEED_TITLES) and "Indexing" not in s
    )

    assert terminal.in_alternate()
    listed = ARTICLE_COUNT.search(screen)
    assert listed and int(listed.group(1)) >= seed_files, "no article count for the seeds"
    assert any((tmp_path / "cache").rglob("*")), "the first launch left no index in the cache"


def test_missing_folder_prints_one_line_error_and_exits_non_zero(terminal: Terminal):
    terminal.run_with_status("briefing no-such-folder")

    status, screen = terminal.wait_for_exit()

    after_command = screen.split(f"{EXIT_MARK}$?", 1)[1]
    printed = after_command.split(f"{EXIT_MARK}{status}", 1)[0].strip().splitlines()
    assert status != 0
    assert len(printed) == 1, f"expected one error line, got: {printed}"
    assert printed[0].startswith("briefing:")
    assert "no-such-folder" in printed[0] and "not found" in printed[0]
    assert not terminal.in_alternate()


def test_help_in_a_terminal_lists_commands_and_data_folders(terminal: Terminal, tmp_path):
    terminal.run_with_status("briefing --help")

    status, screen = terminal.wait_for_exit()

    assert status == 0
    assert "usage: briefing" in screen
    for command in ("index", "search", "articles", "entities", "notes", "export"):
        assert f"  {command} " in screen
    assert str(tmp_path / "notes") in screen
    assert not terminal.in_alternate()
