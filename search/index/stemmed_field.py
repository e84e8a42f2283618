"""A stemmed text field in several languages that indexes without Whoosh's per-token
pipeline.

Whoosh analyses a text field by passing one ``Token`` object through a tokenizer and
three filter generators (lowercase, stop words, stemming) and then regrouping the
tokens by word: about half of the time spent adding a document. :class:`StemmedText`
produces the same terms, positions and character offsets in one loop over the regex
matches, with a stem cache per language. Words are stemmed and stop words dropped by
:mod:`search.language.stemming` (each word by its alphabet and its article's language,
given by passing the text as a :class:`~search.language.text.TextInLanguage`). Queries,
``more_like`` and everything else that calls the analyzer use the same stemmer through
Whoosh's stemming analyzer (:func:`analyzer`), so a query word and an indexed word meet;
``tests/unit/test_index_fast_paths.py`` checks that both paths give the same postings.
With character offsets, the field stores them in
:class:`~search.index.postings_format.PackedCharacters`.
"""

from __future__ import annotations

from whoosh import fields, formats
from whoosh.analysis import StemmingAnalyzer
from whoosh.analysis.tokenizers import default_pattern

from search.index.postings_format import PackedCharacters, pack_occurrences
from search.language.stemming import STOP_WORDS_ALL, TURKIC, stem

# Whoosh's StopFilter default: shorter words are dropped like stop words.
MIN_WORD_CHARS = 2
STEM_CACHE_SIZE = 100_000

# One cache for the English stemming rules, one for the Turkic ones.
_stem_caches: dict[bool, dict[str, str]] = {False: {}, True: {}}


def analyzer():
    """The analyzer of queries and ``more_like``: the index's words, stems and stop words."""
    return StemmingAnalyzer(stemfn=stem, stoplist=STOP_WORDS_ALL)


def occurrences(text: str, language: str | None = None) -> dict[str, list[int]]:
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
        Stemmed term -> position, start and end of each of its occurrences in turn
        (three numbers per occurrence, in text order).
    """
    found: dict[str, list[int]] = {}
    stops = STOP_WORDS_ALL
    turkic = language in TURKIC
    stems = _stem_caches[turkic]
    position = None
    for number, match in enumerate(default_pattern.finditer(text)):
        word = match.group().lower()
        if len(word) < MIN_WORD_CHARS or word in stops:
            continue
        position = number if position is None else position + 1
        term = stems.get(word) or _stem(word, stems, language)
        places = found.get(term)
        if places is None:
            found[term] = [position, match.start(), match.end()]
        else:
            places += (position, match.start(), match.end())
    return found


def _stem(word: str, stems: dict[str, str], language: str | None) -> str:
    if len(stems) >= STEM_CACHE_SIZE:
        stems.clear()  # a rare reset is cheaper than least-recently-used bookkeeping
    found = stems[word] = stem(word, language)
    return found


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
        encode = _flat_encoder(self.format)
        if not isinstance(value, str) or kwargs or encode is None:
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        return [
            (term.encode("utf-8"), len(flat) // 3, len(flat) // 3 * boost, encode(flat))
            for term, flat in occurrences(value, getattr(value, "language", None)).items()
        ]


def _flat_encoder(fmt: formats.Format):
    """How ``fmt``'s posting value is made from an :func:`occurrences` list (None: Whoosh's
    own path)."""
    if type(fmt) is PackedCharacters:
        return pack_occurrences
    if type(fmt) is formats.Positions:
        return lambda flat: fmt.encode(flat[::3])
    return None
