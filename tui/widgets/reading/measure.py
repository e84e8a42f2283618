"""The reading column's measure: how many characters wide an article's text is set.

Lines of 196 characters on a wide terminal are hard to follow from the end of one to the
start of the next; about 100 reads comfortably. The user picks among a few widths, and
the whole width is one of them. Kept apart from the widgets so the app can read the
setting without loading them.
"""

from __future__ import annotations

# The widths offered, in turn (0: the whole width of the pane), and the one to start with.
READING_WIDTHS = (80, 100, 120, 0)
DEFAULT_MEASURE = 100


def next_width(width: int) -> int:
    """The width after ``width`` in ``READING_WIDTHS`` (the default's next for any other)."""
    now = width if width in READING_WIDTHS else DEFAULT_MEASURE
    return READING_WIDTHS[(READING_WIDTHS.index(now) + 1) % len(READING_WIDTHS)]


def measure_class(width: int) -> str:
    """The CSS class of the reading body that sets its text ``width`` characters wide."""
    return f"-measure-{width}" if width else "-measure-full"
