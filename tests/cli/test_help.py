"""Every command explains itself."""

from __future__ import annotations

import subprocess

import pytest

from tui.cli import SUBCOMMANDS, main


def test_top_level_help_lists_commands_and_data_paths(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out
    assert "briefings" in out and "index" in out


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_subcommand_has_help(name, capsys):
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"briefing {name}" in out
    assert len(out.splitlines()) > 3


def test_version_through_the_installed_command():
    out = subprocess.run(["briefing", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.startswith("briefing ")
