"""Entities and facets for the main screen: facets, mentions, corrections, fresh spans.

Each call starts background work (see :mod:`tui.background`) and shows its answer in
the widgets it was given. Facet answers for a query no longer on screen are dropped by
the facet panel; corrections are written atomically by :mod:`search.entities`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from search.models import ENTITY_FIELDS, NO_FILTERS, SearchFilters
from search.models.articles import EntitySpan, Mention
from tui.background import in_thread
from tui.controllers import ArticleOpener
from tui.widgets.search.facets import FACET_LIMIT
from tui.widgets.workspace import SEARCH_TAB

if TYPE_CHECKING:
    from textual.screen import Screen

    from search.service import SearchService
    from tui.widgets.search.view import SearchView
    from tui.widgets.workspace import Workspace

MENTION_LIMIT = 500


class EntityController:
    """What the main screen does with entities and facets.

    Args:
        screen: owns the work; shows notices and the screens pushed.
        service: the search service (called in worker threads).
        search_view: shows facets and takes entity filters.
        workspace: the tabs of open articles.
        open_article: opens (or shows) an article, then calls its second argument with
            the article's reading pane.
    """

    def __init__(
        self,
        screen: Screen,
        service: Callable[[], SearchService],
        search_view: SearchView,
        workspace: Workspace,
        open_article: ArticleOpener,
    ) -> None:
        self._screen = screen
        self._service = service
        self._search_view = search_view
        self._workspace = workspace
        self._open_article = open_article

    # Facets.

    def count_facets(self, query: str, filters: SearchFilters, partial: bool = False) -> None:
        """Count the facets of ``query``'s results narrowed by ``filters`` (its last word
        ``partial``, still being typed, as the search read it); show them."""

        def call() -> list:
            facets = self._service().facets(
                query, filters=filters, limit=FACET_LIMIT, last_word_partial=partial
            )
            return list(facets)

        def done(facets: list) -> None:
            self._search_view.facets.show(query, facets, filters)

        def failed(_error: Exception) -> None:
            done([])  # no facets is better than a broken search view

        in_thread(self._screen, call, done, group="facets", failed=failed, quit_waits=False)

    # Choosing an entity: narrow the search, or list its mentions in context.

    def narrow_to(self, canonical: str, entity_type: str) -> None:
        """Search for the entity: as a filter where it has a field, else as words."""
        self._workspace.show_tab(SEARCH_TAB)
        field = ENTITY_FIELDS.get(entity_type)
        if field is None:
            # Dates and amounts have no field: their words are searched in the text.
            self._search_view.set_filters(NO_FILTERS)
            self._search_view.set_query(canonical)
        else:
            self._search_view.set_query("")
            self._search_view.set_filters(SearchFilters(**{field: (canonical,)}))

    def list_mentions(self, canonical: str, entity_type: str) -> None:
        """Every mention of the entity in context; the one chosen opens at its place."""

        def call() -> list[Mention]:
            return list(self._service().mentions(canonical, entity_type, limit=MENTION_LIMIT))

        def done(mentions: list[Mention]) -> None:
            from tui.screens.entity_view import EntityViewScreen

            def chosen(mention: Mention | None) -> None:
                if mention is not None:
                    self.open_at(mention.article_id, mention.start, mention.end)

            screen = EntityViewScreen(canonical, entity_type, mentions)
            self._screen.app.push_screen(screen, chosen)

        def failed(error: Exception) -> None:
            self._error(f"Cannot list the mentions: {error}")

        in_thread(self._screen, call, done, group="mentions", failed=failed, quit_waits=False)

    def open_at(self, article_id: str, start: int, end: int) -> None:
        """Open (or show) an article, scrolled to body ``start``..``end`` and marked."""
        self._open_article(article_id, lambda pane: pane.show_span(start, end))

    # Corrections.

    def ask_type(self, text: str) -> None:
        """Ask which type ``text`` is, then save that as a correction."""
        from tui.screens.entity_type import EntityTypeScreen

        def chosen(entity_type: str | None) -> None:
            if entity_type:
                self.write_correction("add", text, entity_type)

        self._screen.app.push_screen(EntityTypeScreen(text), chosen)

    def write_correction(self, kind: str, name: str, entity_type: str | None) -> None:
        """Save a correction: ``kind`` "add" marks ``name`` as ``entity_type``, "ignore"
        stops marking it. Says where it went and that F5 applies it."""

        def call() -> str:
            from search.entities import add_entity_correction, ignore_entity

            if kind == "add":
                return str(add_entity_correction(name, entity_type or ""))
            return str(ignore_entity(name))

        def done(path: str) -> None:
            from tui.widgets.entities.styles import TYPE_NAMES

            if kind == "add":
                what = f"Marked “{name}” as {TYPE_NAMES.get(entity_type or '', entity_type)}"
            else:
                what = f"“{name}” will no longer be marked"
            self._screen.notify(
                f"{what} (saved in {path}). It applies on the next index update: "
                "press F5 to re-index now.",
                title="Entity correction",
                markup=False,
                timeout=8,
            )

        def failed(error: Exception) -> None:
            self._error(f"Corrections file not changed: {error}")

        in_thread(self._screen, call, done, group="corrections", exclusive=False, failed=failed)

    def check_corrections(self) -> None:
        """Say at start if the corrections file cannot be used (it is never rewritten)."""

        def call() -> str | None:
            from search.entities import corrections_problem

            return corrections_problem()

        def done(problem: str | None) -> None:
            if problem:
                self._error(f"Entity corrections not in force (file left as is): {problem}")

        in_thread(self._screen, call, done, group="corrections", exclusive=False)

    # After an index update.

    def index_updated(self) -> None:
        """Count facets again and refresh open articles' entities."""
        self._search_view.facets.expected = None
        article_ids = list(self._workspace.open_ids)
        if not article_ids:
            return

        def call() -> dict[str, list[EntitySpan]]:
            service = self._service()
            return {article_id: service.entities(article_id) for article_id in article_ids}

        def done(spans: dict[str, list[EntitySpan]]) -> None:
            for article_id, found in spans.items():
                pane = self._workspace.reader(article_id)
                if pane is not None:
                    pane.show_entities(found)

        # On failure the entities shown stay.
        in_thread(self._screen, call, done, group="entities")

    def _error(self, reason: str) -> None:
        self._screen.notify(reason, severity="error", markup=False, timeout=10)
