"""NoteEditor: a small modal to write or change a note's text and tags.

The quoted passage (if any) is shown literally above a TextArea for the note and an
Input for comma-separated tags. Ctrl+S or the Save button returns a ``NoteDraft``;
Escape or Cancel returns None, but asks first when something was typed, so text is
never thrown away silently. On a short terminal (under 30 rows) the quote and the note
box are shorter, so the whole dialog fits down to 80x24.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.literal import content

NOTE_LABEL = "Note"
TAGS_LABEL = "Tags, separated by commas"
FOCUS_MARK = "▶ "


@dataclass(frozen=True)
class NoteDraft:
    """What the user saved: the note text and its tags."""

    text: str
    tags: tuple[str, ...]


def parse_tags(value: str) -> tuple[str, ...]:
    """Tags typed as ``a, b, c`` (commas), without blanks and repeats."""
    return tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Edit one note: its text and tags, with its quote shown for reference."""

    BINDINGS = [
        # Not a priority binding: keys typed before ctrl+s reach their box first.
        Binding("ctrl+s", "save", "Save note"),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        #editor {
            width: 90%; max-width: 100; height: auto; max-height: 90%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #quote {
            height: auto; max-height: 6; margin-bottom: 1;
            border-left: outer $success; padding-left: 1;
        }
        #quote Static { text-style: italic; }
        TextArea { height: 8; }
        Label { margin-top: 1; color: $text-muted; }
        #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        Button { margin-left: 1; }
        /* A short terminal (down to 24 rows) gets a shorter quote and note box, so that
           the tags and the buttons stay on screen. */
        &.-short {
            #quote { max-height: 3; }
            TextArea { height: 5; }
        }
    }
    """
    # Below 30 rows the full-height editor (27 rows) would not fit in 90% of the screen.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(
        self,
        heading: str,
        *,
        quote: str | None = None,
        text: str = "",
        tags: tuple[str, ...] = (),
        focus_tags: bool = False,
    ) -> None:
        """A note to edit.

        Args:
            heading: what the note is on (shown literally as the border title).
            quote: the quoted passage, or None for a note on the whole article.
            text: the note's text so far.
            tags: its tags so far.
            focus_tags: start in the tags box (to retag).
        """
        super().__init__()
        self._heading = heading
        self._quote = quote
        self._start = NoteDraft(text, tuple(tags))
        self._focus_tags = focus_tags

    def compose(self) -> ComposeResult:
        with Vertical(id="editor") as editor:
            editor.border_title = content(self._heading, one_line=True).truncate(80, ellipsis=True)
            editor.border_subtitle = "ctrl+s save · escape cancel"
            if self._quote is not None:
                with VerticalScroll(id="quote"):
                    yield Static(content(self._quote))
            else:
                yield Static(content("A note on the whole article (no quote)."), id="no-quote")
            yield Label(f"  {NOTE_LABEL}", id="note-label")
            yield TextArea(self._start.text, soft_wrap=True, id="note-text")
            yield Label(f"  {TAGS_LABEL}", id="tags-label")
            yield Input(
                ", ".join(self._start.tags),
                placeholder="e.g. energy, sanctions",
                id="tags",
                select_on_focus=False,
            )
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        (self.query_one("#tags", Input) if self._focus_tags else area).focus()

    def on_descendant_focus(self) -> None:
        # Which box has the keyboard, said in words as well as by the focus colour.
        focused = self.focused
        for label_id, text, box in (
            ("#note-label", NOTE_LABEL, self.query_one(TextArea)),
            ("#tags-label", TAGS_LABEL, self.query_one("#tags", Input)),
        ):
            marker = FOCUS_MARK if focused is box else "  "
            self.query_one(label_id, Label).update(f"{marker}{text}")

    @property
    def draft(self) -> NoteDraft:
        """The text and tags as they are in the boxes now."""
        text = self.query_one(TextArea).text
        return NoteDraft(text, parse_tags(self.query_one("#tags", Input).value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.draft)

    def action_cancel(self) -> None:
        if self.draft == self._start:
            self.dismiss(None)
            return
        from tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard what you typed in this note?", yes="Discard", no="Keep editing"),
            answered,
        )
