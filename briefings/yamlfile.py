"""Briefings to YAML text and back: block style, stable key order, unicode kept, safe loading.

Parsing checks the layout and reports a bad hand edit as a :class:`BriefingFileError`
with the line of the offending node, found by composing the YAML node tree first.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from briefings.errors import BriefingFileError
from briefings.models import SCHEMA_VERSION, ArticleRef, Briefing, Note, Quote, now_iso

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text reads best as a literal block; the emitter falls back to a
    # quoted style by itself when a block could not hold the string exactly.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_briefing(briefing: Briefing) -> str:
    """The YAML text of a briefing file."""
    data = {
        "schema": briefing.schema,
        "title": briefing.title,
        "slug": briefing.slug,
        "created": briefing.created,
        "updated": briefing.updated,
        "summary": briefing.summary,
        "notes": [_note_data(n) for n in briefing.notes],
    }
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


def _note_data(note: Note) -> dict[str, Any]:
    ref = note.article
    quote = None
    if note.quote is not None:
        q = note.quote
        quote = {
            "exact": q.exact,
            "prefix": q.prefix,
            "suffix": q.suffix,
            "start": q.start,
            "end": q.end,
            "content_hash": q.content_hash,
        }
    return {
        "id": note.id,
        "article": {
            "id": ref.id,
            "title": ref.title,
            "source": ref.source,
            "date": ref.date,
            "path": ref.path,
            "url": ref.url,
            "author": ref.author,
            "corpus": ref.corpus,
        },
        "quote": quote,
        "text": note.text,
        "tags": list(note.tags),
        "created": note.created,
        "updated": note.updated,
    }


class _Invalid(Exception):
    """A layout problem at a key path inside the document."""

    def __init__(self, where: tuple[Any, ...], reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


def parse_briefing(raw: bytes, path: Path) -> Briefing:
    """Read a briefing from the bytes of its file.

    Args:
        raw: the file's content.
        path: the file, for messages; its name (without ``.yaml``) is the slug.

    Returns:
        The briefing.

    Raises:
        BriefingFileError: the file is not UTF-8, not YAML, or not a briefing.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingFileError(path, "not UTF-8 text", line) from None
    root, data = _compose(text, path)
    if root is None:
        raise BriefingFileError(path, "the file is empty", None)
    try:
        _check_unique_keys(root, ())
        return _briefing_from(data, path.name.removesuffix(".yaml"))
    except _Invalid as exc:
        node = _node_at(root, exc.where)
        raise BriefingFileError(path, exc.reason, node.start_mark.line + 1) from None


def _compose(text: str, path: Path) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(p for p in (exc.context, exc.problem) if p) or "not valid YAML"
        line = mark.line + 1 if mark else None
        raise BriefingFileError(path, f"not valid YAML: {reason}", line) from None
    except yaml.YAMLError as exc:
        # A reader error (a control character, say) has no mark, only a position.
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        reason = str(exc).splitlines()[0] if str(exc) else "not valid YAML"
        raise BriefingFileError(path, f"not valid YAML: {reason}", line) from None
    finally:
        loader.dispose()
    return root, data


