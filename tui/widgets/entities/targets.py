"""What the correction keys act on in a reading pane, worked out from what the pane holds.

Marking takes the mouse selection when it lies in the article (Textual 8 selects text
in ``Static`` widgets such as paragraphs), else the current match (``n``/``N`` or a find
kept with Enter). Ignoring takes the entity under the cursor of the entity panel when it
has focus, else the entity at the current match, else the one whose text is selected.
Plain functions of the pane's state, so the pane hands them what they need.
"""

from __future__ import annotations

from collections.abc import Sequence

from search.models.articles import EntitySpan
from tui.widgets.entities.styles import entity_at


def mark_target(selected: str, body: str, current: tuple[int, int] | None) -> str:
    """The text to mark as an entity ("" when nothing is selected or matched).

    Args:
        selected: the mouse selection in the article, on one line ("" if none).
        body: the article's body.
        current: body offsets of the current match, if any.
    """
    if not selected and current is not None:
        return " ".join(body[current[0] : current[1]].split())
    return selected


def ignore_target(
    chosen: str | None,
    entities: Sequence[EntitySpan],
    current: tuple[int, int] | None,
    selected: str,
) -> str | None:
    """The canonical name of the entity to ignore, or None when there is none at hand.

    Args:
        chosen: the entity highlighted in the focused entity panel, if any.
        entities: the article's entity spans.
        current: body offsets of the current match, if any.
        selected: the mouse selection in the article, on one line ("" if none).
    """
    if chosen:
        return chosen
    if current is not None and (span := entity_at(entities, *current)):
        return span.canonical
    if text := selected.casefold():
        for span in entities:
            if text in (span.text.casefold(), span.canonical.casefold()):
                return span.canonical
    return None
