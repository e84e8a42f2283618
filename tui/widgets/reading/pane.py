"""ReadingPane: one article in its own tab, with every highlighted span styled in one place.

The body is one ``Paragraph`` widget per paragraph (``Article.paragraphs``), each knowing
its body offsets, so a paragraph or sentence cursor can move between widgets. Spans are
kept as named layers in body offsets (``spans.py``) and painted per paragraph in a fixed
order, later layers over earlier ones (``LAYER_ORDER``): entities (each range may carry
its own style, e.g. a colour per type), query hits, find matches, the current match,
quote marks. ``set_layer`` replaces a layer and redraws only the paragraphs it touches.
``n``/``N`` walk the find matches while a find is active, else the query hits, and take
the quoting cursor with them (``quoting.py``).
Entities come with the article; ``e`` hides or shows them (with their legend), ``E`` the
entity panel, ``m`` marks the selection (or current match) as an entity, ``i`` ignores one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from search.models import Article, EntitySpan
from tui.literal import content
from tui.widgets.entities.legend import EntityLegend
from tui.widgets.entities.panel import EntityPanel
from tui.widgets.entities.styles import entity_ranges
from tui.widgets.entities.targets import ignore_target, mark_target
from tui.widgets.reading import spans
from tui.widgets.reading.paragraph import ArticleHeader, Paragraph
from tui.widgets.reading.quoting import QuotingMixin

LAYER_ORDER = ("entities", "hits", "find", "current", "quote", "cursor")
# Every style also changes the text's weight or decoration: colour is never the only signal.
LAYER_STYLES = {
    "entities": "underline",
    "hits": "bold underline on $warning-muted",
    "find": "bold underline on $accent-muted",
    "current": "bold underline reverse",
    "quote": "italic on $success-muted",
    "cursor": "bold underline on $primary-muted",
}


class ArticleBody(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The scrolling column of header and paragraphs (no sideways scrolling: text wraps)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Line up", show=False),
        Binding("down", "scroll_down", "Line down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    ArticleBody { height: 1fr; padding: 0 2; }
    """


class FindBar(Input):
    """Find-in-article input, shown on demand below the body."""

    DEFAULT_CSS = """
    FindBar { dock: bottom; display: none; }
    FindBar.-shown { display: block; }
    """


