"""What entity pages read of one article: its names and the sentences naming several.

Kept in a column of the index beside each article, so a page over thousands of articles
reads a few hundred bytes of each instead of its stored document and body; only the
evidence sentences it shows are cut from the bodies afterwards.

The bytes are UTF-8 text cut by the ASCII separator characters, not JSON: a page about a
name in half the corpus reads thousands of them, and splitting them is several times
faster than parsing JSON. Four fields (``\x1e``): the article's id, its date, its names
and its shared sentences. The names and the sentences are lists (``\x1d``); a name is
type, canonical name, mentions, then each other form and its count (``\x1f``); a
sentence is its start, its end and the places of its names in the list, by spaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from search.explore.article_data import NAME_TYPES, SharedSentence
from search.models.articles import EntitySpan

# A name as the explorers know it: (type, canonical).
NameKey = tuple[str, str]

FIELD, ITEM, PART = "\x1e", "\x1d", "\x1f"
_SEPARATORS = re.compile("[\x1c-\x1f]")


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
    mentions: dict[NameKey, int] = {}
    # Only the names written some other way than their canonical (most are not).
    forms: dict[NameKey, Counter[str]] = {}
    for span in spans:
        if span.type not in NAME_TYPES:
            continue
        key = (span.type, span.canonical)
        mentions[key] = mentions.get(key, 0) + 1
        text = span.text
        if text != span.canonical and text.casefold() != span.canonical.casefold():
            written = forms.get(key)
            if written is None:
                written = forms[key] = Counter()
            written[text] += 1
    names = tuple(
        NamedEntity(*key, count, tuple(forms[key].most_common()) if key in forms else ())
        for key, count in mentions.items()
    )
    return ArticleNames(article_id, article_date, names, tuple(shared))


def encode(names: ArticleNames) -> bytes:
    """The bytes of the index's column (see the module's description)."""
    position = {name.key: index for index, name in enumerate(names.names)}
    listed = ITEM.join(
        PART.join(
            [_clean(n.type), _clean(n.canonical), str(n.mentions)]
            + [part for form, count in n.forms for part in (_clean(form), str(count))]
        )
        for n in names.names
    )
    shared = ITEM.join(
        " ".join(map(str, [s.start, s.end, *(position[key] for key in s.names)]))
        for s in names.shared
    )
    return FIELD.join([_clean(names.id), names.date or "", listed, shared]).encode("utf-8")


def _clean(text: str) -> str:
    """``text`` without the separators (no name has them, but no text can break a record)."""
    # A separator is not printable: a printable text (most) has none to replace.
    return text if text.isprintable() else _SEPARATORS.sub(" ", text)


def decode(raw: bytes, naming: NameKey | None = None) -> ArticleNames | None:
    """The record :func:`encode` wrote (None for an article indexed without one).

    Args:
        raw: the column's bytes.
        naming: an entity page's entity: keep only its own name and the shared sentences
            naming it (making records of the others cost more than the rest of the page).
    """
    if not raw:
        return None
    article_id, date, listed, shared = raw.decode("utf-8").split(FIELD)
    entries = listed.split(ITEM) if listed else []
    sentences = [item.split(" ") for item in shared.split(ITEM)] if shared else []
    if naming is None:
        kept = list(range(len(entries)))
    else:
        # Only the entity's own entry is looked for: splitting every entry would cost more.
        prefix = f"{naming[0]}{PART}{naming[1]}{PART}"
        kept = [i for i, entry in enumerate(entries) if entry.startswith(prefix)][:1]
        wanted = str(kept[0]) if kept else None
        sentences = [parts for parts in sentences if wanted in parts[2:]]
    keys: dict[str, NameKey] = {}

    def key(index: str) -> NameKey:
        if index not in keys:
            kind, canonical, _rest = entries[int(index)].split(PART, 2)
            keys[index] = (kind, canonical)
        return keys[index]

    return ArticleNames(
        article_id,
        date or None,
        tuple(_named_entity(entries[i]) for i in kept),
        tuple(
            SharedSentence(int(a), int(b), tuple(map(key, indexes))) for a, b, *indexes in sentences
        ),
    )


def _named_entity(entry: str) -> NamedEntity:
    kind, canonical, mentions, *forms = entry.split(PART)
    pairs = tuple((form, int(count)) for form, count in zip(forms[::2], forms[1::2], strict=True))
    return NamedEntity(kind, canonical, int(mentions), pairs)
