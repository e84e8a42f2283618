"""`briefing notes`: list the notes of one briefing, or of every briefing."""

from __future__ import annotations

import argparse
import json
import re
import sys

from tui.cli.common import EXIT_ERROR, EXIT_OK
from tui.cli.notes_common import add_notes_dir_argument, load_named, open_store

SUMMARY = "List the notes of a briefing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY} (every briefing when none is named). "
        "An unreadable briefing file is reported and the others are still listed."
    )
    parser.add_argument(
        "--briefing", metavar="NAME", help="the briefing's title or file name (slug)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_notes_dir_argument(parser)


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
    if args.json:
        print(_json_text(_as_json(store, briefings, errors)))
    else:
        for briefing in briefings:
            sys.stdout.write(_as_text(store, briefing))
        if not briefings and not errors:
            print(f"briefing: no briefings yet in {store.directory}", file=sys.stderr)
    for error in errors:
        print(f"briefing: {error}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def _json_text(data: dict) -> str:
    """JSON keeping unicode readable, with DEL and C1 controls escaped too: a terminal
    may read U+009B as the start of an escape sequence."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _as_json(store, briefings, errors) -> dict:
    from dataclasses import asdict

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
                "notes": [{**asdict(n), "orphaned": n.orphaned} for n in b.notes],
            }
            for b in briefings
        ],
        "errors": [{"path": str(e.path), "line": e.line, "reason": e.reason} for e in errors],
    }


def _as_text(store, briefing) -> str:
    from briefings.mdescape import visible

    def shown(text: str) -> str:
        return visible(text).replace("\t", " ")

    count = len(briefing.notes)
    lines = [
        f"{shown(briefing.title)}  ({briefing.slug}, {count} note{'s' * (count != 1)})"
        f"  {store.path_for(briefing.slug)}"
    ]
    for note in briefing.notes:
        ref = note.article
        about = ", ".join(shown(p) for p in (ref.source, ref.date) if p)
        lines.append(f"  {note.id}  {shown(ref.title)}" + (f"  ({about})" if about else ""))
        if note.quote is not None:
            flag = "  [orphaned: not found in the current article]" if note.orphaned else ""
            lines += [f"      > {line}" for line in shown(note.quote.exact).split("\n")]
            lines[-1] += flag
        lines += [f"      {line}" for line in shown(note.text).rstrip("\n").split("\n") if line]
        if note.tags:
            lines.append("      tags: " + ", ".join(shown(t) for t in note.tags))
    return "\n".join(lines) + "\n"
