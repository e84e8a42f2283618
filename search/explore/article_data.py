"""What the explorers keep of one article: its dated events, statements and co-mentions.

Computed once per article when it is indexed (from the entity spans, so the user's
corrections apply): the events and statements are stored beside it as compact JSON,
the sentences naming several entities go to :mod:`search.explore.article_names`. A
changed file recomputes only its own articles. The sentences are split once and the
extractor's DATE spans reused, so the index build pays little for it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from search.explore.dates import DateValue
from search.explore.paragraphs import Paragraph, paragraphs
from search.explore.statements import Statement, find_statements
from search.explore.timeline import DatedEvent, dated_events
from search.models.articles import EntitySpan

# The entity types that make co-occurrences (dates and amounts connect nobody).
NAME_TYPES = ("PERSON", "ORG", "PLACE")


@dataclass(frozen=True)
class SharedSentence:
    """A sentence naming two or more entities: its offsets and ``(type, canonical)`` names."""

    start: int
    end: int
    names: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ArticleExplore:
    """An article's dated events, statements and sentences shared by several names."""

    events: tuple[DatedEvent, ...] = ()
    statements: tuple[Statement, ...] = ()
    shared: tuple[SharedSentence, ...] = ()


EMPTY = ArticleExplore()


def explore_article(
    title: str, body: str, article_date: str | None, spans: Sequence[EntitySpan]
) -> ArticleExplore:
    """Everything the explorers need from one article.

    Args:
        title: the article's title.
        body: its body.
        article_date: its own date (ISO), or None.
        spans: its entity spans, with the user's corrections applied.
    """
    split = paragraphs(body)
    dates = [(span.start, span.end) for span in spans if span.type == "DATE"]
    return ArticleExplore(
        tuple(dated_events(title, body, article_date, date_spans=dates, split=split)),
        tuple(find_statements(body, spans, split=split)),
        tuple(_shared_sentences(spans, split)),
    )


def _shared_sentences(spans: Sequence[EntitySpan], split: list[Paragraph]) -> list[SharedSentence]:
    names = sorted((span for span in spans if span.type in NAME_TYPES), key=lambda span: span.start)
    shared = []
    at = 0
    # Sentences and names both in body order: one walk through each.
    for _paragraph, sentences in split:
        for start, end in sentences:
            while at < len(names) and names[at].start < start:
                at += 1
            inside: dict[tuple[str, str], None] = {}
            index = at
            while index < len(names) and names[index].start < end:
                span = names[index]
                if span.end <= end:
                    inside[span.type, span.canonical] = None
                index += 1
            if len(inside) >= 2:
                shared.append(SharedSentence(start, end, tuple(inside)))
    return shared


def encode(data: ArticleExplore) -> str:
    """Compact JSON of the events and statements, for the index's stored field."""
    return json.dumps(
        {
            "t": [
                [e.date.start, e.date.end, e.date.precision, int(e.date.resolved), e.part]
                + [e.start, e.end, e.mention_start, e.mention_end]
                for e in data.events
            ],
            "s": [
                [s.speaker, s.kind, s.start, s.end, s.sentence_start, s.sentence_end]
                for s in data.statements
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(text: str | None, parts: str = "ts") -> ArticleExplore:
    """The data :func:`encode` stored (nothing for an article indexed without it).

    Args:
        text: the stored JSON.
        parts: which parts to make records of: "t" the events, "s" the statements (a
            view needing one part skips the cost of the other).
    """
    if not text:
        return EMPTY
    raw = json.loads(text)
    events = statements = ()
    if "t" in parts:
        events = tuple(
            DatedEvent(DateValue(a, b, precision, bool(resolved)), part, *offsets)
            for a, b, precision, resolved, part, *offsets in raw.get("t", ())
        )
    if "s" in parts:
        statements = tuple(Statement(*item) for item in raw.get("s", ()))
    return ArticleExplore(events, statements)
