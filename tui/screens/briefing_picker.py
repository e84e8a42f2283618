"""BriefingPicker: every briefing in the notes folder; switch to one, create, rename, delete.

A briefing file that cannot be read is listed with its ``path:line: reason`` and cannot
be chosen; the others keep working. Deleting asks first and only sets the file aside
(``SLUG.yaml.deleted-TIME``). Notes whose save failed earlier are added to the briefing
switched to or created here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefings.models import Briefing, BriefingSummary
from tui.background import in_thread
from tui.briefing_session import BriefingSession
from tui.literal import content
from tui.plural import counted


def summary_prompt(summary: BriefingSummary, current: str | None) -> Content:
    """One briefing as listed: a marker for the current one, title, notes, last update."""
    if summary.error is not None:
        return Content.assemble(
            Content("⚠ unreadable  ").stylize("bold $error"),
            content(str(summary.error), one_line=True),
        )
    mark = "● " if summary.slug == current else "  "
    updated = (summary.updated or "").replace("T", " ").rstrip("Z")
    notes = counted(summary.note_count, "note")
    return Content.assemble(
        Content(mark),
        content(summary.title or summary.slug, "bold", one_line=True),
        content(f"  {notes} · {updated} · {summary.path.name}", "$text-muted"),
    )


class BriefingPicker(ModalScreen[None]):
    """Choose the current briefing, or create, rename or delete one."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("n", "ask_title('new')", "New"),
        Binding("r", "ask_title('rename')", "Rename"),
        Binding("d,delete", "delete", "Delete"),
    ]
    DEFAULT_CSS = """
    BriefingPicker {
        align: center middle;
        #picker {
            width: 90%; max-width: 100; height: 70%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #briefings { height: 1fr; border: none; }
        #title-input { display: none; }
        #title-input.-shown { display: block; }
        #picker-help { color: $text-muted; height: auto; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._summaries: list[BriefingSummary] = []
        self._asking: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as picker:
            picker.border_title = "Briefings"
            yield OptionList(id="briefings", markup=False)
            yield Input(id="title-input")
            yield Static(
                "Enter switch · n new · r rename · d delete · Escape close", id="picker-help"
            )

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.watch(self.app, "briefing", self._reload)
        self.query_one(OptionList).focus()

    def _reload(self, _briefing: Briefing | None = None) -> None:
        self.list_briefings()

    def list_briefings(self) -> None:
        """Read the notes folder in a thread; list what is there."""
        session = self.app.briefing_desk.session
        in_thread(self, session.briefings, self._show, group="briefing-list")

    def _show(self, summaries: list[BriefingSummary]) -> None:
        self._summaries = summaries
        current = self.app.briefing_desk.session.slug
        options = [Option(summary_prompt(s, current), id=s.slug) for s in summaries]
        if not options:
            options = [Option(content("No briefing yet: n creates one."), disabled=True)]
        listing = self.query_one(OptionList)
        listing.set_options(options)
        slugs = [s.slug for s in summaries]
        if slugs:
            listing.highlighted = slugs.index(current) if current in slugs else 0

    @property
    def chosen(self) -> BriefingSummary | None:
        """The highlighted briefing."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return next((s for s in self._summaries if s.slug == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        summary = self.chosen
        if summary is None:
            return
        unsaved = self.app.briefing_desk.take_unsaved()

        def job(session: BriefingSession) -> str:
            briefing = session.switch(summary.slug)
            for note in unsaved:
                briefing = session.add_note(note)
            return f"Current briefing: “{briefing.title}” ({session.path()})"

        self.app.briefing_desk.run(job, unsaved=unsaved)
        self.dismiss(None)

    def action_ask_title(self, purpose: str) -> None:
        if purpose == "rename" and (self.chosen is None or self.chosen.error is not None):
            return
        box = self.query_one(Input)
        self._asking = purpose
        box.placeholder = "Title of the new briefing" if purpose == "new" else "New title"
        box.value = self.chosen.title or "" if purpose == "rename" and self.chosen else ""
        box.add_class("-shown")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = event.value.strip()
        purpose, self._asking = self._asking, None
        event.input.remove_class("-shown")
        self.query_one(OptionList).focus()
        if not title:
            return
        if purpose == "new":
            unsaved = self.app.briefing_desk.take_unsaved()

            def create(session: BriefingSession) -> str:
                briefing = session.create(title)
                for note in unsaved:
                    briefing = session.add_note(note)
                return f"New briefing “{briefing.title}” ({session.path()})"

            self.app.briefing_desk.run(create, unsaved=unsaved)
        elif purpose == "rename" and self.chosen is not None:
            slug = self.chosen.slug

            def rename(session: BriefingSession) -> str:
                briefing = session.rename(slug, title)
                return f"Renamed to “{briefing.title}” ({session.store.path_for(briefing.slug)})"

            self.app.briefing_desk.run(rename)

    def action_delete(self) -> None:
        summary = self.chosen
        if summary is None:
            return
        from tui.screens.confirm import ConfirmScreen

        name = summary.title or summary.path.name

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def delete(session: BriefingSession) -> str:
                moved = session.delete(summary.slug)
                if session.slug is None:
                    session.open()
                return f"Deleted “{name}”: its file is kept as {moved}"

            self.app.briefing_desk.run(delete)

        self.app.push_screen(
            ConfirmScreen(f"Delete the briefing “{name}”? Its file is set aside, not erased."),
            answered,
        )

    def action_close(self) -> None:
        box = self.query_one(Input)
        if box.has_class("-shown"):
            box.remove_class("-shown")
            self._asking = None
            self.query_one(OptionList).focus()
            return
        self.dismiss(None)
