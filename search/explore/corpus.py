"""Timelines, statements and entity pages over many articles, from their stored data.

Pure functions shared by every :class:`~search.backend.SearchService`: a backend finds
the articles (a query's hits, the articles naming an entity) with each one's
:class:`~search.explore.article_data.ArticleExplore` or
:class:`~search.explore.article_names.ArticleNames`, and these turn them into the plain
records of :mod:`search.models`.

Co-occurring entities are ranked by normalised pointwise mutual information over
articles, ``log(p(xy) / (p(x) p(y))) / -log(p(xy))``, where ``p(xy)`` is the share of
articles in which the two share a sentence and ``p(x)`` the share naming each: a name in
every article scores near 0 beside anyone, two names always seen together score 1. A
pair seen together in a single sentence scores high by chance, so a pair needs at least
``min_shared`` shared sentences (2 by default) to be ranked at all.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from search.explore.article_data import ArticleExplore
from search.explore.article_names import ArticleNames, NameKey
from search.models.explore import (
    CoOccurrence,
    EntityProfile,
    Evidence,
    GraphEdge,
    MonthCount,
    SpeakerStatement,
    TimelineEvent,
)

MIN_SHARED = 2
EVIDENCE_LIMIT = 5

# (type, canonical) -> how many articles name it.
ArticleCount = Callable[[str, str], int]
# article ids -> {id: (title, body)} of those found.
ReadTexts = Callable[[Iterable[str]], dict[str, tuple[str, str]]]


@dataclass(frozen=True)
class ExploredArticle:
    """One article as the explorers read it."""

    id: str
    title: str
    body: str
    date: str | None
    data: ArticleExplore


def first_day(iso: str) -> str:
    """The first day of an ISO year, month or day ("2024" -> "2024-01-01")."""
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10]


def last_day(iso: str) -> str:
    """The last day of an ISO year, month or day ("2024-02" -> "2024-02-29")."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return iso[:10]


def timeline(
    articles: Iterable[ExploredArticle], date_from: str | None = None, date_to: str | None = None
) -> list[TimelineEvent]:
    """Every dated event of the articles, oldest date first.

    Args:
        articles: the articles to read.
        date_from: keep events whose dates reach this day, month or year ("2024-07").
        date_to: keep events whose dates begin by the end of this day, month or year.
    """
    low = first_day(date_from) if date_from else None
    high = last_day(date_to) if date_to else None
    found = []
    for article in articles:
        for event in article.data.events:
            date = event.date
            if low is not None and last_day(date.end) < low:
                continue
            if high is not None and first_day(date.start) > high:
                continue
            text = article.title if event.part == "title" else article.body
            found.append(
                TimelineEvent(
                    date.start,
                    date.end,
                    date.precision,
                    date.resolved,
                    text[event.start : event.end],
                    article.id,
                    event.part,
                    event.start,
                    event.end,
                    event.mention_start,
                    event.mention_end,
                    article.title,
                    article.date,
                )
            )
    found.sort(key=lambda e: (e.date_start, e.date_end, e.article_date or "", e.article_id))
    return found


def statements(articles: Iterable[ExploredArticle], speaker: str) -> list[SpeakerStatement]:
    """The statements of one speaker (a canonical name), newest article first."""
    wanted = speaker.casefold()
    found = []
    for article in articles:
        for statement in article.data.statements:
            if statement.speaker.casefold() != wanted:
                continue
            found.append(
                SpeakerStatement(
                    statement.speaker,
                    article.body[statement.start : statement.end],
                    statement.kind,
                    article.id,
                    statement.start,
                    statement.end,
                    statement.sentence_start,
                    statement.sentence_end,
                    article.title,
                    article.date,
                )
            )
    found.sort(key=lambda s: (s.article_date or "", s.article_id, -s.start), reverse=True)
    return found


def npmi(together: int, first: int, second: int, total: int) -> float:
    """Normalised PMI of two names from article counts (together, each, all)."""
    if together <= 0 or total <= 0:
        return -1.0
    p_xy = together / total
    if p_xy >= 1.0:
        return 1.0
    p_x = max(first, together) / total
    p_y = max(second, together) / total
    return math.log(p_xy / (p_x * p_y)) / -math.log(p_xy)


