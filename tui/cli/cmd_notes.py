"""`briefing notes`: list the notes of one briefing, or of every briefing."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import EXIT_ERROR, EXIT_OK, safe, say
from tui.cli.notes_common import (
    add_notes_dir_argument,
    add_resolve_corpus_argument,
    load_named,
    open_store,
    resolve_briefing,
)
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "List the notes of a briefing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY} (every briefing when none is named), each with its status against "
        "the corpus as it is now: anchored, moved (same words elsewhere), changed (the "
        "source's words differ) or orphaned (article or passage gone). "
        "An unreadable briefing file is reported and the others are still listed."
    )
    parser.add_argument(
        "--briefing", metavar="NAME", help="the briefing's title or file name (slug)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_notes_dir_argument(parser)
    add_resolve_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from briefings.errors import BriefingFileError, BriefingNotFoundError

    store = open_store(args)
    errors: list[BriefingFileError] = []
    if args.briefing:
        briefings = [load_named(store, args.briefing)]
    else:
        briefings = []
        for entry in store.briefings():
            if entry.error is not None:
                errors.append(entry.error)
                continue
            try:
                briefings.append(store.load(entry.slug))
            except BriefingFileError as error:
                errors.append(error)
            except BriefingNotFoundError:
                continue
    resolved = {b.slug: resolve_briefing(b, args) for b in briefings}
    if args.json:
        print_json(_as_json(store, briefings, resolved, errors))
    else:
        for briefing in briefings:
            sys.stdout.write(_as_text(store, briefing, resolved[briefing.slug]))
        if not briefings and not errors:
            say(f"no briefings yet in {store.directory}")
    for error in errors:
        # A file name is anyone's text: say() keeps an escape sequence in it off the terminal.
        say(str(error))
    return EXIT_ERROR if errors else EXIT_OK


def _note_json(item) -> dict:
    from dataclasses import asdict

    from briefings.resolver import NoteStatus

    data = {**asdict(item.note), "status": item.status.value}
    if data["quote"] is not None and item.status is NoteStatus.CHANGED:
        data["quote"]["current"] = item.current.exact
    if item.reason:
        data["reason"] = item.reason
    if item.elsewhere:
        data["elsewhere"] = item.elsewhere
    return data


def _as_json(store, briefings, resolved, errors) -> dict:
    return {
        "notes_dir": str(store.directory),
        "briefings": [
            {
                "slug": b.slug,
                "title": b.title,
                "path": str(store.path_for(b.slug)),
                "created": b.created,
                "updated": b.updated,
                "summary": b.summary,
                "notes": [_note_json(item) for item in resolved[b.slug]],
            }
            for b in briefings
        ],
        "errors": [{"path": str(e.path), "line": e.line, "reason": e.reason} for e in errors],
    }


def _as_text(store, briefing, resolved) -> str:
    from briefings.mdescape import visible
    from briefings.resolver import NoteStatus

    def shown(text: str) -> str:
        return visible(text).replace("\t", " ")

    count = len(briefing.notes)
    lines = [
        f"{shown(briefing.title)}  ({safe(briefing.slug)}, {counted(count, 'note')})"
        f"  {safe(str(store.path_for(briefing.slug)))}"
    ]
    for item in resolved:
        note, ref = item.note, item.note.article
        about = ", ".join(shown(p) for p in (ref.source, ref.date) if p)
        status = "" if item.status is NoteStatus.ANCHORED else f"  [{item.status.value}]"
        lines.append(
            f"  {note.id}  {shown(ref.title)}" + (f"  ({about})" if about else "") + status
        )
        if item.elsewhere:
            lines.append(f"      from another corpus: {shown(item.elsewhere)}")
        if item.reason:
            lines.append(f"      not found: {item.reason}")
        if note.quote is not None:
            lines += [f"      > {line}" for line in shown(note.quote.exact).split("\n")]
        if item.status is NoteStatus.CHANGED:
            lines += [f"      now: {line}" for line in shown(item.current.exact).split("\n")]
        lines += [f"      {line}" for line in shown(note.text).rstrip("\n").split("\n") if line]
        if note.tags:
            lines.append("      tags: " + ", ".join(shown(t) for t in note.tags))
    return "\n".join(lines) + "\n"
