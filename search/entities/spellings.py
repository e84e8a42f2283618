"""One canonical name for a person, place or organisation, whatever its spelling or script.

The lexicon lists each well-known name under the spellings English uses ("Ilham
Aliyev", "Ilham Aliev"); a name written otherwise ("Ильхам Алиев", "İlham Əliyev")
folds (:func:`search.language.folding.fold`) to the same key as one of them and takes
its canonical name, so its mentions are counted, faceted and searched under one entity.
A person's name of several words in plain English spelling takes the canonical name
only when it folds as that name does ("Ilham Aliev", "Ilham Aliyev", "George W Bush");
otherwise it keeps the canonical name the English extractor gave it, which has its own
rules for aliases ("Anthony Blinken" stays as written) and for places ("North West" of
England is not the "North-West" province of another country).
A key shared by two canonical names (Heydar and Ilham Aliyev share "Aliyev") decides
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from search.entities.lexicon import lexicon
from search.language.folding import fold
from search.models.articles import EntitySpan

NAMED_TYPES = ("PERSON", "PLACE", "ORG")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """A name's words folded, e.g. "Ильхам Алиев" -> "ilham aliev"."""
    return " ".join(fold(word) for word in _WORD.findall(name))


@cache
def canonical_by_key() -> dict[str, tuple[str, str]]:
    """Folded key -> (type, canonical name) of every name the lexicon knows, keys that
    stand for two names left out."""
    found: dict[str, tuple[str, str]] = {}
    clashes: set[str] = set()
    for surface, (entity_type, canonical) in lexicon().known.items():
        key = name_key(surface)
        if not key:
            continue
        if found.setdefault(key, (entity_type, canonical)) != (entity_type, canonical):
            clashes.add(key)
    for key in clashes:
        del found[key]
    return found


def known_canonical(name: str, entity_type: str | None = None) -> str | None:
    """The lexicon's canonical name for a name spelt any way, or None.

    Args:
        name: The name as written (any script).
        entity_type: Only a name of this type (None: any).
    """
    found = canonical_by_key().get(name_key(name))
    if found is None or (entity_type is not None and found[0] != entity_type):
        return None
    return found[1]


def _spelt_otherwise(name: str) -> bool:
    """Whether folding changes a name (another script, letters with marks, ``-yev``)."""
    return not name.isascii() or name_key(name) != " ".join(_WORD.findall(name.lower()))


def _lexicon_name(name: str, entity_type: str) -> str | None:
    """The lexicon's canonical for a name spelt otherwise than English spells it, or for
    a person's name of several words folding as the canonical does."""
    canonical = known_canonical(name, entity_type)
    if canonical is None or _spelt_otherwise(name):
        return canonical
    several = entity_type == "PERSON" and len(_WORD.findall(name)) > 1
    return canonical if several and name_key(canonical) == name_key(name) else None


def merge_spellings(spans: Iterable[EntitySpan]) -> list[EntitySpan]:
    """The spans with each name's canonical replaced by the lexicon's, when the name is
    another spelling of a listed name (other spans unchanged)."""
    merged = []
    for span in spans:
        if span.type in NAMED_TYPES:
            canonical = _lexicon_name(span.canonical, span.type)
            if canonical is not None and canonical != span.canonical:
                span = EntitySpan(span.start, span.end, span.type, span.text, canonical)
        merged.append(span)
    return merged
