"""`briefing articles`: list every article in the corpus, in corpus order.

The index is brought up to date first, quietly, when the folder changed.
"""

from __future__ import annotations

import argparse

from tui.cli.common import EXIT_OK, add_corpus_argument, resolve_corpus, safe
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "List every article in the corpus"
FIELDS = (
    "id",
    "title",
    "source",
    "author",
    "date",
    "url",
    "path",
    "encoding",
    "pages",
    "origins",
    "language",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY} with its id, title, source, author, date, url and path. "
        "Ids are stable: an article keeps its id while its file is edited or the "
        "corpus folder moves (the id is its path in the corpus and place in the file). "
        "With --json each article also gives the encoding its file was read in "
        '("utf-8", "cp1251", ...) and, for a PDF, where each page starts in its text '
        "(character offsets, the first page at 0), and where each of its title, source, "
        "author, date and url was found (origins: meta, title, heading, header, copyright, "
        "dateline or byline), and the language it is written in (language: an ISO 639-1 "
        'code such as "en", "ru", "tr" or "az", told from its text when it was indexed).'
    )
    add_corpus_argument(parser, positional=True)
    parser.add_argument(
        "--json", action="store_true", help="print a JSON list of objects instead of text"
    )


def run(args: argparse.Namespace) -> int:
    corpus = resolve_corpus(args)
    service = open_service(corpus)
    ensure_index(service)
    articles = service.articles()
    if args.json:
        print_json([_as_json(service, article) for article in articles])
        return EXIT_OK
    for article in articles:
        print(f"{article.id}  {safe(article.title) or '(untitled)'}")
        details = [
            safe(value)
            for value in (article.source, article.author, article.date, article.url)
            if value
        ]
        details.append(f"{safe(article.path)}#{article.position}")
        print(f"    {' · '.join(details)}")
        found = service.copies_of(article.id)
        if found.copies:
            print(f"    {_copies(found.copies)}: {', '.join(safe(p) for p in found.copies)}")
        if found.versions:
            print(f"    {_versions(found.versions)}: {', '.join(v.id for v in found.versions)}")
    print(counted(len(articles), "article"))
    return EXIT_OK


def _as_json(service, article) -> dict:
    found = service.copies_of(article.id)
    record = {name: getattr(article, name) for name in FIELDS}
    record["copies"] = list(found.copies)
    record["versions"] = [version.id for version in found.versions]
    return record


def _copies(paths) -> str:
    return f"also in {counted(len(paths), 'other file')}"


def _versions(versions) -> str:
    return counted(len(versions), "other version")
