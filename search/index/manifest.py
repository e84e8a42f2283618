"""The record of what the index holds, kept beside it as JSON.

For every file it lists the size, mtime and hash last seen, and the articles read from
it (with their content hashes and listing fields). An update compares the folder with
the manifest to decide what to read again; ``articles()`` lists from it without
touching the index. It is written atomically after each index commit, so it never
claims more than the index holds.

Files are keyed by their path as the system gives it. A path whose bytes are not UTF-8
(Python holds them as lone surrogates) cannot be written as JSON text, so it is stored
as ``"\u0000"`` followed by the hex of its bytes: no real path starts with a NUL, so the
two forms never meet, and every other key is the plain path it always was.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from search.index.metadata import BadMetadata, check_manifest, read_json
from search.reading.opening import open_regular

MANIFEST_NAME = "manifest.json"
# Files encoded at once when the manifest is written (a few megabytes of text).
MANIFEST_CHUNK_FILES = 500

T = TypeVar("T")


# Slots: a build keeps one for every file of the corpus (100,000 of them, and more).
@dataclass(slots=True)
class FileEntry:
    """What the index knows about one corpus file."""

    size: int
    mtime_ns: int
    digest: str
    articles: list[dict] = field(default_factory=list)

    def same_stat(self, stat: os.stat_result) -> bool:
        return self.size == stat.st_size and self.mtime_ns == stat.st_mtime_ns


@dataclass
class Manifest:
    """The files and articles of one index, plus what the index was built with."""

    schema_version: int
    entity_rules: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)
    # The user chose to read symlinks that lead out of the corpus (kept for every update).
    follow_outside: bool = False

    def article_count(self) -> int:
        return sum(len(entry.articles) for entry in self.files.values())


def file_digest(path: Path) -> str:
    """A hash of a file's bytes, read in blocks.

    Args:
        path: The file to hash.

    Returns:
        A hex digest of its content.
    """
    digest = hashlib.blake2b(digest_size=16)
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_manifest(folder: Path) -> Manifest | None:
    """The manifest stored in an index folder, or None when absent or unreadable.

    Args:
        folder: The index folder.

    Returns:
        The manifest, or None (the caller then rebuilds the index).
    """
    try:
        return read_manifest(folder)
    except BadMetadata:
        return None


def read_manifest(folder: Path) -> Manifest:
    """The manifest stored in an index folder, checked field by field.

    Args:
        folder: The index folder.

    Returns:
        The manifest.

    Raises:
        BadMetadata: it is missing or any field has the wrong type or range.
    """
    raw = read_json(folder / MANIFEST_NAME)
    check_manifest(raw, MANIFEST_NAME)
    files = {
        decode_path(path, MANIFEST_NAME): FileEntry(
            e["size"], e["mtime_ns"], e["digest"], e["articles"]
        )
        for path, e in raw["files"].items()
    }
    manifest = Manifest(raw["schema_version"], raw.get("entity_rules", ""), files)
    manifest.follow_outside = raw.get("follow_outside") is True
    return manifest


def encode_path(path: str) -> str:
    """A file path as JSON text: itself, or NUL and the hex of its bytes when not UTF-8.

    Args:
        path: A path as Python gives it (undecodable bytes as lone surrogates).

    Returns:
        Text that UTF-8 can hold and :func:`decode_path` turns back into ``path``.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + os.fsencode(path).hex()
    return path


def decode_path(key: str, name: str = MANIFEST_NAME) -> str:
    """The path stored as ``key`` by :func:`encode_path`.

    Raises:
        BadMetadata: the key is no path: empty, a NUL inside it, or NUL and no hex of one.
    """
    path = key
    if key.startswith("\0"):
        try:
            path = os.fsdecode(bytes.fromhex(key[1:]))
        except ValueError:
            path = ""
    if not path or "\0" in path:
        raise BadMetadata(f"{name}: files[{key!r}] is not a path")
    return path


def save_manifest(folder: Path, manifest: Manifest) -> None:
    """Write the manifest atomically (a temporary file renamed over the old one).

    Args:
        folder: The index folder.
        manifest: What the index now holds.
    """
    os.replace(stage_manifest(folder, manifest), folder / MANIFEST_NAME)


def stage_manifest(folder: Path, manifest: Manifest) -> Path:
    """Write the manifest to a temporary file beside its place, to be renamed over it.

    An update stages its metadata before it commits the index, so a full disk stops it
    while the index and its metadata still agree.

    Args:
        folder: The index folder.
        manifest: What the index will hold.

    Returns:
        The temporary file.
    """
    header = {
        "schema_version": manifest.schema_version,
        "entity_rules": manifest.entity_rules,
        "follow_outside": manifest.follow_outside,
    }
    files = (
        (
            encode_path(path),
            {"size": e.size, "mtime_ns": e.mtime_ns, "digest": e.digest, "articles": e.articles},
        )
        for path, e in manifest.files.items()
    )
    temporary = (folder / MANIFEST_NAME).with_suffix(".tmp")
    # Written a few hundred files at a time: at 100,000 articles the whole text held at
    # once took some hundreds of megabytes while a build's workers were running, and
    # ``json.dump``, which streams through Python's own encoder instead of the C one,
    # took two and a half times as long. The text is what ``json.dump`` would write.
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(_dumps(header)[:-1] + ', "files": {')
        separator = ""
        for chunk in _chunks(files, MANIFEST_CHUNK_FILES):
            handle.write(separator + _dumps(dict(chunk))[1:-1])
            separator = ", "
        handle.write("}}")
    return temporary


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter, none empty)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
