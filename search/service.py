"""The one door between the index and everything that uses it.

The app and the CLI ask for everything through a :class:`SearchService` (defined with
what every backend must do in :mod:`search.backend`) opened here for a corpus folder;
the Whoosh implementation is the embedded default. Only plain records from
:mod:`search.models` cross it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from search.backend import ProgressCallback, SearchService
from search.models import UnreadableFile

if TYPE_CHECKING:
    from search.models.articles import Article, EntitySpan

__all__ = [
    "ProgressCallback",
    "SearchService",
    "UnreadableFile",
    "open_search_service",
    "read_file",
]


def read_file(path: Path) -> list[tuple[Article, list[EntitySpan]]]:
    """The articles of one file outside any index, each with its entity spans.

    Raises:
        UnreadableFile: with a one-line reason the file cannot be read.
    """
    from search.entities import extract_entities
    from search.reading.reader import read_articles

    return [(article, list(extract_entities(article.body))) for article in read_articles(path)]


def open_search_service(corpus: Path, *, follow_outside: bool | None = None) -> SearchService:
    """The search service for a corpus folder (the embedded Whoosh index).

    Args:
        corpus: The folder of documents; its index lives in the user cache dir.
        follow_outside: Whether updates read symlinks that lead out of the corpus; the
            choice is recorded with the index, and None keeps the recorded one (at first:
            such symlinks are skipped and reported).

    Returns:
        A service ready to update and query that folder's index.
    """
    from search.whoosh_service import WhooshSearchService

    return WhooshSearchService(Path(corpus), follow_outside=follow_outside)
