"""SpanLayers: the highlighted spans of one article, as named layers, and how they look.

The one place where spans become styles. Each layer is a list of body offsets: entities
(each range may carry its own style, e.g. a colour per type), query hits, find matches,
the current match, quote marks and the reading cursor. They are painted per paragraph
in a fixed order, later layers over earlier ones (``LAYER_ORDER``), so replacing one
layer tells the pane which paragraphs to redraw and no others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from tui.literal import content
from tui.widgets.reading.spans import Range, StyledRange, clip, paragraphs_touched

LAYER_ORDER = ("entities", "hits", "find", "current", "quote", "cursor")
# Every style also changes the text's weight or decoration: colour is never the only signal.
LAYER_STYLES = {
    "entities": "underline",
    "hits": "bold underline on $warning-muted",
    "find": "bold underline on $accent-muted",
    "current": "bold underline reverse",
    "quote": "italic on $success-muted",
    "cursor": "bold underline on $primary-muted",
}


class SpanLayers:
    """The layers of spans over one article body.

    Args:
        body: the article body.
        paragraphs: its paragraphs' ``(start, end)`` body offsets.
        layers: the layers to start with, by name.
    """

    def __init__(
        self,
        body: str,
        paragraphs: Sequence[Range],
        layers: Mapping[str, Sequence[Range | StyledRange]],
    ) -> None:
        self._body = body
        self._paragraphs = list(paragraphs)
        self._layers = {name: list(ranges) for name, ranges in layers.items()}

    def set(self, name: str, ranges: Sequence[Range | StyledRange]) -> set[int]:
        """Replace one layer.

        Args:
            name: a name in ``LAYER_ORDER``.
            ranges: ``(start, end)`` or ``(start, end, style)`` body offsets, sorted by
                start; a range without a style gets the layer's (``LAYER_STYLES``).

        Returns:
            The indices of the paragraphs the layer touched or touches, to redraw.
        """
        old = self._layers.get(name, [])
        self._layers[name] = list(ranges)
        return paragraphs_touched(self._paragraphs, [*old, *ranges])

    def get(self, name: str) -> list[Range | StyledRange]:
        """The ranges of one layer, in body offsets."""
        return list(self._layers.get(name, []))

    def content(self, start: int, end: int) -> Content:
        """The text of body ``start``..``end`` with every layer's spans styled."""
        shown = content(self._body[start:end])
        for layer in LAYER_ORDER:
            for span in clip(self._layers.get(layer, []), start, end):
                style = span[2] if len(span) > 2 else LAYER_STYLES[layer]
                shown = shown.stylize(style, span[0], span[1])
        return shown
