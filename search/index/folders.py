"""A record of the corpus as the last update left it, so that a look at it costs little.

Written after every update beside the index: the modification time of each folder of
the corpus (``folders.json``) and the size and time of each file the update read
(``files.json``), both for the commit they were taken with. Two questions are then
answered without walking the corpus or loading the manifest:

- *Did files come or go?* Adding, removing or renaming a file (an editor that saves
  through a temporary file and a rename too) changes the time of its folder, so one
  ``stat`` per folder tells (:meth:`Record.folders_changed`). A file rewritten in place
  changes no folder: only the next question notices it.
- *Did anything change?* The folders, then one ``stat`` per file read
  (:meth:`Record.files_changed`), against the sizes and times the manifest holds.

A record that is missing, unreadable, of another commit or taken with other settings
(the index format, the ignore file, following symlinks out of the corpus, the entity
corrections) is no record: the indexer then walks the folder as before. A folder whose
time was within :data:`RACY_NS` of the moment it was recorded is recorded as unknown
(it counts as changed), since a file added in the same clock tick would leave its time
as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from search.index.checksums import commit_key, read_text
from search.models import SkippedFile

FOLDERS_NAME = "folders.json"
FILES_NAME = "files.json"
FORMAT = 1
# Coarse file system clocks tick every few milliseconds (FAT: two seconds).
RACY_NS = 2_000_000_000
UNKNOWN = -1


@dataclass
class Record:
    """The corpus's folders and files as the update of one commit saw them.

    ``folders`` maps each folder's path in the corpus ("" for the corpus itself, else
    ending in "/") to its modification time; ``files`` each file read (its path in the
    corpus) to its size and time; ``settings`` what decides which files are read.
    """

    corpus: str
    commit: list
    settings: dict
    folders: dict[str, int] = field(default_factory=dict)
    skipped: list[SkippedFile] = field(default_factory=list)
    articles: int = 0
    # The files the index holds articles of (the file list also has those unreadable).
    indexed: int = 0
    files: dict[str, list[int]] | None = None

    def folders_changed(self) -> bool:
        """Whether a folder's time differs from the one recorded (or it is gone)."""
        prefix = self.corpus + os.sep
        try:
            for relative, recorded in self.folders.items():
                if os.stat(prefix + relative).st_mtime_ns != recorded:
                    return True
        except (OSError, TypeError, ValueError):
            return True
        return False

    def files_changed(self, folder: Path) -> bool:
        """Whether a file read by the last update changed size or time (or is gone).

        Args:
            folder: The index folder (the file list is loaded from it on first use).
        """
        files = self.files if self.files is not None else _load_files(folder, self.commit)
        if files is None:
            return True
        self.files = files
        prefix = self.corpus + os.sep
        try:
            for relative, (size, mtime_ns) in files.items():
                info = os.stat(prefix + relative)
                if info.st_size != size or info.st_mtime_ns != mtime_ns:
                    return True
        except (OSError, TypeError, ValueError, AttributeError):
            return True
        return False


def settings(corpus: Path, *, follow_outside: bool | None, entity_rules: str) -> dict:
    """What decides which files an update reads and what it makes of them."""
    from search.index.schema import SCHEMA_VERSION
    from search.reading import IGNORE_FILE

    try:
        info = os.stat(os.path.join(os.path.abspath(corpus), IGNORE_FILE))
        ignore = [info.st_size, info.st_mtime_ns]
    except OSError:
        ignore = None
    return {
        "schema_version": SCHEMA_VERSION,
        "follow_outside": follow_outside,
        "entity_rules": entity_rules,
        "ignore": ignore,
    }


