"""Every command explains itself."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from tests.commands import required_command
from tui.cli import SUBCOMMANDS, build_subcommand_parser, main


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


def test_scripting_commands_are_all_registered():
    expected = {"index", "search", "articles", "entities", "notes", "add-note", "export"}
    assert expected <= set(SUBCOMMANDS)


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_argument_of_every_subcommand_is_explained(name):
    parser = build_subcommand_parser(name)
    assert parser.description and len(parser.description) > 30
    for action in parser._actions:
        assert action.help and action.help.strip(), (name, action.option_strings or action.dest)


def test_add_note_help_names_its_options_and_exit_code(capsys):
    assert main(["add-note", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("ARTICLE_ID", "--quote", "--text", "--tag", "--briefing", "--corpus"):
        assert option in out
    assert "--notes-dir" in out and "Exit code 4" in out


@pytest.mark.parametrize("name", ["notes", "export"])
def test_note_listing_and_export_help_explain_the_statuses(name, capsys):
    assert main([name, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--corpus" in out
    assert "orphaned" in out.lower() or "Orphaned" in out


def test_version_through_the_installed_command():
    out = subprocess.run(
        [required_command("briefing"), "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("briefing ")


def test_output_cut_short_by_a_closed_pipe_is_not_a_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"{n:03}.txt").write_text(f"Story number {n}\n\nBody of story {n} about trade.\n")
    run = subprocess.run(
        f"{shlex.quote(required_command('briefing'))} articles --corpus {corpus} | head -1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert run.stdout.count("\n") == 1
    assert "Traceback" not in run.stderr
