"""The record of what the index holds, kept beside it as JSON.

For every file it lists the size, mtime and hash last seen, and the articles read from
it (with their content hashes and listing fields). An update compares the folder with
the manifest to decide what to read again; ``articles()`` lists from it without
touching the index. It is written atomically after each index commit, so it never
claims more than the index holds.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.json"


@dataclass
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
    with path.open("rb") as handle:
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
        raw = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        files = {
            path: FileEntry(e["size"], e["mtime_ns"], e["digest"], e["articles"])
            for path, e in raw["files"].items()
        }
        return Manifest(raw["schema_version"], raw.get("entity_rules", ""), files)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_manifest(folder: Path, manifest: Manifest) -> None:
    """Write the manifest atomically (a temporary file renamed over the old one).

    Args:
        folder: The index folder.
        manifest: What the index now holds.
    """
    payload = {
        "schema_version": manifest.schema_version,
        "entity_rules": manifest.entity_rules,
        "files": {
            path: {
                "size": e.size,
                "mtime_ns": e.mtime_ns,
                "digest": e.digest,
                "articles": e.articles,
            }
            for path, e in manifest.files.items()
        },
    }
    target = folder / MANIFEST_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)
