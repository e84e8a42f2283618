"""Whole words for a mouse selection: ``widen_to_words`` moves a cut made mid-word out to
the word's edges, so a drag that stops at "oil firm Rosne" quotes "oil firm Rosneft".

Pure functions with no Textual. A word is a run of letters and digits, joined across
single apostrophes and hyphens that have a letter or digit on both sides ("Rosneft's",
"state-owned", "2019-2020"). Only a cut that falls inside a word moves; an end already
at white space or punctuation stays where it is, so widening never adds a full stop, a
comma, a quotation mark or a space to what was selected.
"""

from __future__ import annotations

from tui.widgets.reading.spans import Range

JOINERS = frozenset("'’-‐‑")


def _in_word(text: str, index: int) -> bool:
    """Whether ``text[index]`` belongs to a word (a joiner only between two word characters)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char.isalnum():
        return True
    return (
        char in JOINERS
        and 0 < index < len(text) - 1
        and text[index - 1].isalnum()
        and text[index + 1].isalnum()
    )


def widen_to_words(text: str, start: int, end: int) -> Range:
    """``start``..``end`` of ``text`` widened so that neither end cuts a word in two.

    Args:
        text: the text the offsets point into (an article body).
        start: where the selection starts.
        end: where it ends (exclusive); an empty or reversed range is returned as given.

    Returns:
        The widened ``(start, end)``.
    """
    if start >= end:
        return start, end
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    return start, end
