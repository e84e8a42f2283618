"""HelpScreen: every key of the view it was opened from, and where the user's data lives."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.literal import content
from tui.own_bindings import own_bindings

# Friendlier names for where a binding comes from.
_CONTEXTS = {
    "ReadingPane": "Reading an article",
    "ArticleBody": "Reading an article",
    "SearchView": "Search",
    "ResultsList": "Results list",
    "EntityList": "Entity panel",
    "MainScreen": "Everywhere",
    "NotesScreen": "Notes of the current briefing",
    "BriefingApp": "Everywhere",
}


def binding_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """``(context, keys, description)`` for every described binding active on ``screen``.

    Args:
        screen: the screen whose focused widget decides the context.

    Returns:
        Rows in order: most specific context first, keys of one action merged.
    """
    from textual.widgets import Input

    app = screen.app
    merged: dict[tuple[str, str], list[str]] = {}
    typing = isinstance(screen.focused, Input)
    for active in own_bindings(screen):
        binding = active.binding
        # A text box's own editing keys are the usual ones; one line says so below.
        if isinstance(active.node, Input):
            continue
        context = _CONTEXTS.get(type(active.node).__name__, type(active.node).__name__)
        keys = merged.setdefault((context, binding.description), [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    rows = [(context, " / ".join(keys), what) for (context, what), keys in merged.items()]
    if typing:
        rows.insert(0, ("Text box", "Enter", "Open the best hit (search) · first match (find)"))
        rows.insert(1, ("Text box", "ctrl+a/e/w/u/k", "Usual editing keys; Escape clears"))
    rows.append(("Everywhere", "tab / shift+tab", "Next / previous pane"))
    rows.append(("Everywhere", app.get_key_display(Binding("ctrl+p", "")), "Command palette"))
    order = list(dict.fromkeys(context for context, _, _ in rows))
    return sorted(rows, key=lambda row: order.index(row[0]))


def help_content(rows: list[tuple[str, str, str]], paths: list[tuple[str, str]]) -> Content:
    """The help text: a block of keys per context, then the data paths."""
    lines: list[Content] = []
    context = None
    for where, keys, what in rows:
        if where != context:
            if context is not None:
                lines.append(Content(""))
            lines.append(Content(where).stylize("bold underline $text-accent"))
            context = where
        lines.append(
            Content.assemble(
                Content(f"  {keys:<18} ").stylize("bold"), content(what, one_line=True)
            )
        )
    lines += [Content(""), Content("Your data").stylize("bold underline $text-accent")]
    for label, path in paths:
        lines.append(Content.assemble(Content(f"  {label:<18} "), content(path, one_line=True)))
    lines += [Content(""), Content("Escape, q or ? closes this help.").stylize("$text-muted")]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Keys of the current context, shown over it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help")]
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help {
            width: 80%;
            max-width: 90;
            height: 80%;
            border: round $accent;
            border-title-style: bold;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def __init__(self, text: Content) -> None:
        super().__init__()
        self._text = text

    @classmethod
    def for_screen(cls, screen: Screen, notes_dir: Path | None, corpus: Path) -> HelpScreen:
        """Help for whatever has focus on ``screen``."""
        from briefings.export import EXPORTS_FOLDER
        from briefings.paths import notes_dir as default_notes_dir
        from search.entities import corrections_path
        from search.locations import index_dir

        paths = [
            ("Corpus", str(corpus)),
            ("Index", str(index_dir(corpus))),
            ("Briefings", str(notes_dir or default_notes_dir())),
            ("Exports", str(default_notes_dir(notes_dir) / EXPORTS_FOLDER)),
            ("Entity corrections", str(corrections_path())),
            ("Current briefing", "the most recently updated one; ctrl+n, then b, to switch"),
        ]
        return cls(help_content(binding_rows(screen), paths))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            yield Static(self._text)

    def action_dismiss(self) -> None:
        self.dismiss(None)
