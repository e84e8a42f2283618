"""`briefing add-note`: add a note (optionally quoting a passage) to a briefing from a script."""

from __future__ import annotations

import argparse
import re

from tui.cli.common import (
    EXIT_ERROR,
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_corpus_argument,
    fail,
    say,
)
from tui.cli.notes_common import add_notes_dir_argument

SUMMARY = "Add a note to a briefing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}: on an article (see `briefing articles`), quoting the first "
        "occurrence of --quote in its text. The briefing is created if it is new "
        "(default: the most recently updated briefing). Exit code 4 when the article "
        "or the quoted text is not there."
    )
    parser.add_argument("article_id", metavar="ARTICLE_ID", help="the article's id")
    parser.add_argument("--quote", metavar="EXACT", help="text of the article to quote")
    parser.add_argument("--text", metavar="NOTE", default="", help="your note")
    parser.add_argument(
        "--tag", metavar="TAG", action="append", default=[], help="a tag (repeat for more)"
    )
    parser.add_argument(
        "--briefing", metavar="NAME", help="the briefing's title or file name (slug)"
    )
    add_corpus_argument(parser)
    add_notes_dir_argument(parser)


def run(args: argparse.Namespace) -> int:
    from briefings.anchoring import quote_article
    from briefings.errors import BriefingError, BriefingNotFoundError
    from briefings.models import ArticleRef, new_note
    from tui.briefing_session import BriefingSession
    from tui.cli.common import resolve_corpus
    from tui.cli.index_common import ensure_index, open_service

    corpus = resolve_corpus(args)
    service = open_service(corpus)
    ensure_index(service, full=True)
    article = service.article(args.article_id)
    if article is None:
        fail(f"no article with id {args.article_id!r} in {corpus}", EXIT_NOT_FOUND)
    quote = None
    if args.quote:
        span = find_passage(article.body, args.quote)
        if span is None:
            fail(f"{args.quote!r} is not in the text of “{article.title}”", EXIT_NOT_FOUND)
        quote = quote_article(article, *span)
    note = new_note(
        ArticleRef.from_article(article, str(corpus)), text=args.text, tags=args.tag, quote=quote
    )
    session = BriefingSession(args.notes_dir)
    try:
        if args.briefing:
            try:
                session.switch(session.store.resolve(args.briefing))
            except BriefingNotFoundError:
                session.create(args.briefing)
        else:
            session.open()
        briefing = session.add_note(note)
    except BriefingError as error:
        fail(str(error), EXIT_ERROR)
    print(note.id)
    say(f"added note {note.id} to “{briefing.title}” ({session.path()})")
    return EXIT_OK


def find_passage(body: str, wanted: str) -> tuple[int, int] | None:
    """Where ``wanted`` first occurs in ``body``; runs of whitespace match any whitespace.

    Returns:
        ``(start, end)`` offsets into ``body``, or None.
    """
    words = wanted.split()
    if not words:
        return None
    at = body.find(wanted.strip())
    if at != -1:
        return at, at + len(wanted.strip())
    found = re.search(r"\s+".join(map(re.escape, words)), body)
    return found.span() if found else None
