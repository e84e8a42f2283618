"""EntityPanel: the current article's entities grouped by type, with mention counts.

A side column of the reading pane, hidden until asked for. Enter (or a click) on an entity
narrows the search to the articles that mention it; ``c`` lists every mention across the
corpus in context, ``o`` opens its page and ``S`` lists its statements. The panel only
posts what was chosen: the screen does the work.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search.models.articles import EntitySpan
from tui.literal import content
from tui.widgets.entities.styles import TYPE_HEADINGS, grouped, text_style

# The panel is 34 cells wide: a border, a scrollbar, and this for each row.
ROW_WIDTH = 30


class EntityList(OptionList):
    """The entities, one per line under a heading per type; headings cannot be chosen."""

    BINDINGS = [
        Binding("enter", "choose('search')", "Search for it", tooltip="Articles that mention it"),
        Binding("c", "choose('context')", "Mentions in context", tooltip="Every mention, KWIC"),
        Binding(
            "o", "choose('page')", "Entity page", show=False, tooltip="Names, months, companions"
        ),
        Binding(
            "S",
            "choose('statements')",
            "Statements",
            show=False,
            tooltip="What it said, with sources",
        ),
    ]

    def action_choose(self, action: str) -> None:
        panel = self.parent
        if isinstance(panel, EntityPanel) and (chosen := panel.highlighted) is not None:
            panel.post_message(EntityPanel.Chosen(chosen[0], chosen[1], action))


class EntityPanel(Vertical):
    """The article's entities; ``highlighted`` is the ``(canonical, type)`` under the cursor."""

    DEFAULT_CSS = """
    EntityPanel {
        dock: right;
        width: 34;
        height: 1fr;
        display: none;
        border-left: vkey $foreground 30%;
        #entity-title { height: 1; padding: 0 1; text-style: bold; }
        EntityList { height: 1fr; border: none; padding: 0; }
        EntityList:focus { border: none; }
    }
    EntityPanel.-shown { display: block; }
    """

    class Chosen(Message):
        """The reader chose an entity: ``action`` is ``"search"``, ``"context"``, ``"page"``
        or ``"statements"``."""

        def __init__(self, canonical: str, entity_type: str, action: str) -> None:
            super().__init__()
            self.canonical = canonical
            self.entity_type = entity_type
            self.action = action

    class MarkRequested(Message):
        """Mark ``text`` as a new entity (its type still to be chosen)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class IgnoreRequested(Message):
        """Never mark ``name`` as an entity again."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, entity_spans: Sequence[EntitySpan] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self._entries: list[tuple[str, str]] = []
        self._spans = list(entity_spans)

    def compose(self) -> ComposeResult:
        yield Static(id="entity-title")
        yield EntityList(markup=False)

    def on_mount(self) -> None:
        self.show_spans(self._spans)

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    def show_spans(self, entity_spans: Sequence[EntitySpan]) -> None:
        """List these mentions, grouped by type, keeping the cursor on the same entity."""
        self._spans = list(entity_spans)
        if not self.query(EntityList):
            return
        kept = self.highlighted
        options: list[Option] = []
        self._entries = []
        for entity_type, names in grouped(self._spans):
            heading = f"{TYPE_HEADINGS[entity_type]} ({len(names)})"
            options.append(Option(Content(heading).stylize("bold $text-muted"), disabled=True))
            for name, count in names:
                label = content(name, text_style(entity_type), one_line=True)
                options.append(Option(counted_row(label, count), id=str(len(self._entries))))
                self._entries.append((name, entity_type))
        listing = self.entity_list
        listing.set_options(options)
        total = len(self._entries)
        self.query_one("#entity-title", Static).update(
            Content(f"Entities in this article ({total})")
        )
        if kept in self._entries:
            self.select(*kept)
        elif self._entries:
            listing.highlighted = _first_enabled(listing)

    @property
    def highlighted(self) -> tuple[str, str] | None:
        """The ``(canonical, type)`` under the list's cursor, if any."""
        if not self.query(EntityList):
            return None
        listing = self.entity_list
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return self._entries[int(option_id)] if option_id is not None else None

    @property
    def entries(self) -> list[tuple[str, str]]:
        """Every listed ``(canonical, type)``, in the order shown."""
        return list(self._entries)

    def select(self, canonical: str, entity_type: str) -> None:
        """Move the cursor to an entity."""
        if (canonical, entity_type) in self._entries:
            index = self._entries.index((canonical, entity_type))
            self.entity_list.highlighted = self.entity_list.get_option_index(str(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click (Enter is the list's own "search" binding).
        event.stop()
        if event.option.id is not None:
            canonical, entity_type = self._entries[int(event.option.id)]
            self.post_message(self.Chosen(canonical, entity_type, "search"))

    def request_mark(self, text: str) -> None:
        self.post_message(self.MarkRequested(text))

    def request_ignore(self, name: str) -> None:
        self.post_message(self.IgnoreRequested(name))


def counted_row(label: Content, count: int, width: int = ROW_WIDTH) -> Content:
    """``label`` indented and cut to fit, with ``count`` right-aligned after it.

    Args:
        label: the name, already styled.
        count: how many mentions or articles.
        width: the row's width in cells.

    Returns:
        One line of exactly ``width`` cells.
    """
    number = Content(f" {count}").stylize("dim")
    room = max(1, width - 2 - number.cell_length)
    return Content.assemble(Content("  "), label.truncate(room, ellipsis=True, pad=True), number)


def _first_enabled(listing: OptionList) -> int | None:
    for index in range(listing.option_count):
        if not listing.get_option_at_index(index).disabled:
            return index
    return None
