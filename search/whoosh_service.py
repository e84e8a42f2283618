"""The embedded search service: one Whoosh index per corpus folder in the user cache.

Follows Whoosh's threading advice: no searcher is shared between threads (each thread
keeps its own, reopened after every commit, see :mod:`search.query.searchers`), and every call
copies plain records out before returning, so the app can search from worker threads
while an update commits. Only records from :mod:`search.models` leave.

Creating the service and listing its articles (read from the manifest beside the index)
import no Whoosh: an app can list a corpus before the index is opened. The indexer and
the searchers are made on first use.
"""

from __future__ import annotations

import struct
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from search.backend import ProgressCallback, SearchService
from search.index.manifest import MANIFEST_NAME, load_manifest
from search.index.name_counts import NameCounts
from search.locations import index_dir
from search.models import (
    ENTITY_FIELDS,
    NO_FILTERS,
    Facet,
    Hit,
    IndexUnwritable,
    QueryError,
    SearchFilters,
    SearchResults,
)

if TYPE_CHECKING:
    from search.index.duplicates import KnownDuplicates
    from search.index.indexer import Indexer
    from search.index.vocabulary import Vocabulary
    from search.models.articles import Article, ArticleCopies, ArticleSummary, EntitySpan, Mention
    from search.models.indexing import IndexReport
    from search.query.bounds import Budget
    from search.query.facets import FacetCounter
    from search.query.other_spellings import OtherSpellings
    from search.query.prefix import PrefixIndex
    from search.query.searchers import SearcherPool

FACET_SAMPLE = 500
_READ_ERRORS = (OSError, EOFError, struct.error, zlib.error)
_DAMAGED = "the index cannot be read; run `briefing index --rebuild`"


class _QueryReading(NamedTuple):
    """A query as run: the Whoosh query, the query as typed (ranked first while a word is
    half typed), the half-typed word and the words it stands for."""

    parsed: object | None
    exact: object | None
    being_typed: str | None
    expansions: list[str]


