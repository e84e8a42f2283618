"""What entity pages read of one article: its names and the sentences naming several.

Kept in a column of the index beside each article (compact JSON bytes), so a page over
thousands of articles reads a few hundred bytes of each instead of its stored document
and body; only the evidence sentences it shows are cut from the bodies afterwards.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from search.explore.article_data import NAME_TYPES, SharedSentence
from search.models import EntitySpan

# A name as the explorers know it: (type, canonical).
NameKey = tuple[str, str]


@dataclass(frozen=True)
class NamedEntity:
    """One entity an article names: how often, and the other forms it is written in."""

    type: str
    canonical: str
    mentions: int
    forms: tuple[tuple[str, int], ...] = ()

    @property
    def key(self) -> NameKey:
        return self.type, self.canonical


@dataclass(frozen=True)
class ArticleNames:
    """An article's id and own date, the entities it names, and its shared sentences."""

    id: str
    date: str | None
    names: tuple[NamedEntity, ...]
    shared: tuple[SharedSentence, ...]

    def named(self, key: NameKey) -> NamedEntity | None:
        return next((name for name in self.names if name.key == key), None)


def article_names(
    article_id: str,
    article_date: str | None,
    spans: Sequence[EntitySpan],
    shared: Sequence[SharedSentence],
) -> ArticleNames:
    """The record of one article from its entity spans and shared sentences."""
    mentions: Counter[NameKey] = Counter()
    forms: dict[NameKey, Counter[str]] = {}
    for span in spans:
        if span.type not in NAME_TYPES:
            continue
        key = (span.type, span.canonical)
        mentions[key] += 1
        written = forms.setdefault(key, Counter())
        if span.text.casefold() != span.canonical.casefold():
            written[span.text] += 1
    names = tuple(
        NamedEntity(*key, count, tuple(forms[key].most_common())) for key, count in mentions.items()
    )
    return ArticleNames(article_id, article_date, names, tuple(shared))


def encode(names: ArticleNames) -> bytes:
    """Compact JSON for the index's column (a shared sentence names its entities by
    their place in the list of names)."""
    position = {name.key: index for index, name in enumerate(names.names)}
    return json.dumps(
        {
            "i": names.id,
            "d": names.date,
            "n": [[n.type, n.canonical, n.mentions, list(map(list, n.forms))] for n in names.names],
            "c": [[s.start, s.end, [position[key] for key in s.names]] for s in names.shared],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def decode(raw: bytes, naming: NameKey | None = None) -> ArticleNames | None:
    """The record :func:`encode` wrote (None for an article indexed without one).

    Args:
        raw: the column's bytes.
        naming: an entity page's entity: keep only its own name and the shared sentences
            naming it (making records of the others cost more than the rest of the page).
    """
    if not raw:
        return None
    data = json.loads(raw)
    listed = data["n"]
    keys = [(kind, canonical) for kind, canonical, *_ in listed]
    if naming is None:
        kept = range(len(listed))
        shared = data["c"]
    else:
        kept = [keys.index(naming)] if naming in keys else []
        shared = [item for item in data["c"] if kept and kept[0] in item[2]]
    names = tuple(
        NamedEntity(*keys[i], listed[i][2], tuple(map(tuple, listed[i][3]))) for i in kept
    )
    return ArticleNames(
        data["i"],
        data["d"],
        names,
        tuple(SharedSentence(a, b, tuple(keys[i] for i in indexes)) for a, b, indexes in shared),
    )
