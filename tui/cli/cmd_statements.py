"""`briefing statements`: what a person or organisation said, across the corpus.

Direct statements are quotations with their speaker beside them; reported ones are
"according to X, …" and "X said that …". A pronoun or a title ("the minister") stands for
the nearest person named before it in the paragraph. Speakers are named as the entity
panel names them, with the user's corrections applied.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_corpus_argument,
    fail,
    resolve_corpus,
    safe,
    warn_if_corrections_ignored,
)
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "List what a person or organisation said (quoted or reported)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}, newest article first. NAME is a name as the entity panel shows it or "
        "any form it is written in ('Aliyev' for Ilham Aliyev), in any case; your "
        "corrections in the entities file listed below are applied."
    )
    parser.epilog = (
        "--json prints a list of {speaker, text, kind, article_id, start, end, "
        "sentence_start, sentence_end, title, article_date}: kind is direct (a quotation) "
        "or reported, and start and end are the words' offsets in the article's body."
        f"\n\n{parser.epilog or ''}"
    )
    parser.add_argument("name", metavar="NAME", help="the speaker (quote a name of several words)")
    add_corpus_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    warn_if_corrections_ignored()
    service = open_service(resolve_corpus(args))
    ensure_index(service, full=True)
    found = service.resolve_entity(args.name)
    if found is None:
        fail(f"no person or organisation named {safe(args.name)!r} in this corpus", EXIT_USAGE)
    statements = service.statements(found[0])
    if args.json:
        print_json([asdict(statement) for statement in statements])
        return EXIT_OK
    print(f"{safe(found[0])} ({found[1]}): {counted(len(statements), 'statement')}")
    for statement in statements:
        print(f"\n  {safe(statement.text)}  ({statement.kind})")
        where = (statement.title, statement.article_date, statement.article_id)
        print(f"     {' · '.join(safe(v) for v in where if v)}")
    return EXIT_OK
