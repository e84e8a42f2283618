"""A stemmed text field in several languages that indexes without Whoosh's per-token
pipeline.

Whoosh analyses a text field by passing one ``Token`` object through a tokenizer and
three filter generators (lowercase, stop words, stemming) and then regrouping the
tokens by word: about half of the time spent adding a document. :class:`StemmedText`
produces the same terms, positions and character offsets from one split of the lowered
text, stemming each distinct word once (a cache per language). Words are stemmed and
stop words dropped by :mod:`search.language.stemming` (each word by its alphabet and
its article's language, given by passing the text as a
:class:`~search.language.text.TextInLanguage`). Queries,
``more_like`` and everything else that calls the analyzer use the same stemmer through
Whoosh's stemming analyzer (:func:`analyzer`), so a query word and an indexed word meet;
``tests/unit/test_index_fast_paths.py`` checks that both paths give the same postings.
With character offsets, the field stores them in
:class:`~search.index.postings_format.PackedCharacters`.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, repeat
from operator import is_not

from whoosh import fields, formats
from whoosh.analysis import StemmingAnalyzer

from search.index.postings_format import (
    NARROW_LIMIT,
    NARROW_PACKERS,
    PackedCharacters,
    pack_occurrences,
)
from search.language.stemming import STOP_WORDS_ALL, TURKIC, stem

# Whoosh's StopFilter default: shorter words are dropped like stop words.
MIN_WORD_CHARS = 2
STEM_CACHE_SIZE = 100_000

# Whoosh's tokenizer pattern (``default_pattern``), ``[\w\*]+(\.?[\w\*]+)*``, written to
# match the same words without backtracking (a dot joins two runs of word characters),
# in a group so that ``split`` keeps the words with what lies between them (and
# ``findall`` gives the words).
WORDS = re.compile(r"([\w*]++(?:\.[\w*]++)*+)")

# One cache for the English stemming rules, one for the Turkic ones: each lowered word's
# term, None for a word that is dropped.
_stem_caches: dict[bool, dict[str, bytes | None]] = {False: {}, True: {}}


def analyzer():
    """The analyzer of queries and ``more_like``: the index's words, stems and stop words."""
    return StemmingAnalyzer(stemfn=stem, stoplist=STOP_WORDS_ALL)


def occurrences(text: str, language: str | None = None) -> dict[bytes, list[int]]:
    """Each stemmed term of a text with its occurrences: position, start char, end char.

    Identical to what :func:`analyzer` yields in index mode (for an English text):
    words are the tokenizer's regex matches, lowercased; stop words and one-letter words
    are dropped; positions count the kept words from the first kept word's own position
    (Whoosh's ``StopFilter(renumber=True)``).

    Args:
        text: The field value.
        language: The article's language code (Latin words of a Turkish or Azerbaijani
            article take the Turkish stemmer).

    Returns:
        Stemmed term (UTF-8, as the index holds it) -> position, start and end of each
        of its occurrences in turn (three numbers per occurrence, in text order).
    """
    words, bounds = _words(text)
    terms = _terms(words, language)
    kept = list(map(is_not, terms, repeat(None)))
    found: dict[bytes, list[int]] = {}
    if True not in kept:
        return found
    places_of = found.get
    for position, (term, start, end) in enumerate(
        compress(zip(terms, bounds[::2], bounds[1::2], strict=True), kept), kept.index(True)
    ):
        places = places_of(term)
        if places is None:
            found[term] = [position, start, end]
        else:
            places += (position, start, end)
    return found


def _words(text: str) -> tuple[list[str], list[int]]:
    """A text's words in lower case, and where each starts and ends in turn.

    The text is cut once by a regular expression, and lowered whole: a word's end is the
    sum of the lengths of what comes before it. Only two things lower differently in a
    word than in its text: ``İ`` becomes two characters (the lowered text no longer lines
    up) and ``Σ`` depends on the letters around it; a text holding either is lowered
    word by word.
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "Σ" not in text:
        parts = WORDS.split(lowered)
        words = parts[1::2]
    else:
        parts = WORDS.split(text)
        words = [word.lower() for word in parts[1::2]]
    # parts: the text before the first word, then each word and the text after it.
    return words, list(accumulate(map(len, parts[:-1])))


def _terms(words: list[str], language: str | None) -> list[bytes | None]:
    """The term of each word (None for a stop word or a one-letter word), stemmed and
    encoded once per distinct word and kept in the cache of the language's stemming
    rules."""
    stems = _stem_caches[language in TURKIC]
    new = set(words).difference(stems)
    if new:
        if len(stems) + len(new) > STEM_CACHE_SIZE:
            stems.clear()  # a rare reset is cheaper than least-recently-used bookkeeping
            new = set(words)
        for word in new:
            stems[word] = (
                None
                if len(word) < MIN_WORD_CHARS or word in STOP_WORDS_ALL
                else stem(word, language).encode("utf-8")
            )
    return list(map(stems.__getitem__, words))


class StemmedText(fields.TEXT):
    """``fields.TEXT`` with the multilingual stemming analyzer and a one-loop indexing
    path; give it a :class:`~search.language.text.TextInLanguage` to stem by the
    article's language.

    Args:
        chars: Store character offsets with positions (for snippets).
        **kwargs: As for ``fields.TEXT`` (``stored``, ``field_boost``...).
    """

    def __init__(self, *, chars: bool = False, **kwargs) -> None:
        super().__init__(analyzer=analyzer(), phrase=True, chars=chars, **kwargs)
        if chars:
            self.format = PackedCharacters(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        fmt = self.format
        if not isinstance(value, str) or kwargs or type(fmt) not in _ONE_LOOP_FORMATS:
            return super().index(value, **kwargs)
        found = occurrences(value, getattr(value, "language", None)).items()
        boost = fmt.field_boost
        if type(fmt) is PackedCharacters:
            if len(value) < NARROW_LIMIT:
                # Every position, start and end of a text this short fits a narrow value.
                packers = NARROW_PACKERS
                return [
                    (term, (count := len(flat) // 3), count * boost, packers[count](*flat))
                    for term, flat in found
                ]
            return [
                (term, (count := len(flat) // 3), count * boost, pack_occurrences(flat, count))
                for term, flat in found
            ]
        encode = fmt.encode
        return [
            (term, (count := len(flat) // 3), count * boost, encode(flat[::3]))
            for term, flat in found
        ]


# The formats whose posting values :meth:`StemmedText.index` makes from occurrences.
_ONE_LOOP_FORMATS = (PackedCharacters, formats.Positions)
