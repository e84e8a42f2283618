"""The briefing Textual app and ``make_app``, the factory the CLI and the tests share.

The app owns the search service (made on first use, from a worker; making it and listing
the articles import no Whoosh, so the first screen lists the corpus before the index is
opened), the current briefing and where its notes stand (kept up to date by its
:class:`~tui.briefing_desk.BriefingDesk`), what is remembered between launches
(:class:`~tui.state.RememberedState`: the app puts back the theme and the reading column's
width itself), and the app-wide keys; the main screen does the rest.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from search.models.articles import ArticleSummary
from search.runtime import QUIET_SECONDS, IdleCollector
from tui.briefing_desk import BriefingDesk
from tui.literal import literal
from tui.note_status import Resolution
from tui.remembered import RememberedArticles
from tui.state import RememberedState
from tui.widgets.reading.measure import DEFAULT_MEASURE, next_width

# How long quitting waits for a save still running before it asks about its notes.
SAVE_WAIT_SECONDS = 5.0

if TYPE_CHECKING:
    from briefings.models import Briefing
    from search.service import SearchService


def _commands_provider():
    from tui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(App):
    """Search a corpus, read its articles in tabs, quote them into briefings."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {_commands_provider}
    BINDINGS = [
        # `q` is text in the search box, so the footer offers the quit key that always works.
        Binding("q", "quit", "Quit", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("question_mark,f1", "help", "Help", tooltip="Every key of the current view"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    # The current briefing as stored (None: there is none yet), and where its notes stand.
    briefing: var[Briefing | None] = var(None, always_update=True)
    resolution: var[Resolution] = var(Resolution())
    # How wide reading panes set their text, in characters (0: as wide as the pane).
    reading_width: var[int] = var(DEFAULT_MEASURE)

    def __init__(
        self, corpus: Path, *, notes_dir: Path | None = None, service: SearchService | None = None
    ) -> None:
        super().__init__()
        self.corpus = Path(corpus)
        self.notes_dir = notes_dir
        self._service = service
        self._service_lock = threading.Lock()
        self.articles: list[ArticleSummary] = []
        self.collector = IdleCollector()
        self.briefing_desk = BriefingDesk(self, self.notes_dir, self.corpus, self.open_service)
        self._listing_started = False
        # Started now so the list is likely read by the time the first screen is built.
        self.last_articles = RememberedArticles(lambda: self.open_service().articles())
        self._remembered: RememberedState | None = None
        self._before_exit: list[Callable[[], object]] = []
        self.sub_title = literal(self.corpus.name, one_line=True)

    @property
    def remembered(self) -> RememberedState:
        """What the app remembers of the user and this corpus between launches (read once)."""
        if self._remembered is None:
            self._remembered = RememberedState(self.corpus)
        return self._remembered

    @property
    def service(self) -> SearchService:
        """The corpus's search service, made on first use (see ``open_service``)."""
        return self.open_service()

    def open_service(self) -> SearchService:
        """Make the search service if there is none yet; safe to call from any worker thread."""
        with self._service_lock:
            if self._service is None:
                from search.service import open_search_service

                self._service = open_search_service(self.corpus)
            return self._service

    def on_mount(self) -> None:
        remembered = self.remembered
        if remembered.theme in self.available_themes:
            self.theme = remembered.theme
        if remembered.reading_width is not None and remembered.reading_width >= 0:
            self.reading_width = remembered.reading_width
        # Watched from here on: putting back what was remembered is no change to save.
        self.watch(self, "theme", remembered.set_theme, init=False)

    def call_before_exit(self, callback: Callable[[], object]) -> None:
        """Have ``callback`` run as the app quits, while every screen is still whole."""
        self._before_exit.append(callback)

    def exit(self, *args, **kwargs) -> None:
        callbacks, self._before_exit = self._before_exit, []
        for callback in callbacks:
            # Quitting never fails over what is remembered.
            with contextlib.suppress(Exception):
                callback()
        super().exit(*args, **kwargs)

    def action_cycle_reading_width(self) -> None:
        """Set reading panes' text 80, 100 or 120 characters wide, or as wide as the pane."""
        width = self.reading_width = next_width(self.reading_width)
        self.remembered.set_reading_width(width)
        said = f"{width} characters" if width else "the whole width"
        self.notify(f"Reading column: {said} (w for another).", markup=False, timeout=3)

    def listing_started(self) -> None:
        """Work kept out of the way of the first list of articles; runs once.

        Opens the current briefing and hands memory management to the idle collector
        (see :mod:`search.runtime`): the collector, off while the app starts when launched
        from the command line, is on again, with full passes kept for quiet moments.
        """
        if self._listing_started:
            return
        self._listing_started = True
        self.collector.start()
        self.set_interval(QUIET_SECONDS / 2, self.collector.collect_if_quiet)
        self.briefing_desk.open_latest()

    def watch_briefing(self, briefing: Briefing | None) -> None:
        self.briefing_desk.resolve()
        corpus = literal(self.corpus.name, one_line=True)
        if briefing is None:
            self.sub_title = corpus
        else:
            self.sub_title = f"{corpus} · briefing: {literal(briefing.title, one_line=True)}"

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown)):
            self.collector.input_seen()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.collector.stop()

    def get_default_screen(self) -> Screen:
        from tui.screens.main import MainScreen

        return MainScreen()

    async def action_quit(self) -> None:
        """Quit; while notes are not saved, ask first (save elsewhere, discard, or stay).

        Saved elsewhere, the app's return value is the briefing file they went to.
        """
        from tui.briefing_desk import recovery_dir
        from tui.screens.quit_confirm import QuitConfirmScreen

        if isinstance(self.screen, QuitConfirmScreen):
            return
        desk = self.briefing_desk
        await desk.settle(timeout=SAVE_WAIT_SECONDS)
        at_risk = desk.at_risk()
        if not at_risk:
            self.exit()
            return

        def answered(answer) -> None:
            what, path = answer
            if what == "discard":
                self.exit()
            elif what == "saved":
                self.exit(result=path)  # the command line says where they are

        self.push_screen(
            QuitConfirmScreen(len(at_risk), recovery_dir(), desk.save_elsewhere), answered
        )

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_screen(self.screen, self.notes_dir, self.corpus))


def make_app(
    corpus: Path, *, notes_dir: Path | str | None = None, service: SearchService | None = None
) -> BriefingApp:
    """The app over ``corpus``.

    Args:
        corpus: the folder of documents to index and read.
        notes_dir: where briefings are kept (default: the user data dir).
        service: a search service to use instead of opening the corpus's own index.

    Returns:
        The app, ready to ``run()`` or ``run_test()``.
    """
    return BriefingApp(
        Path(corpus), notes_dir=Path(notes_dir) if notes_dir else None, service=service
    )
