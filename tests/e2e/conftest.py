"""Fixtures for end-to-end tests: a real terminal (tmux) whose shell runs the installed command.

Every terminal gets its own index cache, notes and config folders under ``tmp_path``; the
tests are skipped, with the reason, when tmux or the installed ``briefing`` is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands import installed_command
from tests.e2e.tmux import Terminal, terminal_env, tmux_path


@pytest.fixture
def briefing() -> str:
    """The path of the installed ``briefing`` command."""
    if tmux_path() is None:
        pytest.skip("tmux is not installed: end-to-end tests need a real terminal")
    path = installed_command("briefing")
    if path is None:
        pytest.skip("the briefing console script is not installed (pip install -e .)")
    return path


@pytest.fixture
def user_dirs(tmp_path: Path) -> dict[str, str]:
    """Fresh, empty index cache, notes and config folders for the app under test."""
    return {
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_NOTES_DIR": str(tmp_path / "notes"),
        "BRIEFING_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.fixture
def terminal(briefing: str, user_dirs: dict[str, str], tmp_path: Path) -> Iterator[Terminal]:
    """A 120x40 terminal at a shell prompt, the venv's commands first on its PATH."""
    env = terminal_env(user_dirs)
    env["PATH"] = f"{Path(briefing).parent}:{env.get('PATH', '')}"
    with Terminal.start(env, width=120, height=40, cwd=tmp_path) as term:
        yield term
