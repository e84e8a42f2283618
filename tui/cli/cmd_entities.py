"""`briefing entities`: the people, organisations, places, dates and amounts in an article.

The argument is either a file (read through the same reading and cleaning path as the
index, every article in it) or the id of an indexed article. Text output groups the
mentions by entity; ``--json`` prints one object per mention.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from tui.cli.common import (
    EXIT_ERROR,
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_corpus_argument,
    fail,
    safe,
    warn_if_corrections_ignored,
)
from tui.cli.output import print_json

SUMMARY = "List the people, organisations, places, dates and amounts in an article or file"
TYPE_ORDER = ("PERSON", "ORG", "PLACE", "DATE", "MONEY")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}. ARTICLE_ID_OR_FILE is a text, Markdown or HTML file (every article in "
        "it) or the id of an indexed article (see `briefing articles`). Your corrections "
        "in the entities file listed below are applied."
    )
    parser.add_argument("target", metavar="ARTICLE_ID_OR_FILE", help="a file or an article id")
    add_corpus_argument(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help=(
            "print a JSON list of {article, text, type, canonical, start, end}, one per "
            "mention; start and end are offsets into the article's cleaned body"
        ),
    )


def run(args: argparse.Namespace) -> int:
    warn_if_corrections_ignored()
    path = Path(args.target).expanduser()
    found = _from_file(path) if path.is_file() else _from_index(args)
    if args.json:
        print_json(
            [
                {
                    "article": article_id,
                    "text": span.text,
                    "type": span.type,
                    "canonical": span.canonical,
                    "start": span.start,
                    "end": span.end,
                }
                for article_id, _title, spans in found
                for span in spans
            ]
        )
        return EXIT_OK
    for article_id, title, spans in found:
        _print_article(article_id, title, spans)
    return EXIT_OK


def _from_file(path: Path) -> list[tuple[str, str, list]]:
    from search.service import UnreadableFile, read_file

    try:
        found = read_file(path)
    except UnreadableFile as error:
        fail(f"cannot read {safe(str(path))}: {error}", EXIT_ERROR)
    return [(article.id, article.title, spans) for article, spans in found]


def _from_index(args: argparse.Namespace) -> list[tuple[str, str, list]]:
    from tui.cli.common import resolve_corpus
    from tui.cli.index_common import ensure_index, open_service

    service = open_service(resolve_corpus(args))
    ensure_index(service)
    article = service.article(args.target)
    if article is None:
        fail(
            f"no file and no indexed article with id {safe(args.target)!r} "
            "(see `briefing articles`)",
            EXIT_NOT_FOUND,
        )
    return [(article.id, article.title, service.entities(article.id))]


def _print_article(article_id: str, title: str, spans: list) -> None:
    print(f"{article_id}  {safe(title) or '(untitled)'}")
    if not spans:
        print("    no entities found")
        return
    counts = Counter((span.type, span.canonical) for span in spans)
    forms: dict[tuple[str, str], list[str]] = {}
    for span in spans:
        surfaces = forms.setdefault((span.type, span.canonical), [])
        if span.text != span.canonical and span.text not in surfaces:
            surfaces.append(span.text)
    for entity_type in TYPE_ORDER:
        entries = sorted(
            (key for key in counts if key[0] == entity_type), key=lambda k: (-counts[k], k[1])
        )
        for key in entries:
            also = f"  ({', '.join(safe(f) for f in forms[key])})" if forms[key] else ""
            print(f"    {entity_type:<6}  {safe(key[1])}  ×{counts[key]}{also}")
