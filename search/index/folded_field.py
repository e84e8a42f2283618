"""The folded spellings of an article's words, indexed beside the words themselves.

``body_folded`` holds, for each word whose folded form
(:func:`search.language.folding.fold`) is not just the word in lower case, that form,
with the word's character offsets in the body: a search for ``Алиев`` finds ``Aliyev``
here, and the snippet and the reading pane mark the word as the article writes it. Only
the words that fold differently are kept, so an English article adds few postings; in
Cyrillic and Armenian only capitalised words (names) are folded, since nobody spells a
Russian verb in Latin letters to find it.

An ASCII text can only fold differently where a word holds ``yev`` or is one of the
name variants, so it is searched for those with one regular expression instead of
being cut into words, and only when it holds one of them at all. So can a text whose
only other characters are not letters or digits (an English article with a pound sign
or a curly quote): all its words are ASCII, and one holding neither is skipped whole.
Any other text is cut into words once, and again with their offsets only when one of
its distinct words folds differently. Positions are the
order of the folded words, not of all words: the field answers single words, not
phrases.
"""

from __future__ import annotations

import re

from whoosh import fields

from search.index.postings_format import PackedCharacters, pack_occurrences
from search.index.stemmed_field import WORDS
from search.language.folding import NAME_VARIANTS, fold
from search.language.scripts import LATIN, script_of
from search.language.stemming import STOP_WORDS_ALL

KEY_CACHE_SIZE = 100_000

_ASCII_CANDIDATES = re.compile(
    r"\b\w*yev\w*\b|\b(?:" + "|".join(sorted(NAME_VARIANTS)) + r")\b", re.IGNORECASE
)
# What an ASCII candidate holds: a text without any of these has none.
_ASCII_PARTS = ("yev", *(name.lower() for name in NAME_VARIANTS))
# A character outside ASCII that a word can hold (what ``\w`` matches, less ASCII).
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_keys: dict[str, str] = {}


def folded_key(word: str) -> str:
    """The term a word adds to the folded field, or "" when it adds none.

    Args:
        word: A word as the tokenizer cut it (case kept: it tells a name).

    Returns:
        Its folded form when that differs from the word in lower case (and, outside the
        Latin alphabet, the word is capitalised).
    """
    lower = word.lower()
    if len(lower) < 2 or lower in STOP_WORDS_ALL:
        return ""
    if script_of(lower) != LATIN and not word[0].isupper():
        return ""
    folded = fold(word)
    return folded if folded != lower else ""


def folded_occurrences(text: str) -> dict[str, list[int]]:
    """Each folded term of a text with its occurrences: position, start and end char.

    Args:
        text: The field value.

    Returns:
        Folded term -> three numbers per occurrence, in text order.
    """
    found: dict[str, list[int]] = {}
    keys = _keys
    ascii_text = text.isascii()
    if ascii_text or not _NON_ASCII_WORD_CHAR.search(text):
        # Every word is ASCII: a word's lowered letters are in the lowered text.
        lower = text.lower()
        if not any(part in lower for part in _ASCII_PARTS):
            return found  # most English texts: no word can fold differently
    if ascii_text:
        matches = _ASCII_CANDIDATES
    else:
        if not _any_folds(WORDS.findall(text)):
            return found
        matches = WORDS
    position = 0
    for match in matches.finditer(text):
        word = match.group()
        key = keys.get(word)
        if key is None:
            if len(keys) >= KEY_CACHE_SIZE:
                keys.clear()
            key = keys[word] = folded_key(word)
        if key:
            places = found.get(key)
            if places is None:
                found[key] = [position, match.start(), match.end()]
            else:
                places += (position, match.start(), match.end())
            position += 1
    return found


def _any_folds(words: list[str]) -> bool:
    """Whether any of ``words`` adds a folded term (each distinct word's key computed
    once and kept)."""
    keys = _keys
    distinct = set(words)
    new = distinct.difference(keys)
    if len(keys) + len(new) > KEY_CACHE_SIZE:
        keys.clear()
        new = distinct
    for word in new:
        keys[word] = folded_key(word)
    return any(map(keys.__getitem__, distinct))


class FoldedText(fields.TEXT):
    """The folded words of a text, with character offsets, never stored."""

    def __init__(self) -> None:
        super().__init__(phrase=True, chars=True)
        self.format = PackedCharacters(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        if not isinstance(value, str) or kwargs:
            return super().index(value, **kwargs)
        return [
            (term.encode("utf-8"), len(flat) // 3, float(len(flat) // 3), pack_occurrences(flat))
            for term, flat in folded_occurrences(value).items()
        ]
