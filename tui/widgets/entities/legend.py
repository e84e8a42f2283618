"""EntityLegend: one line under the article saying which style marks which entity type."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from search.models import ENTITY_TYPES
from tui.widgets.entities.styles import ENTITY_STYLES, TYPE_NAMES


def legend_content(hit_style: str) -> Content:
    """Each type's name drawn in its own style, then a query hit, then the keys.

    Args:
        hit_style: how the pane draws query hits, shown last for comparison.

    Returns:
        The legend line.
    """
    parts = [Content("Entities: ").stylize("$text-muted")]
    for entity_type in ENTITY_TYPES:
        parts += [
            Content(TYPE_NAMES[entity_type]).stylize(ENTITY_STYLES[entity_type]),
            Content("  "),
        ]
    parts += [
        Content("· "),
        Content("query hit").stylize(hit_style),
        Content("  · e E").stylize("$text-muted"),
    ]
    return Content.assemble(*parts)


class EntityLegend(Static):
    """The legend, shown while entities are highlighted."""

    DEFAULT_CSS = """
    EntityLegend { height: 1; padding: 0 2; background: $panel; }
    EntityLegend.-off { display: none; }
    """

    def __init__(self, hit_style: str, **kwargs) -> None:
        super().__init__(legend_content(hit_style), **kwargs)
