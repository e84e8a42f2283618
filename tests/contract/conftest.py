"""The backends under contract, each built over the same small corpus folder.

The corpus is plain text read by the project's own reader: dated stories, a story
with a byline and a copyright line (its source), a feed file holding three posts, and
files in subfolders. ``FACTS`` names what the tests rely on being in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from search.backend import SearchService
from search.reading.reader import read_articles, walk_corpus
from search.service import open_search_service
from tests.contract.memory_backend import MemoryBackend

CORPUS = {
    "budget.txt": """Finance ministry unveils budget

14 March 2024

Finance Minister Rachel Reeves presented the budget in London on Wednesday. The budget \
raises spending on railways and hospitals.

Economists at the Bank of England said the budget would keep inflation steady.
""",
    "feed.txt": """Port strike enters second week

Dock workers in Rotterdam extended their strike on Monday after talks with the port \
authority broke down over night-shift pay.

Both sides said they were ready to meet again, but no date has been set.

https://example.org/posts/port-strike-second-week

Wind farm approved

The regional government in Scotland approved a forty-turbine wind farm on the plateau \
despite objections from bird protection groups.

https://example.org/posts/wind-farm-approved

Bridge reopens to traffic

The old river bridge in Paris reopened to cars on Friday after eighteen months of \
repairs, ahead of schedule and within budget.

https://example.org/posts/bridge-reopens
""",
    "harbour.txt": """By Jane Ostrova

12 May 2024

Harbour cranes replaced

The port of Rotterdam replaced its two oldest cranes this spring. The new cranes lift \
twice as much.

Work on the quay continues through the summer.

© 2024 Harbour Gazette. All rights reserved.
""",
    # Sorts before the top-level files by path, but the reader walks it after them.
    "archive/railway.txt": """Railway strike ends

Train drivers ended their strike after the rail operator agreed to a new pay deal. \
Commuters in London welcomed the news.
""",
    "world/summit.txt": """Leaders meet in Geneva

2024-06-02

Emmanuel Macron and Olaf Scholz met in Geneva to discuss energy prices. Macron said \
Europe must build more wind farms, and Scholz agreed.

The United Nations hosted the talks.
""",
}

BACKENDS: dict[str, Callable[[Path], SearchService]] = {
    "whoosh": open_search_service,
    "memory": MemoryBackend,
}


def write_corpus(folder: Path) -> Path:
    for name, text in CORPUS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def touch_later(path: Path) -> None:
    """Move a file's modification time on, as an edit a few seconds later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def read_corpus(folder: Path) -> list:
    """Every article of the folder as the reader sees it, in walk order."""
    return [
        article
        for path in walk_corpus(folder)
        if isinstance(path, Path)
        for article in read_articles(path, root=folder)
    ]


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A fresh corpus folder for a test that edits it."""
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(params=sorted(BACKENDS))
def backend(request, corpus) -> SearchService:
    """A backend over a fresh corpus, not yet updated (tests that change things)."""
    return BACKENDS[request.param](corpus)


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def indexed(request, tmp_path_factory) -> SearchService:
    """A backend over the shared corpus, updated once (tests that only read).

    Built once per module and backend: its index cache is a folder of its own, set
    while the backend is opened (the per-test cache folder is not made yet).
    """
    root = tmp_path_factory.mktemp(f"contract-{request.param}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(root / "cache"))
        patch.setenv("BRIEFING_CONFIG_DIR", str(root / "config"))
        service = BACKENDS[request.param](write_corpus(root / "corpus"))
        service.update()
    return service
