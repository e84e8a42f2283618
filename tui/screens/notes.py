"""NotesScreen: the current briefing's notes in its own order, with the keys to tend them.

Notes are listed in the briefing's order, under a heading each time the article changes;
``K``/``J`` move a note past its neighbour, across headings too, since a briefing is a
narrative. Each note shows where it stands against the corpus, as the app's one
resolution of the briefing says (:mod:`tui.note_status`): a mark on every note that is
not anchored, both wordings of a changed quote with the difference highlighted (``w``
to re-quote or keep), and orphans in a group of their own at the end, never hidden.
Filter as you type (quote, text and tags); Enter opens the article at the passage; edit,
retag, delete with undo, write the briefing's summary (``s``), move or copy a note to
another briefing (``m``/``c``), switch or manage briefings (``b``), export to Markdown.
Every text from a note or an article is shown literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefings.models import Briefing, BriefingSummary, Note
from briefings.resolver import NoteStatus, ResolvedNote
from tui.background import in_thread
from tui.briefing_session import BriefingSession
from tui.literal import content
from tui.note_actions import edit_note, export_job
from tui.note_status import Resolution
from tui.notes_listing import NoteGroup, group_notes, steps_to_neighbour
from tui.plural import counted
from tui.screens.wording import wordings

QUOTE_WIDTH = 100
TEXT_LINES = 3
BAR = "│ "
STATUS_MARKS = {
    NoteStatus.MOVED: ("↕ moved: the same words, at another place in the article", "$accent"),
    NoteStatus.CHANGED: ("≠ changed: the source now reads differently · w to review", "$warning"),
    NoteStatus.ORPHANED: ("✗ orphaned", "$error"),
}


def status_lines(resolved: ResolvedNote) -> list[Content]:
    """The marks of a note that is not anchored in this corpus (none for one that is)."""
    lines = []
    if resolved.from_other_corpus:
        where = f"⌂ from another corpus: {resolved.elsewhere}"
        lines.append(content(where, "bold $accent", one_line=True))
    if resolved.status is not NoteStatus.ANCHORED:
        text, style = STATUS_MARKS[resolved.status]
        if resolved.status is NoteStatus.ORPHANED:
            text = f"{text}: {resolved.reason}"
        lines.append(content(text, f"bold {style}", one_line=True))
    return lines


def note_prompt(note: Note, resolved: ResolvedNote | None = None) -> Content:
    """A note as listed: its status, its quote (a changed one in both wordings), its text,
    then tags and date. Every line starts with a bar, so a note reads as one block."""
    lines = status_lines(resolved) if resolved is not None else []
    if resolved is not None and resolved.status is NoteStatus.ORPHANED:
        # The orphans' group has no article heading: say which article it was.
        title = note.article.title or "(untitled)"
        lines.append(content(f"on “{title}”", "$text-muted", one_line=True))
    changed = resolved is not None and resolved.status is NoteStatus.CHANGED
    if note.quote is not None and changed and resolved.current is not None:
        flat = [" ".join(text.splitlines()) for text in (note.quote.exact, resolved.current.exact)]
        before, after = wordings(*flat)
        lines.append(Content.assemble(content("quoted ❝ ", "italic"), before))
        lines.append(Content.assemble(content("now    ❝ ", "italic"), after))
    elif note.quote is not None:
        quote = content(f"❝ {note.quote.exact}", "italic", one_line=True)
        lines.append(quote.truncate(QUOTE_WIDTH, ellipsis=True))
    else:
        lines.append(content("(on the whole article)", "$text-muted"))
    text_lines = note.text.splitlines() or [""]
    for line in text_lines[:TEXT_LINES]:
        lines.append(content(line, one_line=True))
    if len(text_lines) > TEXT_LINES:
        lines.append(Content("…"))
    tags = " ".join(f"#{t}" for t in note.tags)
    meta = " · ".join(p for p in (tags, note.updated.replace("T", " ").rstrip("Z")) if p)
    lines.append(content(meta, "$text-muted", one_line=True))
    bar = Content(BAR).stylize("$text-muted")
    return Content("\n").join(Content.assemble(bar, line) for line in lines)


def group_prompt(group: NoteGroup, count: int = 0) -> Content:
    """A group heading: the article's title, source and date, or the orphans' heading."""
    if group.article is None:
        return Content(
            f"Orphaned ({count}): the article or the passage is no longer in this corpus"
        ).stylize("bold $error")
    ref = group.article
    meta = " · ".join(p for p in (ref.source, ref.date) if p)
    heading = content(ref.title or "(untitled)", "bold underline", one_line=True)
    return Content.assemble(heading, content(f"  {meta}", "$text-muted", one_line=True))


class NotesScreen(Screen[Note | None]):
    """The notes of the current briefing; dismissed with a note to go to its passage."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("e", "edit", "Edit"),
        Binding("t", "edit(True)", "Tags"),
        Binding("d,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
        Binding("K,shift+up", "move(-1)", "Move up"),
        Binding("J,shift+down", "move(1)", "Move down", show=False),
        # Not in the footer (the marks of changed notes name w); all are in help (?).
        Binding(
            "w", "wording", "Wording", show=False, tooltip="A changed quote: re-quote or keep it"
        ),
        Binding("s", "summary", "Summary", show=False, tooltip="Write the briefing's summary"),
        Binding("m", "send(False)", "Move to…", show=False, tooltip="Move to another briefing"),
        Binding("c", "send(True)", "Copy to…", show=False, tooltip="Copy to another briefing"),
        Binding("b", "briefings", "Briefings", tooltip="Switch, create, rename, delete"),
        Binding("ctrl+o", "export", "Export", tooltip="Write this briefing as Markdown"),
        Binding(
            "ctrl+g",
            "export(True)",
            "Export by article",
            show=False,
            tooltip="Write this briefing as Markdown, notes grouped under their articles",
        ),
    ]
    DEFAULT_CSS = """
    NotesScreen {
        #notes-title { height: auto; padding: 0 1; background: $panel; }
        #notes-filter { margin: 0 1; }
        #notes { height: 1fr; border: none; }
        /* Article headings are disabled options: readable, not greyed out. */
        #notes > .option-list--option-disabled { color: $text; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._filter = ""
        self._undo: list[tuple[Note, int]] = []
        self._listed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="notes-title")
        yield Input(placeholder="Filter notes: words in quote, text or tags", id="notes-filter")
        yield OptionList(id="notes", markup=False)
        yield Footer()

    @property
    def notes_list(self) -> OptionList:
        return self.query_one("#notes", OptionList)

    @property
    def briefing(self) -> Briefing | None:
        return self.app.briefing

    @property
    def resolution(self) -> Resolution:
        """The app's resolution, if it is of the briefing shown (else nothing is known)."""
        resolution = self.app.resolution
        return resolution if resolution.briefing is self.briefing else Resolution()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.watch(self.app, "briefing", lambda _: self._show())
        self.watch(self.app, "resolution", lambda _: self._show())
        self.notes_list.focus()

    def _title(self, briefing: Briefing | None) -> Content:
        if briefing is None:
            return content(
                "No briefing yet. Quote a sentence (s) in a reading pane to start one,"
                " or press b to create one."
            )
        # The file's name; its folder is in the help (?) and in every export message.
        path = self.app.briefing_desk.session.store.path_for(briefing.slug)
        resolution = self.resolution
        flags = [
            f"{resolution.count(status)} {status.value}"
            for status in (NoteStatus.MOVED, NoteStatus.CHANGED, NoteStatus.ORPHANED)
            if resolution.count(status)
        ]
        checked = " · ".join(flags) if resolution.done else "checking against the corpus…"
        parts = [
            content(briefing.title, "bold", one_line=True),
            content(f" · {counted(len(briefing.notes), 'note')} · {path.name}", one_line=True),
        ]
        if checked:
            parts.append(content(f" · {checked}", "$warning" if flags else "$text-muted"))
        if briefing.summary.strip():
            parts.append(content("\n" + briefing.summary.strip(), "$text-muted"))
        return Content.assemble(*parts)

    def _show(self) -> None:
        briefing = self.briefing
        resolution = self.resolution
        self.query_one("#notes-title", Static).update(self._title(briefing))
        notes_list = self.notes_list
        chosen = notes_list.highlighted_option.id if notes_list.highlighted_option else None
        orphaned = {item.note.id for item in resolution.items if item.status is NoteStatus.ORPHANED}
        options: list[Option | None] = []
        self._listed = []
        for group in group_notes(briefing, self._filter, orphaned):
            if options:
                options.append(None)
            options.append(Option(group_prompt(group, len(group.notes)), disabled=True))
            for note in group.notes:
                options.append(Option(note_prompt(note, resolution.of(note.id)), id=note.id))
                if group.article is not None:
                    self._listed.append(note.id)
        if briefing is not None and briefing.notes and not options:
            options.append(Option(content("No note matches the filter."), disabled=True))
        notes_list.set_options(options)
        ids = [o.id for o in options if o is not None and o.id]
        if ids:
            notes_list.highlighted = notes_list.get_option_index(
                chosen if chosen in ids else ids[0]
            )

    @property
    def current_note(self) -> Note | None:
        """The highlighted note, as stored."""
        option = self.notes_list.highlighted_option
        briefing = self.briefing
        if option is None or option.id is None or briefing is None:
            return None
        return briefing.note(option.id)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter = event.value
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.notes_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.current_note
        if note is None:
            return
        self.dismiss(note)

    def action_back(self) -> None:
        if self.focused is self.query_one(Input) and self._filter:
            self.query_one(Input).value = ""
            self.notes_list.focus()
            return
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_edit(self, tags: bool = False) -> None:
        note = self.current_note
        if note is not None:
            edit_note(self, note, focus_tags=tags)

    def action_delete(self) -> None:
        note, briefing = self.current_note, self.briefing
        if note is None or briefing is None:
            return
        self._undo.append((note, briefing.notes.index(note)))

        def job(session: BriefingSession) -> str:
            session.delete_note(note.id)
            return "Note deleted · u undoes it"

        self.app.briefing_desk.run(job)

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.", markup=False)
            return
        note, index = self._undo.pop()

        def job(session: BriefingSession) -> str:
            session.add_note(note, index=index)
            return "Note restored"

        self.app.briefing_desk.run(job, unsaved=[note])

    def action_move(self, direction: int) -> None:
        note, briefing = self.current_note, self.briefing
        if note is None or briefing is None:
            return
        steps = steps_to_neighbour(briefing, self._listed, note.id, direction)
        if steps:
            self.app.briefing_desk.run(lambda session: session.move_note(note.id, steps) and None)

    def action_wording(self) -> None:
        note = self.current_note
        found = self.resolution.of(note.id) if note is not None else None
        if found is None or found.status is not NoteStatus.CHANGED or found.current is None:
            self.notify("Only a changed quote has another wording to review.", markup=False)
            return
        from tui.screens.wording import WordingScreen

        current = found.current

        def chosen(choice: str | None) -> None:
            if choice == "accept":
                self.app.briefing_desk.run(
                    lambda session: (
                        session.requote(note.id, current)
                        and "Re-quoted from the source's current wording"
                    ),
                )
            elif choice == "keep":
                self.notify(
                    "Kept your quote; it stays marked as changed while the source differs.",
                    markup=False,
                )

        self.app.push_screen(WordingScreen(note.quote.exact, current.exact), chosen)

    def action_summary(self) -> None:
        briefing = self.briefing
        if briefing is None:
            self.notify("No briefing yet: press b to create one.", markup=False)
            return
        from tui.screens.summary_editor import SummaryEditor

        def saved(summary: str | None) -> None:
            if summary is not None and summary != briefing.summary:
                self.app.briefing_desk.run(
                    lambda session: session.set_summary(summary) and "Summary saved"
                )

        self.app.push_screen(SummaryEditor(briefing.title, briefing.summary), saved)

    def action_send(self, keep: bool) -> None:
        note = self.current_note
        if note is not None:
            self.choose_briefing_for(note, keep)

    def choose_briefing_for(self, note: Note, keep: bool) -> None:
        """List the briefings (file reads, so off the UI thread), then ask which one."""
        session = self.app.briefing_desk.session

        def listed(briefings: list[BriefingSummary]) -> None:
            self._ask_target(note, keep, briefings, session.slug)

        in_thread(self, session.briefings, listed, group="send-note")

    def _ask_target(
        self, note: Note, keep: bool, briefings: list[BriefingSummary], current: str | None
    ) -> None:
        from tui.screens.briefing_chooser import BriefingChooser

        def chosen(target: str | None) -> None:
            if target is None:
                return

            def job(session: BriefingSession) -> str:
                briefing = session.send_note(note, target, keep=keep)
                return f"{'Copied' if keep else 'Moved'} the note to “{briefing.title}”"

            self.app.briefing_desk.run(job)

        verb = "Copy" if keep else "Move"
        self.app.push_screen(BriefingChooser(verb, briefings, current), chosen)

    def action_briefings(self) -> None:
        from tui.screens.briefing_picker import BriefingPicker

        self.app.push_screen(BriefingPicker())

    def action_export(self, by_article: bool = False) -> None:
        self.app.briefing_desk.run(export_job(self.app, by_article=by_article))
