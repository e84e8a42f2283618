"""What the correction keys act on in a reading pane.

Marking takes the mouse selection when it lies in the article (Textual 8 selects text
in ``Static`` widgets such as paragraphs), else the current match (``n``/``N`` or a find
kept with Enter). Ignoring takes the entity under the cursor of the entity panel when it
has focus, else the entity at the current match, else the one whose text is selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.entities.styles import entity_at

if TYPE_CHECKING:
    from tui.widgets.reading.pane import ReadingPane


def selected_text(pane: ReadingPane) -> str:
    """The mouse selection in the pane's paragraphs, on one line ("" if none there)."""
    from tui.widgets.reading.paragraph import Paragraph

    selections = pane.screen.selections
    if selections and all(
        isinstance(widget, Paragraph) and pane in widget.ancestors for widget in selections
    ):
        return " ".join((pane.screen.get_selected_text() or "").split())
    return ""


def _current(pane: ReadingPane) -> tuple[int, int] | None:
    current = pane.layer("current")
    return (current[0][0], current[0][1]) if current else None


def mark_target(pane: ReadingPane) -> str:
    """The text to mark as an entity ("" when nothing is selected or matched)."""
    text = selected_text(pane)
    if not text and (marked := _current(pane)):
        text = " ".join(pane.article.body[marked[0] : marked[1]].split())
    return text


def ignore_target(pane: ReadingPane) -> str | None:
    """The canonical name of the entity to ignore, or None when there is none at hand."""
    panel = pane.entity_panel
    if panel.entity_list.has_focus and (chosen := panel.highlighted):
        return chosen[0]
    if (marked := _current(pane)) and (span := entity_at(pane.entities, *marked)):
        return span.canonical
    if text := selected_text(pane).casefold():
        for span in pane.entities:
            if text in (span.text.casefold(), span.canonical.casefold()):
                return span.canonical
    return None
