"""Item 13 (nested folders): a chain of 1,500 nested folders is walked whole.

Each folder's real path used to be resolved again from the root, so a no-op update of
such a corpus took 52 s; the walk now carries real paths down from parent to child.
How long it takes is measured by ``benchmarks/bench_nested.py`` (0.23 s at 1,500)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import briefing
from tests.reliability.index_world import nested_corpus, remove_chain

DEPTH = 1500
EVERY = 100


@pytest.fixture
def corpus(tmp_path: Path):
    folder = nested_corpus(tmp_path, DEPTH, EVERY)
    yield folder
    remove_chain(folder)


def test_1500_nested_folders_are_walked_whole_and_a_no_op_update_reads_nothing(corpus):
    first = briefing("index", str(corpus), "--json", timeout=300)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["articles"] == DEPTH // EVERY
    again = briefing("index", str(corpus), "--json", timeout=300)
    report = json.loads(again.stdout)
    assert (report["files_read"], report["files_unchanged"]) == (0, DEPTH // EVERY)
    listed = briefing("articles", "--corpus", str(corpus), "--json", timeout=300)
    deepest = max(json.loads(listed.stdout), key=lambda article: len(article["path"]))
    assert deepest["path"] == "d/" * DEPTH + f"level{DEPTH}.txt"
