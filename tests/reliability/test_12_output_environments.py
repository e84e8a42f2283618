"""Item 12: whatever stdout and stdin are, the CLI answers in words, never a traceback.

An ASCII locale gets escapes; a full or closed stdout gets one line on stderr and exit 1;
the app refuses to start without a terminal; JSON is valid UTF-8 even for a query given
as bytes that are not UTF-8.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from briefings.store import BriefingStore
from tests.cli.index_cli_helpers import briefing, write_corpus
from tests.commands import required_command

STORIES = {
    "café.txt": "Café crème in Bakı\n\nThe café served crème brûlée to traders from Bakı.\n",
    "plain.txt": "Plain story\n\nNothing but ASCII about the café here.\n",
}
FULL = "/dev/full"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = write_corpus(tmp_path / "corpus", STORIES)
    assert briefing("index", str(folder)).returncode == 0
    BriefingStore().create("Crème watch")
    return folder


def _run(args: list[str | bytes], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([required_command("briefing"), *args], timeout=120, **kwargs)


def _shell(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, timeout=120, stdin=subprocess.DEVNULL
    )


def _commands(corpus: Path) -> list[list[str]]:
    c = str(corpus)
    return [
        ["articles", "--corpus", c],
        ["articles", "--corpus", c, "--json"],
        ["search", "café", "--corpus", c],
        ["search", "café", "--corpus", c, "--json"],
        ["index", c],
        ["index", c, "--json"],
        ["export", "Crème watch"],
        ["--help"],
    ]


def test_an_ascii_stdout_gets_escapes_never_an_encoding_error(corpus):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for args in _commands(corpus):
        run = _run(args, env=env)
        assert run.returncode == 0, (args, run.stderr)
        assert b"Traceback" not in run.stderr and b"UnicodeEncodeError" not in run.stderr
        run.stdout.decode("ascii")
        if "--json" in args:
            json.loads(run.stdout)  # escapes in JSON are JSON's own: the text still parses
    listing = _run(["articles", "--corpus", str(corpus)], env=env).stdout.decode("ascii")
    assert "Caf\\xe9 cr\\xe8me in Bak\\u0131" in listing
    found = json.loads(_run(["search", "café", "--corpus", str(corpus), "--json"], env=env).stdout)
    assert "Café crème in Bakı" in [hit["title"] for hit in found["results"]]


@pytest.mark.skipif(not Path(FULL).exists(), reason="needs /dev/full (Linux)")
def test_a_full_stdout_is_one_line_on_stderr_and_exit_1(corpus):
    for args in _commands(corpus):
        with open(FULL, "wb") as full:
            run = _run(args, stdout=full, stderr=subprocess.PIPE)
        assert run.returncode == 1, args
        assert run.stderr.decode().splitlines() == [
            "briefing: cannot write to standard output: No space left on device"
        ], args


def test_a_closed_stdout_is_one_line_and_nothing_else_receives_the_output(corpus, tmp_path):
    run = _shell(f"'{required_command('briefing')}' articles --corpus '{corpus}' >&-")
    assert run.returncode == 1
    assert run.stderr.decode().splitlines() == [
        "briefing: cannot write to standard output: standard output is closed"
    ]
    # A command that writes only a file works, and the file holds the export alone.
    out = tmp_path / "out.md"
    run = _shell(f"'{required_command('briefing')}' export 'Crème watch' -o '{out}' >&-")
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("# Crème watch\n")
    after = _run(["articles", "--corpus", str(corpus), "--json"])
    assert after.returncode == 0 and len(json.loads(after.stdout)) == 2


@pytest.mark.parametrize("redirect", ["< /dev/null", "0<&-"])
def test_the_app_without_a_terminal_refuses_in_one_line(corpus, redirect):
    run = _shell(f"'{required_command('briefing')}' '{corpus}' {redirect}")
    assert run.returncode == 2
    [line] = run.stderr.decode().splitlines()
    assert line.startswith("briefing: the app needs a terminal, and standard input is not one")


def test_the_app_with_a_terminal_in_but_not_out_refuses_too(corpus):
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        run = _run([str(corpus)], stdin=follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert run.returncode == 2
    [line] = run.stderr.decode().splitlines()
    assert "the app needs a terminal, and standard output is not one" in line


def test_json_is_valid_utf8_for_a_query_given_as_bytes_that_are_not_utf8(corpus):
    raw = b"caf\xe9 \xff\xfe"
    run = _run([b"search", raw, b"--corpus", os.fsencode(corpus), b"--json"])
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode("utf-8")  # strict: any invalid byte fails here
    assert json.loads(text)["query"] == os.fsdecode(raw)
    plain = _run([b"search", raw, b"--corpus", os.fsencode(corpus)])
    assert plain.returncode == 0 and b"Traceback" not in plain.stderr
    assert "\\udce9 \\udcff\\udcfe" in plain.stdout.decode("utf-8")
