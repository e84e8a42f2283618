"""ResultsList: a virtual list that draws only the rows on screen.

Built for corpora of tens of thousands of articles: rows are fixed height, so showing
10,000 of them costs nothing until they scroll into view (OptionList and DataTable
measure every row up front, which takes a noticeable fraction of a second at this size).

A list given reading marks (``set_marks``) draws them in a gutter before each row (a dot
for unread, a star for starred), offers ``*`` to star the row under the cursor, and can
show only its unread or starred rows (``set_filter``). The filter is applied when rows
or the filter change, not when marks do: an article read or unstarred from a filtered
list stays in it until the list is shown again, as in a mail reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, overload

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

    def __init__(
        self,
        items: Sequence[Item],
        make: Callable[[Item], Row],
        key: Callable[[Item], str] | None = None,
    ) -> None:
        self._items = items
        self._make = make
        self._key = key
        self._made: dict[int, Row] = {}

    def key_at(self, index: int) -> str:
        """The key of row ``index``, without making the row when a ``key`` function was given."""
        return self._key(self._items[index]) if self._key else self[index].key

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


ListFilter = Literal["all", "unread", "starred"]
LIST_FILTERS: tuple[ListFilter, ...] = ("all", "unread", "starred")
# The reading marks' gutter: a mark and a space before each row.
GUTTER = 2


class ShownRows(Sequence[Row]):
    """The rows of a list that pass its filter, by their places in the whole list."""

    def __init__(self, rows: Sequence[Row], indices: list[int]) -> None:
        self._rows = rows
        self._indices = indices

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._rows[self._indices[index]]


def _key_at(rows: Sequence[Row], index: int) -> str:
    return rows.key_at(index) if isinstance(rows, LazyRows) else rows[index].key


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
        Binding("asterisk", "star", "Star", show=False, tooltip="Star or unstar this article"),
    ]
    COMPONENT_CLASSES = {
        "results-list--cursor",
        "results-list--empty",
        "results-list--unread",
        "results-list--starred",
    }
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
        & > .results-list--unread { color: $accent; text-style: bold; }
        & > .results-list--starred { color: $text-warning; text-style: bold; }
        /* A filtered list says so in a line over its rows (the border title). */
        &.-filtered {
            border-top: hkey $accent;
            border-title-color: $text;
            border-title-style: bold;
        }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Chosen(Message):
        """The user chose a row (Enter or click)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class StarRequested(Message):
        """Star the article of this row, or unstar it."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, empty_text: str = "Nothing to show", **kwargs) -> None:
        super().__init__(**kwargs)
        self._all_rows: Sequence[Row] = ()
        self._rows: Sequence[Row] = ()
        # Reading marks: None until set_marks, and then drawn in a gutter.
        self._read: frozenset[str] | None = None
        self._starred: frozenset[str] = frozenset()
        self._filter: ListFilter = "all"
        self._filter_hint = ""
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

    def set_rows(
        self,
        rows: Sequence[Row],
        *,
        spacing: int = 0,
        empty_text: str = "",
        keep_cursor: bool = False,
    ) -> None:
        """Replace every row; the cursor goes back to the top.

        Args:
            rows: the rows, all with the same line budget (a ``LazyRows`` for long lists).
            spacing: blank lines after each row.
            empty_text: what to show when there are no rows.
            keep_cursor: leave the cursor on the row it was on, if that row is still there
                (the same list grown while the index is built).
        """
        kept = self.current.key if keep_cursor and self.current is not None else None
        self._all_rows = rows
        self._spacing = spacing
        self._row_height = (sum(n for _, n in rows[0].parts) if rows else 1) + spacing
        if empty_text:
            self._empty_text = empty_text
        self._show_filtered(kept)

    @property
    def marked(self) -> bool:
        """Whether the list draws reading marks (and so offers stars and filters)."""
        return self._read is not None

    @property
    def list_filter(self) -> ListFilter:
        """Which rows are shown: all, unread or starred."""
        return self._filter

    def set_marks(self, read: frozenset[str], starred: frozenset[str]) -> None:
        """Draw reading marks: a dot before unread rows, a star before starred ones.

        Args:
            read: keys of the articles read.
            starred: keys of the starred articles.
        """
        self._read, self._starred = read, starred
        self._cache.clear()
        self.refresh()

    def set_filter(self, shown: ListFilter, *, hint: str = "") -> None:
        """Show only the unread or starred rows (or all again); the cursor goes to the top.

        Args:
            shown: which rows to show.
            hint: how to change the filter, said beside it and when nothing passes it.
        """
        self._filter = shown
        self._filter_hint = hint
        self._show_filtered()

    def _passes(self, key: str) -> bool:
        if self._filter == "unread":
            return key not in (self._read or ())
        if self._filter == "starred":
            return key in self._starred
        return True

    def _show_filtered(self, kept: str | None = None) -> None:
        rows = self._all_rows
        if self._filter != "all":
            rows = ShownRows(rows, [i for i in range(len(rows)) if self._passes(_key_at(rows, i))])
        self._rows = rows
        filtered = self._filter != "all"
        self.set_class(filtered, "-filtered")
        self.border_title = (
            f"Only {self._filter}: {len(rows)} of {len(self._all_rows)}  {self._filter_hint}"
            if filtered
            else None
        )
        self._cache.clear()
        size = Size(self._width, len(self._rows) * self._row_height)
        if size != self.virtual_size:
            # With the scrollbar always there, a new length moves only its thumb: no
            # layout of the screen, which would hold up the frame that shows the rows.
            self.set_reactive(ResultsList.virtual_size, size)
            self.vertical_scrollbar.window_virtual_size = size.height
        at = 0
        if kept is not None:
            at = next((i for i in range(len(rows)) if _key_at(rows, i) == kept), 0)
        if self.scroll_y and not at:
            self.scroll_to(y=0, animate=False)
        self.cursor = at
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.marked if action == "star" else True

    def action_star(self) -> None:
        if (row := self.current) is not None:
            self.post_message(self.StarRequested(row.key))

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
                text = Content(self._empty_text_now()).truncate(width, ellipsis=True, pad=True)
                return Strip(text.render_segments(style), width)
            return Strip.blank(width, self.visual_style.rich_style)
        index, offset = divmod(line_no, self._row_height)
        if index >= len(self._rows):
            return Strip.blank(width, self.visual_style.rich_style)
        return self._render_row(index, width)[offset]

    def _empty_text_now(self) -> str:
        if self._all_rows and not self._rows:
            return f"No {self._filter} articles here.  {self._filter_hint}"
        return self._empty_text

    def _gutter(self, key: str) -> Content:
        """The reading mark drawn before a row: a star, an unread dot, or nothing."""
        if key in self._starred:
            return Content("★ ").stylize(self.get_visual_style("results-list--starred"))
        if key not in (self._read or ()):
            return Content("• ").stylize(self.get_visual_style("results-list--unread"))
        return Content("  ")

    def _render_row(self, index: int, width: int) -> list[Strip]:
        on_cursor = index == self.cursor
        key = (index, width, on_cursor)
        if (strips := self._cache.get(key)) is None:
            style = (
                self.get_visual_style("results-list--cursor") if on_cursor else self.visual_style
            )
            row = self._rows[index]
            gutter = self._gutter(row.key) if self.marked else None
            text_width = width - GUTTER if gutter is not None else width
            lines: list[Content] = []
            for part, budget in row.parts:
                wrapped = part.wrap(max(1, text_width)) or [Content("")]
                if len(wrapped) > budget:
                    # Say that the part goes on rather than cut it silently.
                    wrapped = wrapped[:budget]
                    wrapped[-1] = wrapped[-1].rstrip().truncate(text_width - 1).append("…")
                lines.extend(wrapped + [Content("")] * (budget - len(wrapped)))
            lines.extend([Content("")] * self._spacing)
            if gutter is not None:
                lines = [
                    Content.assemble(gutter if at == 0 else Content("  "), line)
                    for at, line in enumerate(lines)
                ]
            strips = [
                Strip(line.truncate(width, ellipsis=True, pad=True).render_segments(style), width)
                for line in lines
            ]
            if len(self._cache) > 400:
                self._cache.clear()
            self._cache[key] = strips
        return strips
