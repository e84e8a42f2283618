"""What any search backend must do: :class:`SearchService`, the interface behind the door.

The Whoosh implementation (:mod:`search.whoosh_service`) is the embedded default; a
distributed engine can stand behind the same interface. Only plain records from
:mod:`search.models` cross it. Callers reach it through :mod:`search.service`.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from search.models import (
    NO_FILTERS,
    Article,
    ArticleCopies,
    ArticleSummary,
    EntitySpan,
    Facet,
    Hit,
    IndexProgress,
    IndexReport,
    Mention,
    SearchFilters,
    SearchResults,
)

ProgressCallback = Callable[[IndexProgress], None]


class SearchService(ABC):
    """Index and query one corpus folder."""

    corpus: Path

    @abstractmethod
    def needs_update(self) -> bool:
        """True when the index is missing, from an old schema, or older than the files."""

    def may_need_update(self) -> bool:
        """Whether the index may need an update, told in milliseconds where the backend
        can (by the folders' modification times): a file added, removed or renamed is
        noticed, a file rewritten in place may not be. By default :meth:`needs_update`."""
        return self.needs_update()

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
    def search(
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 50,
        last_word_partial: bool = False,
    ) -> SearchResults:
        """Run what the user typed, narrowed by ``filters``.

        With ``last_word_partial`` the query is still being typed: its last plain word
        also matches as the start of the corpus's most used words (see
        :mod:`search.query.prefix`); an engine that cannot do so may ignore it.

        The text is in the app's query language (AND/OR/NOT, phrases, wildcards, fuzzy,
        field:term, date ranges, ``person:``/``org:``/``place:``/``source:``).
        :func:`search.query.parser.parse` reads it into the neutral query tree and
        :func:`search.query.filters.narrowed` adds the filters (names, sources, a date
        range that leaves undated articles out); a backend maps the tree to its engine.
        An empty query lists every article (those the filters keep). Raises QueryError
        for a query that cannot be run.
        """

    @abstractmethod
    def related(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        """Articles most like the given one."""

    @abstractmethod
    def facets(
        self, query: str, *, filters: SearchFilters = NO_FILTERS, limit: int = 10
    ) -> list[Facet]:
        """Top people, organisations, places and sources among the query's results
        (the query and filters read as :meth:`search` reads them)."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The full article, or None when the id is unknown."""

    def warm_up(self) -> None:  # noqa: B027 - optional: most engines have nothing to load
        """Load ahead of time what the first searches would otherwise wait for.

        An engine with nothing to load keeps this default, which does nothing.
        """

    @abstractmethod
    def articles(self) -> list[ArticleSummary]:
        """Every indexed article, in corpus order."""

    def copies_of(self, article_id: str) -> ArticleCopies:
        """Where else the article's text is: its copies' paths and its versions.

        An engine that does not look for duplicates keeps this default: none.
        """
        return ArticleCopies()

    @abstractmethod
    def entities(self, article_id: str) -> list[EntitySpan]:
        """Entity mentions in the article's body, in order."""

    def mentions(self, canonical: str, entity_type: str, *, limit: int = 200) -> list[Mention]:
        """Every mention of one entity across the corpus, with its context.

        The default asks the other methods (a query on the entity's field, then each
        article's spans); an engine may answer it in one pass.

        Args:
            canonical: the entity's canonical name.
            entity_type: one of ``ENTITY_TYPES``.
            limit: at most this many mentions.

        Returns:
            Mentions, the best matching articles first, each article's in body order.
        """
        from search.query.mentions import mention_query, mentions_in

        found: list[Mention] = []
        for hit in self.search(mention_query(canonical, entity_type), limit=limit).hits:
            article = self.article(hit.id)
            if article is None:
                continue
            fields = {"id": article.id, "title": article.title}
            fields.update(source=article.source, date=article.date)
            spans = self.entities(hit.id)
            found += mentions_in(fields, article.body, spans, canonical, entity_type)
            if len(found) >= limit:
                break
        return found[:limit]