class ReadingPane(QuotingMixin, Vertical):
    """An article: metadata, wrapped paragraphs, hit navigation and find."""

    BINDINGS = [
        Binding("n", "next_match(1)", "Next hit"),
        Binding("N", "next_match(-1)", "Prev hit"),
        Binding("f,ctrl+f", "find", "Find", tooltip="Find text in this article"),
        Binding("r", "related", "Related", tooltip="List the articles most like this one"),
        Binding("x,ctrl+w", "close", "Close tab"),
        Binding("e", "toggle_entities", "Entities", tooltip="Highlight entities, or not"),
        Binding("E", "toggle_entity_panel", "Entity panel", tooltip="This article's entities"),
        Binding("m", "mark_entity", "Mark entity", show=False, tooltip="Selection as an entity"),
        Binding("i", "ignore_entity", "Ignore entity", show=False, tooltip="Never mark it again"),
        Binding("escape", "back", "Back", tooltip="Close find or the entity panel, else search"),
        Binding("j", "scroll(1)", "Line down", show=False),
        Binding("k", "scroll(-1)", "Line up", show=False),
        Binding("space", "page(1)", "Page down", show=False),
        Binding("b", "page(-1)", "Page up", show=False),
        Binding("g", "edge(0)", "Top", show=False),
        Binding("G", "edge(1)", "Bottom", show=False),
    ]
    DEFAULT_CSS = """
    ReadingPane {
        height: 1fr;
        #match-status { height: 1; padding: 0 2; background: $panel; color: $text-muted; }
    }
    """

    class CloseRequested(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class RelatedRequested(Message):
        def __init__(self, article_id: str, title: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.title = title

    class BackRequested(Message):
        """Escape with nothing left to close in the pane: go back to the search view."""

    def __init__(
        self,
        article: Article,
        terms: tuple[str, ...] = (),
        *,
        path_label: str | None = None,
        entities: Sequence[EntitySpan] = (),
        **kwargs,
    ) -> None:
        """An article to read.

        Args:
            article: the article, body included.
            terms: query words to mark as hits.
            path_label: the file path as shown (default ``article.path``).
            entities: the article's entity mentions, highlighted by type.
        """
        super().__init__(**kwargs)
        self.article = article
        self.path_label = path_label
        self.terms = tuple(terms)
        self._paragraph_ranges = spans.paragraph_ranges(article.body)
        self._layers: dict[str, list[spans.Range]] = {
            "hits": spans.term_ranges(article.body, self.terms),
            "entities": entity_ranges(entities),
        }
        self.entities = list(entities)
        self._match_index: int | None = None
        self._find_text = ""

    def compose(self) -> ComposeResult:
        yield EntityPanel(self.entities)
        with ArticleBody():
            yield ArticleHeader(self.article, self.path_label)
            for index, (start, end) in enumerate(self._paragraph_ranges):
                yield Paragraph(index, start, end)
        yield EntityLegend(LAYER_STYLES["hits"])
        yield Static(id="match-status")
        yield FindBar(placeholder="Find in this article (Enter to keep, Escape to close)")

    def on_mount(self) -> None:
        self._repaint()
        self._show_status()

    @property
    def body(self) -> ArticleBody:
        return self.query_one(ArticleBody)

    @property
    def matches(self) -> list[spans.Range]:
        """What ``n``/``N`` walk: find matches while a find is active, else query hits."""
        return self._layers.get("find", []) if self._find_text else self._layers["hits"]

    def set_layer(self, name: str, ranges: Sequence[spans.Range | spans.StyledRange]) -> None:
        """Replace one span layer and redraw the paragraphs it touched or touches.

        Args:
            name: a name in ``LAYER_ORDER``.
            ranges: ``(start, end)`` or ``(start, end, style)`` body offsets, sorted by
                start; a range without a style gets the layer's (``LAYER_STYLES``).
        """
        old = self._layers.get(name, [])
        self._layers[name] = list(ranges)
        if self.is_mounted:
            self._repaint(spans.paragraphs_touched(self._paragraph_ranges, [*old, *ranges]))

    def layer(self, name: str) -> list[spans.Range | spans.StyledRange]:
        """The ranges of one layer, in body offsets."""
        return list(self._layers.get(name, []))

    def paragraph_content(self, start: int, end: int) -> Content:
        """The text of body ``start``..``end`` with every layer's spans styled."""
        shown = content(self.article.body[start:end])
        for layer in LAYER_ORDER:
            for span in spans.clip(self._layers.get(layer, []), start, end):
                style = span[2] if len(span) > 2 else LAYER_STYLES[layer]
                shown = shown.stylize(style, span[0], span[1])
        return shown

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraph widgets, in body order (index ``i`` is ``Article.paragraphs[i]``)."""
        return list(self.query(Paragraph))

    def _repaint(self, indices: Iterable[int] | None = None) -> None:
        paragraphs = self.paragraphs
        for index in range(len(paragraphs)) if indices is None else sorted(indices):
            paragraph = paragraphs[index]
            paragraph.update(self.paragraph_content(paragraph.start, paragraph.end))

    def _show_status(self) -> None:
        matches = self.matches
        kind = f"find “{self._find_text}”" if self._find_text else "hit"
        if not matches:
            text = (
                f"No matches for “{self._find_text}”" if self._find_text else "f find · r related"
            )
        elif self._match_index is None:
            noun = "matches" if self._find_text else "hits"
            text = f"{len(matches)} {noun} · n next · N previous · f find · r related"
        else:
            text = f"{kind} {self._match_index + 1} of {len(matches)} · n next · N previous"
        if (cursor := self.cursor_status()) and self._match_index is None:
            text = cursor
        self.query_one("#match-status", Static).update(content(text, one_line=True))

    @property
    def status_text(self) -> str:
        """The match counter line as shown (e.g. ``hit 3 of 12 · …``)."""
        status = self.query_one("#match-status", Static).content
        return str(status)

    def action_next_match(self, step: int) -> None:
        matches = self.matches
        if not matches:
            self._show_status()
            return
        if self._match_index is None:
            self._match_index = 0 if step > 0 else len(matches) - 1
        else:
            self._match_index = (self._match_index + step) % len(matches)
        start, end = matches[self._match_index]
        self.set_layer("current", [(start, end)])
        # The cursor goes with it (and scrolls it to the middle): s and p quote around it.
        self.place_cursor(start)

    def show_span(self, start: int, end: int) -> None:
        """Mark body ``start``..``end`` as the current match, with the cursor, in mid-view."""
        self._match_index = None
        self.set_layer("current", [(start, end)])
        self.place_cursor(start)

    def action_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.add_class("-shown")
        bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._find_text = event.value
        self._match_index = None
        self.set_layer("current", [])
        self.set_layer("find", spans.find_ranges(self.article.body, event.value))
        self._show_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.body.focus()
        if self.matches:
            self.action_next_match(1)

    def close_find(self) -> None:
        """Hide the find bar and drop its matches."""
        bar = self.query_one(FindBar)
        bar.remove_class("-shown")
        bar.value = ""
        self.body.focus()

    def action_back(self) -> None:
        if self.query_one(FindBar).has_class("-shown"):
            self.close_find()
        elif self.entity_panel.entity_list.has_focus:
            self.action_toggle_entity_panel()
        else:
            self.post_message(self.BackRequested())

    @property
    def entity_panel(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    def show_entities(self, entities: Sequence[EntitySpan]) -> None:
        """Replace the article's entities (after an index update), in the text and panel."""
        self.entities = list(entities)
        self.entity_panel.show_spans(self.entities)
        if not self.query_one(EntityLegend).has_class("-off"):
            self.set_layer("entities", entity_ranges(self.entities))

    def action_toggle_entities(self) -> None:
        legend = self.query_one(EntityLegend)
        shown = legend.has_class("-off")
        legend.set_class(not shown, "-off")
        self.set_layer("entities", entity_ranges(self.entities) if shown else [])

    def action_toggle_entity_panel(self) -> None:
        panel = self.entity_panel
        panel.toggle_class("-shown")
        if panel.has_class("-shown"):
            panel.entity_list.focus()
        else:
            self.body.focus()

    def selected_text(self) -> str:
        """The mouse selection in this pane's paragraphs, on one line ("" if none there)."""
        selections = self.screen.selections
        if selections and all(
            isinstance(widget, Paragraph) and self in widget.ancestors for widget in selections
        ):
            return " ".join((self.screen.get_selected_text() or "").split())
        return ""

    def _current_match(self) -> tuple[int, int] | None:
        current = self.layer("current")
        return (current[0][0], current[0][1]) if current else None

    def action_mark_entity(self) -> None:
        if text := mark_target(self.selected_text(), self.article.body, self._current_match()):
            self.entity_panel.request_mark(text)
        else:
            self.notify("Select text with the mouse, or find it (f, Enter) first.", markup=False)

    def action_ignore_entity(self) -> None:
        panel = self.entity_panel
        chosen = panel.highlighted[0] if panel.entity_list.has_focus and panel.highlighted else None
        name = ignore_target(chosen, self.entities, self._current_match(), self.selected_text())
        if name:
            self.entity_panel.request_ignore(name)
        else:
            self.notify("No entity here: pick one in the panel (E) or find it (f).", markup=False)

    def action_related(self) -> None:
        self.post_message(self.RelatedRequested(self.article.id, self.article.title))

    def action_close(self) -> None:
        self.post_message(self.CloseRequested(self.article.id))

    def action_scroll(self, lines: int) -> None:
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        if direction > 0:
            self.body.scroll_page_down(animate=False)
        else:
            self.body.scroll_page_up(animate=False)

    def action_edge(self, bottom: int) -> None:
        if bottom:
            self.body.scroll_end(animate=False)
        else:
            self.body.scroll_home(animate=False)

    def focus_body(self) -> None:
        self.body.focus()
