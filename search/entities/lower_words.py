"""The lower-case words of a text, looked up one by one instead of all collected.

A capitalised word is an English word when the text also writes it in lower case; an
article asks this of a few words only, so each is looked for when asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from string import ascii_lowercase

_LOWER = frozenset(ascii_lowercase)


class LowerWords:
    """The words a text writes in lower-case letters a-z: each run of them that opens a
    word, up to the first other character (the matches of ``\\b[a-z]+``)."""

    __slots__ = ("_found", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = _written(self._text, word)
        return found

    def isdisjoint(self, words: Iterable[str]) -> bool:
        return not any(word in self for word in words)


def _written(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` as one of its lower-case words."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    size = len(word)
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + size : at + size + 1]
        # a word character before it (as ``\b`` has it) or a letter a-z after it: inside
        # another word
        if not (before.isalnum() or before == "_") and after not in _LOWER:
            return True
        at = text.find(word, at + 1)
    return False
