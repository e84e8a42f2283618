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
defaults apply and ``corrections_problem()`` says what is wrong, in one line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from search.locations import CONFIG_ENV, config_dir
from search.models import ENTITY_TYPES, EntitySpan

# Bumped when extraction itself changes, so that indexes extract again.
EXTRACTOR_VERSION = "1"
FILE_NAME = "entities.yaml"


class CorrectionsError(ValueError):
    """The corrections file cannot be used; the message names the file and the problem."""


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


def parse_corrections(source: str, path: Path) -> Corrections:
    """Read the corrections from the file's text.

    Args:
        source: the YAML text.
        path: the file, for messages.

    Returns:
        The effective corrections.

    Raises:
        CorrectionsError: the text is not YAML or not a list of known entries.
    """
    import yaml

    try:
        entries = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CorrectionsError(f"{path}: not valid YAML{where}") from error
    if entries is None:
        return Corrections()
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path}: expected a list of entries (- add: ..., - ignore: ...)")
    corrections = Corrections()
    for number, entry in enumerate(entries, start=1):
        _apply_entry(corrections, entry, f"{path}: entry {number}")
    return corrections


def _apply_entry(corrections: Corrections, entry: object, where: str) -> None:
    if not isinstance(entry, dict):
        raise CorrectionsError(f"{where}: expected a mapping such as 'add: NAME'")
    if "add" in entry:
        name = _name(entry, "add", where)
        entity_type = _type(entry, where)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list):
            raise CorrectionsError(f"{where}: 'aliases' must be a list")
        for surface in [name, *map(str, aliases)]:
            corrections.added[surface] = (entity_type, name)
            corrections.ignored.discard(surface.lower())
    elif "merge" in entry:
        names = entry["merge"]
        target = entry.get("into")
        if not isinstance(names, list) or not isinstance(target, str) or not target.strip():
            raise CorrectionsError(f"{where}: 'merge' needs a list of names and 'into: NAME'")
        for name in names:
            corrections.merged[str(name).lower()] = target.strip()
    elif "retype" in entry:
        corrections.retyped[_name(entry, "retype", where).lower()] = _type(entry, where)
    elif "ignore" in entry:
        name = _name(entry, "ignore", where)
        corrections.ignored.add(name.lower())
        for surface in [s for s, (_, canonical) in corrections.added.items() if canonical == name]:
            del corrections.added[surface]
    else:
        raise CorrectionsError(f"{where}: expected one of add, merge, retype, ignore")


def _name(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str | int | float) or not str(value).strip():
        raise CorrectionsError(f"{where}: '{key}' needs a name")
    return str(value).strip()


def _type(entry: dict, where: str) -> str:
    value = str(entry.get("type", "")).strip().upper()
    if value not in ENTITY_TYPES:
        raise CorrectionsError(f"{where}: 'type' must be one of {', '.join(ENTITY_TYPES)}")
    return value


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
    except OSError:
        key = (str(path), None)
    if key == _Cache.key:
        return _Cache.corrections
    _Cache.key, _Cache.problem, _Cache.corrections = key, None, Corrections()
    if key[1] is None:
        return _Cache.corrections
    try:
        source = path.read_text(encoding="utf-8")
        _Cache.corrections = parse_corrections(source, path)
    except (OSError, UnicodeDecodeError) as error:
        _Cache.problem = f"{path}: cannot be read ({error.__class__.__name__})"
    except CorrectionsError as error:
        _Cache.problem = str(error)
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
