"""Issue 19, item 8: a read-only cache or a full disk still answers from an intact index.

``search`` and ``articles`` say "searching the existing index, cannot update: <reason>"
on one line and answer (exit 0); ``index`` fails in one line; a failed build leaves no
partial folder or temporary file. A full disk is a file-size limit (writes fail with
EFBIG as they would with ENOSPC); a read-only cache is a folder without write bits, and
as root the command runs without the capabilities that ignore them.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from search.locations import index_dir
from tests.commands import required_command
from tests.reliability.index_world import built_index, write_numbered_corpus

STORIES = 30
# Capabilities that let root write where the mode bits say no (linux/capability.h).
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24


def _without_root_powers() -> None:
    """In the child before exec: drop what lets root ignore a folder's mode bits."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)


def _small_disk(limit: int):
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


def run(*args: str, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [required_command("briefing"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=preexec,
    )


def _set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~bits)


@pytest.fixture
def world(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus", STORIES)
    folder = built_index(corpus)
    # A story the index has not seen: every command below wants to update first.
    (corpus / "late.txt").write_text("Late report\n\nThe zeppelin landed at dawn.\n")
    return corpus, folder


@pytest.fixture
def read_only(world):
    if sys.platform != "linux" and os.geteuid() == 0:
        pytest.skip("root ignores write bits and only Linux lets the test drop that power")
    _corpus, folder = world
    _set_writable(folder, False)
    yield world
    _set_writable(folder, True)


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_search_on_a_read_only_cache_answers_from_the_existing_index(read_only):
    corpus, folder = read_only
    out = run("search", "item1*", "--corpus", str(corpus), "--json", preexec=_without_root_powers)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] == 11  # item1, item10..item19
    line = _one_line(out.stderr)
    assert line.startswith("briefing: searching the existing index, cannot update: ")
    assert "Permission denied" in line and str(folder) in line
    late = run(
        "search", "zeppelin", "--corpus", str(corpus), "--json", preexec=_without_root_powers
    )
    assert late.returncode == 0 and json.loads(late.stdout)["total"] == 0


def test_articles_on_a_read_only_cache_lists_the_existing_index(read_only):
    corpus, _folder = read_only
    out = run("articles", str(corpus), preexec=_without_root_powers)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith(f"{STORIES} articles")
    assert "searching the existing index, cannot update:" in _one_line(out.stderr)


def test_index_on_a_read_only_cache_fails_in_one_line(read_only):
    corpus, _folder = read_only
    out = run("index", str(corpus), preexec=_without_root_powers)
    assert out.returncode == 1
    line = _one_line(out.stderr)
    assert line.startswith("briefing: cannot update the index: Permission denied")
    assert line.endswith("the existing index still answers searches")


def test_search_on_a_full_disk_answers_from_the_existing_index(world):
    corpus, folder = world
    before = sorted(path.name for path in folder.iterdir())
    out = run("search", "item2*", "--corpus", str(corpus), "--json", preexec=_small_disk(2048))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] == 11
    line = _one_line(out.stderr)
    assert line.startswith("briefing: searching the existing index, cannot update: File too large")
    # The failed update left nothing of itself beside the index.
    assert sorted(path.name for path in folder.iterdir()) == before
    # With room again, the update goes through.
    again = run("search", "zeppelin", "--corpus", str(corpus), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["total"] == 1
    assert again.stderr == ""


def test_a_build_that_fills_the_disk_removes_its_partial_folder(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus", STORIES)
    out = run("index", str(corpus), preexec=_small_disk(4096))
    assert out.returncode == 1
    line = _one_line(out.stderr)
    assert line.startswith("briefing: cannot update the index: File too large")
    left = sorted(path.name for path in index_dir(corpus).iterdir())
    assert left == ["update.lock"]
    # Searching cannot build either: one line, no answer made up from nothing.
    search = run("search", "item1*", "--corpus", str(corpus), preexec=_small_disk(4096))
    assert search.returncode == 1
    assert _one_line(search.stderr).startswith("briefing: cannot build the index: File too large")
    assert search.stdout == ""


def _lock_folder(folder: Path) -> bool:
    """Make ``folder`` refuse new files, for this process too; False when that cannot be."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode == 0


def _unlock_folder(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run([shutil.which("chattr") or "chattr", "-i", str(folder)], check=False)
    else:
        folder.chmod(0o755)


async def test_the_app_warns_and_searches_the_existing_index(world):
    from textual.notifications import Notify

    from tests.tui.conftest import screen_text, wait_for
    from tui.app import make_app
    from tui.widgets.search.view import SearchView

    corpus, folder = world
    if not _lock_folder(folder):
        pytest.skip("cannot make a folder unwritable for root here (no chattr +i)")
    try:
        app = make_app(corpus)
        seen: list = []
        async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
            # The list of the index as it stands may show before the failed update says why.
            await wait_for(
                pilot,
                lambda: (
                    f"{STORIES} articles" in screen_text(app)
                    and any(isinstance(m, Notify) for m in seen)
                ),
                timeout=30,
            )
            notices = [
                (m.notification.message, m.notification.severity)
                for m in seen
                if isinstance(m, Notify)
            ]
            assert len(notices) == 1
            message, severity = notices[0]
            assert message.startswith("searching the existing index, cannot update: ")
            assert severity == "warning"
            view = app.screen.query_one(SearchView)
            await pilot.press(*"item1*")
            await wait_for(pilot, lambda: view.answered_query == "item1*")
            assert "11 hits" in screen_text(app)
    finally:
        _unlock_folder(folder)
    assert sorted(path.name for path in folder.iterdir()) == [
        "checksums.json",
        "duplicates.json",
        "files.json",
        "folders.json",
        "manifest.json",
        "update.lock",
        "verdicts.json",
        "whoosh",
        "words.json",
        "words_spelt_otherwise.json",
    ]
