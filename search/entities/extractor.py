"""The extraction pipeline: patterns, candidate runs, typing, merging, user corrections.

Everything heavy (name lists, the corrections automaton) is built on the first call
and cached, so importing this module costs nothing.
"""

from __future__ import annotations

import re

from search.entities.aliases import resolve
from search.entities.classify import classify_segment
from search.entities.corrections import Corrections, active_corrections
from search.entities.lexicon import lexicon
from search.entities.lower_words import LowerWords
from search.entities.patterns import entity_dates, find_patterns
from search.entities.runs import find_segments
from search.entities.russian import russian_entities
from search.entities.spellings import merge_spellings
from search.entities.turkic import turkic_entities
from search.language.detect import detect_language
from search.models.articles import EntitySpan

_DIGIT = re.compile(r"\d")
_CYRILLIC = re.compile(r"[А-яЁё]")
# Letters Turkish or Azerbaijani text cannot do without; only a text with one of them
# is given to the language detector. Neither they nor Cyrillic are looked for in a text
# all in ASCII (most English news), which is told at once.
_TURKIC_LETTER = re.compile(r"[ıİşŞğĞəƏ]")
TURKIC_LANGUAGES = frozenset({"tr", "az"})


def extract_entities(text: str) -> list[EntitySpan]:
    """PERSON, ORG, PLACE, DATE and MONEY mentions in ``text``, in order of position.

    Args:
        text: an article body (any string; offsets point into it unchanged).

    Returns:
        Non-overlapping spans with ``text[span.start:span.end] == span.text``, aliases
        merged under one canonical name within this text and other spellings of a listed
        name under its own (:mod:`search.entities.spellings`), people and places in
        Russian text found too (:mod:`search.entities.russian`), names in Turkish and
        Azerbaijani text by their own rules (:mod:`search.entities.turkic`), user
        corrections applied.
    """
    if not text or not text.strip():
        return []
    corrections = active_corrections()
    patterns = [
        EntitySpan(start, end, kind, text[start:end], text[start:end])
        for start, end, kind in entity_dates(text, list(find_patterns(text)))
    ]
    language = _turkic_language(text)
    if language:
        names = turkic_entities(text, language)
    else:
        names = _english_names(text, patterns, corrections)
    if not text.isascii() and _CYRILLIC.search(text):
        names += russian_entities(text)
    spans = _without_overlaps(patterns + merge_spellings(names))
    return corrections.apply(text, spans)


def _turkic_language(text: str) -> str | None:
    """``tr`` or ``az`` for a Turkish or Azerbaijani text, else None."""
    if text.isascii() or not _TURKIC_LETTER.search(text):
        return None
    language = detect_language("", text)
    return language if language in TURKIC_LANGUAGES else None


def _english_names(
    text: str, patterns: list[EntitySpan], corrections: Corrections
) -> list[EntitySpan]:
    """The English extractor's people, organisations and places."""
    lex = lexicon()
    lower_words = LowerWords(text)
    # A date or amount with a number in it ends any name before it ("Joe Biden May 11").
    numbered = [(p.start, p.end) for p in patterns if _DIGIT.search(p.text)]
    mentions = []
    for segment in find_segments(text, numbered, corrections.ignored):
        mentions.extend(classify_segment(text, segment, lex, lower_words))
    return [
        EntitySpan(m.start, m.end, m.type, m.text, m.canonical)
        for m in resolve(text, mentions, lower_words, lex)
    ]


def _without_overlaps(spans: list[EntitySpan]) -> list[EntitySpan]:
    """Keep the longer of two overlapping spans (patterns win ties)."""
    kept: list[EntitySpan] = []
    taken = bytearray(max((s.end for s in spans), default=0))
    for span in sorted(spans, key=lambda s: s.start - s.end):
        if not any(taken[span.start : span.end]):
            kept.append(span)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return sorted(kept, key=lambda s: s.start)
