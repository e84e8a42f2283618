"""Notes for the main screen: write one on a quote, show one, jump to its quote, export.

Reading panes ask for a note or to show one; this opens the
:class:`~tui.screens.note_editor.NoteEditor` and hands what was saved to the app's
:class:`~tui.briefing_desk.BriefingDesk`, which stores it off the UI thread and says how
it went. The notes view (``ctrl+n``) closes on a chosen note to jump to its quote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.controllers import ArticleOpener
from tui.note_actions import edit_note, export_job, saved_notice

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefings.models import Note, Quote
    from search.models.articles import Article
    from tui.briefing_desk import BriefingDesk
    from tui.briefing_session import BriefingSession
    from tui.note_status import Resolution
    from tui.screens.note_editor import NoteDraft


class NoteController:
    """What the main screen does with the current briefing's notes.

    Args:
        screen: shows the editor, the notes view and notices.
        desk: stores notes and exports the briefing.
        corpus: the corpus folder, named in each new note.
        resolution: where the current briefing's notes stand now.
        open_article: opens (or shows) an article, then calls its second argument with
            the article's reading pane.
    """

    def __init__(
        self,
        screen: Screen,
        desk: BriefingDesk,
        corpus: Path,
        resolution: Callable[[], Resolution],
        open_article: ArticleOpener,
    ) -> None:
        self._screen = screen
        self._desk = desk
        self._corpus = corpus
        self._resolution = resolution
        self._open_article = open_article

    def write_note(self, article: Article, quote: Quote | None) -> None:
        """Open the editor for a new note on ``quote`` (None: on the whole article)."""
        # The editor and the note records load on the first note, not at start-up.
        from briefings.models import ArticleRef, new_note
        from tui.screens.note_editor import NoteEditor

        heading = f"New note on “{article.title or '(untitled)'}”"
        source = ArticleRef.from_article(article, str(self._corpus.resolve()))

        def saved(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            note = new_note(source, text=draft.text, tags=draft.tags, quote=quote)

            def job(session: BriefingSession) -> str:
                briefing = session.add_note(note)
                return saved_notice(briefing.title, len(briefing.notes))

            self._desk.run(job, unsaved=[note])

        editor = NoteEditor(heading, quote=quote.exact if quote else None)
        self._screen.app.push_screen(editor, saved)

    def show_note(self, note: Note) -> None:
        """Open the editor on a note of the current briefing."""
        edit_note(self._screen, note)

    def jump_to(self, note: Note) -> None:
        """Show the note's article (opening it if needed) with the cursor on its quote."""
        found = self._resolution().of(note.id)
        if found is not None and found.from_other_corpus:
            self._screen.notify(
                f"This note was taken in another corpus ({found.elsewhere}): "
                "open that folder with briefing to read it there.",
                markup=False,
            )
            return
        if found is not None and found.article is None:
            self._screen.notify(f"Not found: {found.reason}.", markup=False)
            return
        # The article as it is now: an old note may name it by an id it no longer has.
        article_id = found.article.id if found is not None else note.article.id
        if note.quote is None:
            self._open_article(article_id, None)
        else:
            self._open_article(article_id, lambda pane: pane.call_after_refresh(pane.jump_to, note))

    def list_notes(self) -> None:
        """The notes view of the current briefing; a note chosen there is jumped to."""
        from tui.screens.notes import NotesScreen

        def closed(note: Note | None) -> None:
            if note is not None:
                self.jump_to(note)

        self._screen.app.push_screen(NotesScreen(), closed)

    def export(self) -> None:
        """Write the current briefing as Markdown; the notice says where."""
        self._desk.run(export_job(self._screen.app))
