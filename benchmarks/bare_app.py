"""The start-up baseline: a bare Textual app with a Header, an Input, a ListView and a Footer.

``bench_startup.py`` launches it the same way as ``briefing`` and times how long each takes
to show its list. It lists the lines of a text file (the article titles of the corpus, so
both apps put the same number of items on screen) and quits on ``q``.

Usage: ``python benchmarks/bare_app.py TITLES.txt``
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Label, ListItem, ListView


class BareApp(App[None]):
    """Header, search input, a list of titles and a Footer; nothing else."""

    BINDINGS = [("q", "quit", "Quit"), ("slash", "focus_search", "Search")]

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search")
        # markup=False: titles are document text, shown literally.
        yield ListView(*(ListItem(Label(title, markup=False)) for title in self.titles))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ListView).focus()

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()


def main() -> None:
    titles = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    BareApp([title for title in titles if title.strip()]).run()


if __name__ == "__main__":
    main()
