"""`briefing articles`: list every article in the corpus, in corpus order.

The index is brought up to date first, quietly, when the folder changed.
"""

from __future__ import annotations

import argparse

from tui.cli.common import EXIT_OK, add_corpus_argument, resolve_corpus, safe
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json

SUMMARY = "List every article in the corpus"
FIELDS = ("id", "title", "source", "author", "date", "url", "path", "encoding")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY} with its id, title, source, author, date, url and path. "
        "Ids are stable: an article keeps its id while its file is edited or the "
        "corpus folder moves (the id is its path in the corpus and place in the file). "
        "With --json each article also gives the encoding its file was read in "
        '("utf-8", "cp1251", ...).'
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
        print_json([{name: getattr(a, name) for name in FIELDS} for a in articles])
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
    print(f"{len(articles)} articles")
    return EXIT_OK
