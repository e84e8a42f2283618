"""The keys briefing itself defines, as the palette and the help screen list them.

Textual's widgets bring generic keys of their own (scroll up, page left, move the cursor
a word): every terminal user knows them, and listed first they bury the commands that
matter. Only bindings declared by briefing's own screens and widgets are offered.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from textual.binding import Binding
from textual.screen import ActiveBinding, Screen


@cache
def _declared_actions(widget_type: type) -> frozenset[str]:
    """Actions bound in the BINDINGS of ``widget_type``'s own (briefing) classes."""
    actions = set()
    for cls in widget_type.__mro__:
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            actions.add(binding.action if isinstance(binding, Binding) else binding[1])
    return frozenset(actions)


def own_bindings(screen: Screen) -> Iterator[ActiveBinding]:
    """The active, described bindings on ``screen`` that briefing declares."""
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        if binding.action in _declared_actions(type(active.node)):
            yield active
