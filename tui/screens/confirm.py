"""ConfirmScreen: a yes/no question over the current screen (discard a draft, delete a briefing)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.literal import content


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismissed with True for ``yes`` (key y), False for ``no`` (n, Escape)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        #confirm {
            width: 64; height: auto; padding: 1 2;
            border: thick $warning; background: $surface;
        }
        #question { margin-bottom: 1; }
        Horizontal { height: auto; align-horizontal: right; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(content(self._question), id="question")
            with Horizontal():
                yield Button(f"{self._yes} (y)", variant="warning", id="yes")
                yield Button(f"{self._no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
