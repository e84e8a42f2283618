"""Reading a corpus folder into articles: find files, decode, clean, split, extract metadata.

(Interface placeholder: the reading helper replaces the bodies.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from search.models import Article, SkippedFile

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class UnreadableFile(Exception):
    """A file that cannot become articles; ``str(exc)`` is the one-line reason."""


def walk_corpus(folder: Path) -> Iterator[Path | SkippedFile]:
    """Every file under ``folder`` worth reading (as a Path) or skipped with a reason."""
    raise NotImplementedError


def read_articles(path: Path) -> list[Article]:
    """Decode, clean and split one file into its articles.

    Raises:
        UnreadableFile: binary, empty, undecodable or permission denied.
    """
    raise NotImplementedError
