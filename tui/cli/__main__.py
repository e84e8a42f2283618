"""``python -m tui.cli``: the same as the ``briefing`` command."""

from tui.cli import console_main

console_main()
