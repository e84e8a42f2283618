"""Which entity a name typed by the user means: a canonical name or one of its aliases.

Case does not matter. The user's corrections are read first (a merge or an added alias
names its entity outright); then the articles whose entity fields hold the name as a
canonical name or one of its words, for each type of name; then, if none names it so,
the articles whose text holds it. In those articles the extractor's names say which
entity the name was read as: its canonical name, or a form it was written in ("Aliyev"
for "Ilham Aliyev"), or else whole words of it ("Kazimov" for "Taleh Kazimov"). The
entity named so in the most articles wins, counted as its share of a sample of each
query's articles times how many articles the query finds: every type is read before
deciding, so the few people whose names hold "London" cannot outvote the place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from search.entities.corrections import active_corrections
from search.entities.spellings import name_key
from search.explore.article_data import NAME_TYPES
from search.explore.article_names import ArticleNames, NamedEntity, NameKey
from search.models import entity_query

# How many articles are read to tell which entity a name is.
SAMPLE = 100

# query -> the names of a sample of the articles it finds (at most ``SAMPLE``), and how
# many articles it finds.
SampleNames = Callable[[str], tuple[Sequence[ArticleNames], int]]


def even_sample(items: Sequence, size: int | None) -> Sequence:
    """At most ``size`` of ``items``, spread evenly over them (all of them for None)."""
    if size is None or len(items) <= size:
        return items
    return items[:: len(items) // size][:size]


def resolve_name(name: str, sample_names: SampleNames) -> tuple[str, str] | None:
    """``(canonical, type)`` of the entity ``name`` stands for, or None when none does.

    Names are compared as written (case aside) and, when that meets none, folded, so any
    spelling or script of a name meets it ("Алиев", "Əliyev": Ilham Aliyev); folding
    every name of a page's sample first cost more than the rest of the page.
    """
    typed = " ".join(name.replace('"', " ").split())
    if not typed:
        return None
    corrected = _corrected(typed)
    samples = [
        sample_names(entity_query(corrected.casefold(), entity_type)) for entity_type in NAME_TYPES
    ]
    phrase = None
    for spelling in (str.casefold, name_key):
        wanted = spelling(corrected)
        exact: Counter[NameKey] = Counter()
        partial: Counter[NameKey] = Counter()
        for sample, total in samples:
            _vote(sample, total, wanted, spelling, exact, partial)
        if not exact:
            phrase = phrase or sample_names(f'"{typed}"')
            _vote(*phrase, wanted, spelling, exact, partial)
        if votes := exact or partial:
            # The most articles, then the shortest name.
            type_, canonical = max(votes, key=lambda key: (votes[key], -len(key[1])))
            return canonical, type_
    return None


def _vote(
    sample: Sequence[ArticleNames],
    total: int,
    wanted: str,
    spelling: Callable[[str], str],
    exact: Counter[NameKey],
    partial: Counter[NameKey],
) -> None:
    """Keep, for each entity ``wanted`` names, the most articles any query says it is in."""
    found: Counter[NameKey] = Counter()
    found_partly: Counter[NameKey] = Counter()
    for article in sample:
        found.update(name.key for name in article.names if _is_form(name, wanted, spelling))
        found_partly.update(name.key for name in article.names if _is_part(name, wanted, spelling))
    scale = total / max(1, len(sample))
    for counts, kept in ((found, exact), (found_partly, partial)):
        for key, count in counts.items():
            kept[key] = max(kept[key], round(count * scale))


def _is_form(name: NamedEntity, wanted: str, spelling: Callable[[str], str]) -> bool:
    """``wanted`` is the entity's canonical name or a form it was written in."""
    return wanted == spelling(name.canonical) or any(
        wanted == spelling(form) for form, _count in name.forms
    )


def _is_part(name: NamedEntity, wanted: str, spelling: Callable[[str], str]) -> bool:
    """``wanted`` is whole words of the entity's name ("Kazimov" of "Taleh Kazimov")."""
    return f" {wanted} " in f" {spelling(name.canonical)} "


def _corrected(name: str) -> str:
    """The canonical name the user's corrections give ``name`` (itself when none)."""
    corrections = active_corrections()
    lowered = name.casefold()
    for surface, (_type, canonical) in corrections.added.items():
        if surface.casefold() == lowered:
            return canonical
    return corrections.merged.get(name.lower(), name)
