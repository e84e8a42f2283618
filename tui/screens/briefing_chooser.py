"""BriefingChooser: pick another briefing to move or copy a note into (or name a new one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from briefings.models import BriefingSummary
from tui.literal import content


class BriefingChooser(ModalScreen[str | None]):
    """Dismissed with a briefing's slug, ``"new:" + title`` for a new one, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    BriefingChooser {
        align: center middle;
        #chooser {
            width: 80%; max-width: 90; height: auto; max-height: 80%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #targets { height: auto; max-height: 16; border: none; }
    }
    """

    def __init__(self, action: str, briefings: list[BriefingSummary], current: str | None) -> None:
        super().__init__()
        self._action = action
        self._choices = [b for b in briefings if b.error is None and b.slug != current]

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser") as box:
            box.border_title = f"{self._action} the note to…"
            box.border_subtitle = "Enter choose · escape cancel"
            yield OptionList(
                *[
                    Option(content(b.title or b.slug, one_line=True), id=b.slug)
                    for b in self._choices
                ],
                id="targets",
                markup=False,
            )
            yield Input(placeholder="…or type a new briefing's title and press Enter", id="new")

    def on_mount(self) -> None:
        (self.query_one(OptionList) if self._choices else self.query_one(Input)).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss("new:" + event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
