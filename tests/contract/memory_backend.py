"""A naive in-memory :class:`~search.backend.SearchService`, to keep the contract suite honest.

It shares nothing with the Whoosh backend but the reader, the entity extractor (which
every backend uses) and the neutral query tree: what the user typed is parsed by
:func:`search.query.parser.parse`, the structured filters are added by
:func:`search.query.filters.narrowed`, and :mod:`tests.contract.memory_query` evaluates
the tree itself by scanning every article. So a contract test that only the Whoosh
backend could pass fails here, and the tree is shown to carry everything a backend
needs. Related articles share names (a person counts three points, an organisation two,
a place one) and words held by fewer than half of the articles.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from pathlib import Path

from search.backend import ProgressCallback, SearchService
from search.models import (
    ENTITY_FIELDS,
    NO_FILTERS,
    Facet,
    Hit,
    SearchFilters,
    SearchResults,
    SkippedFile,
    Snippet,
)
from search.models.articles import Article, ArticleSummary, EntitySpan
from search.models.indexing import IndexProgress, IndexReport
from search.query import tree
from search.query.filters import narrowed
from search.query.parser import parse
from search.reading.reader import UnreadableFile, read_articles, walk_corpus
from tests.contract.memory_query import document, evaluate, highlighted

SNIPPET_CHARS = 160
_WORD = re.compile(r"[^\W_][\w'’-]*")
_FACETS = (*ENTITY_FIELDS.values(), "source")
_NAME_POINTS = {"PERSON": 3, "ORG": 2, "PLACE": 1}


class MemoryBackend(SearchService):
    """Every article of ``corpus`` held in dictionaries, searched by scanning them all."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = Path(corpus)
        self._lock = threading.Lock()
        self._signatures: dict[str, tuple[int, int]] | None = None
        self._files: dict[str, list[Article]] = {}
        self._articles: dict[str, Article] = {}
        self._spans: dict[str, list[EntitySpan]] = {}

    # Keeping up with the folder ------------------------------------------------------

    def _scan(self) -> tuple[dict[str, tuple[Path, tuple[int, int]]], list[SkippedFile]]:
        found, skipped = {}, []
        for item in walk_corpus(self.corpus):
            if isinstance(item, SkippedFile):
                skipped.append(item)
                continue
            try:
                stat = item.stat()
            except OSError as exc:
                skipped.append(SkippedFile(str(item), str(exc)))
                continue
            relative = item.relative_to(self.corpus.absolute()).as_posix()
            found[relative] = (item, (stat.st_mtime_ns, stat.st_size))
        return found, skipped

    def needs_update(self) -> bool:
        if self._signatures is None:
            return True
        found, _ = self._scan()
        return {rel: sig for rel, (_, sig) in found.items()} != self._signatures

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        find_copies: bool = False,
    ) -> IndexReport:
        started = time.monotonic()
        found, skipped = self._scan()
        with self._lock:
            old = {} if rebuild else dict(self._signatures or {})
            files = {} if rebuild else dict(self._files)
            before = {a.id: a.content_hash for arts in self._files.values() for a in arts}
            read = unchanged = 0
            for done, (relative, (path, signature)) in enumerate(found.items(), 1):
                if cancel is not None and cancel.is_set():
                    break
                if old.get(relative) == signature and relative in files:
                    unchanged += 1
                else:
                    read += 1
                    try:
                        files[relative] = read_articles(path, root=self.corpus)
                    except UnreadableFile as exc:
                        files.pop(relative, None)
                        skipped.append(SkippedFile(str(path), str(exc)))
                if progress is not None:
                    progress(IndexProgress(done, len(found), relative))
            files = {rel: files[rel] for rel in found if rel in files}
            after = {a.id: a for arts in files.values() for a in arts}
            added = sum(1 for i in after if i not in before)
            updated = sum(
                1 for i, a in after.items() if i in before and before[i] != a.content_hash
            )
            removed = sum(1 for i in before if i not in after)
            spans = {
                i: self._spans[i]
                for i in after
                if i in self._spans and before[i] == after[i].content_hash
            }
            for article_id, article in after.items():
                if article_id not in spans:
                    from search.entities import extract_entities

                    spans[article_id] = list(extract_entities(article.body))
            self._files, self._articles, self._spans = files, after, spans
            self._signatures = {rel: sig for rel, (_, sig) in found.items()}
        return IndexReport(
            files_read=read,
            files_unchanged=unchanged,
            articles=len(after),
            added=added,
            updated=updated,
            removed=removed,
            elapsed=time.monotonic() - started,
            skipped=tuple(skipped),
        )

    # Reading ---------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def articles(self) -> list[ArticleSummary]:
        # Corpus order as the reader walks it: a folder's files, then its subfolders.
        return [_summary(article) for article in self._articles.values()]

    def entities(self, article_id: str) -> list[EntitySpan]:
        return list(self._spans.get(article_id, []))

    # Querying --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 50,
        last_word_partial: bool = False,  # no prefix matching here: ignored
    ) -> SearchResults:
        started = time.monotonic()
        wanted = narrowed(parse(query.strip()) if query.strip() else None, filters)
        words = highlighted(wanted)
        found = self._matches(wanted)
        hits = [self._hit(article, score, words) for article, score in found[: max(1, limit)]]
        elapsed = time.monotonic() - started
        return SearchResults(query, tuple(hits), len(found), elapsed, None, tuple(words), filters)

    def _matches(self, wanted: tree.Node | None) -> list[tuple[Article, float]]:
        """The articles the tree keeps, best first (every article when it is None)."""
        if wanted is None:
            return [(article, 0.0) for article in self._articles.values()]
        documents = [document(a, self._spans[a.id]) for a in self._articles.values()]
        scores = evaluate(wanted, documents) or {}
        # Highest score first; ties in corpus order.
        found = [(a, scores[a.id]) for a in self._articles.values() if a.id in scores]
        found.sort(key=lambda pair: -pair[1])
        return found

    def _hit(self, article: Article, score: float, words: list[str]) -> Hit:
        return Hit(
            id=article.id,
            title=article.title,
            path=article.path,
            score=score,
            snippet=_snippet(article.body, words),
            source=article.source,
            author=article.author,
            date=article.date,
            url=article.url,
        )

    def related(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        # Shared names (a person counts most) plus shared words of four letters or more
        # that fewer than half of the articles hold, one point each.
        article = self._articles.get(article_id)
        if article is None:
            return []
        holding = Counter(word for other in self._articles.values() for word in _long_words(other))
        own = {word for word in _long_words(article) if 2 * holding[word] < len(self._articles)}
        names = self._names(article_id)
        scored = []
        for other in self._articles.values():
            if other.id == article_id:
                continue
            shared = own & _long_words(other)
            points = sum(_NAME_POINTS[kind] for kind, _ in names & self._names(other.id))
            score = len(shared) + points
            if score:
                scored.append((other, float(score), sorted(shared)))
        scored.sort(key=lambda item: -item[1])
        return [self._hit(other, score, words) for other, score, words in scored[:limit]]

    def _names(self, article_id: str) -> set[tuple[str, str]]:
        return {
            (span.type, span.canonical.lower())
            for span in self._spans[article_id]
            if span.type in _NAME_POINTS
        }

    def facets(
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 10,
        last_word_partial: bool = False,  # no prefix matching here: ignored
    ) -> list[Facet]:
        wanted = narrowed(parse(query.strip()) if query.strip() else None, filters)
        counts = {field: Counter() for field in _FACETS}
        for article, _ in self._matches(wanted):
            for span_field, names in _facet_values(article, self._spans[article.id]).items():
                counts[span_field].update(names)
        return [
            Facet(field, tuple(sorted(counts[field].items(), key=lambda i: (-i[1], i[0]))[:limit]))
            for field in _FACETS
        ]


def _long_words(article: Article) -> set[str]:
    text = f"{article.title}\n{article.body}".lower()
    return {word for word in _WORD.findall(text) if len(word) > 3}


def _snippet(body: str, words: list[str]) -> Snippet:
    """A window of the body around the first matched word, every word in it marked."""
    low = body.lower()
    first = min((low.find(w) for w in words if w in low), default=0)
    start = max(0, first - SNIPPET_CHARS // 4)
    text = body[start : start + SNIPPET_CHARS]
    marks = []
    for word in words:
        at = text.lower().find(word)
        while at != -1:
            marks.append((at, at + len(word)))
            at = text.lower().find(word, at + len(word))
    return Snippet(text, tuple(sorted(marks)))


def _facet_values(article: Article, spans: list[EntitySpan]) -> dict[str, set[str]]:
    values = {field: set() for field in _FACETS}
    for span in spans:
        field = ENTITY_FIELDS.get(span.type)
        if field is not None:
            values[field].add(span.canonical)
    if article.source:
        values["source"].add(article.source)
    return values


def _summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=article.title,
        path=article.path,
        position=article.position,
        source=article.source,
        author=article.author,
        date=article.date,
        url=article.url,
        encoding=article.encoding,
        pages=article.pages,
        origins=article.origins,
    )