def folder_times(corpus: Path) -> dict[str, int] | None:
    """The modification time of every folder of the corpus the walk would enter.

    Taken before an update walks the corpus, so a file added meanwhile shows next time.
    Symlinked folders are not entered: one inside the corpus is recorded where it lies;
    one leading out of it makes this None (no record), as its changes would go unseen.

    Returns:
        Each folder's path in the corpus ("" or ending in "/") and its time, or None.
    """
    from search.reading.ignoring import IgnoreRules

    root = os.path.abspath(corpus)
    root_real = os.path.realpath(root)
    rules = IgnoreRules.load(root)
    now = time.time_ns()
    times: dict[str, int] = {}
    pending = [""]
    while pending:
        relative = pending.pop()
        path = os.path.join(root, relative)
        try:
            info = os.stat(path)
            with os.scandir(path) as entries:
                listed = [(entry, _kind(entry)) for entry in entries]
        except OSError:
            times[relative] = UNKNOWN
            continue
        times[relative] = info.st_mtime_ns if now - info.st_mtime_ns > RACY_NS else UNKNOWN
        for entry, kind in listed:
            if kind is None or rules.reason(relative, entry.name, is_dir=True) is not None:
                continue
            if kind == "link":
                target = os.path.realpath(entry.path)
                if not (target == root_real or target.startswith(root_real + os.sep)):
                    return None
                continue
            pending.append(f"{relative}{entry.name}/")
    return times


def _kind(entry: os.DirEntry) -> str | None:
    """ "dir" for a folder, "link" for a symlink to one, None for anything else."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        return "link" if entry.is_symlink() and entry.is_dir() else None
    except OSError:
        return None


def save(folder: Path, record: Record, files: dict[str, list[int]]) -> None:
    """Write the record beside the index (each file atomically; the file list first)."""
    commit = list(record.commit)
    _write(folder, FILES_NAME, {"format": FORMAT, "commit": commit, "files": files})
    payload = {
        "format": FORMAT,
        "corpus": record.corpus,
        "commit": commit,
        "settings": record.settings,
        "folders": record.folders,
        "skipped": [[s.path, s.reason] for s in record.skipped],
        "articles": record.articles,
        "indexed": record.indexed,
    }
    _write(folder, FOLDERS_NAME, payload)


def forget(folder: Path) -> None:
    """Remove the record (an update that stopped early leaves files unread)."""
    for name in (FOLDERS_NAME, FILES_NAME):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()


def load(folder: Path, corpus: Path, wanted: dict) -> Record | None:
    """The record of the index's current commit, when taken with ``wanted`` settings.

    Args:
        folder: The index folder.
        corpus: The corpus folder.
        wanted: The settings now (:func:`settings`); a ``follow_outside`` of None takes
            the recorded one.

    Returns:
        The record (its file list is loaded when first asked for), or None.
    """
    raw = _read(folder / FOLDERS_NAME)
    commit = commit_key(folder / "whoosh")
    try:
        recorded = raw["settings"]
        if wanted["follow_outside"] is None:
            wanted = {**wanted, "follow_outside": recorded["follow_outside"]}
        if raw["commit"] != list(commit or ()) or recorded != wanted:
            return None
        if raw["corpus"] != os.path.abspath(corpus) or not isinstance(raw["folders"], dict):
            return None
        skipped = [SkippedFile(path, reason) for path, reason in raw["skipped"]]
        counts = raw["articles"], raw["indexed"]
        return Record(raw["corpus"], raw["commit"], wanted, raw["folders"], skipped, *counts)
    except (KeyError, TypeError, ValueError):
        return None


def _load_files(folder: Path, commit: list) -> dict[str, list[int]] | None:
    raw = _read(folder / FILES_NAME)
    try:
        files = raw["files"]
        return files if raw["commit"] == commit and isinstance(files, dict) else None
    except (KeyError, TypeError):
        return None


def _read(path: Path) -> dict:
    """A record file's JSON object ({} when missing or unreadable: no record)."""
    try:
        raw = json.loads(read_text(path))
    except (OSError, ValueError, RecursionError):
        return {}
    return raw if isinstance(raw, dict) and raw.get("format") == FORMAT else {}


def _write(folder: Path, name: str, payload: dict) -> None:
    target = folder / name
    temporary = target.with_suffix(".tmp")
    # ASCII: a file name that is not UTF-8 is kept as its escaped surrogates.
    temporary.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, target)
