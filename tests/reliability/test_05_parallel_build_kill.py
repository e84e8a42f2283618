"""Issue 19, item 5: killing a parallel ``briefing index`` leaves no worker behind.

Workers watch their parent two ways (the kernel's parent-death signal on Linux and a
pipe only the parent writes to): once it is killed they end too, and the caller's pipes
close. The test kills ``briefing index`` with SIGKILL while its workers are reading.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.index import indexer, parallel_build
from tests.commands import required_command
from tests.reliability.index_world import write_numbered_corpus

WAIT_SECONDS = 60.0
DEATH_SECONDS = 15.0
POLL_SECONDS = 0.02

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc"),
    pytest.mark.skipif(
        parallel_build.worker_count() < 2, reason="a parallel build needs two CPUs here"
    ),
]


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            state = _state(int(entry.name))
            if state is not None and state[1] == pid and state[0] != "Z":
                found.add(int(entry.name))
    return found


def _state(pid: int) -> tuple[str, int] | None:
    """(state letter, parent pid) of a process, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _alive(pid: int) -> bool:
    state = _state(pid)
    return state is not None and state[0] != "Z"


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(POLL_SECONDS)
    return condition()


def test_killing_a_parallel_index_build_ends_its_workers(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus", indexer.BULK_FILES * 3, 400)
    build = subprocess.Popen(
        [required_command("briefing"), "index", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    workers: set[int] = set()
    try:
        assert _wait_for(lambda: len(_children(build.pid)) >= 2, WAIT_SECONDS), (
            "the build never started its workers"
        )
        workers.update(_children(build.pid))
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=DEATH_SECONDS)
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), DEATH_SECONDS), (
            f"workers outlived their parent: {sorted(p for p in workers if _alive(p))}"
        )
        # Nothing holds the caller's pipes open any more: reading them ends.
        build.communicate(timeout=DEATH_SECONDS)
    finally:
        for pid in [build.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        build.wait(timeout=DEATH_SECONDS)


def test_the_pipe_watch_alone_ends_a_worker_whose_parent_is_killed():
    # As on a platform without the kernel's parent-death signal.
    script = (
        "import os, time\n"
        "from search.index import parallel_build\n"
        "parallel_build._ask_kernel_to_kill_on_parent_death = lambda: None\n"
        "lifeline = os.pipe()\n"
        "if os.fork() == 0:\n"
        "    if os.fork() == 0:\n"
        "        parallel_build.die_with_parent(*lifeline)\n"
        "        print(os.getpid(), flush=True)\n"
        "        time.sleep(60)\n"
        "        os._exit(0)\n"
        "    os.close(lifeline[0])\n"
        "    time.sleep(60)\n"
        "os._exit(0)\n"
    )
    out = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(out.stdout.readline())
    parent = _state(worker)[1]
    try:
        assert _alive(worker) and _alive(parent)
        os.kill(parent, signal.SIGKILL)
        assert _wait_for(lambda: not _alive(worker), DEATH_SECONDS), "the worker outlived it"
        assert out.stdout.read() == ""  # the pipe closes: nothing holds it any more
    finally:
        out.stdout.close()
        out.wait(timeout=DEATH_SECONDS)
        for pid in (worker, parent):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
