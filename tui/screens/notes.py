"""NotesScreen: the current briefing's notes, grouped by article, with the keys to tend them.

Filter as you type (quote, text and tags), go to a note's quoted passage (Enter: the
screen closes with the note and the main screen opens the article at the quote), edit,
retag, delete with undo, move a note up or down among its article's notes, switch or
manage briefings (``b``), export to Markdown. Quotes are re-anchored against the
indexed text of their articles in a worker when the screen opens; those not found are
listed apart as orphaned. Every text from a note or an article is shown literally.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefings.anchoring import reanchor
from briefings.models import Briefing, Note
from search.models import Article
from tui.briefing_jobs import run_job
from tui.briefing_session import BriefingSession
from tui.literal import content
from tui.notes_listing import NoteGroup, group_notes, steps_within_article
from tui.screens.briefing_actions import edit_note, export_job

QUOTE_WIDTH = 100
TEXT_LINES = 3
BAR = "│ "


def note_prompt(note: Note) -> Content:
    """A note as listed: its quote (italic, one line), its text, then tags and date.

    Every line starts with a bar, so that a note reads as one block under its article.
    """
    if note.quote is not None:
        quote = content(f"❝ {note.quote.exact}", "italic", one_line=True)
        lines = [quote.truncate(QUOTE_WIDTH, ellipsis=True)]
    else:
        lines = [content("(on the whole article)", "$text-muted")]
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


def group_prompt(group: NoteGroup) -> Content:
    """A group heading: the article's title, source and date, or the orphans' heading."""
    if group.article is None:
        return Content("Orphaned quotes: not found in the article text any more").stylize(
            "bold $warning"
        )
    ref = group.article
    meta = " · ".join(p for p in (ref.source, ref.date) if p)
    heading = content(ref.title or "(untitled)", "bold underline", one_line=True)
    return Content.assemble(heading, content(f"  {meta}", "$text-muted", one_line=True))


@dataclass
class ArticlesReanchored(Message):
    """Ids of the notes whose quote was not found again in its article's indexed text."""

    orphaned: frozenset[str]


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
        Binding("b", "briefings", "Briefings", tooltip="Switch, create, rename, delete"),
        Binding("ctrl+o", "export", "Export", tooltip="Write this briefing as Markdown"),
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
        self._orphaned: frozenset[str] = frozenset()
        self._undo: list[tuple[Note, int]] = []

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

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.watch(self.app, "briefing", self._briefing_changed)
        self.notes_list.focus()

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        self._show()
        self.find_orphans(briefing)

    @work(thread=True, exclusive=True, group="notes-anchors")
    def find_orphans(self, briefing: Briefing | None) -> None:
        if briefing is None:
            return
        try:
            service = self.app.service
        except RuntimeError:
            return
        orphaned = set()
        articles: dict[str, Article | None] = {}
        for note in briefing.notes:
            if note.quote is None:
                continue
            try:
                if note.article.id not in articles:
                    articles[note.article.id] = service.article(note.article.id)
            except Exception:  # noqa: BLE001 - an unreadable index leaves the stored state
                return
            article = articles[note.article.id]
            if article is not None and reanchor(note.quote, article).quote.orphaned:
                orphaned.add(note.id)
        self.post_message(ArticlesReanchored(frozenset(orphaned)))

    def on_articles_reanchored(self, message: ArticlesReanchored) -> None:
        if message.orphaned != self._orphaned:
            self._orphaned = message.orphaned
            self._show()

    def _show(self) -> None:
        briefing = self.briefing
        title = self.query_one("#notes-title", Static)
        if briefing is None:
            title.update(
                content(
                    "No briefing yet. Quote a sentence (s) in a reading pane to start one,"
                    " or press b to create one."
                )
            )
        else:
            # The file's name; its folder is in the help (?) and in every export message.
            path = self.app.briefing_session.store.path_for(briefing.slug)
            title.update(
                Content.assemble(
                    content(briefing.title, "bold", one_line=True),
                    content(f" · {len(briefing.notes)} notes · {path.name}", one_line=True),
                )
            )
        notes_list = self.notes_list
        chosen = notes_list.highlighted_option.id if notes_list.highlighted_option else None
        options: list[Option | None] = []
        for group in group_notes(briefing, self._filter, self._orphaned):
            if options:
                options.append(None)
            options.append(Option(group_prompt(group), disabled=True))
            options.extend(Option(note_prompt(note), id=note.id) for note in group.notes)
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
        if note is not None:
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

        run_job(self, job)

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.", markup=False)
            return
        note, index = self._undo.pop()

        def job(session: BriefingSession) -> str:
            session.add_note(note, index=index)
            return "Note restored"

        run_job(self, job, unsaved=[note])

    def action_move(self, direction: int) -> None:
        note, briefing = self.current_note, self.briefing
        if note is None or briefing is None:
            return
        steps = steps_within_article(briefing, note.id, direction)
        if steps:
            run_job(self, lambda session: session.move_note(note.id, steps) and None)

    def action_briefings(self) -> None:
        from tui.screens.briefing_picker import BriefingPicker

        self.app.push_screen(BriefingPicker())

    def action_export(self) -> None:
        run_job(self, export_job(self.app))
