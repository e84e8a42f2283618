"""The main screen's part in briefings: open the note editor, store notes, export, jump.

Mixed into ``MainScreen``. Reading panes ask for a note (``NoteRequested``) or to show
one (``NoteChosen``); this opens the :class:`~tui.screens.note_editor.NoteEditor` and
stores what was saved with a thread job. ``ctrl+n`` opens the notes view of the current
briefing, ``ctrl+o`` exports it to Markdown and says where the file went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen

from tui.briefing_jobs import run_job
from tui.messages import OpenArticle
from tui.note_actions import edit_note, export_job, saved_notice

if TYPE_CHECKING:
    from briefings.models import Note
    from tui.briefing_session import BriefingSession
    from tui.screens.note_editor import NoteDraft
    from tui.widgets.reading.quoting import NoteChosen, NoteRequested, PaneOpened


class BriefingActionsMixin(Screen):
    """Notes from reading panes into the current briefing; the notes view; export."""

    BINDINGS = [
        Binding("ctrl+n", "notes", "Notes", show=False, tooltip="The current briefing's notes"),
        Binding("ctrl+o", "export_briefing", "Export briefing", show=False,
                tooltip="Write the current briefing as Markdown"),
    ]  # fmt: skip

    _pending_jump: Note | None = None

    def on_note_requested(self, message: NoteRequested) -> None:
        # The editor and the note records load on the first note, not at start-up.
        from briefings.models import ArticleRef, new_note
        from tui.screens.note_editor import NoteEditor

        article, quote = message.article, message.quote
        heading = f"New note on “{article.title or '(untitled)'}”"

        def saved(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            note = new_note(
                ArticleRef.from_article(article, str(self.app.corpus.resolve())),
                text=draft.text,
                tags=draft.tags,
                quote=quote,
            )

            def job(session: BriefingSession) -> str:
                briefing = session.add_note(note)
                return saved_notice(briefing.title, len(briefing.notes))

            run_job(self, job, unsaved=[note])

        self.app.push_screen(NoteEditor(heading, quote=quote.exact if quote else None), saved)

    def on_note_chosen(self, message: NoteChosen) -> None:
        edit_note(self, message.note)

    def on_pane_opened(self, message: PaneOpened) -> None:
        note = self._pending_jump
        pane = message.pane
        pane.show_resolution(self.app.resolution)
        found = self.app.resolution.of(note.id) if note is not None else None
        article_id = found.article.id if found and found.article else None
        if note is not None and pane.article.id in (note.article.id, article_id):
            self._pending_jump = None
            if note.quote is not None:
                pane.call_after_refresh(pane.jump_to, note)

    def jump_to_note(self, note: Note) -> None:
        """Show the note's article (opening it if needed) with the cursor on its quote."""
        from tui.widgets.reading.pane import ReadingPane

        found = self.app.resolution.of(note.id)
        if found is not None and found.from_other_corpus:
            self.notify(
                f"This note was taken in another corpus ({found.elsewhere}): "
                "open that folder with briefing to read it there.",
                markup=False,
            )
            return
        if found is not None and found.article is None:
            self.notify(f"Not found: {found.reason}.", markup=False)
            return
        # The article as it is now: an old note may name it by an id it no longer has.
        article_id = found.article.id if found is not None else note.article.id
        workspace = self.workspace
        pane_id = workspace.pane_id(article_id)
        if pane_id is None:
            self._pending_jump = note
            self.post_message(OpenArticle(article_id))
            return
        workspace.focus_article(article_id)
        pane = workspace.get_pane(pane_id).query_one(ReadingPane)
        if note.quote is not None:
            pane.call_after_refresh(pane.jump_to, note)

    def action_notes(self) -> None:
        from tui.screens.notes import NotesScreen

        def closed(note: Note | None) -> None:
            if note is not None:
                self.jump_to_note(note)

        self.app.push_screen(NotesScreen(), closed)

    def action_export_briefing(self) -> None:
        run_job(self, export_job(self.app))
