"""Command palette provider: every keyed action of the current view, sorting, themes,
saved searches (with how many articles are new), and jump-to-article by title.

Commands are read from the screen's active bindings, so whatever a key does the palette
offers too. Article titles are document text: they are matched as plain substrings and
shown literally (Textual's fuzzy highlighter and help line parse their text as markup, so
help is passed as ``Content``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.literal import content
from tui.own_bindings import own_bindings

ARTICLE_LIMIT = 30
Command = tuple[str, str, Callable[[], object]]


def _titled_match(title: str, words: list[str]) -> tuple[float, Content] | None:
    """Score and highlighted entry when every word occurs in "Open: <title>", else None."""
    entry = f"Open: {title}"
    folded = entry.casefold()
    shown = content(entry, one_line=True)
    score = 1.0
    for word in words:
        at = folded.find(word)
        if at < 0:
            return None
        score -= at / (len(folded) + 1) / (len(words) + 1)
        shown = shown.stylize("bold underline", at, at + len(word))
    # A title the words mostly cover is more likely the one meant than a long one.
    covered = sum(len(word) for word in words) / len(folded)
    return max(score * (0.5 + 0.5 * covered), 0.01), shown


class BriefingCommands(Provider):
    """The app's own commands and the corpus's articles."""

    def _commands(self) -> Iterator[Command]:
        app = self.app
        screen = self.screen
        seen: set[str] = set()
        for active in own_bindings(screen):
            binding = active.binding
            if binding.description in seen:
                continue
            seen.add(binding.description)
            help_text = binding.tooltip or binding.description
            yield (
                binding.description,
                f"{help_text} (key: {app.get_key_display(binding)})",
                partial(app.run_action, binding.action, active.node),
            )
        for key in ("date", "title", "source"):
            yield (
                f"Sort articles by {key}",
                "Order the article list shown with an empty query",
                partial(app.run_action, f"sort('{key}')", screen),
            )
        yield (
            "Search",
            "Go to the search box (key: /)",
            partial(app.run_action, "focus_search", screen),
        )
        yield ("Help", "Every key of the current view (key: ? or F1)", app.action_help)
        yield (
            "Light theme",
            "Switch to the light theme",
            partial(setattr, app, "theme", "textual-light"),
        )
        yield (
            "Dark theme",
            "Switch to the dark theme",
            partial(setattr, app, "theme", "textual-dark"),
        )

    async def startup(self) -> None:
        from tui.screens.saved_searches import new_label

        # Saved searches are counted ("3 new") off the UI thread as the palette opens.
        searches = getattr(self.screen, "saved_searches", None)
        self._saved: list[Command] = []
        if searches is None:
            return
        try:
            entries = await asyncio.to_thread(searches.entries)
        except Exception:  # noqa: BLE001 - the palette opens without them rather than not at all
            return
        for entry in entries:
            new = f" ({new_label(entry.new)})" if entry.new is not None else ""
            self._saved.append(
                (
                    f"Saved search: {entry.name}{new}",
                    f"Search {entry.query} (key: F6 lists saved searches)",
                    partial(searches.run, entry.name),
                )
            )

    def _open(self, article_id: str) -> None:
        from tui.screens.main import MainScreen

        if isinstance(self.screen, MainScreen):
            self.screen.open_article(article_id)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=Content(help_text))
        for name, help_text, callback in self._saved:
            shown, help_shown = content(name, one_line=True), content(help_text, one_line=True)
            yield DiscoveryHit(shown, callback, text=name, help=help_shown)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(
                    score, matcher.highlight(name), callback, text=name, help=Content(help_text)
                )
        for name, help_text, callback in self._saved:
            # Names are the user's text: shown literally, not read as markup.
            if (score := matcher.match(name)) > 0:
                shown, help_shown = content(name, one_line=True), content(help_text, one_line=True)
                yield Hit(score, shown, callback, text=name, help=help_shown)
        words = [w for w in query.casefold().split() if w]
        if not words:
            return
        found = 0
        for article in getattr(self.app, "articles", []):
            match = _titled_match(article.title, words)
            if match is None:
                continue
            score, shown = match
            meta = " · ".join(p for p in (article.source, article.date) if p)
            yield Hit(
                score * 0.9,
                shown,
                partial(self._open, article.id),
                text=f"Open: {article.title}",
                help=content(meta, one_line=True) if meta else None,
            )
            found += 1
            if found >= ARTICLE_LIMIT:
                return
