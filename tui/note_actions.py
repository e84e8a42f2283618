"""Note work both the main screen and the notes view start: edit a note, export the briefing.

Each returns at once; the editor is a modal and the storing or writing is a thread job
(see :mod:`tui.briefing_desk`) whose outcome the app shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.plural import counted

if TYPE_CHECKING:
    from briefings.models import Note
    from tui.briefing_session import BriefingSession
    from tui.screens.note_editor import NoteDraft


def export_job(app, *, by_article: bool = False) -> object:
    """A job exporting the current briefing, each note checked against the corpus first
    (notes in the briefing's order, or grouped under their articles)."""

    def job(session: BriefingSession) -> str:
        briefing = session.current()
        if briefing is None:
            return "No briefing yet: quote a sentence (s in a reading pane) to start one."
        resolution = app.briefing_desk.resolve_now(briefing)
        result = session.export(resolution.items, by_article=by_article)
        warning = result.warning()
        return f"Exported “{briefing.title}” to {result.path}" + (
            f" · warning: {warning}" if warning else ""
        )

    return job


def saved_notice(title: str, count: int) -> str:
    """The line shown when a note is stored."""
    return f"Note saved in “{title}” ({counted(count, 'note')}) · ctrl+n lists them"


def edit_note(node, note: Note, *, focus_tags: bool = False) -> None:
    """Open the editor on ``note`` and store what is saved (re-adding it if it was deleted).

    Args:
        node: the screen opening the editor.
        note: the note as stored.
        focus_tags: start in the tags box.
    """
    from tui.screens.note_editor import NoteEditor

    heading = f"Note on “{note.article.title or '(untitled)'}”"

    def saved(draft: NoteDraft | None) -> None:
        if draft is None or (draft.text == note.text and draft.tags == note.tags):
            return

        def job(session: BriefingSession) -> str:
            briefing = session.save_note(note, draft.text, draft.tags)
            return saved_notice(briefing.title, len(briefing.notes))

        node.app.briefing_desk.run(job, unsaved=[replace(note, text=draft.text, tags=draft.tags)])

    node.app.push_screen(
        NoteEditor(
            heading,
            quote=note.quote.exact if note.quote else None,
            text=note.text,
            tags=note.tags,
            focus_tags=focus_tags,
        ),
        saved,
    )
