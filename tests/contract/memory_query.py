"""The neutral query tree evaluated over articles held in memory: the fake backend's engine.

It reads the same tree the Whoosh backend maps (:func:`search.query.parser.parse` plus
:func:`search.query.filters.narrowed`) and shares nothing else with it: words are
lower-cased runs of letters and digits (no stemming, no stop words); a phrase is its
words in a row, as a plain substring of the field's words (a crude stand-in for
stemming: "wind farm" finds "wind farms"); a name field matches a whole canonical name
or one word of one; a date range compares the article's own ISO date. Scores are term
counts, enough to put articles in some order; the contract never asks how an engine
ranks.

Parts with nothing to look for are dropped as the language drops them, so ``NOT -`` or
``()`` narrow nothing and a query of nothing but them finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from search.models import ENTITY_FIELDS
from search.models.articles import Article, EntitySpan
from search.query import tree

WORD = re.compile(r"[^\W_][\w'’-]*")
NAME_FIELDS = {field: entity_type for entity_type, field in ENTITY_FIELDS.items()}
Scores = dict[str, float]


def words(text: str | None) -> list[str]:
    """The lower-cased words of a text, in order."""
    return WORD.findall((text or "").lower())


@dataclass(frozen=True)
class Document:
    """What a query can see of one article."""

    article: Article
    words: dict[str, list[str]]
    names: dict[str, frozenset[str]]
    date: datetime | None


def document(article: Article, spans: list[EntitySpan]) -> Document:
    """The searchable view of an article and its entity spans."""
    texts = {"title": article.title, "body": article.body}
    texts.update(source=article.source, author=article.author)
    return Document(
        article,
        {field: words(text) for field, text in texts.items()},
        {
            field: frozenset(s.canonical.lower() for s in spans if s.type == entity_type)
            for field, entity_type in NAME_FIELDS.items()
        },
        _date(article.date),
    )


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    value = text.strip()
    value += {4: "-01-01", 7: "-01"}.get(len(value), "")
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None


def evaluate(node: tree.Node, documents: list[Document]) -> Scores | None:
    """Each matching article's id and score, or None when the node has nothing to look for.

    Args:
        node: A neutral query tree.
        documents: Every article, as :func:`document` made them.
    """
    if isinstance(node, tree.And | tree.Or):
        parts = [
            found for child in node.children if (found := evaluate(child, documents)) is not None
        ]
        if not parts:
            return None
        if isinstance(node, tree.And):
            kept = set.intersection(*(set(part) for part in parts))
        else:
            kept = set.union(*(set(part) for part in parts))
        return {i: sum(part.get(i, 0.0) for part in parts) for i in kept}
    if isinstance(node, tree.Not):
        inner = evaluate(node.child, documents)
        if inner is None:
            return None
        return {d.article.id: 0.0 for d in documents if d.article.id not in inner}
    if isinstance(node, tree.AndNot | tree.AndMaybe | tree.Require):
        return _binary(node, documents)
    if isinstance(node, tree.Every):
        return {d.article.id: 0.0 for d in documents if _has(d, node.field)}
    if isinstance(node, tree.DateRange):
        return {d.article.id: 1.0 for d in documents if _within(d.date, node)}
    if isinstance(node, tree.Exact):
        return {
            d.article.id: 1.0 for d in documents if getattr(d.article, node.field) == node.value
        }
    return _text(node, documents)


def _binary(node, documents: list[Document]) -> Scores | None:
    first, second = (evaluate(child, documents) for child in tree.children(node))
    if first is None or second is None:
        return second if first is None else first
    if isinstance(node, tree.AndNot):
        return {i: score for i, score in first.items() if i not in second}
    if isinstance(node, tree.AndMaybe):
        return {i: score + second.get(i, 0.0) for i, score in first.items()}
    return {i: score for i, score in first.items() if i in second}


def _has(document: Document, field: str | None) -> bool:
    if field is None:
        return True
    if field == "date":
        return document.date is not None
    if field in NAME_FIELDS:
        return bool(document.names[field])
    return bool(document.words.get(field))


def _within(date: datetime | None, node: tree.DateRange) -> bool:
    if date is None:
        return False
    return (node.start is None or node.start <= date) and (node.end is None or date <= node.end)


def _text(node, documents: list[Document]) -> Scores | None:
    """A word, phrase, prefix, wildcard, fuzzy term or range: in its field, or in the
    title or the body when it names none."""
    test = _word_test(node)
    if test is None:
        return None
    fields = tree.TEXT_FIELDS if node.field is None else (node.field,)
    found: Scores = {}
    for document in documents:
        score = sum(test(document, field) for field in fields)
        if score:
            found[document.article.id] = float(score)
    return found


def _word_test(node):
    """A function (document, field) -> how often the node matches there (0: not at all)."""
    if isinstance(node, tree.Word | tree.Phrase):
        wanted = words(node.text)
        if not wanted:
            return None
        if isinstance(node, tree.Phrase):
            return lambda document, field: _phrase(document, field, wanted)
        return lambda document, field: _all_words(document, field, wanted)
    if isinstance(node, tree.Range):
        low, high = (node.start or "").lower(), (node.end or "").lower()

        def between(word: str) -> bool:
            above = word > low if node.start_excluded else word >= low
            below = not node.end or (word < high if node.end_excluded else word <= high)
            return above and below

        return lambda document, field: _count(document, field, between)
    if isinstance(node, tree.Prefix):
        start = node.text.lower()
        return lambda document, field: _count(document, field, lambda w: w.startswith(start))
    if isinstance(node, tree.Wildcard):
        pattern = re.compile(
            "".join(
                ".*" if c == "*" else "." if c == "?" else re.escape(c)
                for c in node.pattern.lower()
            )
        )
        return lambda document, field: _count(document, field, pattern.fullmatch)
    if isinstance(node, tree.Fuzzy):
        text = node.text.lower()
        return lambda document, field: _count(
            document,
            field,
            lambda w: w[: node.prefix] == text[: node.prefix] and _edits(w, text) <= node.edits,
        )
    raise TypeError(f"not a query tree node: {node!r}")


def _candidates(document: Document, field: str) -> list[str]:
    """The words a field holds; a name field holds its names and their single words."""
    if field in NAME_FIELDS:
        names = document.names[field]
        return [*names, *(word for name in names if " " in name for word in name.split())]
    if field == "date":
        return [document.article.date] if document.article.date else []
    return document.words.get(field, [])


def _count(document: Document, field: str, test) -> int:
    return sum(1 for word in _candidates(document, field) if test(word))


def _all_words(document: Document, field: str, wanted: list[str]) -> int:
    held = _candidates(document, field)
    if field in NAME_FIELDS:
        # Commas split a name field's value into names, each matched on its own.
        return len(wanted) if all(word in held for word in wanted) else 0
    return sum(held.count(word) for word in wanted) if all(w in held for w in wanted) else 0


def _phrase(document: Document, field: str, wanted: list[str]) -> int:
    if field in NAME_FIELDS:
        return int(" ".join(wanted) in document.names[field])
    # Words in a row, the last one maybe longer ("wind farm" finds "wind farms"): the
    # fake's stand-in for stemming.
    return " ".join(_candidates(document, field)).count(" ".join(wanted))


def _edits(a: str, b: str) -> int:
    """Levenshtein distance with transpositions (optimal string alignment)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def highlighted(node: tree.Node | None) -> list[str]:
    """The words a snippet marks: those of words and phrases the query looks for (not
    under a NOT), lower-cased, in order."""
    if node is None or isinstance(node, tree.Not):
        return []
    if isinstance(node, tree.AndNot):
        return highlighted(node.positive)
    if isinstance(node, tree.Word | tree.Phrase) and node.field in (None, *tree.TEXT_FIELDS):
        return words(node.text)
    return list(dict.fromkeys(w for child in tree.children(node) for w in highlighted(child)))
