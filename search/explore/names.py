"""Which entity a name typed by the user means: a canonical name or one of its aliases.

Case does not matter. The user's corrections are read first (a merge or an added alias
names its entity outright); then the articles whose entity fields hold the name as a
canonical name or one of its words; then the articles whose text holds it. In those
articles the extractor's spans say which entity the name was read as: its canonical
name, or a form it was written in ("Aliyev" for "Ilham Aliyev"), or else whole words of
it ("Kazimov" for "Taleh Kazimov"). The entity named so in the most articles wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from search.entities.corrections import active_corrections
from search.explore.article_data import NAME_TYPES
from search.models import EntitySpan
from search.query.mentions import mention_query

# How many articles are read to tell which entity a name is.
SAMPLE = 100

# query -> ids of the articles it finds (at most ``SAMPLE``).
FindIds = Callable[[str], Sequence[str]]
SpansOf = Callable[[str], Sequence[EntitySpan]]


def resolve_name(name: str, find_ids: FindIds, spans_of: SpansOf) -> tuple[str, str] | None:
    """``(canonical, type)`` of the entity ``name`` stands for, or None when none does."""
    typed = " ".join(name.replace('"', " ").split())
    if not typed:
        return None
    wanted = _corrected(typed).casefold()
    exact: Counter[tuple[str, str]] = Counter()
    partial: Counter[tuple[str, str]] = Counter()
    queries = [mention_query(wanted, entity_type) for entity_type in NAME_TYPES]
    for query in [*queries, f'"{typed}"']:
        for article_id in find_ids(query):
            spans = spans_of(article_id)
            exact.update(_named(spans, wanted, _is_form))
            partial.update(_named(spans, wanted, _is_part))
        if exact:
            break
    votes = exact or partial
    if not votes:
        return None
    # The most articles, then the shortest name.
    return max(votes, key=lambda key: (votes[key], -len(key[0])))


def _named(
    spans: Sequence[EntitySpan], wanted: str, matches: Callable[[EntitySpan, str], bool]
) -> set[tuple[str, str]]:
    """The entities an article names ``wanted`` by (each once)."""
    return {
        (span.canonical, span.type)
        for span in spans
        if span.type in NAME_TYPES and matches(span, wanted)
    }


def _is_form(span: EntitySpan, wanted: str) -> bool:
    """The span is the entity's canonical name or was written so."""
    return wanted in (span.canonical.casefold(), span.text.casefold())


def _is_part(span: EntitySpan, wanted: str) -> bool:
    """``wanted`` is whole words of the entity's name ("Kazimov" of "Taleh Kazimov")."""
    return f" {wanted} " in f" {span.canonical.casefold()} "


def _corrected(name: str) -> str:
    """The canonical name the user's corrections give ``name`` (itself when none)."""
    corrections = active_corrections()
    lowered = name.casefold()
    for surface, (_type, canonical) in corrections.added.items():
        if surface.casefold() == lowered:
            return canonical
    return corrections.merged.get(name.lower(), name)
