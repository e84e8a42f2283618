"""Plain frozen records of exploring a corpus: timelines, statements and entity pages
(see :mod:`search.explore`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimelineEvent:
    """A sentence that mentions a date, with the date it means.

    ``date_start``/``date_end`` are ISO dates cut to ``precision`` ("day", "month" or
    "year"; equal unless the mention is a range); ``resolved`` says the article's own
    date supplied what the mention left out ("on July 3", "yesterday"). ``start``/``end``
    are the sentence's offsets in the article's body, or in its title when ``part`` is
    "title"; ``mention_start``/``mention_end`` those of the date mention.
    ``article_date`` is when the article was published, not the date mentioned.
    """

    date_start: str
    date_end: str
    precision: str
    resolved: bool
    sentence: str
    article_id: str
    part: str
    start: int
    end: int
    mention_start: int
    mention_end: int
    title: str = ""
    article_date: str | None = None

    @property
    def date(self) -> str:
        """The date as ISO 8601: one date, or a range written ``start/end``."""
        if self.date_start == self.date_end:
            return self.date_start
        return f"{self.date_start}/{self.date_end}"


@dataclass(frozen=True)
class SpeakerStatement:
    """Words attributed to a speaker in one article.

    ``kind`` is "direct" (a quotation) or "reported" ("according to X, …", "X said
    that …"); ``text`` is the words, ``body[start:end]`` of the article;
    ``sentence_start``/``sentence_end`` the sentences holding them (what to quote).
    """

    speaker: str
    text: str
    kind: str
    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    title: str = ""
    article_date: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence where two entities are named together: ``body[start:end]``."""

    article_id: str
    sentence: str
    start: int
    end: int
    title: str = ""


@dataclass(frozen=True)
class CoOccurrence:
    """An entity named in the same sentences as another one.

    ``count`` is how many sentences they share, ``articles`` in how many articles;
    ``score`` the normalised pointwise mutual information of the two over articles (-1
    to 1: 1 when they are only ever named together, 0 when as often as chance would
    have it), so that the most frequent names do not simply come first.
    """

    name: str
    type: str
    count: int
    articles: int
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class MonthCount:
    """How often an entity is named in the articles of one month ("2024-07")."""

    month: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class EntityProfile:
    """One entity across the corpus: its names, articles, months and companions.

    ``articles`` is how many articles name it and ``article_ids`` which (newest
    first); ``mentions`` counts per month of the articles' own dates, oldest first
    (undated articles are left out); ``cooccurring`` is ranked by score.
    """

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int
    article_ids: tuple[str, ...]
    mentions: tuple[MonthCount, ...]
    cooccurring: tuple[CoOccurrence, ...]


@dataclass(frozen=True)
class GraphEdge:
    """Two entities named in the same sentences: one edge of the co-occurrence graph."""

    source: str
    source_type: str
    target: str
    target_type: str
    count: int
    articles: int
    score: float
