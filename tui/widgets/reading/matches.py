"""MatchWalk: what ``n``/``N`` walk in a reading pane, where they are, and the status line.

No Textual here. While a find is active the walk is over its matches, else over the
query's hits; typing a new find starts the walk again from nothing.
"""

from __future__ import annotations

from tui.plural import counted
from tui.widgets.reading.layers import SpanLayers
from tui.widgets.reading.spans import Range


class MatchWalk:
    """A walk over the ``find`` or ``hits`` layer of an article.

    Args:
        layers: the article's span layers, where the find matches and hits are kept.
    """

    def __init__(self, layers: SpanLayers) -> None:
        self._layers = layers
        self.find_text = ""
        # The match shown as current, by position in ``matches`` (None: none yet).
        self.index: int | None = None

    @property
    def matches(self) -> list[Range]:
        """Find matches while a find is active, else query hits."""
        return [(a, b) for a, b, *_ in self._layers.get("find" if self.find_text else "hits")]

    def step(self, step: int) -> Range | None:
        """Go ``step`` matches on (negative: back), round the ends; the match, if any."""
        matches = self.matches
        if not matches:
            return None
        if self.index is None:
            self.index = 0 if step > 0 else len(matches) - 1
        else:
            self.index = (self.index + step) % len(matches)
        return matches[self.index]

    def status(self) -> str:
        """The status line's text for the walk (e.g. ``hit 3 of 12 · n next · N previous``)."""
        matches, find = self.matches, self.find_text
        if not matches:
            return f"No matches for “{find}”" if find else "f find · r related"
        if self.index is None:
            found = (
                counted(len(matches), "match", "matches") if find else counted(len(matches), "hit")
            )
            return f"{found} · n next · N previous · f find · r related"
        kind = f"find “{find}”" if find else "hit"
        return f"{kind} {self.index + 1} of {len(matches)} · n next · N previous"
