"""Item 13 (controls): terminal controls from file names never reach the terminal raw.

A file name may hold ESC, BEL or a C1 control such as U+009B (which some terminals read
as the start of an escape sequence). `articles`, `search` and `index` show them as
U+FFFD in text and as \\u escapes in JSON, which still gives the name back exactly.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import write_corpus
from tests.commands import required_command

HOSTILE = "bad\u009b31m\u0085\x1b]0;owned\x07\x7f.txt"
# Raw controls as they would reach a terminal: C0 (but line breaks), DEL, and C1 in UTF-8.
RAW_CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([required_command("briefing"), *args], capture_output=True, timeout=120)


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(
        tmp_path / "corpus",
        {HOSTILE: "Harbour news\n\nShips left the harbour at dawn.\n"},
    )


@pytest.mark.parametrize(
    "args",
    [["articles"], ["search", "harbour"], ["index"]],
    ids=["articles", "search", "index"],
)
def test_json_escapes_every_control_and_keeps_the_name(corpus, args):
    run = _run([*args, "--corpus", str(corpus), "--json"])
    assert run.returncode == 0, run.stderr
    assert RAW_CONTROL.search(run.stdout) is None
    data = json.loads(run.stdout)
    if args[0] == "articles":
        assert [a["path"] for a in data] == [HOSTILE]
    elif args[0] == "search":
        assert [hit["path"] for hit in data["results"]] == [HOSTILE]


@pytest.mark.parametrize("args", [["articles"], ["search", "harbour"]], ids=["articles", "search"])
def test_text_shows_each_control_as_a_visible_placeholder(corpus, args):
    run = _run([*args, "--corpus", str(corpus)])
    assert run.returncode == 0, run.stderr
    assert RAW_CONTROL.search(run.stdout) is None
    assert "bad\ufffd31m\ufffd\ufffd]0;owned\ufffd\ufffd.txt" in run.stdout.decode("utf-8")


def test_a_message_naming_a_hostile_path_is_one_clean_line(tmp_path):
    missing = tmp_path / "gone\x1b[2J\u009b"
    run = _run(["articles", "--corpus", str(missing)])
    assert run.returncode == 2
    assert RAW_CONTROL.search(run.stderr) is None
    [line] = run.stderr.decode("utf-8").splitlines()
    assert line.endswith("gone\ufffd[2J\ufffd")
