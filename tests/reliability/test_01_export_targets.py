"""Item 1: `briefing export -o TARGET` writes into what is there and replaces nothing unasked.

A device, a FIFO or our own stdout is written as a stream and stays what it is; a symlink
is followed and stays a link; an existing file is replaced only with --force; a folder
gets NAME.md inside it; no temp file is ever left behind. The app's ctrl+o keeps
refreshing its own export. Most cases run ``main`` in this process; those where the
process's own streams or a second process matter run the installed command.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.store import BriefingStore
from tests.cli.index_cli_helpers import briefing
from tests.commands import required_command
from tests.tui.conftest import wait_for
from tests.tui.notes_helpers import make_briefing
from tests.tui.test_notes_provenance import open_notes
from tui.app import make_app
from tui.cli import main

HEADING = "# Rates watch\n"


@pytest.fixture(autouse=True)
def rates_watch(isolated_user_dirs) -> None:
    """One briefing, with no notes (so no corpus needs indexing)."""
    BriefingStore().create("Rates watch")


def _leftovers(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


def export(capsys, *args: str) -> subprocess.CompletedProcess:
    """``briefing export ARGS`` run in this process, as the console script runs it."""
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["briefing", "export", *args], code, out, err)


def _one_line_error(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    [line] = run.stderr.splitlines()
    return line


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(capsys, tmp_path):
    out = tmp_path / "out.md"
    out.write_text("my own notes\n", encoding="utf-8")
    out.chmod(0o640)

    refused = export(capsys, "-o", str(out))
    assert _one_line_error(refused) == (
        f"briefing: {out}: already exists; add --force to replace it"
    )
    assert out.read_text(encoding="utf-8") == "my own notes\n"

    forced = export(capsys, "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADING)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640, "the file's permissions were not kept"
    assert _leftovers(tmp_path) == []


def test_a_new_file_is_written_and_its_folders_made(capsys, tmp_path):
    out = tmp_path / "new" / "deeper" / "out.md"
    run = export(capsys, "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADING)
    assert run.stderr == f"briefing: wrote {out}\n"


def test_a_symlink_is_followed_to_its_target_and_stays_a_link(capsys, tmp_path):
    target = tmp_path / "kept" / "target.md"
    target.parent.mkdir()
    target.write_text("old export\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)

    refused = export(capsys, "-o", str(link))
    assert "already exists; add --force" in _one_line_error(refused)
    assert target.read_text(encoding="utf-8") == "old export\n"

    assert export(capsys, "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith(HEADING)

    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "made-through-the-link.md")
    assert export(capsys, "-o", str(dangling)).returncode == 0
    assert dangling.is_symlink()
    assert (tmp_path / "made-through-the-link.md").read_text().startswith(HEADING)
    assert _leftovers(tmp_path, target.parent) == []


def test_a_folder_gets_a_named_file_inside_and_never_a_temp_file(capsys, tmp_path):
    folder = tmp_path / "some_dir"
    folder.mkdir()
    for _ in range(2):
        export(capsys, "-o", str(folder))
    assert [p.name for p in folder.iterdir()] == ["rates-watch.md"]
    assert (folder / "rates-watch.md").read_text(encoding="utf-8").startswith(HEADING)
    assert _leftovers(tmp_path, folder) == []

    again = export(capsys, "-o", str(folder))
    assert _one_line_error(again) == (
        f"briefing: {folder / 'rates-watch.md'}: already exists; add --force to replace it"
    )

    fresh = tmp_path / "fresh"
    assert export(capsys, "-o", f"{fresh}{os.sep}").returncode == 0
    assert (fresh / "rates-watch.md").is_file()


def test_dev_stdout_is_written_as_a_stream_into_a_pipe_or_a_redirected_file(tmp_path):
    piped = briefing("export", "-o", "/dev/stdout")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(HEADING)
    to_stderr = briefing("export", "-o", "/dev/stderr")
    assert to_stderr.returncode == 0 and to_stderr.stdout == ""
    assert to_stderr.stderr.startswith(HEADING)

    redirected = tmp_path / "redirected.md"
    with redirected.open("wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        run = subprocess.run(
            [required_command("briefing"), "export", "-o", "/dev/stdout"],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert run.returncode == 0, run.stderr
    assert redirected.read_text(encoding="utf-8").startswith(HEADING)
    assert redirected.stat().st_ino == inode, "the redirected file was replaced, not written"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_our_own_stream_redirected_to_a_file_is_written_after_what_it_holds(capfd, stream):
    # Under capfd our stdout and stderr are files: the export goes on where they are,
    # it neither replaces them nor starts again at their beginning.
    print("before", file=getattr(sys, stream), flush=True)
    assert main(["export", "-o", f"/dev/{stream}"]) == 0
    written = getattr(capfd.readouterr(), "out" if stream == "stdout" else "err")
    assert written.startswith("before\n" + HEADING)


def test_a_failed_rename_leaves_no_temp_file_and_the_old_file_as_it_was(
    capsys, tmp_path, monkeypatch
):
    out = tmp_path / "out.md"
    out.write_text("my own notes\n", encoding="utf-8")

    renames = []

    def cross_device(src, dst):
        renames.append((Path(src), Path(dst)))
        raise OSError(errno.EXDEV, "Invalid cross-device link", str(dst))

    monkeypatch.setattr(os, "replace", cross_device)
    line = _one_line_error(export(capsys, "-o", str(out), "--force"))
    assert line == f"briefing: cannot write {out}: Invalid cross-device link"
    assert out.read_text(encoding="utf-8") == "my own notes\n"
    assert _leftovers(tmp_path) == []
    # The new text was written beside the file (a rename stays on one file system),
    # under the hidden temp name every save in the notes folder uses.
    [(temp, target)] = renames
    assert target == out and temp.parent == out.parent
    assert temp.name.startswith(".out.md.") and temp.name.endswith(".tmp")


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A private node of the memory device ``minor`` (3 null, 7 full), so that no test,
    even one run against a broken build, can replace the system's own /dev/null."""
    node = tmp_path / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


