"""Where two wordings of a passage differ, word by word, for showing them side by side."""

from __future__ import annotations

import difflib
import re

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_changes(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The character ranges of ``old`` that were removed and of ``new`` that were added.

    Words are compared whole, so a changed word is marked whole in both texts; runs of
    whitespace count as separators only.

    Returns:
        ``(removed, added)``: ranges into ``old`` and into ``new``.
    """
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [t for t, _, _ in old_tokens], [t for t, _, _ in new_tokens], autojunk=False
    )
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed += _ranges(old_tokens[i1:i2])
        added += _ranges(new_tokens[j1:j2])
    return removed, added


def _tokens(text: str) -> list[tuple[str, int, int]]:
    # Whitespace compares equal to any whitespace: a re-wrapped line is not a change.
    return [
        (" " if m.group().isspace() else m.group(), m.start(), m.end())
        for m in _TOKENS.finditer(text)
    ]


def _ranges(tokens: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    words = [(start, end) for text, start, end in tokens if text != " "]
    return [(words[0][0], words[-1][1])] if words else []
