"""What any search backend must do: :class:`SearchService`, the interface behind the door.

The Whoosh implementation (:mod:`search.whoosh_service`) is the embedded default; a
distributed engine can stand behind the same interface. Only plain records from
:mod:`search.models` cross it. Callers reach it through :mod:`search.service`.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from search.models import NO_FILTERS, Facet, Hit, SearchFilters, SearchResults

if TYPE_CHECKING:
    from search.models.articles import Article, ArticleCopies, ArticleSummary, EntitySpan, Mention
    from search.models.explore import EntityProfile, GraphEdge, SpeakerStatement, TimelineEvent
    from search.models.indexing import IndexProgress, IndexReport

ProgressCallback = Callable[["IndexProgress"], None]


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
        find_copies: bool = False,
    ) -> IndexReport:
        """Bring the index up to date with the folder (incrementally unless ``rebuild``).

        The report lists the identical files and versions in the whole index only when
        ``find_copies`` (finding them after a change costs seconds at 100,000 articles).

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
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 10,
        last_word_partial: bool = False,
    ) -> list[Facet]:
        """Top people, organisations, places and sources among the query's results
        (the query, filters and half-typed last word read as :meth:`search` reads them)."""

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
        from search.models.articles import ArticleCopies

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
        from search.models import entity_query
        from search.query.mentions import mentions_in

        found: list[Mention] = []
        for hit in self.search(entity_query(canonical, entity_type), limit=limit).hits:
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

    # Exploring: timelines, statements, entity pages. The defaults below read the other
    # methods and work out each article's data from its text; an engine that stores the
    # data at index time (as the Whoosh one does) overrides the three hooks at the end.

    def timeline(
        self,
        query: str | None = None,
        *,
        filters: SearchFilters = NO_FILTERS,
        date_from: str | None = None,
        date_to: str | None = None,
        article_id: str | None = None,
    ) -> list[TimelineEvent]:
        """The dated events of a query's hits (all of them), or of one article.

        Args:
            query: what the user typed (read as :meth:`search` reads it); None or empty
                for every article the filters keep.
            filters: as for :meth:`search`.
            date_from: keep events whose dates reach this ISO year, month or day.
            date_to: keep events whose dates begin by the end of this year, month or day.
            article_id: only this article's events (``query`` and ``filters`` unused).

        Returns:
            Events oldest date first (a year before its months, a month before its days);
            an article's events on the same date in text order.

        Raises:
            QueryError: for a query that cannot be run.
        """
        from search.explore import corpus

        if article_id is not None:
            articles = self._explored_ids([article_id])
        else:
            articles = self._explored_query(query or "", filters, parts="t")
        return corpus.timeline(articles, date_from, date_to)

    def statements(self, name: str) -> list[SpeakerStatement]:
        """What an entity said: its statements, newest article first.

        Args:
            name: a canonical name or an alias of a person or organisation (any case;
                the user's corrections apply).

        Returns:
            The statements, empty when the name is unknown (see :meth:`resolve_entity`).
        """
        from search.explore import corpus
        from search.models import entity_query

        found = self.resolve_entity(name)
        if found is None:
            return []
        canonical, entity_type = found
        query = entity_query(canonical, entity_type)
        articles = self._explored_query(query, NO_FILTERS, parts="s")
        return corpus.statements(articles, canonical)

    def entity(self, name: str, *, min_shared: int = 2, limit: int = 50) -> EntityProfile | None:
        """An entity's page: its aliases, articles, mentions per month, co-occurring entities.

        Args:
            name: a canonical name or an alias (any case; the user's corrections apply).
            min_shared: the fewest sentences another entity must share with it to be
                listed (a single shared sentence is too often chance).
            limit: at most this many co-occurring entities, best score first.

        Returns:
            The profile, or None when the name is unknown.
        """
        from search.explore import corpus
        from search.models import entity_query

        found = self.resolve_entity(name)
        if found is None:
            return None
        canonical, entity_type = found
        query = entity_query(canonical, entity_type)
        articles, _total = self._named_articles(query, naming=(entity_type, canonical))
        with self._counting() as (article_count, total):
            return corpus.profile(
                canonical,
                entity_type,
                articles,
                article_count,
                total,
                self._texts,
                min_shared=min_shared,
                limit=limit,
            )

    def cooccurrence_graph(
        self, name: str | None = None, *, min_shared: int = 2
    ) -> list[GraphEdge]:
        """The co-occurrence graph: pairs of entities sharing ``min_shared`` sentences or more.

        Args:
            name: only the neighbourhood of this entity (canonical name or alias): its
                edges and those between the entities it has edges with. None for the
                whole corpus.
            min_shared: the fewest shared sentences for an edge.

        Returns:
            Edges, best score first (empty when ``name`` is unknown). Counted over the
            whole corpus, so an export reads every article.
        """
        from search.explore import corpus

        kept = None
        if name is not None:
            profile = self.entity(name, min_shared=min_shared, limit=1_000_000)
            if profile is None:
                return []
            kept = {(profile.type, profile.name)}
            kept.update((c.type, c.name) for c in profile.cooccurring)
        articles, _total = self._named_articles("")
        with self._counting() as (article_count, total):
            edges = corpus.graph(articles, article_count, total, min_shared=min_shared)
        if kept is None:
            return edges
        return [
            edge
            for edge in edges
            if (edge.source_type, edge.source) in kept and (edge.target_type, edge.target) in kept
        ]

    def resolve_entity(self, name: str) -> tuple[str, str] | None:
        """``(canonical name, type)`` of the person, organisation or place ``name`` means
        (a canonical name or an alias, any case, corrections applied), or None."""
        from search.explore.names import SAMPLE, resolve_name

        return resolve_name(name, lambda query: self._named_articles(query, sample=SAMPLE))

    def _explored_query(self, query: str, filters: SearchFilters, *, parts: str = "ts"):
        """Every article ``query`` finds, as :class:`search.explore.corpus.ExploredArticle`.

        An engine that stores the data may read only the ``parts`` asked for ("t"
        events, "s" statements); this default works out everything from the text.
        """
        return self._explored_ids(self._found_ids(query, filters))

    def _found_ids(self, query: str, filters: SearchFilters = NO_FILTERS) -> list[str]:
        total = max(1, len(self.articles()))
        return [hit.id for hit in self.search(query, filters=filters, limit=total).hits]

    def _explored_ids(self, article_ids):
        """The articles of ``article_ids`` (unknown ids skipped), their data worked out."""
        from search.explore.article_data import explore_article
        from search.explore.corpus import ExploredArticle

        found = []
        for article_id in article_ids:
            article = self.article(article_id)
            if article is None:
                continue
            spans = self.entities(article_id)
            data = explore_article(article.title, article.body, article.date, spans)
            explored = ExploredArticle(article.id, article.title, article.body, article.date, data)
            found.append(explored)
        return found

    def _named_articles(
        self, query: str, *, naming: tuple[str, str] | None = None, sample: int | None = None
    ):
        """The :class:`search.explore.article_names.ArticleNames` of the articles ``query``
        finds (of an even sample of at most ``sample`` of them), and how many it finds.

        With ``naming`` (type, canonical), an engine may keep only the shared sentences
        naming that entity; this default works out everything from the text.
        """
        from search.explore.article_data import explore_article
        from search.explore.article_names import article_names
        from search.explore.names import even_sample

        ids = self._found_ids(query)
        found = []
        for article_id in even_sample(ids, sample):
            article = self.article(article_id)
            if article is None:
                continue
            spans = self.entities(article_id)
            shared = explore_article(article.title, article.body, article.date, spans).shared
            found.append(article_names(article.id, article.date, spans, shared))
        return found, len(ids)

    def _texts(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{id: (title, body)}`` of the articles of ``article_ids`` that are found."""
        found = {}
        for article_id in article_ids:
            article = self.article(article_id)
            if article is not None:
                found[article_id] = (article.title, article.body)
        return found

    @contextmanager
    def _counting(self):
        """``(article_count, total)``: how many articles name a ``(type, canonical)``,
        and how many the corpus has."""
        from search.models import entity_query

        def article_count(entity_type: str, canonical: str) -> int:
            return self.search(entity_query(canonical, entity_type), limit=1).total

        yield article_count, len(self.articles())
