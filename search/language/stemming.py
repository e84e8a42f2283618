"""Stems and stop words for English, Russian, Turkish, Azerbaijani and Armenian text.

A word's stemmer is chosen by its letters and the language of its article: Cyrillic
words take the Russian Snowball stemmer, Armenian words the Armenian one, Latin words
the Porter stemmer (as English always had) or, in a Turkish or Azerbaijani article and
when they hold a letter of those alphabets (``ç ğ ı ö ş ü ə``), the Turkish Snowball
stemmer. A word in plain ASCII keeps its English stem even there: the query it must
meet may be English, and the Turkish stemmer cuts English words and typing slips
(``senatte`` -> ``senat``) into other words. Azerbaijani has no Snowball stemmer
of its own; its ``ə`` becomes ``e`` before the Turkish one, which then strips the
suffixes the two languages share (``danışıqlarda`` → ``danışıq``). A query does not know
its language, so a query word with a Turkic letter looks for both of its stems
(:func:`query_stems`).

Stop words are one list for every language (English, Russian, Turkish, Azerbaijani), so
an index and a query always drop the same words; the Turkic words an English reader
might search for (``kim``, ``her``, ``en``...) are kept.
"""

from __future__ import annotations

from functools import cache

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem
from whoosh.lang.stopwords import stoplists

from search.language.scripts import ARMENIAN, CYRILLIC, script_of

# Languages whose Latin words take the Turkish stemmer.
TURKIC = frozenset({"tr", "az"})
# The letters of the Turkish and Azerbaijani alphabets that English does not use.
_TURKIC_LETTERS = frozenset("çğıöşüəâîûİ")

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


@cache
def _snowball(language: str):
    """The Snowball stemmer of a language, made at its first word: the package loads
    every language's stemmer, which a search of English words never needs."""
    import snowballstemmer

    return snowballstemmer.stemmer(language).stemWord


def turkic_stem(word: str) -> str:
    """The Turkish Snowball stem of a Turkish or Azerbaijani word (``ə`` read as ``e``)."""
    return _snowball("turkish")(word.replace("ə", "e"))


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
            return _snowball("russian")(word)
        if script == ARMENIAN:
            return _snowball("armenian")(word)
    if language in TURKIC and _has_turkic_letter(word):
        return turkic_stem(word)
    return porter_stem(word)


def query_stems(word: str) -> list[str]:
    """Every index term a lower-cased query word may stand for, the English one first.

    The query's language is not known, so a word with a Turkic letter is stemmed as
    English and as Turkish; any other word has one stem (an English query reads as it
    always has).
    """
    first = stem(word)
    if _has_turkic_letter(word):
        other = turkic_stem(word)
        if other != first:
            return [first, other]
    return [first]


def _has_turkic_letter(word: str) -> bool:
    return not word.isascii() and not _TURKIC_LETTERS.isdisjoint(word)
