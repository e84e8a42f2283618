"""The query box of the search view."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class QueryInput(Input):
    """The query box. A "/" typed into it while it is empty is the search key, not text.

    Its own keys (up, down, escape, backspace in an empty box) are handed to ``box_keys``
    as they come, in order with the letters: a key can move the keyboard out of the box,
    and the keys typed behind it then go where it went (Down then T opens the timeline
    of the results, not a T in the query).
    """

    # Input sets its virtual size to the text's width on every key, and a virtual size
    # change lays out the whole screen (about 5 ms a key here). The box has no scrollbars:
    # its own scrolling needs the size, not a layout.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, box_keys: Callable[[str], bool], **kwargs) -> None:
        super().__init__(**kwargs)
        self._box_keys = box_keys

    async def _on_key(self, event: events.Key) -> None:
        if (focused := self.screen.focused) is not None and focused is not self:
            # Typed ahead, queued here before a key before it moved the keyboard.
            event.stop()
            event.prevent_default()
            focused._forward_event(events.Key(event.key, event.character))
        elif (event.character == "/" and not self.value) or self._box_keys(event.key):
            event.stop()
            event.prevent_default()
