"""Which alphabet a word is written in, told from its first letter that says so."""

from __future__ import annotations

LATIN = "latin"
CYRILLIC = "cyrillic"
ARMENIAN = "armenian"


def script_of(word: str) -> str:
    """The alphabet of a word: ``cyrillic``, ``armenian`` or ``latin`` (also for digits
    and every other alphabet, which are only lower-cased).

    Args:
        word: A word as the tokenizer cut it.

    Returns:
        One of :data:`LATIN`, :data:`CYRILLIC`, :data:`ARMENIAN`.
    """
    if word.isascii():
        return LATIN
    for char in word:
        code = ord(char)
        if 0x0400 <= code <= 0x052F:
            return CYRILLIC
        if 0x0530 <= code <= 0x058F or 0xFB13 <= code <= 0xFB17:
            return ARMENIAN
    return LATIN
