"""The one seam between the index and everything that uses it.

The app and the CLI ask for everything through :class:`SearchService`; the Whoosh
implementation is the embedded default and a distributed engine can stand behind the
same interface. Only plain records from :mod:`search.models` cross it.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from search.models import (
    Article,
    ArticleSummary,
    EntitySpan,
    Facet,
    Hit,
    IndexProgress,
    IndexReport,
    SearchResults,
)

ProgressCallback = Callable[[IndexProgress], None]


class SearchService(ABC):
    """Index and query one corpus folder."""

    corpus: Path

    @abstractmethod
    def needs_update(self) -> bool:
        """True when the index is missing, from an old schema, or older than the files."""

    @abstractmethod
    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the folder (incrementally unless ``rebuild``).

        Raises:
            IndexBusyError: another process is writing the index.
        """

    @abstractmethod
    def search(self, query: str, *, limit: int = 50) -> SearchResults:
        """Run a query in the Whoosh query language plus ``person:``/``org:``/``place:``.

        An empty query lists every article. Raises QueryError for a query that
        cannot be run.
        """

    @abstractmethod
    def related(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        """Articles most like the given one."""

    @abstractmethod
    def facets(self, query: str, *, limit: int = 10) -> list[Facet]:
        """Top people, organisations, places and sources among the query's results."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The full article, or None when the id is unknown."""

    @abstractmethod
    def articles(self) -> list[ArticleSummary]:
        """Every indexed article, in corpus order."""

    @abstractmethod
    def entities(self, article_id: str) -> list[EntitySpan]:
        """Entity mentions in the article's body, in order."""


def open_search_service(corpus: Path) -> SearchService:
    """The search service for a corpus folder (the embedded Whoosh index).

    Args:
        corpus: The folder of documents; its index lives in the user cache dir.

    Returns:
        A service ready to update and query that folder's index.
    """
    from search.whoosh_service import WhooshSearchService

    return WhooshSearchService(Path(corpus))
