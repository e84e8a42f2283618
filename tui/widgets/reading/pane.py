"""ReadingPane: one article in its own tab, its keys, and the messages it sends.

The pane puts together the parts of reading an article and keeps their keys: the body
(``body.py``: one ``Paragraph`` widget per paragraph, so restyling a span redraws one
paragraph), its span layers (``layers.py``: the one place spans become styles), the
``n``/``N`` walk over find matches or hits (``matches.py``), which takes the reading
cursor with it, and the cursor and quote marks (``quoting.py``). The pane only asks the
screen for notes (``NoteRequested``, ``NoteChosen``); once open (``Opened``) the screen
hands it the current briefing's resolution, and every new one. Entities come with the
article; ``e`` hides or shows them (with their legend), ``E`` the entity panel, ``m``
marks the selection (or current match) as an entity, ``i`` ignores one. ``*`` asks the
screen to star the article (``StarRequested``); ``w`` changes the reading column's width
for every pane (an app setting, see ``ArticleBody.measure``).

A long article is laid out a part at a time (``parts.py``): the paragraphs, hits, finds
and entity marks of the part shown only, so opening a 50 MB article costs what opening
a short one does; ``>`` and ``<`` go to the next and previous part, and the cursor, a
hit or a quote walked to in another part brings that part in.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.selection import Selection
from textual.widgets import Input, Static

from search.models.articles import Article, ArticleCopies, ArticleSummary, EntitySpan
from tui.literal import content
from tui.widgets.entities.legend import EntityLegend
from tui.widgets.entities.panel import EntityPanel
from tui.widgets.entities.styles import entity_ranges
from tui.widgets.entities.targets import ignore_target, mark_target
from tui.widgets.reading import spans
from tui.widgets.reading.body import ArticleBody, FindBar
from tui.widgets.reading.cursor import SentenceCursor
from tui.widgets.reading.layers import LAYER_STYLES, SpanLayers
from tui.widgets.reading.marks import Mark
from tui.widgets.reading.matches import MatchWalk
from tui.widgets.reading.paragraph import ArticleHeader, Paragraph
from tui.widgets.reading.parts import Part, Parts
from tui.widgets.reading.quoting import Quoting

if TYPE_CHECKING:
    from briefings.models import Note, Quote
    from tui.note_status import Resolution


class ReadingPane(Vertical):
    """An article: metadata, wrapped paragraphs, hit navigation, find, cursor and quoting."""

    BINDINGS = [
        Binding("right,right_parenthesis", "sentence(1)", "Next sentence", show=False),
        Binding("left,left_parenthesis", "sentence(-1)", "Prev sentence", show=False),
        Binding("ctrl+down,right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("ctrl+up,left_curly_bracket", "paragraph(-1)", "Prev paragraph", show=False),
        Binding("s", "quote('sentence')", "Quote", tooltip="Quote the sentence (or selection)"),
        Binding("p", "quote('paragraph')", "Quote paragraph", show=False),
        Binding("a", "note_article", "Note on article", show=False),
        Binding("enter", "show_note", "Show note", show=False, tooltip="The note of this mark"),
        Binding("n", "next_match(1)", "Next hit"),
        Binding("N", "next_match(-1)", "Prev hit"),
        Binding("f,ctrl+f", "find", "Find", tooltip="Find text in this article"),
        Binding("r", "related", "Related", tooltip="List the articles most like this one"),
        Binding("v", "versions", "Versions", show=False,
                tooltip="Open another version of this story (the same text with small edits)"),
        Binding("x,ctrl+w", "close", "Close tab"),
        Binding("e", "toggle_entities", "Entities", tooltip="Highlight entities, or not"),
        Binding("E", "toggle_entity_panel", "Entity panel", tooltip="This article's entities"),
        Binding("m", "mark_entity", "Mark entity", show=False, tooltip="Selection as an entity"),
        Binding("i", "ignore_entity", "Ignore entity", show=False, tooltip="Never mark it again"),
        Binding("escape", "back", "Back", tooltip="Close find or the entity panel, else search"),
        Binding("asterisk", "star", "Star", show=False, tooltip="Star this article, or unstar it"),
        Binding("w", "app.cycle_reading_width", "Column width", show=False,
                tooltip="Reading column of 80, 100 or 120 characters, or the whole width"),
        Binding("j", "scroll(1)", "Line down", show=False),
        Binding("k", "scroll(-1)", "Line up", show=False),
        Binding("space", "page(1)", "Page down", show=False),
        Binding("b", "page(-1)", "Page up", show=False),
        Binding("g", "edge(0)", "Top", show=False),
        Binding("G", "edge(1)", "Bottom", show=False),
        Binding("greater_than_sign", "part(1)", "Next part", show=False,
                tooltip="A long article: show its next part"),
        Binding("less_than_sign", "part(-1)", "Previous part", show=False,
                tooltip="A long article: show its previous part"),
    ]  # fmt: skip
    # A paragraph holding a quote gets a bar in the margin: a shape, not only a tint.
    DEFAULT_CSS = """
    ReadingPane {
        height: 1fr;
        #match-status { height: 1; padding: 0 2; background: $panel; color: $text-muted; }
    }
    ReadingPane Paragraph.-quoted {
        border-left: outer $success;
    }
    """

    @dataclass
    class CloseRequested(Message):
        """Close this article's tab."""

        article_id: str

    @dataclass
    class RelatedRequested(Message):
        """List the articles most like this one."""

        article_id: str
        title: str

    @dataclass
    class VersionsRequested(Message):
        """Offer the other versions of this article to open."""

        title: str
        versions: tuple[ArticleSummary, ...]

    @dataclass
    class StarRequested(Message):
        """Star this article, or unstar it."""

        article_id: str

    class BackRequested(Message):
        """Escape with nothing left to close in the pane: go back to the search view."""

    @dataclass
    class NoteRequested(Message):
        """Write a new note on ``article``, on ``quote`` (None: on the whole article)."""

        article: Article
        quote: Quote | None

    @dataclass
    class NoteChosen(Message):
        """Show (and edit) this note of the current briefing."""

        note: Note

    @dataclass
    class Opened(Message):
        """The pane is mounted: hand it the current briefing's resolution for its marks."""

        pane: ReadingPane

    def __init__(
        self,
        article: Article,
        terms: tuple[str, ...] = (),
        *,
        path_label: str | None = None,
        entities: Sequence[EntitySpan] = (),
        copies: ArticleCopies | None = None,
        **kwargs,
    ) -> None:
        """An article to read.

        Args:
            article: the article, body included.
            terms: query words to mark as hits.
            path_label: the file path as shown (default ``article.path``).
            entities: the article's entity mentions, highlighted by type.
            copies: where else its text is (copies and versions), shown in the header.
        """
        super().__init__(**kwargs)
        self.article = article
        self.path_label = path_label
        self.terms = tuple(terms)
        self._paragraph_ranges = spans.paragraph_ranges(article.body)
        self.parts = Parts(self._paragraph_ranges, len(article.body))
        part = self.parts.current
        self.copies = copies or ArticleCopies()
        header = ArticleHeader(article, path_label, self.copies)
        self.body = ArticleBody(header, self._paragraph_widgets(part))
        self.quoting = Quoting(article, self._paragraph_ranges, self.body)
        self.entities = sorted(entities, key=_start)
        self._entities_shown = True
        self.highlights = SpanLayers(article.body, self._paragraph_ranges, self._part_layers(part))
        self.walk = MatchWalk(self.highlights)

    def compose(self) -> ComposeResult:
        yield EntityPanel(self.entities)
        yield self.body
        yield EntityLegend(LAYER_STYLES["hits"])
        yield Static(id="match-status")
        yield FindBar(placeholder="Find in this article (Enter to keep, Escape to close)")

    def on_mount(self) -> None:
        self.body.set_note(self.parts.note())
        self._repaint()
        self._show_status()
        # The screen answers with the briefing's resolution (and sends each new one).
        self.post_message(self.Opened(self))

    @property
    def cursor(self) -> SentenceCursor:
        """The reading cursor."""
        return self.quoting.cursor

    @property
    def marks(self) -> list[Mark]:
        """The current briefing's quotes on this article, as shown."""
        return list(self.quoting.marks.marks)

    def set_layer(self, name: str, ranges: Sequence[spans.Range | spans.StyledRange]) -> None:
        """Replace one span layer (:meth:`SpanLayers.set`) and redraw what it touched."""
        touched = self.highlights.set(name, ranges)
        if self.is_mounted:
            self._repaint(touched)

    def layer(self, name: str) -> list[spans.Range | spans.StyledRange]:
        """The ranges of one layer, in body offsets."""
        return self.highlights.get(name)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraph widgets shown, in body order (for an article of one part, index
        ``i`` is ``Article.paragraphs[i]``)."""
        return list(self.body.paragraphs)

    def _repaint(self, indices: Iterable[int] | None = None) -> None:
        shown = self.body.paragraphs
        if indices is not None:
            found = (self.body.widget(index) for index in sorted(indices))
            shown = [paragraph for paragraph in found if paragraph is not None]
        for paragraph in shown:
            paragraph.update(self.highlights.content(paragraph.start, paragraph.end))

    # Parts of a long article

    def _paragraph_widgets(self, part: Part) -> list[Paragraph]:
        ranges = self._paragraph_ranges
        return [Paragraph(i, *ranges[i]) for i in range(part.first, part.last)]

    def _entity_layer(self, part: Part) -> list[spans.StyledRange]:
        """The entity marks of ``part`` (none while entities are hidden)."""
        if not self._entities_shown:
            return []
        entities = self.entities
        first = bisect_left(entities, part.start, key=_start)
        last = bisect_left(entities, part.end, key=_start)
        return entity_ranges(entities[first:last])

    def _part_layers(self, part: Part, find: str = "") -> dict[str, list]:
        """The layers worked out over the text: the part's hits, finds and entities."""
        body = self.article.body
        return {
            "hits": spans.term_ranges(body, self.terms, *_span(part)),
            "entities": self._entity_layer(part),
            "find": spans.find_ranges(body, find, *_span(part)),
        }

    def show_part(self, number: int) -> None:
        """Lay out part ``number`` of a long article in place of the part shown."""
        part = self.parts.part(number)
        if part == self.parts.current:
            return
        self.parts.current = part
        for name, ranges in self._part_layers(part, self.walk.find_text).items():
            self.highlights.set(name, ranges)
        self.walk.index = None
        self.body.show_part(self._paragraph_widgets(part), self.parts.note())
        self._mark_quoted()
        self._repaint()
        self._show_status()

    def _show_part_holding(self, offset: int) -> None:
        paragraph = spans.paragraph_of(self._paragraph_ranges, offset)
        if not self.parts.current.holds(paragraph):
            self.show_part(self.parts.holding(paragraph).number)

    def action_part(self, step: int) -> None:
        if self.parts.count == 1:
            self.notify("The whole article is shown.", markup=False)
            return
        self.show_part(self.parts.current.number + step)

    def _show_status(self) -> None:
        text = self.walk.status()
        if (cursor := self.quoting.status()) and self.walk.index is None:
            text = cursor
        self.query_one("#match-status", Static).update(content(text, one_line=True))

    @property
    def status_text(self) -> str:
        """The match counter line as shown (e.g. ``hit 3 of 12 · …``)."""
        status = self.query_one("#match-status", Static).content
        return str(status)

    def action_next_match(self, step: int) -> None:
        match = self.walk.step(step)
        if match is None:
            self._show_status()
            return
        self.set_layer("current", [match])
        # The cursor goes with it (and scrolls it to the middle): s and p quote around it.
        self.place_cursor(match[0])

    def show_span(self, start: int, end: int) -> None:
        """Mark body ``start``..``end`` as the current match, with the cursor, in mid-view."""
        self.walk.index = None
        self.set_layer("current", [(start, end)])
        self.place_cursor(start)

    def action_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.add_class("-shown")
        bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.walk.find_text = event.value
        self.walk.index = None
        self.set_layer("current", [])
        part = self.parts.current
        self.set_layer("find", spans.find_ranges(self.article.body, event.value, *_span(part)))
        self._show_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.body.focus()
        if self.walk.matches:
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
        self.entities = sorted(entities, key=_start)
        self.entity_panel.show_spans(self.entities)
        self.set_layer("entities", self._entity_layer(self.parts.current))

    def action_toggle_entities(self) -> None:
        legend = self.query_one(EntityLegend)
        shown = self._entities_shown = legend.has_class("-off")
        legend.set_class(not shown, "-off")
        self.set_layer("entities", self._entity_layer(self.parts.current))

    def action_toggle_entity_panel(self) -> None:
        panel = self.entity_panel
        panel.toggle_class("-shown")
        if panel.has_class("-shown"):
            panel.entity_list.focus()
        else:
            self.body.focus()

    def _selections(self) -> dict[Paragraph, Selection]:
        """The mouse selection in each of this pane's paragraphs it covers."""
        return {
            widget: selection
            for widget, selection in self.screen.selections.items()
            if isinstance(widget, Paragraph) and self in widget.ancestors
        }

    def selected_text(self) -> str:
        """The mouse selection in this pane's paragraphs, on one line ("" if none there)."""
        selections = self.screen.selections
        if selections and len(self._selections()) == len(selections):
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

    def action_versions(self) -> None:
        if self.copies.versions:
            self.post_message(self.VersionsRequested(self.article.title, self.copies.versions))
        else:
            self.notify("No other version of this article in the index.", markup=False)

    def action_close(self) -> None:
        self.post_message(self.CloseRequested(self.article.id))

    def action_star(self) -> None:
        self.post_message(self.StarRequested(self.article.id))

    @property
    def scroll_position(self) -> float:
        """How far down the text is scrolled, in lines."""
        return self.body.scroll_y

    def scroll_back_to(self, position: float) -> None:
        """Scroll to where the reader left this article, once its text is laid out."""
        self.body.call_after_refresh(self.body.scroll_to, y=position, animate=False)

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

    # The reading cursor and quoting

    def show_resolution(self, resolution: Resolution) -> None:
        """Mark the current briefing's quotes that ``resolution`` places in this article."""
        marks = self.quoting.marks
        marks.show(resolution)
        self.set_layer("quote", marks.ranges)
        self._mark_quoted()
        self._show_status()

    def _mark_quoted(self) -> None:
        """Give the paragraphs shown that hold a quote their margin bar."""
        quoted = self.quoting.marks.paragraphs
        for paragraph in self.body.paragraphs:
            paragraph.set_class(paragraph.index in quoted, "-quoted")

    def _ensure_cursor(self) -> bool:
        """Show the cursor where the reader is; True if it was already shown there."""
        if self.quoting.ensure_cursor():
            return True
        self._show_cursor()
        return False

    def _show_cursor(self, *, center: bool = False, at: int | None = None) -> None:
        span = self.cursor.sentence_span
        if span:
            self._show_part_holding(span[0] if at is None else at)
        self.set_layer("cursor", [span] if span else [])
        self._show_status()
        if span:
            self.quoting.reveal(span[0] if at is None else at, center=center)

    def place_cursor(self, offset: int, *, center: bool = True) -> None:
        """Move the cursor to the sentence at body ``offset`` and scroll that offset into view.

        A hit walked to with ``n``, a find kept with Enter and a click all put the cursor
        here, so the quoting keys act on what the reader is looking at.
        """
        self.cursor.place_at(offset)
        self._show_cursor(center=center, at=offset)

    def jump_to(self, note: Note) -> None:
        """Put the cursor on ``note``'s quoted passage, scrolled to the middle of the view."""
        span = self.quoting.marks.span_of(note)
        if span is None:
            self.notify("That quote is not found in this article's text.", markup=False)
            return
        self.place_cursor(span[0])
        # The whole quote is marked, whatever sentences it spans.
        self.set_layer("cursor", [span])

    def action_sentence(self, step: int) -> None:
        if self._ensure_cursor():
            self.cursor.move_sentence(step)
            self._show_cursor()

    def action_paragraph(self, step: int) -> None:
        if self._ensure_cursor():
            self.cursor.move_paragraph(step)
            self._show_cursor()

    def action_quote(self, unit: str) -> None:
        selected = self.quoting.selection_span(self._selections()) if unit == "sentence" else None
        if selected is not None:
            self.screen.clear_selection()
            self.post_message(self.NoteRequested(self.article, self.quoting.quote(selected)))
            return
        if not self._ensure_cursor():
            self.notify(
                f"The cursor is on the first sentence in view: press {unit[0]} again to quote.",
                markup=False,
            )
            return
        if span := self.quoting.span(unit):
            self.post_message(self.NoteRequested(self.article, self.quoting.quote(span)))

    def action_note_article(self) -> None:
        self.post_message(self.NoteRequested(self.article, None))

    def action_show_note(self) -> None:
        note = self.quoting.note_under_cursor()
        if note is None:
            self.notify("No quoted passage under the cursor.", markup=False)
            return
        self.post_message(self.NoteChosen(note))

    def on_click(self, event: events.Click) -> None:
        widget, at = self.screen.get_widget_and_offset_at(event.screen_x, event.screen_y)
        if not isinstance(widget, Paragraph) or at is None or self.screen.selections:
            return
        offset = self.quoting.offset_at(widget, at)
        self.place_cursor(offset, center=False)
        note = self.quoting.marks.at(offset, offset + 1)
        if note is not None:
            self.post_message(self.NoteChosen(note))


def _start(span: EntitySpan) -> int:
    return span.start


def _span(part: Part) -> tuple[int, int]:
    return part.start, part.end
