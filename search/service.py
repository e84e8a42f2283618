"""The one door between the index and everything that uses it.

The app and the CLI ask for everything through a :class:`SearchService` (defined with
what every backend must do in :mod:`search.backend`) opened here for a corpus folder;
the Whoosh implementation is the embedded default. Only plain records from
:mod:`search.models` cross it.
"""

from __future__ import annotations

from pathlib import Path

from search.backend import ProgressCallback, SearchService

__all__ = ["ProgressCallback", "SearchService", "open_search_service"]


def open_search_service(corpus: Path) -> SearchService:
    """The search service for a corpus folder (the embedded Whoosh index).

    Args:
        corpus: The folder of documents; its index lives in the user cache dir.

    Returns:
        A service ready to update and query that folder's index.
    """
    from search.whoosh_service import WhooshSearchService

    return WhooshSearchService(Path(corpus))
