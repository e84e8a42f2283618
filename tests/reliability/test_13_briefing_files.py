"""Item 13 (briefing files): odd file names, over-long names and a full disk.

- A briefing file whose name holds escape sequences is listed with them made visible,
  as the app shows them; nothing reaches the terminal raw.
- A briefing name over 255 bytes is a name like another: looked up, it is not found;
  given to a new briefing, the file name is bounded and the title kept whole.
- A save that fails because the disk is full leaves the briefing and its backup as
  they were and says so on one line. The full disk is a real limit on file size
  (RLIMIT_FSIZE) set on the ``briefing`` process, so the write fails in the kernel.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.store import BriefingStore
from tests.cli.index_cli_helpers import briefing, write_corpus
from tests.commands import required_command

HOSTILE_NAME = "\x1b]0;owned\x07\x1b[31mred\x9b1m"
RAW_CONTROLS = ("\x1b", "\x07", "\x9b")


def _article(tmp_path: Path) -> tuple[Path, str]:
    corpus = write_corpus(tmp_path / "corpus")
    listed = briefing("articles", "--corpus", str(corpus), "--json", timeout=120)
    assert listed.returncode == 0, listed.stderr
    return corpus, next(a["id"] for a in json.loads(listed.stdout) if "Oil" in a["title"])


def test_escape_sequences_in_briefing_file_names_are_shown_visibly(isolated_user_dirs):
    notes = isolated_user_dirs / "notes"
    store = BriefingStore(notes)
    good = store.create("Rates watch")
    (notes / f"{HOSTILE_NAME}.yaml").write_bytes(store.path_for(good.slug).read_bytes())
    (notes / f"{HOSTILE_NAME}-bad.yaml").write_text("notes: [unclosed\n", encoding="utf-8")

    run = briefing("notes")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    for raw in RAW_CONTROLS:
        assert raw not in run.stdout and raw not in run.stderr
    shown = "\ufffd]0;owned\ufffd\ufffd[31mred\ufffd1m"
    assert f"Rates watch  ({shown}, 0 notes)  {notes / shown}.yaml" in run.stdout
    [error] = run.stderr.splitlines()
    assert error.startswith(f"briefing: {notes / shown}-bad.yaml:2: not valid YAML")

    as_json = briefing("notes", "--json")
    for raw in RAW_CONTROLS:
        assert raw not in as_json.stdout
    data = json.loads(as_json.stdout)
    assert {b["slug"] for b in data["briefings"]} == {"rates-watch", HOSTILE_NAME}
    assert [e["path"] for e in data["errors"]] == [f"{notes / HOSTILE_NAME}-bad.yaml"]


@pytest.mark.parametrize("title", ["Long " * 80, "Ж" * 200], ids=["ascii", "cyrillic"])
def test_a_name_over_255_bytes_is_not_found_or_becomes_a_bounded_file(
    isolated_user_dirs, tmp_path, title
):
    assert len(title.encode("utf-8")) > 255
    for args in (("notes", "--briefing", title), ("export", title)):
        run = briefing(*args)
        assert run.returncode == 4, run.stderr
        [line] = run.stderr.splitlines()
        assert line.startswith("briefing: no briefing named ")

    corpus, article_id = _article(tmp_path)
    added = briefing(
        "add-note", "--corpus", str(corpus), "--briefing", title, "--text", "hi", article_id
    )
    assert added.returncode == 0, added.stderr
    notes = isolated_user_dirs / "notes"
    [path] = notes.glob("*.yaml")
    assert len(path.name.encode("utf-8")) <= 100
    listed = json.loads(briefing("notes", "--json").stdout)
    [entry] = listed["briefings"]
    assert entry["title"] == title and entry["path"] == str(path)
    again = briefing(
        "add-note", "--corpus", str(corpus), "--briefing", title, "--text", "again", article_id
    )
    assert again.returncode == 0, again.stderr
    [entry] = json.loads(briefing("notes", "--json").stdout)["briefings"]
    assert [n["text"] for n in entry["notes"]] == ["hi", "again"]


def _limited_file_size(limit: int):
    def set_limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is a POSIX limit")
def test_a_save_that_fails_on_a_full_disk_keeps_the_file_and_its_backup(
    isolated_user_dirs, tmp_path
):
    corpus, article_id = _article(tmp_path)
    for text in ("first", "second"):
        added = briefing(
            "add-note", "--corpus", str(corpus), "--briefing", "Rates", "--text", text, article_id
        )
        assert added.returncode == 0, added.stderr
    notes = isolated_user_dirs / "notes"
    path, backup = notes / "rates.yaml", notes / "rates.yaml.bak"
    before, backup_before = path.read_bytes(), backup.read_bytes()
    assert b"second" in before and b"second" not in backup_before

    # The disk holds no more than the file already takes: the longer save cannot fit.
    run = subprocess.run(
        [
            required_command("briefing"), "add-note", "--corpus", str(corpus),
            "--briefing", "Rates", "--text", "third " * 2000, article_id,
        ],
        capture_output=True, text=True, timeout=120, check=False,
        preexec_fn=_limited_file_size(len(before) + 100),
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    [line] = run.stderr.splitlines()
    assert line == (
        f"briefing: {path}: cannot be saved: File too large; the file was left as it was"
    )
    assert path.read_bytes() == before
    assert backup.read_bytes() == backup_before
    left = sorted(p.name for p in notes.iterdir())
    assert left == [".rates.lock", "rates.yaml", "rates.yaml.bak"], "a temp file was left"

    # With room again, the same save works and the backup moves on by one version.
    added = briefing(
        "add-note", "--corpus", str(corpus), "--briefing", "Rates", "--text", "third", article_id
    )
    assert added.returncode == 0, added.stderr
    assert backup.read_bytes() == before
