"""Item 1: `briefing export -o TARGET` writes into what is there and replaces nothing unasked.

A device, a FIFO or our own stdout is written as a stream and stays what it is; a symlink
is followed and stays a link; an existing file is replaced only with --force; a folder
gets NAME.md inside it; no temp file is ever left behind. The app's ctrl+o keeps
refreshing its own export.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from briefings.store import BriefingStore
from tests.cli.index_cli_helpers import briefing
from tests.commands import required_command
from tests.tui.conftest import wait_for
from tests.tui.notes_helpers import make_briefing
from tests.tui.test_notes_provenance import open_notes
from tui.app import make_app

HEADING = "# Rates watch\n"


@pytest.fixture(autouse=True)
def rates_watch(isolated_user_dirs) -> None:
    """One briefing, with no notes (so no corpus needs indexing)."""
    BriefingStore().create("Rates watch")


def _leftovers(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


def _one_line_error(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    [line] = run.stderr.splitlines()
    return line


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(tmp_path):
    out = tmp_path / "out.md"
    out.write_text("my own notes\n", encoding="utf-8")
    out.chmod(0o640)

    refused = briefing("export", "-o", str(out))
    assert _one_line_error(refused) == (
        f"briefing: {out}: already exists; add --force to replace it"
    )
    assert out.read_text(encoding="utf-8") == "my own notes\n"

    forced = briefing("export", "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADING)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640, "the file's permissions were not kept"
    assert _leftovers(tmp_path) == []


def test_a_new_file_is_written_and_its_folders_made(tmp_path):
    out = tmp_path / "new" / "deeper" / "out.md"
    run = briefing("export", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith(HEADING)
    assert run.stderr == f"briefing: wrote {out}\n"


def test_a_symlink_is_followed_to_its_target_and_stays_a_link(tmp_path):
    target = tmp_path / "kept" / "target.md"
    target.parent.mkdir()
    target.write_text("old export\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)

    refused = briefing("export", "-o", str(link))
    assert "already exists; add --force" in _one_line_error(refused)
    assert target.read_text(encoding="utf-8") == "old export\n"

    assert briefing("export", "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith(HEADING)

    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "made-through-the-link.md")
    assert briefing("export", "-o", str(dangling)).returncode == 0
    assert dangling.is_symlink()
    assert (tmp_path / "made-through-the-link.md").read_text().startswith(HEADING)
    assert _leftovers(tmp_path, target.parent) == []


def test_a_folder_gets_a_named_file_inside_and_never_a_temp_file(tmp_path):
    folder = tmp_path / "some_dir"
    folder.mkdir()
    for _ in range(2):
        briefing("export", "-o", str(folder))
    assert [p.name for p in folder.iterdir()] == ["rates-watch.md"]
    assert (folder / "rates-watch.md").read_text(encoding="utf-8").startswith(HEADING)
    assert _leftovers(tmp_path, folder) == []

    again = briefing("export", "-o", str(folder))
    assert _one_line_error(again) == (
        f"briefing: {folder / 'rates-watch.md'}: already exists; add --force to replace it"
    )

    fresh = tmp_path / "fresh"
    assert briefing("export", "-o", f"{fresh}{os.sep}").returncode == 0
    assert (fresh / "rates-watch.md").is_file()


def test_dev_stdout_is_written_as_a_stream_into_a_pipe_or_a_redirected_file(tmp_path):
    piped = briefing("export", "-o", "/dev/stdout")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(HEADING)

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


def test_dev_null_stays_a_device():
    run = briefing("export", "-o", "/dev/null")
    assert run.returncode == 0, run.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_device_is_one_line_and_a_failure():
    line = _one_line_error(briefing("export", "-o", "/dev/full"))
    assert line == "briefing: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


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
