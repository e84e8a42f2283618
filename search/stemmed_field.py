"""A stemmed text field that indexes without Whoosh's per-token pipeline.

Whoosh analyses a text field by passing one ``Token`` object through a tokenizer and
three filter generators (lowercase, stop words, stemming) and then regrouping the
tokens by word: about half of the time spent adding a document. :class:`StemmedText`
produces the same terms, positions and character offsets in one loop over the regex
matches, with a shared stem cache. Queries, ``more_like`` and everything else that
calls the analyzer still use Whoosh's :func:`~whoosh.analysis.StemmingAnalyzer`, so a
query word and an indexed word always meet; ``tests/unit/test_index_stemmed_field.py``
checks that both paths give the same postings.
"""

from __future__ import annotations

import pickle
from itertools import pairwise

from whoosh import fields, formats
from whoosh.analysis import STOP_WORDS, StemmingAnalyzer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem
from whoosh.system import pack_uint

# Whoosh's StopFilter default: shorter words are dropped like stop words.
MIN_WORD_CHARS = 2
STEM_CACHE_SIZE = 100_000

_stems: dict[str, str] = {}


def _stem(word: str) -> str:
    found = _stems.get(word)
    if found is None:
        if len(_stems) >= STEM_CACHE_SIZE:
            _stems.clear()  # a rare reset is cheaper than least-recently-used bookkeeping
        found = _stems[word] = stem(word)
    return found


def occurrences(text: str) -> dict[str, list[tuple[int, int, int]]]:
    """Each stemmed term of a text with its (position, start char, end char) list.

    Identical to what ``StemmingAnalyzer()`` yields in index mode: words are the
    tokenizer's regex matches, lowercased; stop words and one-letter words are dropped;
    positions count the kept words from the first kept word's own position (Whoosh's
    ``StopFilter(renumber=True)``).

    Args:
        text: The field value.

    Returns:
        Stemmed term -> its occurrences in text order.
    """
    found: dict[str, list[tuple[int, int, int]]] = {}
    stops = STOP_WORDS
    position = None
    for number, match in enumerate(default_pattern.finditer(text)):
        word = match.group().lower()
        if len(word) < MIN_WORD_CHARS or word in stops:
            continue
        position = number if position is None else position + 1
        term = _stems.get(word) or _stem(word)
        entry = (position, match.start(), match.end())
        places = found.get(term)
        if places is None:
            found[term] = [entry]
        else:
            places.append(entry)
    return found


class StemmedText(fields.TEXT):
    """``fields.TEXT`` with Whoosh's stemming analyzer and a one-loop indexing path.

    Args:
        chars: Store character offsets with positions (for snippets).
        **kwargs: As for ``fields.TEXT`` (``stored``, ``field_boost``...).
    """

    def __init__(self, *, chars: bool = False, **kwargs) -> None:
        super().__init__(analyzer=StemmingAnalyzer(), phrase=True, chars=chars, **kwargs)

    def index(self, value, **kwargs):
        if not isinstance(value, str) or kwargs or type(self.format) not in _ENCODERS:
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        encode = _ENCODERS[type(self.format)](self.format)
        for term, places in occurrences(value).items():
            yield term.encode("utf-8"), len(places), len(places) * boost, encode(places)


_ONCE = pack_uint(1)


def _characters(fmt: formats.Characters):
    def encode(places: list[tuple[int, int, int]]) -> bytes:
        # formats.Characters.encode, with the deltas from one comprehension; most terms
        # occur once in an article, and their one delta is the occurrence itself.
        if len(places) == 1:
            ((position, start, end),) = places
            return _ONCE + pickle.dumps([(position, start, end - start)], 2)
        deltas = [
            (position - before[0], start - before[2], end - start)
            for before, (position, start, end) in pairwise([(0, 0, 0), *places])
        ]
        return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)

    return encode


def _positions(fmt: formats.Positions):
    def encode(places: list[tuple[int, int, int]]) -> bytes:
        return fmt.encode([position for position, _, _ in places])

    return encode


_ENCODERS = {formats.Characters: _characters, formats.Positions: _positions}
