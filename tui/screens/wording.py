"""WordingScreen: a changed quote's two wordings side by side; keep the quote or re-quote.

The left column is what the analyst quoted, the right what the source reads now; the
words that differ are highlighted in both. ``a`` accepts the current wording (the note is
re-quoted from the source as it is), ``k`` keeps the original (the note stays flagged as
changed, in every view and export, until the source reads like the quote again).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui.literal import content
from tui.word_diff import word_changes

REMOVED_STYLE = "bold strike $error"
ADDED_STYLE = "bold underline $success"


def highlighted(text: str, ranges: list[tuple[int, int]], style: str) -> Content:
    """``text`` shown literally with ``ranges`` styled."""
    shown = content(text)
    for start, end in ranges:
        shown = shown.stylize(style, start, end)
    return shown


def wordings(quoted: str, current: str) -> tuple[Content, Content]:
    """The two wordings with the words that differ highlighted in each."""
    removed, added = word_changes(quoted, current)
    return highlighted(quoted, removed, REMOVED_STYLE), highlighted(current, added, ADDED_STYLE)


class WordingScreen(ModalScreen[str | None]):
    """Dismissed with ``"accept"``, ``"keep"`` or None (Escape)."""

    BINDINGS = [
        Binding("a", "choose('accept')", "Use current wording"),
        Binding("k", "choose('keep')", "Keep my quote"),
        Binding("escape", "choose(None)", "Cancel"),
    ]
    DEFAULT_CSS = """
    WordingScreen {
        align: center middle;
        #wording {
            width: 94%; max-width: 140; height: auto; max-height: 90%;
            border: thick $warning; background: $surface; padding: 0 1;
        }
        #columns { height: auto; max-height: 16; }
        .column { width: 1fr; height: auto; padding: 0 1; }
        .column Label { color: $text-muted; }
        #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, quoted: str, current: str) -> None:
        super().__init__()
        self._quoted = quoted
        self._current = current

    def compose(self) -> ComposeResult:
        before, after = wordings(self._quoted, self._current)
        with Vertical(id="wording") as box:
            box.border_title = "The source now reads differently"
            box.border_subtitle = "a use current · k keep mine · escape cancel"
            with Horizontal(id="columns"):
                with VerticalScroll(classes="column"):
                    yield Label("You quoted")
                    yield Static(before, id="quoted")
                with VerticalScroll(classes="column"):
                    yield Label("The source now reads")
                    yield Static(after, id="current")
            with Horizontal(id="buttons"):
                yield Button("Use current wording (a)", variant="warning", id="accept")
                yield Button("Keep my quote (k)", id="keep")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
