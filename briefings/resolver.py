"""The one place that says how each note stands against the corpus as it is now.

Every view of a briefing (the notes view, a reading pane's quote marks, both exports,
``briefing notes``) asks :func:`resolve_notes`; none finds quotes again on its own and
none changes a stored note. A note is:

* ``anchored``: its article is there and its quote is at the same place, word for word
  (a note without a quote: its article is there);
* ``moved``: the same words, at other offsets (text was added or removed around them);
* ``changed``: the passage was found but its words differ; the note keeps the words the
  analyst quoted and the resolution carries the current ones;
* ``orphaned``: its article or its passage is gone.

An article is found by its id (its corpus-relative path and place in its file); the
place is checked against the title, so an article inserted before it in the same file
does not steal its notes: the article with the same title in the same file is taken.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PureWindowsPath
from typing import Protocol

from briefings.anchoring import AnchorStatus, reanchor
from briefings.models import ArticleRef, Note, Quote
from search.models.articles import Article, ArticleSummary


class NoteStatus(enum.Enum):
    """Where a note stands against the current corpus."""

    ANCHORED = "anchored"
    MOVED = "moved"
    CHANGED = "changed"
    ORPHANED = "orphaned"


class ArticleLookup(Protocol):
    """What the resolver asks of the corpus (a ``SearchService`` is one)."""

    def article(self, article_id: str) -> Article | None: ...

    def articles(self) -> list[ArticleSummary]: ...


@dataclass(frozen=True)
class ResolvedNote:
    """A note with its status against the current corpus.

    Attributes:
        note: the note as stored (never changed by resolving).
        status: see :class:`NoteStatus`.
        article: the article as it is now (None when it is gone).
        current: the quote as the passage is now (its offsets, and for ``changed`` its
            current words); None for an orphaned note or one without a quote.
        reason: for an orphaned note, one line saying what is missing.
        elsewhere: the name of the other corpus folder the note was taken in, when
            it was resolved there (or is gone with it) rather than in this corpus.
    """

    note: Note
    status: NoteStatus
    article: Article | None = None
    current: Quote | None = None
    reason: str = ""
    elsewhere: str | None = None

    @property
    def citation(self) -> ArticleRef:
        """The article to cite: as it is now when it is there, else as stored."""
        if self.article is None:
            return self.note.article
        return ArticleRef.from_article(self.article, self.note.article.corpus)

    @property
    def source_key(self) -> tuple[str, str]:
        """Which source the note cites: one key per article of one corpus (two corpora
        can hold articles with the same id, a path and a place in a file)."""
        article_id = self.article.id if self.article is not None else self.note.article.id
        return (self.elsewhere or "", article_id)

    @property
    def from_other_corpus(self) -> bool:
        """The note belongs to another corpus folder than the one it was checked in."""
        return self.elsewhere is not None


ARTICLE_GONE = "its article is no longer in the corpus"
PASSAGE_GONE = "the quoted passage is no longer in its article"
OTHER_CORPUS = "it was taken in another corpus, not found here"

_STATUS = {
    AnchorStatus.UNCHANGED: NoteStatus.ANCHORED,
    AnchorStatus.MOVED: NoteStatus.MOVED,
    AnchorStatus.FUZZY: NoteStatus.CHANGED,
}


def count_status(resolved: Iterable[ResolvedNote], status: NoteStatus) -> int:
    """How many of ``resolved`` have ``status``."""
    return sum(1 for item in resolved if item.status is status)


def resolve_notes(
    notes: Iterable[Note],
    corpus: ArticleLookup,
    *,
    corpus_name: str | None = None,
    elsewhere: Callable[[str], ArticleLookup | None] | None = None,
) -> list[ResolvedNote]:
    """Each note's status against ``corpus``, in the notes' order.

    A note is looked for in ``corpus`` first (a copy or a move of the folder it was
    taken in holds the same articles). One lost there, or found there only under
    another title, is looked for in the corpus folder it was taken in, when
    ``elsewhere`` can open it, and where it stands there is reported.

    Args:
        notes: the notes of a briefing (or any notes).
        corpus: the current articles.
        corpus_name: the name of the corpus folder; an orphan whose note names a
            different one is reported as taken in another corpus.
        elsewhere: opens the corpus folder a note was taken in (its
            ``ArticleRef.corpus``), or gives None when it is this one or is gone.

    Returns:
        One :class:`ResolvedNote` per note.
    """
    here = _ArticleFinder(corpus)
    others: dict[str, _ArticleFinder | None] = {}
    first = [_resolve_in(here, note) for note in notes]
    resolved = [found for found, _ in first]
    # A corpus folder some of whose notes are found here by title is this one (a copy,
    # or the same folder moved).
    at_home = {r.note.article.corpus for r, sure in first if r.article is not None and sure}
    for i, (found, sure) in enumerate(first):
        own = found.note.article.corpus
        if (sure and found.status is not NoteStatus.ORPHANED) or not own:
            continue
        if elsewhere is not None:
            if own not in others:
                lookup = elsewhere(own)
                others[own] = _ArticleFinder(lookup) if lookup is not None else None
            there, there_sure = (
                _resolve_in(others[own], found.note) if others[own] is not None else (None, False)
            )
            # Lost here (or found only under another title) but still in the folder it
            # was taken in: say where it stands there.
            if there is not None and (
                (there.status is not NoteStatus.ORPHANED and (there_sure or not sure))
                or (found.status is NoteStatus.ORPHANED and own not in at_home)
            ):
                resolved[i] = replace(there, elsewhere=found.note.article.corpus_name)
                continue
        if found.status is not NoteStatus.ORPHANED:
            continue
        name = found.note.article.corpus_name
        if found.article is None and own not in at_home and corpus_name and name != corpus_name:
            resolved[i] = replace(found, reason=OTHER_CORPUS, elsewhere=name)
    return resolved


def _resolve_in(finder: _ArticleFinder, note: Note) -> tuple[ResolvedNote, bool]:
    """The note resolved in one corpus, and whether its article was found by its title."""
    article, same_title = finder.find(note.article)
    if article is not None and not same_title:
        # Another title at the article's place: it is the note's article only if its
        # quote is there (a title edited in place), else the article is gone.
        found = _resolve_quote(note, article) if note.quote is not None else None
        if found is not None and found.status is not NoteStatus.ORPHANED:
            return found, False
        article = None
    if article is None:
        return ResolvedNote(note, NoteStatus.ORPHANED, reason=ARTICLE_GONE), False
    return _resolve_quote(note, article), True


def _resolve_quote(note: Note, article: Article) -> ResolvedNote:
    if note.quote is None:
        return ResolvedNote(note, NoteStatus.ANCHORED, article)
    found = reanchor(note.quote, article)
    if found.status is AnchorStatus.ORPHANED:
        return ResolvedNote(note, NoteStatus.ORPHANED, article, reason=PASSAGE_GONE)
    return ResolvedNote(note, _STATUS[found.status], article, current=found.quote)


class _ArticleFinder:
    """Finds the current article a stored reference means, asking the corpus lazily."""

    def __init__(self, corpus: ArticleLookup) -> None:
        self._corpus = corpus
        self._by_id: dict[str, Article | None] = {}
        self._files: dict[str, list[ArticleSummary]] | None = None

    def find(self, ref: ArticleRef) -> tuple[Article | None, bool]:
        """The article ``ref`` means, and whether its title is still the same.

        By id when the title agrees; else the article of that title in the same file
        (nearest the old place); else what is at the old place, or the file's only
        article, with a different title.
        """
        by_id = self._article(ref.id) if ref.id else None
        if by_id is not None and _same_title(by_id.title, ref.title):
            return by_id, True
        same_file = self._in_file(ref.path)
        titled = [s for s in same_file if _same_title(s.title, ref.title)]
        if titled:
            position = by_id.position if by_id is not None else 0
            best = min(titled, key=lambda s: abs(s.position - position))
            return self._article(best.id), True
        if by_id is None and len(same_file) == 1:
            by_id = self._article(same_file[0].id)
        return by_id, False

    def _article(self, article_id: str) -> Article | None:
        if article_id not in self._by_id:
            self._by_id[article_id] = self._corpus.article(article_id)
        return self._by_id[article_id]

    def _in_file(self, path: str | None) -> Sequence[ArticleSummary]:
        if not path:
            return ()
        if self._files is None:
            self._files = {}
            for summary in self._corpus.articles():
                self._files.setdefault(summary.path, []).append(summary)
        found = self._files.get(path)
        posix = path.replace("\\", "/")
        if found is None and (posix.startswith("/") or PureWindowsPath(path).is_absolute()):
            # Written before paths were corpus-relative: the stored absolute path ends
            # with the corpus-relative one.
            ends = [rel for rel in self._files if posix.endswith("/" + rel)]
            found = self._files[max(ends, key=len)] if ends else None
        return found or ()


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
