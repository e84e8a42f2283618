"""The saved-search dialogs: naming a query to keep, and the list of kept ones to run.

The list shows each saved search with how many of the articles it finds now it had not
found when last run ("3 new"); choosing one returns its name and the caller runs it.
Delete (d) forgets the search under the cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.literal import content
from tui.widgets.search.results_list import ResultsList, Row

# A name prefilled from a long query is cut to this many characters.
NAME_CHARS = 40


def name_for(query: str) -> str:
    """A name to offer for ``query``: the query itself, cut short if long."""
    text = " ".join(query.split())
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1].rstrip() + "…"


def new_label(new: int | None) -> str:
    """``3 new``, ``none new``, or "" while not counted."""
    if new is None:
        return ""
    return f"{new} new" if new else "none new"


class SaveSearchScreen(ModalScreen[str | None]):
    """Ask the name to keep ``query`` under; returns it (None: cancelled).

    Args:
        query: the query to keep.
        taken: the names already used (saving under one replaces it).
        typing: whether the box read the query's last word as still being typed (it
            matched longer words too); a saved search reads it as typed, and says so.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    SaveSearchScreen {
        align: center middle;
        #save-search {
            width: 70; height: auto; padding: 1 2;
            border: round $accent; background: $surface;
        }
        #save-query { margin-bottom: 1; }
        #save-typing { color: $text-warning; margin-bottom: 1; }
        #save-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self, query: str, taken: set[str], *, typing: bool = False) -> None:
        super().__init__()
        self._query = query
        self._taken = taken
        self._typing = typing

    def compose(self) -> ComposeResult:
        with Vertical(id="save-search") as box:
            box.border_title = "Save search"
            yield Static(
                Content.assemble(Content("Query: "), content(self._query, "bold", one_line=True)),
                id="save-query",
            )
            if self._typing:
                last = self._query.split()[-1]
                yield Static(
                    content(
                        f"While you typed it, “{last}” also matched longer words; saved, it "
                        f"matches only itself. Save {last}* to keep matching them."
                    ),
                    id="save-typing",
                )
            yield Input(name_for(self._query), placeholder="Name", id="save-name")
            yield Static(id="save-hint")

    def on_mount(self) -> None:
        self._show_hint(self.query_one(Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_hint(event.value)

    def _show_hint(self, name: str) -> None:
        name = name.strip()
        hint = "Enter saves (F6 lists saved searches) · Escape cancels"
        if not name:
            hint = "Type a name · Escape cancels"
        elif name in self._taken:
            hint = "Enter replaces the saved search of that name · Escape cancels"
        self.query_one("#save-hint", Static).update(Content(hint))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if name := event.value.strip():
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class SavedSearchEntry:
    """A saved search as the list shows it."""

    name: str
    query: str
    new: int | None = None


def entry_row(entry: SavedSearchEntry) -> Row:
    """Name and how many are new, then the query."""
    new = new_label(entry.new)
    head = content(entry.name, "bold", one_line=True)
    if new:
        head = Content.assemble(head, Content(f"  ({new})").stylize("$text-accent"))
    return Row(entry.name, ((head, 1), (content(f"  {entry.query}", "$text-muted"), 1)))


class SavedSearchesScreen(ModalScreen[str | None]):
    """The saved searches; returns the name of the one to run (None: none).

    Args:
        entries: the saved searches, counted.
        forget: called with a name when the user deletes that search.
    """

    BINDINGS = [
        Binding("escape", "dismiss_none", "Back"),
        Binding("d,delete", "forget", "Delete", tooltip="Forget the saved search under the cursor"),
    ]
    DEFAULT_CSS = """
    SavedSearchesScreen {
        align: center middle;
        #saved-searches {
            width: 80%; height: 70%;
            border: round $accent; background: $surface;
        }
        #saved-hint { padding: 0 1; height: auto; color: $text-muted; }
    }
    """

    def __init__(self, entries: list[SavedSearchEntry], forget) -> None:
        super().__init__()
        self._entries = list(entries)
        self._forget = forget

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-searches") as box:
            box.border_title = "Saved searches"
            yield Static(
                Content("Enter runs one (its hits stop being new) · d deletes · Escape closes"),
                id="saved-hint",
            )
            yield ResultsList(
                empty_text="No saved searches yet: ctrl+s in the search box saves the query."
            )

    def on_mount(self) -> None:
        self._show()
        self.query_one(ResultsList).focus()

    def _show(self) -> None:
        self.query_one(ResultsList).set_rows([entry_row(e) for e in self._entries], spacing=1)

    def on_results_list_chosen(self, message: ResultsList.Chosen) -> None:
        message.stop()
        self.dismiss(message.key)

    def action_forget(self) -> None:
        row = self.query_one(ResultsList).current
        if row is None:
            return
        self._forget(row.key)
        self._entries = [entry for entry in self._entries if entry.name != row.key]
        self._show()
        self.notify(f"Forgot the saved search {row.key!r}.", markup=False)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
