"""Briefings to YAML text and back: block style, stable key order, unicode kept, safe loading.

The text is read by the project's one YAML loader (:mod:`search.safe_yaml`: no aliases,
bounded size and depth, dates read as written); this module checks the layout and
reports a bad hand edit as a :class:`BriefingFileError` at the line of the offending
value, ``path:line: reason``.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from briefings.errors import BriefingFileError
from briefings.models import SCHEMA_VERSION, ArticleRef, Briefing, Note, Quote, now_iso
from search.safe_yaml import (
    YamlDocument,
    YamlFileError,
    dump_yaml,
    load_yaml,
    parse_timestamp,
)

# Far beyond any briefing written by hand or by the app (a thousand quoted notes take
# about a megabyte); the store refuses to write a file it could not read back.
MAX_BRIEFING_BYTES = 32 * 1024 * 1024


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
    return dump_yaml(data)


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
        document = load_yaml(raw, path, max_bytes=MAX_BRIEFING_BYTES)
    except YamlFileError as exc:
        raise BriefingFileError(path, exc.reason, exc.line) from None
    if document.line_of(()) is None:
        raise BriefingFileError(path, "the file is empty", None)
    try:
        return _briefing_from(document, path.name.removesuffix(".yaml"))
    except _Invalid as exc:
        raise BriefingFileError(path, exc.reason, document.line_of(exc.where)) from None


def _mapping(value: Any, where: tuple[Any, ...], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(where, f"{what} should be a mapping of keys to values")
    return value


def _name(where: tuple[Any, ...]) -> Any:
    return where[-1] if not isinstance(where[-1], int) else f"{where[-2]} item {where[-1] + 1}"


def _text(value: Any, where: tuple[Any, ...], *, optional: bool = False) -> str | None:
    """A text field; numbers and dates a hand edit left unquoted are read back as text."""
    if value is None:
        return None if optional else ""
    if isinstance(value, bool):
        raise _Invalid(where, f"{_name(where)!r} reads as yes/no; put the text in quotes")
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        raise _Invalid(where, f"{_name(where)!r} should be text")
    return value


def _stamp(document: YamlDocument, value: Any, where: tuple[Any, ...]) -> str:
    """A created or updated time; one written unquoted by hand is checked and normalised.

    Quoted text is kept as written (the app writes its times quoted).
    """
    text = _text(value, where) or ""
    if not document.written_as_date(where):
        return text
    moment = parse_timestamp(text)
    if moment is None:
        raise _Invalid(
            where, f"{_name(where)!r} is not a real date or time: {text}; write one or quote it"
        )
    if not isinstance(moment, datetime):
        return moment.isoformat()
    return now_iso(moment) if moment.tzinfo else moment.isoformat()


def _int(value: Any, where: tuple[Any, ...]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Invalid(where, f"{where[-1]!r} should be a whole number of characters")
    return value


def _briefing_from(document: YamlDocument, slug: str) -> Briefing:
    top = _mapping(document.data, (), "a briefing file")
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
    parsed = tuple(_note_from(document, item, ("notes", i)) for i, item in enumerate(notes))
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
        created=_stamp(document, top.get("created"), ("created",)),
        updated=_stamp(document, top.get("updated"), ("updated",)),
        summary=_text(top.get("summary"), ("summary",)) or "",
        notes=parsed,
        schema=SCHEMA_VERSION,
    )


def _note_from(document: YamlDocument, data: Any, where: tuple[Any, ...]) -> Note:
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
        created=_stamp(document, item.get("created"), (*where, "created")),
        updated=_stamp(document, item.get("updated"), (*where, "updated")),
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
