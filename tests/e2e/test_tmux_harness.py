"""The terminal driver itself: it waits for what is on screen, reports what it saw, cleans up."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, WaitTimeout

pytestmark = pytest.mark.e2e


def test_typed_command_output_is_waited_for_and_its_exit_status_read(terminal: Terminal):
    terminal.run_with_status("printf 'alpha-%s\\n' 42; false")

    status, screen = terminal.wait_for_exit()

    assert status == 1
    assert "alpha-42" in screen.splitlines()


def test_a_wait_that_never_matches_fails_showing_the_last_screen(terminal: Terminal):
    terminal.run("echo visible-line")
    terminal.wait_for(re.compile(r"^visible-line$", re.MULTILINE))

    with pytest.raises(WaitTimeout, match="visible-line"):
        terminal.wait_for("never-printed", timeout=0.3)


def test_closing_the_terminal_ends_its_tmux_server_and_removes_its_socket(terminal: Terminal):
    assert Path(terminal.socket_path).exists()

    terminal.close()

    alive = subprocess.run(
        ["tmux", "-L", terminal.socket, "has-session"], capture_output=True, check=False
    )
    assert alive.returncode != 0
    assert not Path(terminal.socket_path).exists()
