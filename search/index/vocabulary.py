"""The corpus's words, unstemmed, with how many articles use each: the source of "did you mean".

Kept as a JSON file beside the index rather than as an unstemmed Whoosh field: such a
field doubled the index's vocabulary and made builds about 2.5 times slower. The
indexer adds an article's words when it indexes it and takes away the words of the
version it replaces or removes, so the counts stay exact. Suggestions are the known
words within two edits of the unknown one (rapidfuzz), the most used first.

The few words that may be spelt otherwise (outside ASCII, or a name variant such as
``aliyev``) are also written apart, so that a search finding a word's other spellings
reads a short list rather than the whole vocabulary (:mod:`search.query.other_spellings`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from search.index.metadata import BadMetadata, check_words, read_json
from search.language.folding import may_be_spelt_otherwise

VOCABULARY_NAME = "words.json"
SPELT_OTHERWISE_NAME = "words_spelt_otherwise.json"
MAX_EDITS = 2
_WORD = re.compile(r"[^\W\d_]{3,}")
# The same words of a text in plain ASCII, where lowering first changes no cut: a set of
# letters is checked several times faster than a Unicode category.
_ASCII_WORD = re.compile(r"[a-z]{3,}")


def words_of(text: str) -> set[str]:
    """The distinct lowercase words (letters only, three or more) of a text.

    Words are cut before they are lowered, and lowered as the index lowers them (not
    case-folded, which spells ``և`` as ``եւ``): ``İlham`` in lower case holds a
    combining dot, which would cut it in two.
    """
    if text.isascii():
        return set(_ASCII_WORD.findall(text.lower()))
    return {word.lower() for word in set(_WORD.findall(text))}


class Vocabulary:
    """Article counts per word."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()
        self._choices: list[str] | None = None

    def __contains__(self, word: str) -> bool:
        return self.counts.get(word.lower(), 0) > 0

    def add(self, text: str) -> None:
        """Count the words of one article."""
        self.counts.update(words_of(text))
        self._choices = None

    def remove(self, text: str) -> None:
        """Stop counting the words of one article."""
        self.counts.subtract(words_of(text))
        for word in [w for w, n in self.counts.items() if n <= 0]:
            del self.counts[word]
        self._choices = None

    def correct(self, word: str) -> str | None:
        """The known word nearest to ``word`` (at most two edits), or None.

        Args:
            word: A word the corpus does not contain.

        Returns:
            The closest known word, the most used among equally close ones.
        """
        # rapidfuzz is imported on the first correction: indexing and start-up never need it.
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if self._choices is None:
            self._choices = list(self.counts)
        target = word.lower()
        matches = process.extract(
            target,
            self._choices,
            scorer=Levenshtein.distance,
            score_cutoff=MAX_EDITS,
            limit=20,
        )
        candidates = [(distance, -self.counts[w], w) for w, distance, _ in matches if w != target]
        return min(candidates)[2] if candidates else None


def load_vocabulary(folder: Path) -> Vocabulary | None:
    """The vocabulary stored in an index folder, or None when absent or unreadable."""
    try:
        return read_vocabulary(folder)
    except BadMetadata:
        return None


def read_vocabulary(folder: Path) -> Vocabulary:
    """The vocabulary stored in an index folder, checked word by word.

    Raises:
        BadMetadata: it is missing or not an object of words to whole counts.
    """
    counts = check_words(read_json(folder / VOCABULARY_NAME), VOCABULARY_NAME)
    return Vocabulary(Counter(counts))


def load_spelt_otherwise(folder: Path) -> dict[str, int] | None:
    """The counts of the vocabulary's words that may be spelt otherwise, or None when
    the list is absent (an index written before it) or unreadable."""
    try:
        return check_words(read_json(folder / SPELT_OTHERWISE_NAME), SPELT_OTHERWISE_NAME)
    except BadMetadata:
        return None


def stage_vocabulary(folder: Path, vocabulary: Vocabulary) -> list[tuple[Path, str]]:
    """Write the vocabulary, and apart its words that may be spelt otherwise, to
    temporary files beside their places; returns (temporary file, name) pairs."""
    counts = vocabulary.counts
    spelt_otherwise = {word: n for word, n in counts.items() if may_be_spelt_otherwise(word)}
    return [
        (_stage_json(folder / VOCABULARY_NAME, dict(counts)), VOCABULARY_NAME),
        (_stage_json(folder / SPELT_OTHERWISE_NAME, spelt_otherwise), SPELT_OTHERWISE_NAME),
    ]


def _stage_json(path: Path, counts: dict[str, int]) -> Path:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(counts, ensure_ascii=False), "utf-8")
    return temporary
