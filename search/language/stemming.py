"""Stems and stop words for English, Russian, Turkish, Azerbaijani and Armenian text.

A word's stemmer is chosen by its alphabet and, for the Latin alphabet, by the language
of its article: Cyrillic words take the Russian Snowball stemmer, Armenian words the
Armenian one, Latin words the Porter stemmer (as English always had) or, in a Turkish or
Azerbaijani article, the Turkish Snowball stemmer. Azerbaijani has no Snowball stemmer
of its own; its ``ə`` becomes ``e`` before the Turkish one, which then strips the
suffixes the two languages share (``danışıqlarda`` → ``danışıq``). A query does not know
its language, so a Latin query word looks for both of its stems (:func:`query_stems`).

Stop words are one list for every language (English, Russian, Turkish, Azerbaijani), so
an index and a query always drop the same words; the Turkic words an English reader
might search for (``kim``, ``her``, ``en``...) are kept.
"""

from __future__ import annotations

import snowballstemmer
from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem
from whoosh.lang.stopwords import stoplists

from search.language.scripts import ARMENIAN, CYRILLIC, script_of

# Languages whose Latin words take the Turkish stemmer.
TURKIC = frozenset({"tr", "az"})
MIN_TURKIC_STEM = 4

_AZERBAIJANI_STOPS = frozenset(
    [
        "və",
        "ilə",
        "üçün",
        "isə",
        "kimi",
        "olan",
        "olub",
        "olaraq",
        "bunu",
        "buna",
        "onun",
        "onlar",
        "həm",
        "hər",
        "ən",
        "daha",
        "çox",
        "amma",
        "lakin",
        "yox",
        "nə",
        "bu",
        "da",
        "də",
        "ki",
        "ya",
        "bir",
    ]
)
# Turkic stop words that are also English words or names a reader searches for.
_ENGLISH_HOMOGRAPHS = frozenset(["kim", "her", "hem", "ne", "en", "de", "da", "az", "ya"])

STOP_WORDS_ALL = frozenset(
    STOP_WORDS | stoplists["ru"] | ((stoplists["tr"] | _AZERBAIJANI_STOPS) - _ENGLISH_HOMOGRAPHS)
)

_russian = snowballstemmer.stemmer("russian").stemWord
_armenian = snowballstemmer.stemmer("armenian").stemWord
_turkish = snowballstemmer.stemmer("turkish").stemWord


def turkic_stem(word: str) -> str:
    """The Turkish Snowball stem of a Turkish or Azerbaijani word (``ə`` read as ``e``)."""
    return _turkish(word.replace("ə", "e"))


def stem(word: str, language: str | None = None) -> str:
    """The index term of a lower-cased word in an article of ``language``.

    Args:
        word: One lower-cased word.
        language: The article's language code (``en``, ``ru``, ``tr``, ``az``...), or
            None when unknown (English rules).

    Returns:
        Its stem.
    """
    if not word.isascii():
        script = script_of(word)
        if script == CYRILLIC:
            return _russian(word)
        if script == ARMENIAN:
            return _armenian(word)
    if language in TURKIC:
        return turkic_stem(word)
    return porter_stem(word)


def query_stems(word: str) -> list[str]:
    """Every index term a lower-cased query word may stand for, the English one first.

    The query's language is not known, so a Latin word is stemmed as English and as
    Turkish. A word in plain ASCII keeps its Turkish stem only when that stem is a
    shorter start of the word, of :data:`MIN_TURKIC_STEM` letters or more (``Fidan`` in
    a Turkish article is indexed as ``fida``): the Turkish stemmer makes odd stems of
    English words (``prime`` → ``pr``, ``music`` → ``musiç``) that would find other
    words. Other alphabets have one stemmer each.
    """
    first = stem(word)
    if script_of(word) in (CYRILLIC, ARMENIAN):
        return [first]
    other = turkic_stem(word)
    if other == first:
        return [first]
    if word.isascii() and not (
        len(other) >= MIN_TURKIC_STEM and word.startswith(other) and other != word
    ):
        return [first]
    return [first, other]
