"""One update's changes to the index, the manifest and the vocabulary, applied together.

The indexer decides which files to look at; a :class:`Batch` turns each into document
additions, replacements and deletions on one Whoosh writer, keeps the manifest entry of
the file and the word counts in step, and counts what it did for the report.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from search.index.documents import content_hash, to_document
from search.index.duplicates import sketch
from search.index.manifest import FileEntry, Manifest, file_digest
from search.index.vocabulary import Vocabulary
from search.language.detect import detect_language
from search.models import SkippedFile
from search.models.articles import Article, EntitySpan
from search.models.indexing import IndexProgress
from search.reading import reader as reading
from search.reading.paths import shown


@dataclass
class Counts:
    """What an update did, for its report."""

    files_read: int = 0
    files_unchanged: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    entity_failures: int = 0
    entity_error: str | None = None

    def add(self, other: Counts) -> None:
        """Add what another batch did (a parallel build's worker) to these counts."""
        self.files_read += other.files_read
        self.files_unchanged += other.files_unchanged
        self.added += other.added
        self.updated += other.updated
        self.removed += other.removed
        self.entity_failures += other.entity_failures
        self.entity_error = self.entity_error or other.entity_error


def _summary_entry(article: Article, digest: str) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "path": article.path,
        "position": article.position,
        "source": article.source,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "encoding": article.encoding,
        "pages": list(article.pages),
        "origins": dict(article.origins),
        "content_hash": digest,
        # What copies and versions are found by (search.index.duplicates).
        "text": article.content_hash,
        "sketch": sketch(article.body),
    }


def _language(article: Article) -> str:
    return detect_language(article.title, article.body)


def words_text(title: str, body: str) -> str:
    """The text whose words an article adds to the vocabulary."""
    return f"{title}\n{body}"


class Batch:
    """Applies one update's changes.

    Args:
        writer: An open Whoosh writer.
        searcher: A searcher over the index as it was before the update (None when new),
            used to find the words of articles being replaced or removed.
        manifest: The manifest, changed in place.
        vocabulary: The word counts, changed in place.
        extract: Finds the entity spans of a body.
        fresh: The index was empty at the start (documents are only added).
        force: Re-index every article read, even unchanged ones (new entity rules).
    """

    def __init__(
        self,
        writer,
        searcher,
        manifest: Manifest,
        vocabulary: Vocabulary,
        extract: Callable[[str], Sequence[EntitySpan]],
        *,
        fresh: bool,
        force: bool,
    ) -> None:
        self.writer = writer
        self.searcher = searcher
        self.manifest = manifest
        self.vocabulary = vocabulary
        self.extract = extract
        self.fresh = fresh
        self.force = force
        self.counts = Counts()
        self._owners = {
            entry["id"]: key for key, file in manifest.files.items() for entry in file.articles
        }

    def _forget_words(self, article_id: str) -> None:
        stored = self.searcher.document(id=article_id) if self.searcher is not None else None
        if stored:
            self.vocabulary.remove(words_text(stored.get("title", ""), stored.get("body", "")))

    def _delete(self, article_id: str) -> None:
        self._forget_words(article_id)
        self.writer.delete_by_term("id", article_id)
        self._owners.pop(article_id, None)
        self.counts.removed += 1

    def remove_file(self, key: str) -> None:
        """Remove every article of a file that is gone or can no longer be read."""
        entry = self.manifest.files.pop(key, None)
        for article in entry.articles if entry else ():
            self._delete(article["id"])

    def keep_file(self, key: str, stat: os.stat_result, digest: str) -> None:
        """Record a new mtime for a file whose bytes did not change."""
        old = self.manifest.files[key]
        self.manifest.files[key] = FileEntry(stat.st_size, stat.st_mtime_ns, digest, old.articles)
        self.counts.files_unchanged += 1

    def index_file(
        self, key: str, stat: os.stat_result, digest: str, articles: list[Article]
    ) -> None:
        """Index the articles read from one file; those gone from it leave the index."""
        old = self.manifest.files.get(key)
        previous = {entry["id"]: entry for entry in old.articles} if old else {}
        entries: dict[str, dict] = {}
        for article in articles:
            if self._owners.get(article.id, key) != key or article.id in entries:
                continue  # the same article already came from another file (a copy)
            digest_of_article = content_hash(article)
            entry = entries[article.id] = _summary_entry(article, digest_of_article)
            self._owners[article.id] = key
            before = previous.get(article.id)
            if before and before["content_hash"] == digest_of_article and not self.force:
                entry["language"] = before.get("language") or _language(article)
                continue
            entry["language"] = _language(article)
            self._write(article, digest_of_article, entry["language"], replacing=before is not None)
        for article_id in previous.keys() - entries.keys():
            self._delete(article_id)
        self.manifest.files[key] = FileEntry(
            stat.st_size, stat.st_mtime_ns, digest, list(entries.values())
        )
        self.counts.files_read += 1

    def _write(self, article: Article, digest: str, language: str, *, replacing: bool) -> None:
        document = to_document(article, self._spans(article.body), digest, language)
        if replacing:
            self._forget_words(article.id)
            self.writer.update_document(**document)
            self.counts.updated += 1
        else:
            if self.fresh:
                self.writer.add_document(**document)
            else:
                self.writer.update_document(**document)
            self.counts.added += 1
        self.vocabulary.add(words_text(article.title, article.body))

    def _spans(self, body: str) -> list[EntitySpan]:
        try:
            return list(self.extract(body))
        except Exception as error:  # the article stays searchable; the report says why
            self.counts.entity_failures += 1
            self.counts.entity_error = self.counts.entity_error or (
                f"{type(error).__name__}: {error}"
            )
            return []


def index_files(
    batch: Batch,
    paths: Sequence[str | Path],
    read: Callable[[Path], list[Article]],
    skipped: list[SkippedFile],
    progress: Callable[[IndexProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Index each changed file through ``batch``: unchanged bytes are only re-stamped.

    Args:
        batch: The update's changes, applied to one writer.
        paths: The files to look at, in order (path strings or Paths).
        read: Reads one file into articles.
        skipped: Receives a reason for each file that could not be read.
        progress: Called after each file.
        cancel: When set, stop after the current file.
    """
    total = len(paths)
    for done, name in enumerate(paths, start=1):
        if cancel is not None and cancel.is_set():
            break
        key, path = str(name), Path(name)
        old = batch.manifest.files.get(key)
        try:
            stat = path.stat()
            digest = file_digest(path)
        except OSError as exc:
            skipped.append(SkippedFile(shown(key), f"cannot be read: {exc.strerror or exc}"))
            batch.remove_file(key)
            continue
        except reading.UnreadableFile as exc:  # no longer a regular file (a FIFO swapped in)
            skipped.append(SkippedFile(shown(key), str(exc)))
            batch.remove_file(key)
            continue
        if old is not None and old.digest == digest and not batch.force:
            batch.keep_file(key, stat, digest)
        else:
            articles = _read_file(read, path, skipped)
            if articles is None:
                batch.remove_file(key)
            else:
                batch.index_file(key, stat, digest, articles)
        if progress is not None:
            progress(IndexProgress(done=done, total=total, path=shown(key)))


def _read_file(
    read: Callable[[Path], list[Article]], path: Path, skipped: list[SkippedFile]
) -> list[Article] | None:
    try:
        return read(path)
    except reading.UnreadableFile as exc:
        skipped.append(SkippedFile(shown(path), str(exc)))
    except Exception as exc:  # a file must never stop the update of the others
        skipped.append(SkippedFile(shown(path), f"could not be read ({type(exc).__name__}: {exc})"))
    return None
