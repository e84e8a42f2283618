"""Counts in words: "1 note", "2 notes"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is one.

    Args:
        count: how many.
        noun: the singular ("note").
        plural: the plural when it is not the noun plus "s" ("matches").
    """
    if count == 1:
        return f"1 {noun}"
    return f"{count} {plural or noun + 's'}"
