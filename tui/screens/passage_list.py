"""PassageListScreen: a modal list of passages to open or quote, under headings.

The timeline and the statements views are both one: each row is a passage of an
article; Enter opens the article there (closing the view), ``s`` quotes it into the
current briefing and leaves the view open for the next one. Headings cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.literal import content
from tui.passage import Passage

# A row: a heading (passage None) or a passage with its line.
Row = tuple[Content, "Passage | None"]


@dataclass(frozen=True)
class PassageView:
    """What a passage list shows: its border title, lines above the list, and the rows.

    Made in a worker thread (thousands of rows take a while), shown by the screen.
    """

    heading: str
    lead: Sequence[Content]
    rows: Sequence[Row]


class PassageList(OptionList):
    """The rows; Enter opens the passage under the cursor, ``s`` quotes it."""

    BINDINGS = [
        Binding("enter", "select", "Open there", tooltip="Open the article at this passage"),
        Binding("s", "quote", "Quote", tooltip="Quote this sentence into the current briefing"),
    ]

    def action_quote(self) -> None:
        screen = self.screen
        if isinstance(screen, PassageListScreen):
            screen.quote_highlighted()


class PassageListScreen(ModalScreen[None]):
    """A :class:`PassageView`: its rows under its heading, its lead lines above them.

    Args:
        view: what to show (the lead already literal-safe content).
        open_at: called with the passage chosen (after the view closes).
        quote: called with the passage to quote.
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]
    DEFAULT_CSS = """
    PassageListScreen {
        align: center middle;
        #passage-view {
            width: 95%;
            height: 90%;
            border: round $accent;
            border-title-style: bold;
            background: $surface;
        }
        .passage-lead { height: auto; padding: 0 1; color: $text-muted; }
        PassageList, PassageList:focus { height: 1fr; border: none; }
    }
    """

    def __init__(
        self,
        view: PassageView,
        open_at: Callable[[Passage], object],
        quote: Callable[[Passage], object],
    ) -> None:
        super().__init__()
        self.heading = view.heading
        self.lead = list(view.lead)
        self.rows = list(view.rows)
        self._open_at = open_at
        self._quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(id="passage-view") as box:
            box.border_title = content(self.heading, one_line=True)
            for line in self.lead:
                yield Static(line, classes="passage-lead")
            yield PassageList(
                *(
                    Option(line, id=str(i), disabled=passage is None)
                    for i, (line, passage) in enumerate(self.rows)
                ),
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(PassageList)
        listing.focus()
        first = next((i for i, (_, p) in enumerate(self.rows) if p is not None), None)
        listing.highlighted = first

    @property
    def highlighted(self) -> Passage | None:
        """The passage under the cursor, if any."""
        listing = self.query_one(PassageList)
        if listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return self.rows[int(option_id or 0)][1]

    def quote_highlighted(self) -> None:
        if (passage := self.highlighted) is not None:
            self._quote(passage)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        passage = self.rows[int(event.option.id or 0)][1]
        if passage is not None:
            self.dismiss(None)
            self._open_at(passage)


def with_title(line: Content, title: str, width: int) -> Content:
    """``line`` cut to leave room for the article's ``title`` after it, within ``width``."""
    title_room = min(max(12, width // 4), len(title) + 2) if title else 0
    shown = line.truncate(max(10, width - title_room - 2), ellipsis=True, pad=bool(title))
    if not title:
        return shown
    room = width - shown.cell_length - 2
    if room < 8:
        return shown
    title_shown = content(title, "italic dim", one_line=True).truncate(room, ellipsis=True)
    return Content.assemble(shown, Content("  "), title_shown)
