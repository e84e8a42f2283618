"""Objects the screens own to do their work, each given what it needs when it is made.

A screen routes a message or a key to one of them in a line; they run the background
work (see :mod:`tui.background`) and update the widgets they were handed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.widgets.reading.pane import ReadingPane

# Opens (or shows) an article by id, then calls the second argument with its reading pane.
ArticleOpener = Callable[[str, "Callable[[ReadingPane], object] | None"], None]
