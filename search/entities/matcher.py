"""Known names that the capitalised-run pattern cannot take whole ("Save the Children",
"United Arab Emirates").

A multi-pattern (Aho-Corasick) automaton over those names, built on first use, finds
them in one pass; the runs around them are then cut so the name stays one segment.
"""

from __future__ import annotations

from functools import cache

from search.entities.cues import CLOSED_CLASS, COMMON_CAPITALISED, DEMONYMS
from search.entities.lexicon import lexicon
from search.entities.patterns import MONTHS


def outside(text: str, start: int, end: int, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` not covered by ``hits``, trimmed of spaces."""
    if not hits:
        return [(start, end)]
    parts, position = [], start
    for hit_start, hit_end in hits:
        if hit_end <= position or hit_start >= end:
            continue
        parts.append((position, hit_start))
        position = hit_end
    parts.append((position, end))
    trimmed = []
    for a, b in parts:
        chunk = text[a:b]
        stripped = chunk.strip(" \t\u00a0")
        if stripped:
            a += len(chunk) - len(chunk.lstrip(" \t\u00a0"))
            trimmed.append((a, a + len(stripped)))
    return trimmed


@cache
def _lower_case_names():
    """A multi-pattern matcher for known names the run pattern cannot take whole
    ("Save the Children", "Médecins Sans Frontières" is fine), or None."""
    lex = lexicon()
    names = [name for name in lex.known if " " in name and _cut_inside(name.split())]
    # Towns opening with a word the run pattern cuts at ("Much Wenlock", "Market Rasen").
    openers = {word for word in _CUT_WORDS if len(word) > 2 and word != "The"}
    names += [
        name
        for name in lex.towns
        if name.partition(" ")[0] in openers and " " in name and name not in lex.known
    ]
    if not names:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


# Words at which the run pattern's cleaning would cut a name ("United Arab Emirates":
# "Arab" is a nationality word).
_CUT_WORDS = DEMONYMS | CLOSED_CLASS | COMMON_CAPITALISED | frozenset(MONTHS)


def _cut_inside(words: list[str]) -> bool:
    if any(word[:1].isdigit() for word in words[1:]):
        return True  # "Channel 4": a run is made of capitalised words only
    return any(word[:1].islower() for word in words[1:]) or not _CUT_WORDS.isdisjoint(words)


def known_names_with_lower_case(text: str) -> list[tuple[int, int]]:
    """Spans of known names with lower-case words inside, on word boundaries."""
    automaton = _lower_case_names()
    if automaton is None:
        return []
    hits = []
    for end_index, length in automaton.iter_long(text):
        start, end = end_index - length + 1, end_index + 1
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            hits.append((start, end))
    return hits
