"""The other spellings of a typed word that the corpus itself uses, found in its vocabulary.

The folded field (:mod:`search.index.folded_field`) lets a single body word find its
other spellings, but it holds no phrases and no titles, and it folds ``ş`` to ``sh``,
so ``gorusmeler`` typed without Turkish letters misses ``görüşmeler``. Here the
corpus's own words (:mod:`search.index.vocabulary`) give those spellings: each word
that can be written otherwise (one with a letter outside ASCII, or an ASCII name
variant such as ``Aliyev``) is kept under two keys, its folded form
(:func:`search.language.folding.fold`: ``Алиев``, ``Əliyev`` → ``aliev``) and its plain
form (:func:`plain`: accents and Turkic letters dropped, ``görüşmeler`` →
``gorusmeler``, ``Azərbaycan`` → ``azerbaycan``). A typed word sharing a key with
such words looks for them too, in the index terms their own stemmer gives them
(:func:`search.language.stemming.query_stems`), so a title, a phrase and an
ASCII-typed Turkish word meet the article's spelling.

A word typed in ASCII also meets the inflections of a Turkish or Azerbaijani word: the
Turkish stemmer cuts the typed word (``gorusmelerin`` → ``gorusme``), and the corpus's
Turkic words starting so whose Turkish stem is that in plain letters (``görüşme``) are
searched. The stemmer (pure Python, about 0.2 ms a word) runs only when a Turkic word
of the corpus starts as the typed word does, and never while the keys are made.

The keys are made once per vocabulary, at the first search that needs them: about
10 µs a Latin word outside ASCII or a Cyrillic or Armenian one (transliteration), and
nothing for the plain ASCII words that make most of an English corpus.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Mapping

from search.language.folding import fold, may_be_spelt_otherwise
from search.language.scripts import LATIN, script_of
from search.language.stemming import query_stems, turkic_stem

# Index terms one typed word adds for its other spellings, the most used words first.
MAX_OTHER_TERMS = 8
# Vocabulary words read for those terms (inflections of one word share a term).
MAX_OTHER_WORDS = 12
# An ASCII word is cut by the Turkish stemmer only when a Turkic word starts as it does.
MIN_STEM_CHARS = 3
# Typed words and stems remembered per vocabulary (a search as typed repeats its words).
MEMO_SIZE = 10_000

# The Turkic letters as a keyboard without them types them (``ə`` as ``e``, as
# Azerbaijani is most often typed; the folded key already reads it as ``a``).
_PLAIN_LETTERS = str.maketrans(
    {"ə": "e", "ş": "s", "ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ü": "u"}
)
_TURKIC_LETTERS = frozenset("çğıöşüə")


def plain(word: str) -> str:
    """A Latin word as typed on an English keyboard: ``Paşinyan`` → ``pasinyan``.

    Args:
        word: One word, in any case.

    Returns:
        The word in lower case with every accent and Turkic letter plain.
    """
    lower = word.lower().translate(_PLAIN_LETTERS)
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class OtherSpellings:
    """The corpus's words by spelling key, for one vocabulary.

    Args:
        counts: Unstemmed lower-case word -> number of articles using it, for every
            word that may be spelt otherwise at least (the whole vocabulary will do).
        uses: Whether the corpus uses a word at all (default: ``counts`` holds it),
            asked only of the keys of a typed word and of its other spellings, so a
            vocabulary too large to read at every search can be read on demand.
    """

    def __init__(
        self, counts: Mapping[str, int], uses: Callable[[str], bool] | None = None
    ) -> None:
        self._counts = counts
        self._uses = uses or (lambda word: counts.get(word, 0) > 0)
        by_key: dict[str, list[str]] = {}
        turkic: dict[str, list[str]] = {}
        for word in counts:
            if not may_be_spelt_otherwise(word):
                continue
            for key in _keys(word):
                by_key.setdefault(key, []).append(word)
            if not _TURKIC_LETTERS.isdisjoint(word):
                turkic.setdefault(plain(word), []).append(word)
        self._by_key = {key: self._most_used(words) for key, words in by_key.items()}
        # The Turkic words by plain spelling, in order: an inflection's stem is a prefix.
        self._turkic = turkic
        self._turkic_keys = sorted(turkic)
        self._terms: dict[str, list[str]] = {}
        self._stems: dict[str, list[str]] = {}

    def words(self, word: str) -> list[str]:
        """The corpus's other spellings of a typed word, the most used first.

        Args:
            word: One word as typed.

        Returns:
            Vocabulary words sharing its folded or plain key (its own spelling left out),
            and its folded and plain forms when the corpus uses them (``Алиев`` → ``aliev``).
        """
        lower = word.lower()
        found: dict[str, None] = {}
        for key in _keys(lower):
            self._add_key(found, key, lower)
        # A word met by its plain spelling brings its own folded one: ``Pasinyan`` finds
        # ``Paşinyan``, and through it ``Pashinyan`` and ``Пашинян``.
        for other in list(found):
            self._add_key(found, fold(other), lower)
        found.pop(lower, None)
        return list(found)[:MAX_OTHER_WORDS]

    def _add_key(self, found: dict[str, None], key: str, typed: str) -> None:
        """Add the key itself when the corpus uses it, and the words keyed under it."""
        if key != typed and self._uses(key):
            found[key] = None
        found.update(dict.fromkeys(self._by_key.get(key, ())))

    def terms(self, word: str) -> list[str]:
        """The index terms of a typed word's other spellings, its own stems left out.

        Args:
            word: One word as typed.

        Returns:
            At most :data:`MAX_OTHER_TERMS` terms of title and body (both stem alike).
        """
        lower = word.lower()
        known = self._terms.get(lower)
        if known is not None:
            return known
        own = set(self._query_stems(lower))
        found: dict[str, None] = {}
        for other in self.words(lower):
            found.update((t, None) for t in self._query_stems(other) if t not in own)
        for other in self._inflections(lower):
            found.update((t, None) for t in self._query_stems(other)[1:] if t not in own)
        if len(self._terms) >= MEMO_SIZE:
            self._terms.clear()
        made = self._terms[lower] = list(found)[:MAX_OTHER_TERMS]
        return made

    def knows(self, word: str) -> bool:
        """Whether the corpus writes the word in another spelling (so it is not misspelt)."""
        return bool(self.terms(word))

    def _inflections(self, lower: str) -> list[str]:
        """The Turkish or Azerbaijani words whose Turkish stem, typed in ASCII, is the
        stem of an ASCII word (``gorusmelerin`` → ``görüşmeleri``, ``görüşmesini``)."""
        if not lower.isascii() or not self._starting_with(lower[:MIN_STEM_CHARS]):
            return []  # no Turkic word starts so: the (slow) Turkish stemmer is not run
        root = turkic_stem(lower)
        words = [word for key in self._starting_with(root) for word in self._turkic[key]]
        return [
            word
            for word in self._most_used(words)[:MAX_OTHER_WORDS]
            if plain(self._query_stems(word)[-1]) == root
        ]

    def _starting_with(self, prefix: str) -> list[str]:
        keys = self._turkic_keys
        start = bisect.bisect_left(keys, prefix)
        end = bisect.bisect_left(keys, prefix + "\uffff", start)
        return keys[start:end]

    def _query_stems(self, word: str) -> list[str]:
        # Remembered: the Turkish stemmer takes a fifth of a millisecond a word.
        stems = self._stems.get(word)
        if stems is None:
            if len(self._stems) >= MEMO_SIZE:
                self._stems.clear()
            stems = self._stems[word] = query_stems(word)
        return stems

    def _most_used(self, words: list[str]) -> list[str]:
        return sorted(words, key=lambda word: -self._counts[word])


def _keys(word: str) -> tuple[str, ...]:
    """The folded key of a word and, in the Latin alphabet, its plain key."""
    folded = fold(word)
    if script_of(word) != LATIN:
        return (folded,)
    typed = plain(word)
    return (folded,) if typed == folded else (folded, typed)