class WhooshSearchService(SearchService):
    """Search one corpus folder through a Whoosh index kept in ``folder``.

    Args:
        corpus: The folder of documents.
        folder: The index folder (default: the corpus's folder in the user cache).
        indexer: What updates the index (default: an :class:`Indexer` for the corpus).
        follow_outside: Whether updates read symlinks that lead out of the corpus (None:
            as recorded with the index); see :class:`Indexer`.
    """

    def __init__(
        self,
        corpus: Path,
        folder: Path | None = None,
        *,
        indexer: Indexer | None = None,
        follow_outside: bool | None = None,
    ) -> None:
        # The folder as its index knows it: the index is kept under the resolved path, so
        # its files must be named through it too, or a corpus opened once by a link and
        # once by its real path would be read again in full at each change of spelling.
        self.corpus = Path(corpus).resolve()
        self.folder = folder or index_dir(self.corpus)
        self._indexer = indexer
        self._follow_outside = follow_outside
        self._lock = threading.Lock()
        self._searcher_pool: SearcherPool | None = None
        self._facet_counter: FacetCounter | None = None
        self._name_counts = NameCounts()
        self._words: tuple[int, Vocabulary] | None = None
        # What is made from the vocabulary (its prefix index; the other spellings of an
        # index without their own list), by maker.
        self._made: dict[type, tuple[Vocabulary, object]] = {}
        # The other spellings, with the time of the list of words they were made from.
        self._spellings: tuple[int, OtherSpellings] | None = None
        self._known: KnownDuplicates | None = None
        self._listed: tuple[tuple[int, int, int], list[ArticleSummary]] | None = None

    @property
    def indexer(self) -> Indexer:
        """What updates the index, made on first use (it imports Whoosh)."""
        with self._lock:
            if self._indexer is None:
                from search.index.indexer import Indexer

                self._indexer = Indexer(
                    self.corpus, self.folder, follow_outside=self._follow_outside
                )
            return self._indexer

    @property
    def _searchers(self) -> SearcherPool:
        with self._lock:
            if self._searcher_pool is None:
                from search.query.searchers import SearcherPool

                self._searcher_pool = SearcherPool(self.folder, broken=_READ_ERRORS)
            return self._searcher_pool

    def needs_update(self) -> bool:
        return self.indexer.needs_update()

    def may_need_update(self) -> bool:
        return self.indexer.may_need_update()

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        find_copies: bool = False,
    ) -> IndexReport:
        try:
            report = self.indexer.update(rebuild=rebuild, progress=progress, cancel=cancel)
        except OSError as exc:
            # A read-only cache or a full disk: the index as it stands may still answer.
            raise IndexUnwritable(_os_reason(exc), usable=self.indexer.usable()) from exc
        if not find_copies:
            return report
        found = self._duplicates().found
        return replace(
            report,
            identical_files=tuple(found.identical_files),
            version_pairs=tuple(found.version_pairs),
        )

    def _duplicates(self) -> KnownDuplicates:
        """The copies and versions of the index as it stands, found once per commit."""
        from search.index.duplicates import KnownDuplicates
        from search.index.store import generation_key

        key = generation_key(self.folder)
        known = self._known
        if known is None or key is None or known.key != key:
            try:
                earlier = known.found.verdicts if known is not None else None
                known = self._known = KnownDuplicates.kept(
                    self.folder, key, self._manifest_files, self._bodies, earlier
                )
            except QueryError:
                # An index that cannot be read shows no duplicates; searching it says why.
                known = KnownDuplicates.of(None, {}, self._bodies)
        return known

    def _manifest_files(self) -> dict[str, tuple[str, list[dict]]]:
        manifest = load_manifest(self.folder)
        return {k: (e.digest, e.articles) for k, e in manifest.files.items()} if manifest else {}

    def _documents(self, article_ids) -> dict[str, dict]:
        """The stored documents of the articles of ``article_ids`` that are found."""
        from search.query.by_id import stored_document

        found = {}
        with self._reading() as searcher:
            for article_id in article_ids if searcher is not None else ():
                stored = stored_document(searcher, "id", article_id)
                if stored:
                    found[article_id] = stored
        return found

    def _bodies(self, article_ids) -> dict[str, str]:
        return {key: stored.get("body", "") for key, stored in self._documents(article_ids).items()}

    def copies_of(self, article_id: str) -> ArticleCopies:
        return self._duplicates().copies_of(article_id)

    @contextmanager
    def _reading(self):
        """A searcher lent for this call (None before the first update); read failures say so."""
        from search.index.store import DamagedIndex

        try:
            with self._searchers.borrow() as searcher:
                yield searcher
        except DamagedIndex:
            raise QueryError(_DAMAGED) from None
        except _READ_ERRORS as exc:
            raise QueryError(_DAMAGED) from exc

    def search(
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 50,
        last_word_partial: bool = False,
    ) -> SearchResults:
        from whoosh.query.qcore import QueryError as WhooshQueryError

        from search.query.bounds import Budget, check_patterns
        from search.query.parser import suggest

        started = time.monotonic()
        text = query.strip()
        limit = max(1, limit)
        # A pattern standing for too many words, or a query running too long, is refused
        # in one line (search.query.bounds) rather than run without end.
        budget = Budget(text)
        with self._reading() as searcher:
            if searcher is None:
                return SearchResults(query, (), 0, time.monotonic() - started, filters=filters)
            suggestion = None
            reading = self._read_query(searcher, text, filters, last_word_partial)
            being_typed, expansions = reading.being_typed, reading.expansions
            parsed, exact = reading.parsed, reading.exact
            if parsed is None:
                hits, total = self._listing(searcher, limit), searcher.doc_count()
            else:
                check_patterns(parsed, searcher.reader(), budget)
                try:
                    hits, total = self._ranked(searcher, parsed, limit, budget, exact)
                except WhooshQueryError as exc:
                    # A query Whoosh refuses only when it runs: one line, like the others.
                    reason = " ".join(str(exc).split())
                    raise QueryError(f"cannot run the query: {reason}") from None
            if text:
                others = self._other_spellings()

                # A half-typed word that starts known words is not misspelt (yet).
                def known(word: str) -> bool:
                    typing = bool(expansions) and word == being_typed
                    return typing or _known(searcher, word, others)

                suggestion = suggest(text, known, self._correct)
        terms = _terms(text, hits)
        elapsed = time.monotonic() - started
        return SearchResults(query, tuple(hits), total, elapsed, suggestion, terms, filters)

    def _read_query(
        self, searcher, text: str, filters: SearchFilters, last_word_partial: bool
    ) -> _QueryReading:
        """The Whoosh query for ``text`` narrowed by ``filters``, as search and facets read it."""
        from search.query.filters import narrowed
        from search.query.parser import parse
        from search.query.prefix import partial_word, with_prefix
        from search.query.whoosh_query import to_whoosh

        typed = parse(text) if text else None
        being_typed = partial_word(text) if last_word_partial and typed else None
        expansions = self._expansions(being_typed, searcher) if being_typed else []
        others = self._other_spellings() if typed else None
        exact = None
        if expansions and _known(searcher, being_typed, others):
            # The query as typed ranks its hits first; the expanded one adds the rest.
            # (A half word the index does not hold finds nothing as typed.)
            exact = to_whoosh(narrowed(typed, filters), searcher.schema, others=others)
        if expansions:
            typed = with_prefix(typed, being_typed, expansions)
        wanted = narrowed(typed, filters)
        parsed = None if wanted is None else to_whoosh(wanted, searcher.schema, others=others)
        return _QueryReading(parsed, exact, being_typed, expansions)

    def _listing(self, searcher, limit: int) -> list[Hit]:
        from whoosh import query as wq
        from whoosh import sorting

        from search.query import snippets

        order = sorting.MultiFacet(
            [sorting.FieldFacet("date_sort", reverse=True), sorting.FieldFacet("title_sort")]
        )
        results = searcher.search(wq.Every(), limit=limit, sortedby=order)
        return [_hit(hit.fields(), 0.0, snippets.opening(hit["body"])) for hit in results]

    def _ranked(
        self, searcher, parsed, limit: int, budget: Budget, first=None
    ) -> tuple[list[Hit], int]:
        """The top hits of ``parsed`` and their count; the hits of ``first`` (a query
        matching some of the same articles) ranked above the others."""
        from search.query import snippets

        top, total = _top(searcher, parsed, limit, budget)
        if first is not None:
            ahead, _ = _top(searcher, first, limit, budget)
            taken = {docnum for _, docnum in ahead}
            top = (ahead + [pair for pair in top if pair[1] not in taken])[:limit]
        found = [
            (docnum, searcher.stored_fields(docnum), float(score or 0.0)) for score, docnum in top
        ]
        bodies = {docnum: stored.get("body", "") for docnum, stored, _ in found}
        cut = snippets.match_snippets(searcher, parsed, bodies)
        hits = [
            _hit(stored, score, cut.get(docnum) or snippets.opening(bodies[docnum]))
            for docnum, stored, score in found
        ]
        return hits, total

    def warm_up(self) -> None:
        # The word list behind "did you mean" (loaded and indexed on the first unknown
        # word, about 50 ms on 10k articles), the words a half-typed one stands for, an
        # open searcher with its field lengths and term tables read, and the modules a
        # search imports: a search as typed does all of that (over a second at 100,000
        # articles when cold).
        vocabulary = self._vocabulary()
        if vocabulary is not None:
            vocabulary.correct("briefing")
            self._prefix_index()
        self.search("briefing news", limit=1, last_word_partial=True)
        # Not the copies and versions: found again after a change, they take seconds of
        # the interpreter at 100,000 articles, which the first keys would wait behind.

    def _expansions(self, word: str, searcher) -> list[str]:
        """The corpus's most used words starting with ``word``, one per stem, its own left out.

        Words sharing a stem are one term in the index (governments, government), so a
        second one would only take the place of another word. The words stop before they
        are in more than ``MAX_ARTICLE_SHARE`` of the articles together (the first always
        counts; a small corpus is not bounded): searching a word costs in proportion to the
        articles holding it.
        """
        from search.query.prefix import ARTICLE_BUDGET_FLOOR, MAX_ARTICLE_SHARE, MAX_EXPANSIONS

        prefixes = self._prefix_index()
        if prefixes is None:
            return []
        analyzer = searcher.schema["body"].analyzer
        budget = max(searcher.doc_count() * MAX_ARTICLE_SHARE, ARTICLE_BUDGET_FLOOR)
        seen = {token.text for token in analyzer(word)}
        chosen, articles = [], 0
        for candidate in prefixes.starting_with(word, MAX_EXPANSIONS * 4):
            stems = {token.text for token in analyzer(candidate)}
            if not stems or stems & seen:
                continue
            articles += prefixes.articles(candidate)
            if chosen and articles > budget:
                break
            seen |= stems
            chosen.append(candidate)
            if len(chosen) == MAX_EXPANSIONS:
                break
        return chosen

    def _prefix_index(self) -> PrefixIndex | None:
        """The vocabulary's words in order, sorted again only when the vocabulary changes."""
        from search.query.prefix import PrefixIndex

        return self._from_vocabulary(PrefixIndex)

    def _other_spellings(self) -> OtherSpellings | None:
        """The corpus's words by spelling, made again only when the vocabulary changes.

        Made from the short list of the words that may be spelt otherwise: the whole
        vocabulary is read only when a typed word's other keys must be looked up in it,
        so a search for plain English words never reads it.
        """
        from search.index.vocabulary import (
            SPELT_OTHERWISE_NAME,
            VOCABULARY_NAME,
            load_spelt_otherwise,
        )
        from search.query.other_spellings import OtherSpellings

        try:
            stamp = (self.folder / SPELT_OTHERWISE_NAME).stat().st_mtime_ns
            # Written after the vocabulary at each commit: older than it, the list was
            # left by a version of the app that did not keep it up to date.
            if stamp < (self.folder / VOCABULARY_NAME).stat().st_mtime_ns:
                stamp = None
        except OSError:
            stamp = None
        with self._lock:
            kept = self._spellings
        if kept is not None and kept[0] == stamp:
            return kept[1]
        words = load_spelt_otherwise(self.folder) if stamp is not None else None
        if words is None:  # an index written before the list
            return self._from_vocabulary(OtherSpellings)
        made = OtherSpellings(words, self._uses)
        with self._lock:
            self._spellings = (stamp, made)
        return made

    def _uses(self, word: str) -> bool:
        vocabulary = self._vocabulary()
        return vocabulary is not None and word in vocabulary

    def _from_vocabulary(self, make):
        """``make(word counts)`` of the current vocabulary (None without one), kept until
        the vocabulary changes."""
        vocabulary = self._vocabulary()
        if vocabulary is None:
            return None
        with self._lock:
            kept = self._made.get(make)
            if kept is None or kept[0] is not vocabulary:
                kept = self._made[make] = (vocabulary, make(vocabulary.counts))
            return kept[1]

    def _correct(self, word: str) -> str | None:
        vocabulary = self._vocabulary()
        return vocabulary.correct(word) if vocabulary is not None else None

    def _vocabulary(self) -> Vocabulary | None:
        """The corpus's word counts, loaded once per change of the file."""
        from search.index.vocabulary import VOCABULARY_NAME, load_vocabulary

        try:
            stamp = (self.folder / VOCABULARY_NAME).stat().st_mtime_ns
        except OSError:
            return None
        with self._lock:
            if self._words is None or self._words[0] != stamp:
                loaded = load_vocabulary(self.folder)
                self._words = (stamp, loaded) if loaded is not None else None
            return self._words[1] if self._words else None

    def related(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        from search.query import ranking as fast_ranking
        from search.query import snippets
        from search.query.related import related_query

        # Shared people, organisations, places, headline words and key words (see
        # search.query.related), ranked like a typed query; the article itself is dropped.
        with self._reading() as searcher:
            if searcher is None:
                return []
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return []
            query = related_query(searcher, docnum)
            if query is None:
                return []
            ranked = fast_ranking.rank(searcher, query, limit + 1)
            if ranked is None:
                results = searcher.search(query, limit=limit, mask={docnum})
                top = [(hit.score, hit.docnum) for hit in results]
            else:
                top = [(score, found) for score, found in ranked[0] if found != docnum]
            found = [(searcher.stored_fields(n), float(score or 0.0)) for score, n in top[:limit]]
            return [
                _hit(stored, score, snippets.opening(stored.get("body", "")))
                for stored, score in found
            ]

    def facets(
        self,
        query: str,
        *,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 10,
        last_word_partial: bool = False,
    ) -> list[Facet]:
        from search.index.store import generation_key
        from search.query.bounds import Budget, check_patterns
        from search.query.facets import FacetCounter

        text = query.strip()
        with self._lock:
            if self._facet_counter is None:
                self._facet_counter = FacetCounter()
            counter = self._facet_counter
        commit = generation_key(self.folder)
        with self._reading() as searcher:
            if searcher is None:
                return []
            parsed = self._read_query(searcher, text, filters, last_word_partial).parsed
            if parsed is not None:
                # A pattern too broad to search is too broad to count (search says why).
                check_patterns(parsed, searcher.reader(), Budget(text))
            facets = counter.count(searcher, commit, parsed, FACET_SAMPLE, limit)
        if generation_key(self.folder) != commit:
            # A commit came in while counting: what was remembered may be of either one.
            counter.forget()
        return facets

    def _stored(self, article_id: str) -> dict | None:
        from search.query.by_id import stored_document

        with self._reading() as searcher:
            return stored_document(searcher, "id", article_id) if searcher is not None else None

    def article(self, article_id: str) -> Article | None:
        from search.index.documents import to_article

        stored = self._stored(article_id)
        return to_article(stored) if stored else None

    def articles(self) -> list[ArticleSummary]:
        # From the manifest, written after each commit: no index to open, no Whoosh import.
        # Read again only when it was written again: at 100,000 articles reading it takes
        # seconds, all of them holding the interpreter, so a search typed meanwhile waits.
        try:
            info = (self.folder / MANIFEST_NAME).stat()
            written = (info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            written = None
        listed = self._listed
        if listed is not None and listed[0] == written:
            return list(listed[1])
        manifest = load_manifest(self.folder)
        if manifest is None:
            return []
        entries = [entry for file in manifest.files.values() for entry in file.articles]
        entries.sort(key=lambda entry: (entry["path"], entry["position"]))
        from search.index.documents import to_summary

        summaries = [to_summary(entry) for entry in entries]
        if written is not None:
            self._listed = (written, summaries)
        return list(summaries)

    def entities(self, article_id: str) -> list[EntitySpan]:
        from search.index.documents import to_spans

        stored = self._stored(article_id)
        return to_spans(stored) if stored else []

    def mentions(self, canonical: str, entity_type: str, *, limit: int = 200) -> list[Mention]:
        from search.index.documents import to_spans
        from search.models import entity_query
        from search.query.mentions import mentions_in
        from search.query.parser import parse
        from search.query.whoosh_query import to_whoosh

        # One searcher, stored fields only: no snippets, no second lookup per article.
        found: list[Mention] = []
        with self._reading() as searcher:
            if searcher is None:
                return []
            parsed = to_whoosh(parse(entity_query(canonical, entity_type)), searcher.schema)
            for hit in searcher.search(parsed, limit=limit):
                stored = hit.fields()
                article = {"id": stored["id"], "title": stored.get("title")}
                article.update(source=stored.get("source"), date=stored.get("date_text"))
                spans = to_spans(stored)
                body = stored.get("body", "")
                found += mentions_in(article, body, spans, canonical, entity_type)
                if len(found) >= limit:
                    break
        return found[:limit]

    # Exploring: each article's events, statements and co-mentions were stored when it
    # was indexed; a query's hits are read without scoring them.

    def _explored_query(self, query: str, filters: SearchFilters, *, parts: str = "ts"):
        with self._reading() as searcher:
            if searcher is None:
                return []
            docnums = _matching(searcher, query, filters, self._other_spellings())
            return [_explored(searcher.stored_fields(n), parts) for n in docnums]

    def _explored_ids(self, article_ids):
        return [_explored(stored, "ts") for stored in self._documents(article_ids).values()]

    def _named_articles(
        self, query: str, *, naming: tuple[str, str] | None = None, sample: int | None = None
    ):
        from search.explore.article_names import decode
        from search.explore.names import even_sample

        # The column alone: no stored document (and its body) is unpacked.
        with self._reading() as searcher:
            if searcher is None or "entity_names" not in searcher.schema:
                return [], 0  # none yet, or an index of an older schema being rebuilt
            docnums = _matching(searcher, query, NO_FILTERS, self._other_spellings())
            column = searcher.reader().column_reader("entity_names", translate=False)
            found = [decode(column[n], naming) for n in even_sample(docnums, sample)]
            return [names for names in found if names is not None], len(docnums)

    def _texts(self, article_ids):
        documents = self._documents(article_ids)
        return {
            key: (stored.get("title", ""), stored.get("body", ""))
            for key, stored in documents.items()
        }

    @contextmanager
    def _counting(self):

        # One searcher for every count of a page: borrowing one per name cost more than
        # the lookups themselves.
        with self._reading() as searcher:
            if searcher is None:
                yield (lambda entity_type, canonical: 0), 0
                return
            count = self._name_counts.counter(searcher.reader())

            def article_count(entity_type: str, canonical: str) -> int:
                field = ENTITY_FIELDS.get(entity_type)
                term = canonical.replace(",", " ").strip().lower()
                return count(field, term) if field else 0

            yield article_count, searcher.doc_count()


def _matching(searcher, query: str, filters: SearchFilters, others=None) -> list[int]:
    """The document numbers ``query`` and ``filters`` find, in index order, unscored
    (``others``: the corpus's spellings the query's words look for too)."""
    from search.query.bounds import Budget, check_patterns
    from search.query.filters import narrowed
    from search.query.parser import parse
    from search.query.whoosh_query import to_whoosh

    text = query.strip()
    wanted = narrowed(parse(text) if text else None, filters)
    parsed = None if wanted is None else to_whoosh(wanted, searcher.schema, others=others)
    if parsed is None:
        return list(searcher.reader().all_doc_ids())
    check_patterns(parsed, searcher.reader(), Budget(text))
    return sorted(searcher.docs_for_query(parsed))


def _explored(stored: dict, parts: str):
    from search.explore.corpus import ExploredArticle
    from search.index.documents import to_explore

    return ExploredArticle(
        stored["id"],
        stored.get("title", ""),
        stored.get("body", ""),
        stored.get("date_text"),
        to_explore(stored, parts),
    )


def _top(searcher, parsed, limit: int, budget: Budget) -> tuple[list[tuple[float, int]], int]:
    """The best ``limit`` (score, docnum) of a query and how many documents match it."""
    from search.query import ranking as fast_ranking
    from search.query.bounds import whoosh_search

    ranked = fast_ranking.rank(searcher, parsed, limit, check=budget.check)
    if ranked is None:
        # Block-max scoring skips blocks that cannot reach the top ``limit``; the
        # exact count is then a second, unscored pass (len(results)).
        results = whoosh_search(searcher, parsed, limit, budget)
        ranked = [(hit.score, hit.docnum) for hit in results], len(results)
    return ranked


def _os_reason(exc: OSError) -> str:
    """One line for a failed write: what went wrong and where."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{reason}: {exc.filename}" if exc.filename else reason


def _known(searcher, word: str, others=None) -> bool:
    """Whether the index holds the word, in any spelling (a stop word counts as known;
    ``others``: the corpus's spellings)."""
    from search.query.spellings import known_in_another_spelling

    reader = searcher.reader()
    tokens = [token.text for token in searcher.schema["body"].analyzer(word)]
    found = all(("body", t) in reader or ("title", t) in reader for t in tokens)
    return found or known_in_another_spelling(reader, word, others)


def _hit(stored: dict, score: float, snippet) -> Hit:
    return Hit(
        id=stored["id"],
        title=stored.get("title", ""),
        path=stored.get("path", ""),
        score=score,
        snippet=snippet,
        source=stored.get("source"),
        author=stored.get("author"),
        date=stored.get("date_text"),
        url=stored.get("url"),
        language=stored.get("lang"),
    )


def _terms(text: str, hits: list[Hit]) -> tuple[str, ...]:
    """The query's words as they appear in text: typed words plus matched surface forms."""
    from search.query.parser import plain_words

    seen = dict.fromkeys(plain_words(text))
    for hit in hits:
        for start, end in hit.snippet.highlights:
            seen.setdefault(hit.snippet.text[start:end].lower(), None)
    return tuple(word for word in seen if word)