def _check_unique_keys(node: yaml.Node, where: tuple[Any, ...]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise _Invalid((*where, key), f"{key!r} is given twice")
            seen.add(key)
            _check_unique_keys(value_node, (*where, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_unique_keys(item, (*where, index))


def _node_at(root: yaml.Node, where: tuple[Any, ...]) -> yaml.Node:
    """The deepest node along ``where`` (the key's own node for a repeated key)."""
    node = root
    for step in where:
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if k.value == step]
            if not found:
                return node
            key_node, value_node = found[-1]
            node = key_node if len(found) > 1 else value_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return node
            node = node.value[step]
        else:
            return node
    return node


def _mapping(value: Any, where: tuple[Any, ...], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(where, f"{what} should be a mapping of keys to values")
    return value


def _text(value: Any, where: tuple[Any, ...], *, optional: bool = False) -> str | None:
    """A text field; numbers and dates a hand edit left unquoted are read back as text."""
    name = where[-1] if not isinstance(where[-1], int) else f"{where[-2]} item {where[-1] + 1}"
    if value is None:
        return None if optional else ""
    if isinstance(value, bool):
        raise _Invalid(where, f"{name!r} reads as yes/no; put the text in quotes")
    if isinstance(value, datetime):
        return now_iso(value) if value.tzinfo else value.isoformat()
    if isinstance(value, date | int | float):
        return value.isoformat() if isinstance(value, date) else str(value)
    if not isinstance(value, str):
        raise _Invalid(where, f"{name!r} should be text")
    return value


def _int(value: Any, where: tuple[Any, ...]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid(where, f"{where[-1]!r} should be a whole number of characters")
    return value


def _briefing_from(data: Any, slug: str) -> Briefing:
    top = _mapping(data, (), "a briefing file")
    schema = top.get("schema", SCHEMA_VERSION)
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise _Invalid(("schema",), "'schema' should be a version number")
    if schema > SCHEMA_VERSION:
        raise _Invalid(
            ("schema",), f"written by a newer briefing (schema {schema}); please upgrade"
        )
    notes = top.get("notes") or []
    if not isinstance(notes, list):
        raise _Invalid(("notes",), "'notes' should be a list of notes")
    parsed = tuple(_note_from(item, ("notes", i)) for i, item in enumerate(notes))
    seen: set[str] = set()
    given = [isinstance(item, dict) and bool(item.get("id")) for item in notes]
    for i, note in enumerate(parsed):
        if note.id in seen and given[i]:
            raise _Invalid(("notes", i, "id"), f"note id {note.id!r} is used twice")
        if note.id in seen:
            # The same note pasted twice by hand: the copy gets an id of its own.
            parsed = (*parsed[:i], replace(note, id=f"{note.id[:9]}{i:03d}"), *parsed[i + 1 :])
        seen.add(parsed[i].id)
    title = _text(top.get("title"), ("title",)) or slug
    return Briefing(
        title=title,
        slug=slug,
        created=_text(top.get("created"), ("created",)) or "",
        updated=_text(top.get("updated"), ("updated",)) or "",
        summary=_text(top.get("summary"), ("summary",)) or "",
        notes=parsed,
        schema=SCHEMA_VERSION,
    )


def _note_from(data: Any, where: tuple[Any, ...]) -> Note:
    item = _mapping(data, where, "a note")
    text = _text(item.get("text"), (*where, "text")) or ""
    ref = _article_from(item.get("article"), (*where, "article"))
    quote = None
    if item.get("quote") is not None:
        quote = _quote_from(item["quote"], (*where, "quote"))
    tags = item.get("tags") or []
    if not isinstance(tags, list):
        raise _Invalid((*where, "tags"), "'tags' should be a list")
    tag_texts = tuple(_text(t, (*where, "tags", i)) or "" for i, t in enumerate(tags))
    note_id = _text(item.get("id"), (*where, "id"), optional=True)
    if not note_id:
        # A note added by hand gets an id derived from its content, so that it stays
        # the same on every read until the next save writes it down.
        seed = f"{ref.id}\0{quote.exact if quote else ''}\0{text}".encode()
        note_id = hashlib.sha256(seed).hexdigest()[:12]
    return Note(
        id=note_id,
        article=ref,
        quote=quote,
        text=text,
        tags=tag_texts,
        created=_text(item.get("created"), (*where, "created")) or "",
        updated=_text(item.get("updated"), (*where, "updated")) or "",
    )


def _article_from(data: Any, where: tuple[Any, ...]) -> ArticleRef:
    if data is None:
        raise _Invalid(where, "a note needs an 'article'")
    item = _mapping(data, where, "'article'")

    def field(key: str) -> str | None:
        return _text(item.get(key), (*where, key), optional=True)

    return ArticleRef(
        id=field("id") or "",
        title=field("title") or "",
        source=field("source"),
        date=field("date"),
        path=field("path"),
        url=field("url"),
        author=field("author"),
        corpus=field("corpus"),
    )


def _quote_from(data: Any, where: tuple[Any, ...]) -> Quote:
    item = _mapping(data, where, "'quote'")
    if not isinstance(item.get("exact"), str) or not item["exact"]:
        raise _Invalid((*where, "exact"), "a quote needs its 'exact' text")
    start = _int(item.get("start", 0), (*where, "start"))
    end = _int(item.get("end", start + len(item["exact"])), (*where, "end"))
    if end < start:
        raise _Invalid((*where, "end"), "'end' comes before 'start'")
    # Schema 1 stored an "orphaned" flag; a note's status is now worked out each time.
    return Quote(
        exact=item["exact"],
        prefix=_text(item.get("prefix"), (*where, "prefix")) or "",
        suffix=_text(item.get("suffix"), (*where, "suffix")) or "",
        start=start,
        end=end,
        content_hash=_text(item.get("content_hash"), (*where, "content_hash")) or "",
    )
