"""Item 13 (nested folders): a chain of 1,500 nested folders is walked in time linear in its
size. Each folder's real path used to be resolved again from the root, so a no-op update
of such a corpus took 52 s; the walk now carries real paths down from parent to child."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import briefing

DEPTH = 1500
EVERY = 100
# The no-op update took 52 s before; it takes well under a second now. The bound leaves
# room for a loaded machine and still fails the old quadratic walk many times over.
NO_OP_SECONDS = 10.0


def nested_corpus(root: Path, depth: int = DEPTH, every: int = EVERY) -> Path:
    """``depth`` folders, one inside the other, a story in every ``every``-th one."""
    corpus = root / "corpus"
    folder = os.fspath(corpus)
    os.mkdir(folder)
    for level in range(depth):
        folder = os.path.join(folder, "d")
        os.mkdir(folder)
        if level % every == every - 1:
            with open(os.path.join(folder, f"level{level + 1}.txt"), "w", encoding="utf-8") as f:
                f.write(f"Story at level {level + 1}\n\nA story filed {level + 1} folders down.\n")
    return corpus


def remove_chain(corpus: Path) -> None:
    """Remove a chain of nested folders from the bottom up (``shutil.rmtree`` recurses once
    a level and stops near 1,000)."""
    folders = [os.fspath(corpus)]
    while os.path.isdir(os.path.join(folders[-1], "d")):
        folders.append(os.path.join(folders[-1], "d"))
    for folder in reversed(folders):
        for name in os.listdir(folder):
            if name != "d":
                os.remove(os.path.join(folder, name))
        os.rmdir(folder)


@pytest.fixture
def corpus(tmp_path: Path):
    folder = nested_corpus(tmp_path)
    yield folder
    remove_chain(folder)


def test_no_op_update_of_1500_nested_folders_is_quick_and_complete(corpus):
    first = briefing("index", str(corpus), "--json", timeout=300)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["articles"] == DEPTH // EVERY
    again = briefing("index", str(corpus), "--json", timeout=300)
    report = json.loads(again.stdout)
    assert (report["files_read"], report["files_unchanged"]) == (0, DEPTH // EVERY)
    assert report["elapsed"] < NO_OP_SECONDS
    listed = briefing("articles", "--corpus", str(corpus), "--json", timeout=300)
    deepest = max(json.loads(listed.stdout), key=lambda article: len(article["path"]))
    assert deepest["path"] == "d/" * DEPTH + f"level{DEPTH}.txt"
