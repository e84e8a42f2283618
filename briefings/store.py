"""BriefingStore: one YAML file per briefing in a folder; list, load, create and edit them.

Every change is a read-modify-write done under a per-briefing file lock, and the read
is always of the file as it is on disk at that moment. So two ``briefing`` processes
never lose each other's notes, and a hand edit made in a text editor while the app
runs is kept: the change (add this note, retag that one) is applied to the edited
file, matched by note id. Writes are atomic with a backup (see :mod:`briefings.filesafe`);
a file that cannot be read raises :class:`BriefingFileError` and is never overwritten.

The API is plain and synchronous; the app calls it from a worker thread.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from briefings import filesafe
from briefings.errors import (
    BriefingBusyError,
    BriefingFileError,
    BriefingNotFoundError,
    BriefingSaveError,
    NoteNotFoundError,
)
from briefings.models import (
    ArticleRef,
    Briefing,
    BriefingSummary,
    Note,
    Quote,
    normalise_tags,
    now_iso,
    slugify,
)
from briefings.paths import notes_dir
from briefings.yamlfile import MAX_BRIEFING_BYTES, dump_briefing, parse_briefing
from search.safe_yaml import YamlFileError, open_regular, read_limited

_UNSET: Any = object()
_Signature = tuple[int, int, int]


class BriefingStore:
    """The briefings in one folder.

    Args:
        directory: the folder; by default :func:`briefings.paths.notes_dir`
            (``--notes-dir``, then ``$BRIEFING_NOTES_DIR``, then the user data dir).
            It is created on the first write.
        lock_timeout: seconds to wait for another process's lock before
            raising :class:`BriefingBusyError`.
    """

    def __init__(
        self, directory: str | os.PathLike[str] | None = None, *, lock_timeout: float = 10.0
    ) -> None:
        self.directory = notes_dir(directory)
        self._lock_timeout = lock_timeout
        self._cache: dict[Path, tuple[_Signature, Briefing]] = {}

    # Reading

    def path_for(self, slug: str) -> Path:
        """The YAML file of the briefing ``slug``."""
        return self.directory / f"{slug}.yaml"

    def briefings(self) -> list[BriefingSummary]:
        """Every briefing file in the folder, by slug; unreadable ones carry their error."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in sorted(self.directory.glob("*.yaml")):
            if path.name.startswith("."):
                continue
            slug = path.name.removesuffix(".yaml")
            try:
                briefing = self.load(slug)
            except BriefingFileError as error:
                found.append(BriefingSummary(slug=slug, path=path, error=error))
            except BriefingNotFoundError:
                continue
            else:
                found.append(
                    BriefingSummary(
                        slug=slug,
                        path=path,
                        title=briefing.title,
                        note_count=len(briefing.notes),
                        updated=briefing.updated,
                    )
                )
        return found

    def load(self, slug: str) -> Briefing:
        """The briefing as it is on disk now (re-read only when the file changed).

        Raises:
            BriefingNotFoundError: there is no such file.
            BriefingFileError: the file is not a readable briefing.
        """
        path = self.path_for(slug)
        try:
            with open_regular(path) as handle:
                stat = os.fstat(handle.fileno())
                signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
                cached = self._cache.get(path)
                if cached and cached[0] == signature:
                    return cached[1]
                raw = read_limited(handle, path, max_bytes=MAX_BRIEFING_BYTES)
        except FileNotFoundError:
            raise BriefingNotFoundError(slug) from None
        except YamlFileError as exc:
            raise BriefingFileError(path, exc.reason, exc.line) from None
        briefing = parse_briefing(raw, path)
        self._cache[path] = (signature, briefing)
        return briefing

    def resolve(self, name: str) -> str:
        """The slug of the briefing a user means by ``name`` (a slug, file name or title).

        Raises:
            BriefingNotFoundError: nothing matches.
        """
        stem = Path(name).name.removesuffix(".yaml")
        for slug in (stem, slugify(name)):
            if self._is_file(slug):
                return slug
        wanted = name.casefold().strip()
        for entry in self.briefings():
            if entry.title is not None and entry.title.casefold().strip() == wanted:
                return entry.slug
        raise BriefingNotFoundError(name)

    def _is_file(self, slug: str) -> bool:
        # A name no file system could hold (over 255 bytes, say) is simply not there.
        try:
            return self.path_for(slug).is_file()
        except (OSError, ValueError):
            return False

    # Briefings

    def create(self, title: str, *, summary: str = "") -> Briefing:
        """A new, empty briefing; its slug comes from the title and is made unique."""
        base = slugify(title)
        for n in itertools.count(1):
            slug = base if n == 1 else f"{base}-{n}"
            with self._locked(slug):
                path = self.path_for(slug)
                if path.exists():
                    continue
                stamp = now_iso()
                briefing = Briefing(
                    title=title, slug=slug, created=stamp, updated=stamp, summary=summary
                )
                self._save(briefing)
                return briefing
        raise AssertionError("unreachable")

    def rename(self, slug: str, title: str) -> Briefing:
        """Give a briefing a new title, and the file a matching new slug when it is free.

        The old file is kept as its backup (``old-slug.yaml.bak``).
        """
        new_slug = slugify(title)
        if new_slug == slug:
            return self._modify(slug, lambda b: replace(b, title=title))
        for n in itertools.count(1):
            candidate = new_slug if n == 1 else f"{new_slug}-{n}"
            if candidate == slug:
                return self._modify(slug, lambda b: replace(b, title=title))
            with self._locked(*sorted({slug, candidate})):
                if self.path_for(candidate).exists():
                    continue
                current = self._load_for_update(slug)
                renamed = replace(current, title=title, slug=candidate, updated=now_iso())
                self._save(renamed, keep_backup=False)
                filesafe.move_aside(self.path_for(slug), ".bak")
                self._cache.pop(self.path_for(slug), None)
                return renamed
        raise AssertionError("unreachable")

    def delete(self, slug: str) -> Path:
        """Delete a briefing: its file is renamed ``SLUG.yaml.deleted-TIME``, which is returned.

        Nothing is destroyed; renaming the file back restores the briefing.
        """
        with self._locked(slug):
            path = self.path_for(slug)
            if not path.is_file():
                raise BriefingNotFoundError(slug)
            self._cache.pop(path, None)
            stamp = now_iso().replace(":", "").replace("-", "")
            return filesafe.move_aside(path, f".deleted-{stamp}")

    def set_summary(self, slug: str, summary: str) -> Briefing:
        """Replace the briefing's summary (shown under the title in the export)."""
        return self._modify(slug, lambda b: replace(b, summary=summary))

    # Notes

    def add_note(self, slug: str, note: Note, *, index: int | None = None) -> Briefing:
        """Add ``note`` (at ``index``, else at the end); a note with the same id is replaced.

        Adding a deleted note back at its old index is how an undo restores it.
        """

        def change(briefing: Briefing) -> Briefing:
            notes = [n for n in briefing.notes if n.id != note.id]
            notes.insert(len(notes) if index is None else index, note)
            return replace(briefing, notes=tuple(notes))

        return self._modify(slug, change)

    def update_note(
        self,
        slug: str,
        note_id: str,
        *,
        text: str = _UNSET,
        tags: Sequence[str] = _UNSET,
        quote: Quote | None = _UNSET,
        article: ArticleRef = _UNSET,
    ) -> Briefing:
        """Change the given fields of one note; fields not given keep their value on disk.

        Raises:
            NoteNotFoundError: the note is gone (deleted elsewhere); add it back with
                :meth:`add_note` to keep the user's edit.
        """
        fields: dict[str, Any] = {}
        if text is not _UNSET:
            fields["text"] = text
        if tags is not _UNSET:
            fields["tags"] = normalise_tags(tags)
        if quote is not _UNSET:
            fields["quote"] = quote
        if article is not _UNSET:
            fields["article"] = article

        def change(briefing: Briefing) -> Briefing:
            if briefing.note(note_id) is None:
                raise NoteNotFoundError(slug, note_id)
            stamp = now_iso()
            notes = tuple(
                replace(n, **fields, updated=stamp) if n.id == note_id else n
                for n in briefing.notes
            )
            return replace(briefing, notes=notes)

        return self._modify(slug, change)

    def delete_note(self, slug: str, note_id: str) -> Briefing:
        """Remove one note; a note already gone is not an error."""
        return self._modify(
            slug, lambda b: replace(b, notes=tuple(n for n in b.notes if n.id != note_id))
        )

    def reorder_notes(self, slug: str, note_ids: Sequence[str]) -> Briefing:
        """Put notes in the order of ``note_ids``; notes not named keep their order after them."""

        def change(briefing: Briefing) -> Briefing:
            by_id = {n.id: n for n in briefing.notes}
            first = [by_id[i] for i in dict.fromkeys(note_ids) if i in by_id]
            named = {n.id for n in first}
            rest = [n for n in briefing.notes if n.id not in named]
            return replace(briefing, notes=tuple(first + rest))

        return self._modify(slug, change)

    def move_note(self, slug: str, note_id: str, steps: int) -> Briefing:
        """Move one note ``steps`` places down (negative: up), clamped to the list."""

        def change(briefing: Briefing) -> Briefing:
            notes = list(briefing.notes)
            index = next((i for i, n in enumerate(notes) if n.id == note_id), None)
            if index is None:
                raise NoteNotFoundError(slug, note_id)
            note = notes.pop(index)
            notes.insert(max(0, min(len(notes), index + steps)), note)
            return replace(briefing, notes=tuple(notes))

        return self._modify(slug, change)

    # Internals

    def _modify(self, slug: str, change: Callable[[Briefing], Briefing]) -> Briefing:
        with self._locked(slug):
            current = self._load_for_update(slug)
            changed = change(current)
            if changed == current:
                return current
            updated = replace(changed, updated=now_iso())
            self._save(updated)
            return updated

    def _load_for_update(self, slug: str) -> Briefing:
        filesafe.remove_stale_temps(self.path_for(slug))
        filesafe.remove_stale_temps(filesafe.backup_path(self.path_for(slug)))
        return self.load(slug)

    def _save(self, briefing: Briefing, *, keep_backup: bool = True) -> None:
        path = self.path_for(briefing.slug)
        data = dump_briefing(briefing).encode("utf-8")
        if len(data) > MAX_BRIEFING_BYTES:
            # Never write a file that could not be read back; the old one stays.
            raise BriefingFileError(
                path, f"would grow past {MAX_BRIEFING_BYTES // 2**20} MB; start a new briefing"
            )
        try:
            filesafe.replace_atomically(path, data, keep_backup=keep_backup)
        except OSError as exc:
            raise BriefingSaveError(path, exc.strerror or str(exc)) from None
        stat = path.stat()
        self._cache[path] = ((stat.st_mtime_ns, stat.st_size, stat.st_ino), briefing)

    @contextlib.contextmanager
    def _locked(self, *slugs: str) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as stack:
            for slug in slugs:
                lock = FileLock(self.directory / f".{slug}.lock", timeout=self._lock_timeout)
                try:
                    stack.enter_context(lock)
                except Timeout:
                    raise BriefingBusyError(self.path_for(slug)) from None
            yield
