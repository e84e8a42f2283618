"""Finding this environment's console scripts, whether or not its venv is activated."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest


def installed_command(name: str) -> str | None:
    """A console script of this Python environment (beside ``sys.executable``), else on PATH.

    Args:
        name: the command, e.g. ``"briefing"``.

    Returns:
        Its path, or None when it is not installed.
    """
    beside_python = Path(sys.executable).parent / name
    if beside_python.exists():
        return str(beside_python)
    return shutil.which(name)


def required_command(name: str) -> str:
    """The path of console script ``name``; the test fails, saying how to install it, without it."""
    path = installed_command(name)
    if path is None:
        pytest.fail(f"the {name} command is not installed: pip install -e '.[test]'")
    return path