def profile(
    name: str,
    entity_type: str,
    articles: Sequence[ArticleNames],
    article_count: ArticleCount,
    total: int,
    read_texts: ReadTexts,
    *,
    min_shared: int = MIN_SHARED,
    limit: int = 50,
) -> EntityProfile:
    """The entity page of one entity from the articles that name it.

    Args:
        name: the entity's canonical name.
        entity_type: its type.
        articles: every article naming it.
        article_count: how many articles of the corpus name a ``(type, canonical)``.
        total: how many articles the corpus has.
        read_texts: the titles and bodies of articles, read only for the evidence shown.
        min_shared: the fewest shared sentences for a co-occurring entity to be ranked.
        limit: at most this many co-occurring entities.
    """
    key = (entity_type, name)
    forms: Counter[str] = Counter()
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article in articles:
        own = article.named(key)
        mentions = own.mentions if own is not None else 0
        if own is not None:
            forms.update(dict(own.forms))
        if article.date and len(article.date) >= 7:
            month = months[article.date[:7]]
            month[0] += 1
            month[1] += mentions
    companions = _companions(key, articles, article_count, total, min_shared, limit)
    newest = sorted(articles, key=lambda a: (a.date or "", a.id), reverse=True)
    return EntityProfile(
        name,
        entity_type,
        tuple(form for form, _ in forms.most_common() if form.casefold() != name.casefold()),
        len(articles),
        tuple(article.id for article in newest),
        tuple(MonthCount(month, *counts) for month, counts in sorted(months.items())),
        tuple(_with_evidence_texts(companions, read_texts)),
    )


def _companions(
    key: NameKey,
    articles: Sequence[ArticleNames],
    article_count: ArticleCount,
    total: int,
    min_shared: int,
    limit: int,
) -> list[CoOccurrence]:
    """The best ``limit`` companions of ``key``, their evidence still without its text."""
    sentences: Counter[NameKey] = Counter()
    shared_in: dict[NameKey, set[str]] = defaultdict(set)
    evidence: dict[NameKey, list[Evidence]] = defaultdict(list)
    for article in articles:
        for shared in article.shared:
            if key not in shared.names:
                continue
            for other in shared.names:
                if other == key:
                    continue
                sentences[other] += 1
                shared_in[other].add(article.id)
                if len(evidence[other]) < EVIDENCE_LIMIT:
                    evidence[other].append(Evidence(article.id, "", shared.start, shared.end))
    mine = max(article_count(*key), len(articles))
    ranked = [
        CoOccurrence(
            other[1],
            other[0],
            count,
            len(shared_in[other]),
            round(npmi(len(shared_in[other]), mine, article_count(*other), total), 4),
            tuple(evidence[other]),
        )
        for other, count in sentences.items()
        if count >= min_shared
    ]
    ranked.sort(key=lambda c: (-c.score, -c.count, c.name))
    return ranked[:limit]


def _with_evidence_texts(
    companions: list[CoOccurrence], read_texts: ReadTexts
) -> list[CoOccurrence]:
    """The companions with each evidence sentence cut from its article's body."""
    texts = read_texts({e.article_id for c in companions for e in c.evidence})
    filled = []
    for companion in companions:
        evidence = []
        for found in companion.evidence:
            if found.article_id in texts:
                title, body = texts[found.article_id]
                evidence.append(replace(found, sentence=body[found.start : found.end], title=title))
        filled.append(replace(companion, evidence=tuple(evidence)))
    return filled


def graph(
    articles: Iterable[ArticleNames],
    article_count: ArticleCount,
    total: int,
    *,
    min_shared: int = MIN_SHARED,
) -> list[GraphEdge]:
    """Every pair of entities sharing at least ``min_shared`` sentences, best score first."""
    sentences: Counter[tuple[NameKey, NameKey]] = Counter()
    shared_in: dict[tuple[NameKey, NameKey], set[str]] = defaultdict(set)
    for article in articles:
        for shared in article.shared:
            names = sorted(shared.names)
            for index, first in enumerate(names):
                for second in names[index + 1 :]:
                    sentences[first, second] += 1
                    shared_in[first, second].add(article.id)
    edges = []
    for (first, second), count in sentences.items():
        if count < min_shared:
            continue
        together = len(shared_in[first, second])
        score = npmi(together, article_count(*first), article_count(*second), total)
        edges.append(
            GraphEdge(first[1], first[0], second[1], second[0], count, together, round(score, 4))
        )
    edges.sort(key=lambda e: (-e.score, -e.count, e.source, e.target))
    return edges
