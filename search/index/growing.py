"""When a long update commits: after a small first run of files, then after runs that double.

Until an update commits, searches see none of its work. A first build of a new folder
therefore commits early (after :data:`FIRST_RUN_FILES` files, a second or two of
reading) so the first search answers within seconds, and then after runs that double
in size, so that a 100,000-file build commits about eight times and the commits (each
rewrites the list of indexed files) add little to its time. A run is never longer than
:data:`LONGEST_RUN_FILES`: each run is written as its own segments, and the work of
writing a segment grows with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

FIRST_RUN_FILES = 500
LONGEST_RUN_FILES = 32_000


def growing_runs(
    items: Sequence[T], first: int | None = None, longest: int | None = None
) -> list[list[T]]:
    """Split ``items`` into consecutive runs of ``first``, then twice as many each time.

    Args:
        items: The files of an update, in order.
        first: How many the first run holds (default :data:`FIRST_RUN_FILES`).
        longest: How many a run holds at most (default :data:`LONGEST_RUN_FILES`).

    Returns:
        Non-empty runs which, joined, give ``items`` back in order.
    """
    first = FIRST_RUN_FILES if first is None else first
    longest = LONGEST_RUN_FILES if longest is None else longest
    runs, start, size = [], 0, max(1, first)
    while start < len(items):
        runs.append(list(items[start : start + size]))
        start += size
        size = min(size * 2, max(longest, first))
    return runs
