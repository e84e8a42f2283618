"""Benchmark corpora of any size, built from the BBC news articles in the shared corpora.

``build_corpus(n)`` writes a folder of ``n`` one-article ``.txt`` files (headline on the
first line, paragraphs separated by blank lines) under the cache dir and returns it;
a folder already built for the same ``n`` is reused. Past the 2,225 real articles,
new ones are recombined deterministically: a headline from one article and paragraphs
drawn from three others, so every file is distinct text with a news vocabulary.

The BBC text is read from ``shared/corpora/bbc`` beside the project folder (or
``$BRIEFING_BENCH_BBC``) and never copied into the project.

Run ``python -m benchmarks.corpus 10000`` to build one and print its path.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BBC_ENV = "BRIEFING_BENCH_BBC"
# The shared corpora sit beside the project folder, never inside it.
DEFAULT_BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc"
SEED = 20240715


@dataclass(frozen=True)
class NewsItem:
    """One benchmark article: a headline and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def as_file_text(self) -> str:
        return f"{self.title}\n\n{self.body}\n"


def bbc_folder() -> Path:
    """Where the BBC articles are read from."""
    return Path(os.environ.get(BBC_ENV, DEFAULT_BBC))


def load_bbc(folder: Path | None = None) -> list[NewsItem]:
    """Every BBC article, in a fixed order.

    Args:
        folder: The BBC corpus folder (default :func:`bbc_folder`).

    Returns:
        The articles; empty when the folder is absent.
    """
    root = folder or bbc_folder()
    items = []
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, rest = text.strip().partition("\n")
        paragraphs = tuple(p.strip() for p in rest.split("\n\n") if p.strip())
        if title.strip() and paragraphs:
            items.append(NewsItem(title.strip(), paragraphs))
    return items


def news_items(n: int, source: list[NewsItem] | None = None) -> Iterator[NewsItem]:
    """``n`` articles: the real ones first, then deterministic recombinations.

    Args:
        n: How many articles.
        source: The real articles (default: :func:`load_bbc`).

    Yields:
        Distinct articles.
    """
    real = source if source is not None else load_bbc()
    if not real:
        raise FileNotFoundError(f"no BBC articles found in {bbc_folder()}")
    yield from real[:n]
    rng = random.Random(SEED)
    for number in range(len(real), n):
        head, *donors = rng.sample(real, 4)
        paragraphs = [head.paragraphs[0]]
        for donor in donors:
            paragraphs += rng.sample(donor.paragraphs, min(2, len(donor.paragraphs)))
        yield NewsItem(f"{head.title} ({number})", tuple(paragraphs))


def build_corpus(n: int, root: Path | None = None) -> Path:
    """A folder of ``n`` one-article text files, built once and reused.

    Args:
        n: How many articles.
        root: Where corpora are kept (default: ``bench-corpora`` in the cache dir).

    Returns:
        The corpus folder.
    """
    if root is None:
        from search.locations import cache_dir

        root = cache_dir() / "bench-corpora"
    folder = root / f"bbc-{n}"
    stamp = root / f"bbc-{n}.complete"  # beside the folder, so it is not a corpus file
    if stamp.is_file() and folder.is_dir():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    for number, item in enumerate(news_items(n)):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(item.as_file_text(), encoding="utf-8")
    stamp.write_text(str(n))
    return folder


if __name__ == "__main__":
    print(build_corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