def test_a_null_device_stays_a_device_and_needs_no_force(capsys, tmp_path):
    null = _device(tmp_path, "null", 3)
    run = export(capsys, "-o", str(null))
    assert run.returncode == 0, run.stderr
    assert stat.S_ISCHR(null.stat().st_mode)
    assert _leftovers(tmp_path) == []


def test_a_full_device_is_one_line_and_a_failure(capsys, tmp_path):
    full = _device(tmp_path, "full", 7)
    line = _one_line_error(export(capsys, "-o", str(full)))
    assert line == f"briefing: cannot write {full}: No space left on device"
    assert stat.S_ISCHR(full.stat().st_mode)
    assert _leftovers(tmp_path) == []


def test_a_fifo_gets_the_export_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        run = briefing("export", "-o", str(fifo), timeout=60)
        received, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert run.returncode == 0, run.stderr
    assert received.decode("utf-8").startswith(HEADING)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _leftovers(tmp_path) == []


async def test_the_apps_export_key_still_refreshes_its_own_export(tmp_path):
    from search.locations import seeds_dir

    notes = tmp_path / "app-notes"
    briefing_ = make_briefing(notes, seeds_dir(), "Caucasus watch")
    exported = notes / "exports" / f"{briefing_.slug}.md"
    exported.parent.mkdir(parents=True)
    exported.write_text("an older export\n", encoding="utf-8")
    app = make_app(seeds_dir(), notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: exported.read_text(encoding="utf-8") != "an older export\n")
    assert exported.read_text(encoding="utf-8").startswith("# Caucasus watch")
    assert _leftovers(exported.parent) == []


def test_a_new_export_is_made_as_the_user_s_files_are_not_private(capsys, tmp_path):
    os.umask(previous := os.umask(0o022))
    try:
        ordinary = tmp_path / "ordinary.txt"
        ordinary.write_text("made by open()\n", encoding="utf-8")
        out = tmp_path / "shared.md"
        assert export(capsys, "-o", str(out)).returncode == 0
        assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(ordinary.stat().st_mode) == 0o644
    finally:
        os.umask(previous)
