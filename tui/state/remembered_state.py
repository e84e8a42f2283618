"""What the app remembers between launches, read from and written to the state file.

Settings that belong to the user (theme, reading width) are kept once; what belongs to a
corpus (open tabs, last query, scroll positions, read and starred articles, search
history, saved searches) is kept per corpus folder. Values of the wrong shape in a
hand-edited file are ignored one by one, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.state.file import State, StateFile

HISTORY_LIMIT = 100
# Articles remembered per saved search, to tell which hits are new since its last run.
SEEN_LIMIT = 5000


@dataclass(frozen=True)
class SavedSearch:
    """A query kept under a name, with the articles it found when last run."""

    name: str
    query: str
    seen: frozenset[str] = field(default_factory=frozenset)

    def new_among(self, article_ids: list[str]) -> int:
        """How many of ``article_ids`` this search had not found before."""
        return sum(1 for article_id in article_ids if article_id not in self.seen)


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str)]


def _keep_scrolls(corpus: State, offsets: dict[str, float]) -> None:
    kept = corpus.get("scroll")
    kept = kept if isinstance(kept, dict) else {}
    for key, value in offsets.items():
        # The top of an article is where it opens anyway: no entry needed for it.
        if value > 0:
            kept[key] = round(value, 1)
        else:
            kept.pop(key, None)
    corpus["scroll"] = kept


class RememberedState:
    """The state of the user and of one corpus.

    Args:
        corpus: the corpus folder (keyed by its absolute path).
        file: the state file; the default one in the config dir when None.
    """

    def __init__(self, corpus: Path, file: StateFile | None = None) -> None:
        self.file = file or StateFile()
        self._key = str(Path(corpus).resolve())
        self._state: State = self.file.read()

    @property
    def notice(self) -> str | None:
        """Why the state file was ignored or could not be saved, if it was."""
        return self.file.notice

    def reload(self) -> None:
        """Read the file again (another process may have changed it)."""
        self._state = self.file.read()

    # -- the user's settings ------------------------------------------------------------

    @property
    def theme(self) -> str | None:
        theme = self._state.get("theme")
        return theme if isinstance(theme, str) else None

    def set_theme(self, theme: str) -> None:
        self._set_global("theme", theme)

    @property
    def reading_width(self) -> int | None:
        width = self._state.get("reading_width")
        return width if isinstance(width, int) and not isinstance(width, bool) else None

    def set_reading_width(self, width: int) -> None:
        self._set_global("reading_width", width)

    # -- the corpus's state -------------------------------------------------------------

    @property
    def tabs(self) -> list[str]:
        """Ids of the articles open in tabs, in tab order."""
        return _strings(self._corpus().get("tabs"))

    @property
    def active_tab(self) -> str | None:
        active = self._corpus().get("active_tab")
        return active if isinstance(active, str) else None

    def set_tabs(
        self, tabs: list[str], active: str | None, scrolls: dict[str, float] | None = None
    ) -> None:
        """Remember the open tabs, the one in front and (in the same write) scroll offsets."""

        def edit(corpus: State) -> None:
            corpus["tabs"] = list(tabs)
            corpus["active_tab"] = active
            if scrolls:
                _keep_scrolls(corpus, scrolls)

        self._change_corpus(edit)

    @property
    def query(self) -> str:
        query = self._corpus().get("query")
        return query if isinstance(query, str) else ""

    def set_query(self, query: str) -> None:
        self._change_corpus(lambda corpus: corpus.__setitem__("query", query))

    def scroll(self, article_id: str) -> float:
        """Where the article was scrolled to when last read (0 when never)."""
        offsets = self._corpus().get("scroll")
        offset = offsets.get(article_id) if isinstance(offsets, dict) else None
        return float(offset) if isinstance(offset, int | float) else 0.0

    def set_scrolls(self, offsets: dict[str, float]) -> None:
        """Remember the scroll offsets of these articles (others stay as they were)."""
        self._change_corpus(lambda corpus: _keep_scrolls(corpus, offsets))

    @property
    def read(self) -> frozenset[str]:
        return frozenset(_strings(self._corpus().get("read")))

    def mark_read(self, article_id: str, read: bool = True) -> None:
        self._change_set("read", article_id, read)

    @property
    def starred(self) -> frozenset[str]:
        return frozenset(_strings(self._corpus().get("starred")))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._change_set("starred", article_id, starred)

    @property
    def history(self) -> list[str]:
        """Queries run, oldest first."""
        return _strings(self._corpus().get("history"))

    def add_history(self, query: str) -> None:
        """Remember ``query`` as the newest (a repeat moves to the end)."""
        if not query.strip():
            return

        def edit(corpus: State) -> None:
            history = [item for item in _strings(corpus.get("history")) if item != query]
            corpus["history"] = [*history, query][-HISTORY_LIMIT:]

        self._change_corpus(edit)

    @property
    def saved_searches(self) -> list[SavedSearch]:
        """The saved searches, by name."""
        saved = self._corpus().get("saved")
        if not isinstance(saved, dict):
            return []
        searches = []
        for name, data in saved.items():
            if isinstance(data, dict) and isinstance(data.get("query"), str):
                seen = frozenset(_strings(data.get("seen")))
                searches.append(SavedSearch(name, data["query"], seen))
        return sorted(searches, key=lambda search: search.name.casefold())

    def saved_search(self, name: str) -> SavedSearch | None:
        for search in self.saved_searches:
            if search.name == name:
                return search
        return None

    def save_search(self, name: str, query: str, seen: list[str]) -> None:
        """Keep ``query`` under ``name`` (replacing one of that name), with its hits."""
        self._change_saved(name, {"query": query, "seen": seen[:SEEN_LIMIT]})

    def mark_seen(self, name: str, seen: list[str]) -> None:
        """Record the hits of a saved search's latest run, so none of them is new."""
        search = self.saved_search(name)
        if search is not None:
            self.save_search(name, search.query, seen)

    def delete_search(self, name: str) -> None:
        self._change_saved(name, None)

    # -- reading and writing ------------------------------------------------------------

    def _corpus(self) -> State:
        corpora = self._state.get("corpora")
        corpus = corpora.get(self._key) if isinstance(corpora, dict) else None
        return corpus if isinstance(corpus, dict) else {}

    def _set_global(self, key: str, value: Any) -> None:
        self._change(lambda state: state.__setitem__(key, value))

    def _change_corpus(self, edit) -> None:
        def change(state: State) -> None:
            corpora = state.get("corpora")
            if not isinstance(corpora, dict):
                corpora = state["corpora"] = {}
            corpus = corpora.get(self._key)
            if not isinstance(corpus, dict):
                corpus = corpora[self._key] = {}
            edit(corpus)

        self._change(change)

    def _change_set(self, key: str, article_id: str, present: bool) -> None:
        def edit(corpus: State) -> None:
            ids = _strings(corpus.get(key))
            if present and article_id not in ids:
                ids.append(article_id)
            elif not present:
                ids = [item for item in ids if item != article_id]
            corpus[key] = ids

        self._change_corpus(edit)

    def _change_saved(self, name: str, data: State | None) -> None:
        def edit(corpus: State) -> None:
            saved = corpus.get("saved")
            if not isinstance(saved, dict):
                saved = corpus["saved"] = {}
            if data is None:
                saved.pop(name, None)
            else:
                saved[name] = data

        self._change_corpus(edit)

    def _change(self, change) -> None:
        """Write ``change`` through the file, then keep what the file now holds."""
        result: list[State] = []

        def edit(state: State) -> None:
            change(state)
            result.append(state)

        if self.file.change(edit):
            self._state = result[0]
        else:
            change(self._state)  # unsaved, but the running app still behaves as asked
