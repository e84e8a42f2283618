"""`briefing notes`: notes as text or JSON; unreadable files reported, not a traceback."""

from __future__ import annotations

import json

import pytest

from briefings.store import BriefingStore
from tests.briefing_data import quoted_note
from tui.cli import main
from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK


@pytest.fixture
def store(tmp_path):
    """The store the CLI sees by default ($BRIEFING_NOTES_DIR points under tmp_path)."""
    store = BriefingStore()
    slug = store.create("Rates watch").slug
    store.add_note(
        slug,
        quoted_note(
            "Markets fell sharply",
            text="Check bonds.\n\x1b[2J[bold]next \x9b0m",
            tags=("mkt", "q1"),
        ),
    )
    store.create("Empty one")
    return store


def test_notes_of_one_briefing_as_text(store, capsys):
    assert main(["notes", "--briefing", "Rates watch"]) == EXIT_OK
    out = capsys.readouterr().out
    note = store.load("rates-watch").notes[0]
    assert "Rates watch  (rates-watch, 1 note)" in out
    assert note.id in out and "Rates rise" in out
    assert "> Markets fell sharply" in out
    assert "Check bonds." in out and "[bold]next" in out
    assert "tags: mkt, q1" in out
    assert "\x1b" not in out and "\x9b" not in out


def test_notes_as_json(store, capsys):
    assert main(["notes", "--briefing", "rates-watch", "--json"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out
    data = json.loads(out)
    [briefing] = data["briefings"]
    [note] = briefing["notes"]
    assert briefing["title"] == "Rates watch"
    assert briefing["path"] == str(store.path_for("rates-watch"))
    assert note["quote"]["exact"] == "Markets fell sharply"
    assert note["text"] == "Check bonds.\n\x1b[2J[bold]next \x9b0m"
    assert note["tags"] == ["mkt", "q1"]
    assert note["orphaned"] is False
    assert data["errors"] == []


def test_without_a_name_every_briefing_is_listed(store, capsys):
    assert main(["notes", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [b["slug"] for b in data["briefings"]] == ["empty-one", "rates-watch"]


def test_notes_dir_flag_wins_over_the_environment(store, tmp_path, capsys):
    other = BriefingStore(tmp_path / "elsewhere")
    other.create("Elsewhere")
    assert main(["notes", "--json", "--notes-dir", str(other.directory)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [b["slug"] for b in data["briefings"]] == ["elsewhere"]


def test_unknown_briefing_exits_not_found(store, capsys):
    assert main(["notes", "--briefing", "nope"]) == EXIT_NOT_FOUND
    err = capsys.readouterr().err
    assert err.startswith("briefing: no briefing named 'nope'")


def test_corrupt_file_is_one_line_and_the_others_are_still_listed(store, capsys):
    broken = store.directory / "broken.yaml"
    raw = b"title: Broken\nnotes:\n  - id: x\n   text: [\n"
    broken.write_bytes(raw)
    assert main(["notes"]) == EXIT_ERROR
    captured = capsys.readouterr()
    assert "Rates watch" in captured.out and "Empty one" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith(f"briefing: {broken}:4: not valid YAML")
    assert "Traceback" not in captured.err
    assert broken.read_bytes() == raw


def test_naming_a_corrupt_briefing_exits_1_with_one_line(store, capsys):
    (store.directory / "broken.yaml").write_text("notes: 3\n")
    assert main(["notes", "--briefing", "broken"]) == EXIT_ERROR
    [line] = capsys.readouterr().err.splitlines()
    assert "broken.yaml:1: 'notes' should be a list" in line


def test_no_briefings_yet_says_where_it_looked(capsys):
    assert main(["notes"]) == EXIT_OK
    assert "no briefings yet in" in capsys.readouterr().err
