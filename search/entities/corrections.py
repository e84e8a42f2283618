"""The user's entity corrections: read ``entities.yaml`` and apply it to extracted spans.

The file is a YAML list; later entries win over earlier ones for the same name::

    # my corrections
    - add: Credit Suisse          # a name the lists miss
      type: ORG
      aliases: [CSFB]
    - merge: [Aliev, I. Aliyev]   # several names, one entity
      into: Ilham Aliyev
    - retype: Jordan              # a name with the wrong type
      type: PERSON
    - ignore: Premiership         # not an entity

A file that cannot be read or has a wrong shape never stops extraction: the
defaults apply and ``corrections_problem()`` says what is wrong, in one line
(``path:line: reason``), on every call until the file is mended.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from search.locations import CONFIG_ENV, config_dir
from search.models import ENTITY_TYPES

if TYPE_CHECKING:
    from search.models.articles import EntitySpan

# Bumped when extraction itself changes, so that indexes extract again.
EXTRACTOR_VERSION = "8"
FILE_NAME = "entities.yaml"
MAX_BYTES = 8 * 1024 * 1024


class CorrectionsError(ValueError):
    """The corrections file cannot be used; the message is ``path:line: reason``."""


@dataclass
class Corrections:
    """The effective corrections.

    Attributes:
        added: surface form -> (type, canonical), for names and their aliases.
        merged: lower-cased name -> canonical.
        retyped: lower-cased name -> type.
        ignored: lower-cased names.
    """

    added: dict[str, tuple[str, str]] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)
    retyped: dict[str, str] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)
    _automaton: object = None

    def apply(self, text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
        """Spans with the user's additions, merges, new types and ignores applied."""
        if not (self.added or self.merged or self.retyped or self.ignored):
            return spans
        from search.models.articles import EntitySpan

        spans = self._with_additions(text, spans)
        result = []
        for span in spans:
            canonical = self.merged.get(span.text.lower(), span.canonical)
            canonical = self.merged.get(canonical.lower(), canonical)
            entity_type = self.added.get(canonical, (span.type,))[0]
            entity_type = self.retyped.get(
                canonical.lower(), self.retyped.get(span.text.lower(), entity_type)
            )
            if span.text.lower() in self.ignored or canonical.lower() in self.ignored:
                continue
            result.append(EntitySpan(span.start, span.end, entity_type, span.text, canonical))
        return result

    def _with_additions(self, text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
        if not self.added:
            return spans
        from search.models.articles import EntitySpan

        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for surface, value in self.added.items():
                automaton.add_word(surface, (len(surface), *value))
            automaton.make_automaton()
            self._automaton = automaton
        found = []
        for end_index, (length, entity_type, canonical) in self._automaton.iter_long(text):
            start, end = end_index - length + 1, end_index + 1
            if _bounded(text, start, end):
                found.append(EntitySpan(start, end, entity_type, text[start:end], canonical))
        if not found:
            return spans
        kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
        return sorted(kept + found, key=lambda s: s.start)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def corrections_path() -> Path:
    """Where the corrections file lives (shown in ``briefing --help``)."""
    return _corrections_path(os.environ.get(CONFIG_ENV), os.environ.get("XDG_CONFIG_HOME"))


@lru_cache(maxsize=16)
def _corrections_path(_override: str | None, _xdg: str | None) -> Path:
    # Keyed by the variables that decide the folder: extraction asks on every call.
    return config_dir() / FILE_NAME


def parse_corrections(source: str | bytes, path: Path) -> Corrections:
    """Read the corrections from the file's content.

    The text goes through the project's one YAML loader (no aliases, bounded size and
    depth) and every unquoted value is read as the text written: ``NO`` is Norway,
    ``2024-13-45`` a name, ``1.10`` not ``1.1``; only ``null`` or nothing means none.

    Args:
        source: the YAML text or bytes.
        path: the file, for messages.

    Returns:
        The effective corrections.

    Raises:
        CorrectionsError: ``path:line: reason`` when the text is not YAML or not a
            list of known entries.
    """
    from search.safe_yaml import YamlFileError, load_yaml

    try:
        document = load_yaml(source, path, max_bytes=MAX_BYTES, plain_text=True)
    except YamlFileError as error:
        raise CorrectionsError(str(error)) from None
    entries = document.data
    if entries is None:
        return Corrections()
    if not isinstance(entries, list):
        raise CorrectionsError(
            str(document.error((), "expected a list of entries (- add: ..., - ignore: ...)"))
        )
    corrections = Corrections()
    for index, entry in enumerate(entries):
        try:
            _apply_entry(corrections, entry)
        except _Invalid as problem:
            where = (index, *problem.where)
            reason = f"entry {index + 1}: {problem.reason}"
            raise CorrectionsError(str(document.error(where, reason))) from None
    return corrections


class _Invalid(Exception):
    """A wrong entry; ``where`` is the key path inside the entry."""

    def __init__(self, reason: str, *where: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where


def _apply_entry(corrections: Corrections, entry: object) -> None:
    if not isinstance(entry, dict):
        raise _Invalid("expected a mapping such as 'add: NAME'")
    if "add" in entry:
        name = _name(entry.get("add"), "'add' needs a name", "add")
        entity_type = _type(entry)
        aliases = entry.get("aliases")
        if aliases is None:
            aliases = []
        if not isinstance(aliases, list):
            raise _Invalid("'aliases' must be a list of names", "aliases")
        surfaces = [name]
        for number, alias in enumerate(aliases):
            reason = f"'aliases' item {number + 1} needs a name"
            surfaces.append(_name(alias, reason, "aliases", number))
        for surface in surfaces:
            corrections.added[surface] = (entity_type, name)
            corrections.ignored.discard(surface.lower())
    elif "merge" in entry:
        names, target = entry["merge"], entry.get("into")
        usage = "'merge' needs a list of names and 'into: NAME'"
        if not isinstance(names, list):
            raise _Invalid(usage, "merge")
        into = _name(target, usage, "into")
        merged = [
            _name(name, f"'merge' item {number + 1} needs a name", "merge", number)
            for number, name in enumerate(names)
        ]
        for name in merged:
            corrections.merged[name.lower()] = into
    elif "retype" in entry:
        name = _name(entry.get("retype"), "'retype' needs a name", "retype")
        corrections.retyped[name.lower()] = _type(entry)
    elif "ignore" in entry:
        name = _name(entry.get("ignore"), "'ignore' needs a name", "ignore")
        corrections.ignored.add(name.lower())
        for surface in [s for s, (_, canonical) in corrections.added.items() if canonical == name]:
            del corrections.added[surface]
    else:
        raise _Invalid("expected one of add, merge, retype, ignore")


def _name(value: object, reason: str, *where: object) -> str:
    """A name: text (a number written in the file counts), not empty, not a list."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Invalid(reason, *where)
    name = " ".join(str(value).split())
    if not name:
        raise _Invalid(reason, *where)
    return name


def _type(entry: dict) -> str:
    value = entry.get("type")
    entity_type = value.strip().upper() if isinstance(value, str) else ""
    if entity_type not in ENTITY_TYPES:
        raise _Invalid(f"'type' must be one of {', '.join(ENTITY_TYPES)}", "type")
    return entity_type


class _Cache:
    """The corrections last read, keyed by the file's modification time and size."""

    key: tuple | None = None
    corrections = Corrections()
    problem: str | None = None


def active_corrections() -> Corrections:
    """The corrections in force now; never raises (see ``corrections_problem``)."""
    path = corrections_path()
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
    except FileNotFoundError:
        key = (str(path), None)
    except OSError as error:
        key = (str(path), "unreadable", error.errno)
    if key == _Cache.key:
        return _Cache.corrections
    corrections, problem = Corrections(), None
    if key[1] is not None:
        # Imported here: with no corrections file, extraction never loads the YAML parser.
        from search.safe_yaml import YamlFileError, read_bytes

        try:
            corrections = parse_corrections(read_bytes(path, max_bytes=MAX_BYTES), path)
        except FileNotFoundError:
            pass
        except (YamlFileError, CorrectionsError) as error:
            problem = str(error)
    # Remembered only once worked out, so that a problem is reported on every call.
    _Cache.key, _Cache.corrections, _Cache.problem = key, corrections, problem
    return _Cache.corrections


def corrections_problem() -> str | None:
    """Why the corrections file is not in force (defaults apply), or None when it is fine."""
    active_corrections()
    return _Cache.problem


def entity_rules_fingerprint() -> str:
    """A hash of the corrections file and the extractor version.

    Returns:
        A hex digest that changes whenever the user's corrections (or the extractor)
        change, so the indexer knows to extract entities again.
    """
    import hashlib

    digest = hashlib.sha256(f"extractor {EXTRACTOR_VERSION}\n".encode())
    try:
        digest.update(corrections_path().read_bytes())
    except OSError:
        digest.update(b"no corrections file")
    return digest.hexdigest()[:16]
