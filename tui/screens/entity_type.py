"""EntityTypeScreen: a small modal asking which type a marked name is.

Dismissed with the chosen type (``PERSON``, ``ORG``, ``PLACE``, ``DATE`` or ``MONEY``), or
None on Escape. The name is document text and is shown literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search.models import ENTITY_TYPES
from tui.literal import content
from tui.widgets.entities.styles import TYPE_NAMES, text_style

# A letter per type, so the choice is one key.
TYPE_KEYS = {"PERSON": "p", "ORG": "o", "PLACE": "l", "DATE": "d", "MONEY": "m"}


class EntityTypeScreen(ModalScreen[str | None]):
    """Pick the type for ``name``: arrows and Enter, or the type's letter."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        *(
            Binding(key, f"pick('{entity_type}')", TYPE_NAMES[entity_type], show=False)
            for entity_type, key in TYPE_KEYS.items()
        ),
    ]
    DEFAULT_CSS = """
    EntityTypeScreen {
        align: center middle;
        #entity-type {
            width: 50;
            height: auto;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
        #entity-type-name { margin: 0 0 1 0; }
        OptionList { height: auto; border: none; }
    }
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.entity_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-type") as box:
            box.border_title = "Mark as entity"
            yield Static(
                Content.assemble(
                    Content("Mark “"),
                    content(self.entity_name, "bold", one_line=True),
                    Content("” as:"),
                ),
                id="entity-type-name",
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            Content(f"{TYPE_KEYS[t]}  ").stylize("bold"),
                            Content(TYPE_NAMES[t]).stylize(text_style(t)),
                        ),
                        id=t,
                    )
                    for t in ENTITY_TYPES
                ),
                markup=False,
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, entity_type: str) -> None:
        self.dismiss(entity_type)
