"""SummaryEditor: write the briefing's summary, the paragraph the export puts under its title."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, TextArea


class SummaryEditor(ModalScreen[str | None]):
    """Dismissed with the new summary (ctrl+s, Save) or None (Escape, Cancel)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save summary"),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    SummaryEditor {
        align: center middle;
        #summary-box {
            width: 90%; max-width: 100; height: auto; max-height: 90%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        TextArea { height: 10; max-height: 60vh; }
        #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, title: str, summary: str) -> None:
        super().__init__()
        self._title = title
        self._summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box") as box:
            box.border_title = f"Summary of “{self._title}”"
            box.border_subtitle = "ctrl+s save · escape cancel"
            yield TextArea(self._summary, soft_wrap=True, id="summary")
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        area.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
