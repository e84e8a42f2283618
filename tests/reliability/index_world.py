"""Corpora for the reliability tests: one whose searches have known answers (and the index
folder built from it), and a chain of nested folders."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from search.locations import index_dir
from tests.cli.index_cli_helpers import briefing

TOPICS = ("oil", "bank", "rates", "inflation", "harbour", "election", "court", "minister")


def write_numbered_corpus(folder: Path, count: int, words_per_story: int = 120) -> Path:
    """``count`` stories; story ``i`` holds the word ``item<i>`` (so ``item5*`` has answers)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for number in range(count):
        body = " ".join(rng.choice(TOPICS) for _ in range(words_per_story))
        text = f"Report number {number}\n\nThe {body} item{number} closed the week.\n"
        (folder / f"story{number:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def search_total(corpus: Path, query: str) -> tuple[int, str]:
    """How many articles ``briefing search`` finds, and what it said on stderr."""
    out = briefing("search", query, "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout)["total"], out.stderr


def built_index(corpus: Path) -> Path:
    """Index ``corpus`` with the real command and return its index folder."""
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    return index_dir(corpus)


def flip_bytes(path: Path, count: int = 200, *, keep_time: bool = False, seed: int = 7) -> None:
    """Invert ``count`` bytes of ``path`` in place, past its first 64 bytes."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(count):
        spot = rng.randrange(min(64, len(data) - 1), len(data))
        data[spot] ^= 0xFF
    with path.open("r+b") as handle:
        handle.write(data)
    if keep_time:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def largest_segment(folder: Path) -> Path:
    return max((folder / "whoosh").glob("*.seg"), key=lambda path: path.stat().st_size)


def nested_corpus(root: Path, depth: int, every: int = 100) -> Path:
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
