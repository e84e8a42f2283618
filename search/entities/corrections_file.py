"""Add entries to the user's corrections file without losing their comments.

PyYAML drops comments on a round trip, so entries are never rewritten: a new
entry is appended as a block of text at the end of the list (the file is a YAML
list, so an appended item is always valid). The old text is checked first; a file
that does not parse is left untouched and the caller gets a clear error. Writes
are atomic (a temporary file in the same folder, then a rename) under a file lock,
so two ``briefing`` processes cannot lose each other's corrections.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from search.entities.corrections import (
    MAX_BYTES,
    CorrectionsError,
    corrections_path,
    parse_corrections,
)
from search.models import ENTITY_TYPES

HEADER = """\
# Entity corrections for briefing. Later entries win; comments are kept.
#   - add: NAME            a name to find, with type: PERSON|ORG|PLACE|DATE|MONEY
#     type: ORG            and optional aliases: [OTHER NAME, ...]
#   - merge: [NAME, ...]   several names, one entity
#     into: CANONICAL
#   - retype: NAME         give a name another type
#     type: PERSON
#   - ignore: NAME         never mark this name
# Changes apply on the next index update.
"""


def add_entity_correction(
    name: str, type: str, aliases: list[str] | None = None, path: Path | None = None
) -> Path:
    """Mark ``name`` as an entity of ``type`` from now on.

    Args:
        name: the name as it appears in text (it becomes the canonical name).
        type: one of PERSON, ORG, PLACE, DATE, MONEY.
        aliases: other surface forms of the same entity.
        path: the corrections file (default: the one in the user config dir).

    Returns:
        The file written.

    Raises:
        ValueError: an empty name or an unknown type.
        CorrectionsError: the existing file is corrupt (it is left as it was).
    """
    entry: dict[str, object] = {"add": _clean(name), "type": _type(type)}
    if aliases:
        entry["aliases"] = [_clean(alias) for alias in aliases]
    return _append(entry, path or corrections_path())


def ignore_entity(name: str, path: Path | None = None) -> Path:
    """Never mark ``name`` as an entity again.

    Args:
        name: the surface form or canonical name to ignore.
        path: the corrections file (default: the one in the user config dir).

    Returns:
        The file written.

    Raises:
        ValueError: an empty name.
        CorrectionsError: the existing file is corrupt (it is left as it was).
    """
    return _append({"ignore": _clean(name)}, path or corrections_path())


def merge_entities(names: list[str], into: str, path: Path | None = None) -> Path:
    """Treat every name in ``names`` as the entity called ``into``.

    Args:
        names: surface forms or canonical names to merge.
        into: the canonical name they all get.
        path: the corrections file (default: the one in the user config dir).

    Returns:
        The file written.

    Raises:
        ValueError: no names or an empty name.
        CorrectionsError: the existing file is corrupt (it is left as it was).
    """
    cleaned = [_clean(name) for name in names]
    if not cleaned:
        raise ValueError("a merge needs at least one name")
    return _append({"merge": cleaned, "into": _clean(into)}, path or corrections_path())


def retype_entity(name: str, type: str, path: Path | None = None) -> Path:
    """Give ``name`` another type from now on.

    Args:
        name: the surface form or canonical name.
        type: one of PERSON, ORG, PLACE, DATE, MONEY.
        path: the corrections file (default: the one in the user config dir).

    Returns:
        The file written.

    Raises:
        ValueError: an empty name or an unknown type.
        CorrectionsError: the existing file is corrupt (it is left as it was).
    """
    return _append({"retype": _clean(name), "type": _type(type)}, path or corrections_path())


def _type(value: str) -> str:
    entity_type = value.strip().upper()
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"type must be one of {', '.join(ENTITY_TYPES)}, not {value!r}")
    return entity_type


def _clean(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ValueError("a correction needs a non-empty name")
    return cleaned


def _append(entry: dict[str, object], path: Path) -> Path:
    # Imported here: extraction, which imports this module, never loads the YAML parser.
    from filelock import FileLock

    from search.safe_yaml import YamlFileError, dump_yaml, read_bytes

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=10):
        try:
            raw = read_bytes(path, max_bytes=MAX_BYTES)
        except FileNotFoundError:
            raw = HEADER.encode("utf-8")
        except YamlFileError as error:
            raise CorrectionsError(str(error)) from None
        parse_corrections(raw, path)
        old = raw.decode("utf-8")
        if old and not old.endswith("\n"):
            old += "\n"
        new = old + dump_yaml([entry], width=1000)
        parse_corrections(new, path)
        _write_atomically(path, new)
    return path


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
