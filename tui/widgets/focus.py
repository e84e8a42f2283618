"""Moving the keyboard at once, for keys typed ahead."""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Put the keyboard in ``widget`` before the next key is handed out.

    ``Widget.focus`` waits until the messages already queued are handled, so a key typed
    right behind the one that moved the keyboard (Down then T, / then a word) would still
    reach the widget it left. ``widget`` must be shown already.
    """
    widget.screen.set_focus(widget)
