"""ResultsList: a virtual list that draws only the rows on screen.

Built for corpora of tens of thousands of articles: rows are fixed height, so showing
10,000 of them costs nothing until they scroll into view (OptionList and DataTable
measure every row up front, which takes a noticeable fraction of a second at this size).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Row:
    """One entry: ``key`` identifies it; each part is shown in at most its line budget."""

    key: str
    parts: tuple[tuple[Content, int], ...]


Item = TypeVar("Item")


class LazyRows(Sequence[Row], Generic[Item]):
    """Rows made from items on first use: a 10,000-article list costs a sort, not 10,000 rows."""

    def __init__(self, items: Sequence[Item], make: Callable[[Item], Row]) -> None:
        self._items = items
        self._make = make
        self._made: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if (row := self._made.get(index)) is None:
            row = self._made[index] = self._make(self._items[index])
        return row


class ResultsList(ScrollView, can_focus=True):
    """Rows of equal height with a cursor; Enter or a click chooses the row under it."""

    BINDINGS = [
        Binding("enter", "choose", "Open", show=True),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES = {"results-list--cursor", "results-list--empty"}
    DEFAULT_CSS = """
    ResultsList {
        height: 1fr;
        overflow-x: hidden;
        /* Always shown: a scrollbar that came and went with each answer would resize the rows. */
        overflow-y: scroll;
        background: $surface;
        & > .results-list--cursor {
            background: $block-cursor-blurred-background;
            text-style: bold;
        }
        &:focus > .results-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .results-list--empty { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Chosen(Message):
        """The user chose a row (Enter or click)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, empty_text: str = "Nothing to show", **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: Sequence[Row] = ()
        self._row_height = 1
        self._spacing = 0
        self._empty_text = empty_text
        self._cache: dict[tuple[int, int, bool], list[Strip]] = {}

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def current(self) -> Row | None:
        """The row under the cursor, if any."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[Row], *, spacing: int = 0, empty_text: str = "") -> None:
        """Replace every row; the cursor goes back to the top.

        Args:
            rows: the rows, all with the same line budget (a ``LazyRows`` for long lists).
            spacing: blank lines after each row.
            empty_text: what to show when there are no rows.
        """
        self._rows = rows
        self._spacing = spacing
        self._row_height = (sum(n for _, n in rows[0].parts) if rows else 1) + spacing
        if empty_text:
            self._empty_text = empty_text
        self._cache.clear()
        size = Size(self._width, len(self._rows) * self._row_height)
        if size != self.virtual_size:
            # With the scrollbar always there, a new length moves only its thumb: no
            # layout of the screen, which would hold up the frame that shows the rows.
            self.set_reactive(ResultsList.virtual_size, size)
            self.vertical_scrollbar.window_virtual_size = size.height
        if self.scroll_y:
            self.scroll_to(y=0, animate=False)
        self.cursor = 0
        self.refresh()

    @property
    def _width(self) -> int:
        # Rows are drawn beside the vertical scrollbar, never under it.
        return self.scrollable_content_region.width

    def notify_style_update(self) -> None:
        # Theme, focus and hover change the colours: drawn rows must be drawn again.
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(self._width, len(self._rows) * self._row_height)

    def watch_cursor(self, old: int, new: int) -> None:
        for key in [k for k in self._cache if k[0] in (old, new)]:
            del self._cache[key]
        self.refresh()
        if self._rows:
            top = new * self._row_height
            self.scroll_to_region(
                Region(0, top, self._width, self._row_height), animate=False, force=True
            )

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._rows) - 1))

    def action_cursor(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        per_page = max(1, self.size.height // self._row_height)
        self.cursor += direction * per_page

    def action_jump(self, index: int) -> None:
        self.cursor = index if index >= 0 else len(self._rows) - 1

    def action_choose(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.Chosen(row.key))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // self._row_height
        if 0 <= index < len(self._rows):
            self.cursor = index
            self.action_choose()

    def render_line(self, y: int) -> Strip:
        width = self._width
        line_no = self.scroll_offset.y + y
        if not self._rows:
            if y == 0:
                style = self.get_visual_style("results-list--empty")
                text = Content(self._empty_text).truncate(width, ellipsis=True, pad=True)
                return Strip(text.render_segments(style), width)
            return Strip.blank(width, self.visual_style.rich_style)
        index, offset = divmod(line_no, self._row_height)
        if index >= len(self._rows):
            return Strip.blank(width, self.visual_style.rich_style)
        return self._render_row(index, width)[offset]

    def _render_row(self, index: int, width: int) -> list[Strip]:
        on_cursor = index == self.cursor
        key = (index, width, on_cursor)
        if (strips := self._cache.get(key)) is None:
            style = (
                self.get_visual_style("results-list--cursor") if on_cursor else self.visual_style
            )
            lines: list[Content] = []
            for part, budget in self._rows[index].parts:
                wrapped = part.wrap(max(1, width)) or [Content("")]
                if len(wrapped) > budget:
                    # Say that the part goes on rather than cut it silently.
                    wrapped = wrapped[:budget]
                    wrapped[-1] = wrapped[-1].rstrip().truncate(width - 1).append("…")
                lines.extend(wrapped + [Content("")] * (budget - len(wrapped)))
            lines.extend([Content("")] * self._spacing)
            strips = [
                Strip(line.truncate(width, ellipsis=True, pad=True).render_segments(style), width)
                for line in lines
            ]
            if len(self._cache) > 400:
                self._cache.clear()
            self._cache[key] = strips
        return strips
