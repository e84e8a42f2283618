"""Quitting with ``q`` ends the app and gives the terminal back as the user left it."""

from __future__ import annotations

import pytest

from tests.e2e.tmux import PROMPT, Terminal

pytestmark = pytest.mark.e2e


def test_q_quits_and_restores_the_terminal(terminal: Terminal):
    # The shell compares its terminal settings from before and after the app ran; the
    # quotes keep the typed command line from containing the word it prints.
    terminal.run_with_status(
        'before=$(stty -g); briefing; code=$?; [ "$(stty -g)" = "$before" ] && echo TTY-"SAME";'
        " (exit $code)"
    )
    terminal.wait_for("Relations between Russia and Azerbaijan")
    assert terminal.in_alternate()

    # The search box has the focus at launch (q would be typed there); Escape leaves the
    # empty box for the list, where the footer offers Enter to open and q quits.
    terminal.wait_for("^q Quit")
    terminal.send_keys("Escape")
    terminal.wait_for("⏎ Open")
    terminal.send_keys("q")
    status, screen = terminal.wait_for_exit()

    assert status == 0
    assert "TTY-SAME" in screen.splitlines(), "the app left the terminal's line settings changed"
    assert screen.splitlines()[-1] == PROMPT.rstrip(), "the shell prompt is not back"
    assert "Relations between Russia and Azerbaijan" not in screen
    assert not terminal.in_alternate(), "the app never left the alternate screen"
    # While the app runs the cursor is hidden and mouse reporting is on; both must be undone.
    modes = terminal.display("#{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag} #{mouse_all_flag}")
    assert modes == "1 0 0 0", "cursor left hidden or mouse reporting left on"
