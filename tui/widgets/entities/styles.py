"""How each entity type is drawn, and entity spans turned into styled ranges.

Every type has a theme colour (``$variables``, so light and dark themes both work) and a
text style of its own (bold, underline, italic or a mix), so the types still read apart
without colour. Query hits add a background and bold underline on top (the pane paints
hits over entities), so a hit inside a name stays visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from search.models import ENTITY_TYPES
from search.models.articles import EntitySpan

ENTITY_STYLES = {
    "PERSON": "bold $text-primary",
    "ORG": "underline $text-secondary",
    "PLACE": "italic $text-success",
    "DATE": "italic underline $text-warning",
    "MONEY": "bold italic $text-error",
}
# Short names for the legend, plural headings for the panel.
TYPE_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "PLACE": "Place",
    "DATE": "Date",
    "MONEY": "Money",
}
TYPE_HEADINGS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "DATE": "Dates",
    "MONEY": "Amounts",
}


def text_style(entity_type: str) -> str:
    """The type's style without its colour, for rows of a list.

    A list draws its cursor row in its own colours; a fixed colour on top of them
    would be unreadable in one theme or another, so lists keep only bold, italic and
    underline.
    """
    style = ENTITY_STYLES.get(entity_type, "")
    return " ".join(word for word in style.split() if not word.startswith("$"))


def entity_ranges(entity_spans: Iterable[EntitySpan]) -> list[tuple[int, int, str]]:
    """The pane's ``entities`` layer: one styled range per mention, sorted by start.

    Args:
        entity_spans: the article's entity mentions.

    Returns:
        ``(start, end, style)`` body offsets.
    """
    return sorted(
        (span.start, span.end, ENTITY_STYLES.get(span.type, "underline"))
        for span in entity_spans
        if span.end > span.start
    )


def grouped(entity_spans: Iterable[EntitySpan]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Entities by type, each with its number of mentions, most mentioned first.

    Args:
        entity_spans: the article's entity mentions.

    Returns:
        ``(type, [(canonical, count), ...])`` in ``ENTITY_TYPES`` order, empty types left out.
    """
    counts = Counter((span.type, span.canonical) for span in entity_spans)
    groups = []
    for entity_type in ENTITY_TYPES:
        names = [(name, n) for (kind, name), n in counts.items() if kind == entity_type]
        if names:
            groups.append((entity_type, sorted(names, key=lambda item: (-item[1], item[0]))))
    return groups


def entity_at(entity_spans: Sequence[EntitySpan], start: int, end: int) -> EntitySpan | None:
    """The first entity mention overlapping body ``start``..``end`` (a match, a selection)."""
    for span in entity_spans:
        if span.start < max(end, start + 1) and span.end > start:
            return span
    return None
