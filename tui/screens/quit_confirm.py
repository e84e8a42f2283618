"""QuitConfirmScreen: asked on quit while notes are not saved, so none is lost unseen.

It offers to save them as a briefing in another folder (one the user can type, by
default the recovery folder in the user data dir) and then quit, to quit and discard
them, or to stay. A save that fails says why and leaves the question open.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.literal import content
from tui.plural import counted

Answer = tuple[str, Path | None]


class QuitConfirmScreen(ModalScreen[Answer]):
    """Dismissed with ``("saved", file)``, ``("discard", None)`` or ``("stay", None)``.

    Args:
        count: how many notes are not saved.
        folder: the folder offered for them.
        save: ``save(folder, then, failed)`` writes them there (see
            :meth:`tui.briefing_desk.BriefingDesk.save_elsewhere`).
    """

    BINDINGS = [Binding("escape", "stay", "Stay")]
    DEFAULT_CSS = """
    QuitConfirmScreen {
        align: center middle;
        #quit-confirm {
            width: 76; height: auto; padding: 1 2;
            border: thick $error; background: $surface;
        }
        #question, #folder { margin-bottom: 1; }
        #problem { color: $text-error; height: auto; margin-bottom: 1; }
        Horizontal { height: auto; align-horizontal: right; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, count: int, folder: Path, save) -> None:
        super().__init__()
        self._count = count
        self._folder = folder
        self._save = save
        self._saving = False

    def compose(self) -> ComposeResult:
        notes = counted(self._count, "note")
        question = (
            f"{notes} could not be saved in the notes folder and would be lost on quit. "
            "Save as a briefing in this folder, then quit (Enter)?"
        )
        with Vertical(id="quit-confirm"):
            yield Static(content(question), id="question")
            yield Input(str(self._folder), id="folder")
            yield Static("", id="problem")
            with Horizontal():
                yield Button("Save and quit", variant="primary", id="save")
                yield Button("Quit and discard", variant="error", id="discard")
                yield Button("Stay (Esc)", id="stay")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_there()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._save_there()
        elif event.button.id == "discard":
            self.dismiss(("discard", None))
        else:
            self.action_stay()

    def action_stay(self) -> None:
        self.dismiss(("stay", None))

    def _save_there(self) -> None:
        typed = self.query_one("#folder", Input).value.strip()
        if not typed:
            self._problem("Type the folder to save the notes in.")
            return
        if self._saving:
            return
        self._saving = True
        self._problem(f"Saving in {typed}…")
        self._save(Path(typed).expanduser(), self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.dismiss(("saved", path))

    def _failed(self, reason: str) -> None:
        self._saving = False
        self._problem(f"Not saved: {reason}. Type another folder, or choose below.")

    def _problem(self, text: str) -> None:
        self.query_one("#problem", Static).update(content(text))
