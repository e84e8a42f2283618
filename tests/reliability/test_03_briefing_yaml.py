"""Item 3: a hostile or clumsy briefing file is reported on one line and the others still work.

Each bad file (an impossible date, a recursive alias, a "billion laughs", deep nesting,
a Python tag, a huge file, a FIFO) sits beside a good briefing in the notes folder.
`briefing notes`, `export` and `add-note` report it as ``path:line: reason``, list or
use the good one, finish in seconds and never touch the bad file; the app lists it as
unreadable in the notes view's briefing picker and keeps running.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefings.store import BriefingStore
from search.locations import seeds_dir
from tests.cli.index_cli_helpers import briefing, write_corpus
from tests.tui.conftest import screen_text, wait_for
from tests.tui.test_notes_briefings import open_picker
from tui.app import make_app


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        name, before = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    lines.append("title: *i")
    return "\n".join(lines) + "\n"


# file stem -> (content, line, words the one-line reason holds)
HOSTILE = {
    "bad-date": (
        "schema: 2\ntitle: Bad date\ncreated: 2024-13-45\nnotes: []\n",
        3,
        "'created' is not a real date or time: 2024-13-45",
    ),
    "note-bad-date": (
        "title: Note date\nnotes:\n- article: {id: a1, title: T}\n  updated: 2025-02-30\n",
        4,
        "'updated' is not a real date or time: 2025-02-30",
    ),
    "recursive": ("schema: 2\ntitle: &a [*a]\nnotes: []\n", 2, "anchors (&a) are not allowed"),
    "laughs": (_billion_laughs(), 1, "anchors (&a) are not allowed"),
    "alias-only": ("title: *nowhere\nnotes: []\n", 1, "aliases (*nowhere) are not allowed"),
    "deep": ("title: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested more than"),
    "python-tag": (
        'title: !!python/object/apply:os.system ["touch pwned"]\nnotes: []\n',
        1,
        "the tag !!python/object/apply:os.system is not supported",
    ),
    "binary": ("title: !!binary aGVsbG8=\nnotes: []\n", 1, "the tag !!binary is not supported"),
    "two-documents": ("title: One\n---\ntitle: Two\n", 2, "more than one YAML document"),
    "long-number": ("title: T\nschema: " + "9" * 5000 + "\n", 2, "is not a number"),
}


def _write_hostile(notes: Path) -> dict[str, bytes]:
    notes.mkdir(parents=True, exist_ok=True)
    written = {}
    for stem, (text, _line, _words) in HOSTILE.items():
        (notes / f"{stem}.yaml").write_text(text, encoding="utf-8")
        written[stem] = text.encode("utf-8")
    return written


@pytest.fixture
def notes(isolated_user_dirs) -> Path:
    """The notes folder the CLI sees: one good briefing and every hostile file."""
    folder = isolated_user_dirs / "notes"
    BriefingStore(folder).create("Rates watch")
    _write_hostile(folder)
    return folder


def _stderr_lines(run: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in run.stderr, run.stderr
    return run.stderr.splitlines()


def _expected_line(notes: Path, stem: str) -> tuple[str, str]:
    _text, line, words = HOSTILE[stem]
    return f"briefing: {notes / stem}.yaml:{line}: ", words


def _unchanged(notes: Path) -> None:
    for stem, (text, _line, _words) in HOSTILE.items():
        assert (notes / f"{stem}.yaml").read_text(encoding="utf-8") == text, stem
        assert not (notes / f"{stem}.yaml.bak").exists(), stem
    assert not list(notes.glob(".*.tmp"))
    assert not Path("pwned").exists()


def test_notes_reports_each_bad_file_on_its_line_and_lists_the_good_one(notes):
    run = briefing("notes", timeout=60)
    assert run.returncode == 1
    assert run.stdout.startswith("Rates watch  (rates-watch, 0 notes)")
    lines = _stderr_lines(run)
    assert len(lines) == len(HOSTILE), lines
    for stem in HOSTILE:
        start, words = _expected_line(notes, stem)
        [line] = [line for line in lines if line.startswith(start)]
        assert words in line, line
    _unchanged(notes)


def test_notes_json_lists_each_bad_file_with_its_line(notes):
    run = briefing("notes", "--json", timeout=60)
    assert run.returncode == 1, run.stderr
    data = json.loads(run.stdout)
    assert [b["title"] for b in data["briefings"]] == ["Rates watch"]
    errors = {Path(e["path"]).stem: e for e in data["errors"]}
    assert sorted(errors) == sorted(HOSTILE)
    for stem, (_text, line, words) in HOSTILE.items():
        assert errors[stem]["line"] == line and words in errors[stem]["reason"], stem


def test_a_huge_file_and_a_fifo_are_refused_without_reading_them(notes):
    huge = notes / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    fifo = notes / "pipe.yaml"
    os.mkfifo(fifo)
    run = briefing("notes", timeout=60)
    lines = _stderr_lines(run)
    assert f"briefing: {huge}: is larger than 32 MB; not read" in lines
    assert f"briefing: {fifo}: is not a regular file (a pipe or device?); not read" in lines
    assert run.stdout.startswith("Rates watch  (rates-watch, 0 notes)")


def _oil_article(tmp_path: Path) -> tuple[Path, str]:
    corpus = write_corpus(tmp_path / "corpus")
    listed = briefing("articles", "--corpus", str(corpus), "--json", timeout=120)
    assert listed.returncode == 0, listed.stderr
    return corpus, next(a["id"] for a in json.loads(listed.stdout) if "Oil" in a["title"])


@pytest.mark.parametrize("stem", ["bad-date", "laughs", "recursive"])
def test_notes_export_and_add_note_on_a_bad_file_say_why_in_one_line(notes, tmp_path, stem):
    corpus, article_id = _oil_article(tmp_path)
    start, words = _expected_line(notes, stem)
    for args in (
        ("notes", "--briefing", stem),
        ("export", stem, "-o", str(tmp_path / "out.md")),
        ("add-note", "--corpus", str(corpus), "--briefing", stem, "--text", "x", article_id),
    ):
        run = briefing(*args, timeout=60)
        assert run.returncode == 1, (args, run.stderr)
        [line] = _stderr_lines(run)
        assert line.startswith(start) and words in line, (args, line)
    assert not (tmp_path / "out.md").exists()
    _unchanged(notes)


def test_export_and_add_note_use_the_good_briefing_beside_bad_ones(notes, tmp_path):
    corpus, article_id = _oil_article(tmp_path)
    added = briefing(
        "add-note", "--corpus", str(corpus), "--briefing", "Rates watch",
        "--quote", "Oil prices rose", "--text", "watch supply", article_id,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    out = tmp_path / "out.md"
    exported = briefing("export", "Rates watch", "-o", str(out), timeout=60)
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert "# Rates watch" in text and "Oil prices rose" in text and "watch supply" in text
    _unchanged(notes)


async def test_the_app_lists_bad_files_as_unreadable_in_the_picker_and_keeps_running(
    isolated_user_dirs,
):
    notes = isolated_user_dirs / "app-notes"
    BriefingStore(notes).create("Rates watch")
    _write_hostile(notes)
    app = make_app(seeds_dir(), notes_dir=notes)
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_for(pilot, lambda: app.briefing is not None, timeout=30)
        assert app.briefing.title == "Rates watch"
        picker = await open_picker(pilot)
        summaries = {s.slug: s for s in picker._summaries}
        assert sorted(summaries) == sorted([*HOSTILE, "rates-watch"])
        for stem, (_text, line, words) in HOSTILE.items():
            error = summaries[stem].error
            assert error is not None and error.line == line and words in error.reason
        listing = picker.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        [bad_date] = [line for line in shown if "/bad-date.yaml" in line]
        assert f"{notes / 'bad-date.yaml'}:3: 'created' is not a real date" in bad_date
        assert sum("unreadable" in line for line in shown) == len(HOSTILE)
        await wait_for(pilot, lambda: "unreadable" in screen_text(app))
        assert "Rates watch" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running
    _unchanged(notes)
