"""Entity and facet work for the main screen: facets, mentions, corrections, re-indexing.

Mixed into :class:`~tui.screens.main.MainScreen` so that the screen module keeps to
routing. Workers are thin, as everywhere in the app: each calls the search service or
the corrections file in a thread and posts one of the messages below; the handlers, on
the UI thread, update the widgets or push a screen. Facet answers for a query no longer
on screen are dropped by the facet panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from search.models import (
    ENTITY_FIELDS,
    NO_FILTERS,
    EntitySpan,
    Facet,
    Mention,
    SearchFilters,
)
from tui.messages import OpenArticle
from tui.widgets.search.facets import FACET_LIMIT, FacetPanel
from tui.widgets.workspace import SEARCH_TAB

if TYPE_CHECKING:
    from tui.widgets.entities.panel import EntityPanel
    from tui.widgets.reading.pane import ReadingPane

MENTION_LIMIT = 500


@dataclass
class FacetsFound(Message):
    """Facets of the results of ``query`` narrowed by ``filters``."""

    query: str
    facets: list[Facet]
    filters: SearchFilters = NO_FILTERS


@dataclass
class MentionsFound(Message):
    """Every mention of one entity across the corpus."""

    canonical: str
    entity_type: str
    mentions: list[Mention]


@dataclass
class CorrectionSaved(Message):
    """A correction was written to ``path``: ``kind`` is ``"add"`` or ``"ignore"``."""

    kind: str
    name: str
    entity_type: str | None
    path: str


@dataclass
class CorrectionFailed(Message):
    """The corrections file was left as it was; ``reason`` says why."""

    reason: str


@dataclass
class EntitiesReloaded(Message):
    """Fresh entity spans for open articles, after an index update."""

    spans: dict[str, list[EntitySpan]]


class EntityActions:
    """Handlers and workers for entities and facets; needs the main screen's widgets."""

    # Where to scroll an article that is still loading: article id -> (start, end).
    _spans_waiting: dict[str, tuple[int, int]] | None = None

    # Facets.

    def on_facet_panel_wanted(self, message: FacetPanel.Wanted) -> None:
        self.count_facets(message.query, message.filters)

    @work(thread=True, exclusive=True, group="facets")
    def count_facets(self, query: str, filters: SearchFilters) -> None:
        try:
            facets = self.app.service.facets(query, filters=filters, limit=FACET_LIMIT)
        except Exception:  # noqa: BLE001 - no facets is better than a broken search view
            facets = []
        self.post_message(FacetsFound(query, list(facets), filters))

    def on_facets_found(self, message: FacetsFound) -> None:
        self.search_view.facets.show(message.query, message.facets, message.filters)

    # Choosing an entity: narrow the search, or list its mentions in context.

    def on_entity_panel_chosen(self, message: EntityPanel.Chosen) -> None:
        if message.action == "context":
            self.find_mentions(message.canonical, message.entity_type)
            return
        self.workspace.show_tab(SEARCH_TAB)
        field = ENTITY_FIELDS.get(message.entity_type)
        if field is None:
            # Dates and amounts have no field: their words are searched in the text.
            self.search_view.set_filters(NO_FILTERS)
            self.search_view.set_query(message.canonical)
        else:
            self.search_view.set_query("")
            self.search_view.set_filters(SearchFilters(**{field: (message.canonical,)}))

    @work(thread=True, exclusive=True, group="mentions")
    def find_mentions(self, canonical: str, entity_type: str) -> None:
        try:
            mentions = self.app.service.mentions(canonical, entity_type, limit=MENTION_LIMIT)
        except Exception as error:  # noqa: BLE001
            self.post_message(CorrectionFailed(f"Cannot list the mentions: {error}"))
            return
        self.post_message(MentionsFound(canonical, entity_type, list(mentions)))

    def on_mentions_found(self, message: MentionsFound) -> None:
        from tui.screens.entity_view import EntityViewScreen

        def chosen(mention: Mention | None) -> None:
            if mention is not None:
                self.open_at(mention.article_id, mention.start, mention.end)

        screen = EntityViewScreen(message.canonical, message.entity_type, message.mentions)
        self.app.push_screen(screen, chosen)

    def open_at(self, article_id: str, start: int, end: int) -> None:
        """Open (or focus) an article, scrolled to body ``start``..``end`` and marked."""
        if self.workspace.is_open(article_id):
            self.workspace.focus_article(article_id)
            self._pane_of(article_id).show_span(start, end)
            return
        self._waiting()[article_id] = (start, end)
        self.post_message(OpenArticle(article_id))

    def article_opened(self, article_id: str) -> None:
        """Scroll a just-opened article to the mention it was opened for, if any."""
        span = self._waiting().pop(article_id, None)
        if span is not None:
            self._pane_of(article_id).show_span(*span)

    def _waiting(self) -> dict[str, tuple[int, int]]:
        if self._spans_waiting is None:
            self._spans_waiting = {}
        return self._spans_waiting

    def _pane_of(self, article_id: str) -> ReadingPane:
        from tui.widgets.reading.pane import ReadingPane

        pane_id = self.workspace.pane_id(article_id)
        return self.workspace.get_pane(pane_id).query_one(ReadingPane)

    # Corrections: written in a thread, atomically, by search.entities.

    def on_entity_panel_mark_requested(self, message: EntityPanel.MarkRequested) -> None:
        from tui.screens.entity_type import EntityTypeScreen

        def chosen(entity_type: str | None) -> None:
            if entity_type:
                self.write_correction("add", message.text, entity_type)

        self.app.push_screen(EntityTypeScreen(message.text), chosen)

    def on_entity_panel_ignore_requested(self, message: EntityPanel.IgnoreRequested) -> None:
        self.write_correction("ignore", message.name, None)

    @work(thread=True, group="corrections")
    def write_correction(self, kind: str, name: str, entity_type: str | None) -> None:
        from search.entities import CorrectionsError, add_entity_correction, ignore_entity

        try:
            if kind == "add":
                path = add_entity_correction(name, entity_type or "")
            else:
                path = ignore_entity(name)
        except (CorrectionsError, ValueError, OSError) as error:
            self.post_message(CorrectionFailed(f"Corrections file not changed: {error}"))
            return
        self.post_message(CorrectionSaved(kind, name, entity_type, str(path)))

    def on_correction_saved(self, message: CorrectionSaved) -> None:
        from tui.widgets.entities.styles import TYPE_NAMES

        if message.kind == "add":
            kind = TYPE_NAMES.get(message.entity_type or "", message.entity_type)
            done = f"Marked “{message.name}” as {kind}"
        else:
            done = f"“{message.name}” will no longer be marked"
        self.notify(
            f"{done} (saved in {message.path}). It applies on the next index update: "
            "press F5 to re-index now.",
            title="Entity correction",
            markup=False,
            timeout=8,
        )

    def on_correction_failed(self, message: CorrectionFailed) -> None:
        self.notify(message.reason, severity="error", markup=False, timeout=10)

    @work(thread=True, group="corrections")
    def check_corrections(self) -> None:
        """Say at start if the corrections file cannot be used (it is never rewritten)."""
        from search.entities import corrections_problem

        problem = corrections_problem()
        if problem:
            self.post_message(
                CorrectionFailed(f"Entity corrections not in force (file left as is): {problem}")
            )

    # Re-indexing, and what an index update changes on screen.

    def action_reindex(self) -> None:
        self.notify("Updating the index…", markup=False, timeout=3)
        self.prepare_index()

    def index_updated(self) -> None:
        """Count facets again and refresh open articles' entities after an update."""
        self.search_view.facets.expected = None
        if self.workspace.open_ids:
            self.reload_entities(self.workspace.open_ids)

    @work(thread=True, exclusive=True, group="entities")
    def reload_entities(self, article_ids: list[str]) -> None:
        try:
            spans = {
                article_id: self.app.service.entities(article_id) for article_id in article_ids
            }
        except Exception:  # noqa: BLE001 - keep the entities shown
            return
        self.post_message(EntitiesReloaded(spans))

    def on_entities_reloaded(self, message: EntitiesReloaded) -> None:
        for article_id, spans in message.spans.items():
            if self.workspace.is_open(article_id):
                self._pane_of(article_id).show_entities(spans)
