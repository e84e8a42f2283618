"""What `briefing notes` and `briefing export` share: the --notes-dir option and the store."""

from __future__ import annotations

import argparse

from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, fail


def add_notes_dir_argument(parser: argparse.ArgumentParser) -> None:
    """``--notes-dir DIR``: the folder of briefing files (default shown in the epilog)."""
    parser.add_argument(
        "--notes-dir", metavar="DIR", help="folder holding the briefings (YAML files)"
    )


def open_store(args: argparse.Namespace):
    """The BriefingStore for the folder the user asked for."""
    from briefings.store import BriefingStore

    return BriefingStore(args.notes_dir)


def load_named(store, name: str):
    """The briefing the user named; a missing or unreadable one ends the command with a message.

    Returns:
        The :class:`briefings.models.Briefing`.
    """
    from briefings.errors import BriefingFileError, BriefingNotFoundError

    try:
        return store.load(store.resolve(name))
    except BriefingNotFoundError:
        fail(f"no briefing named {name!r} in {store.directory}", EXIT_NOT_FOUND)
    except BriefingFileError as error:
        fail(str(error), EXIT_ERROR)
    raise AssertionError("unreachable")


def add_resolve_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """``--corpus DIR``: the corpus to check notes against (default: their own)."""
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="check the notes against this corpus folder first (default: the folder "
        "the notes were taken in, else the bundled seeds/); a note not found there is "
        "checked in the folder it was taken in",
    )


def resolve_briefing(briefing, args: argparse.Namespace) -> list:
    """Each note of ``briefing`` with its status against the corpus as it is now.

    The corpus is ``--corpus`` when given, else the first folder a note was taken in
    that is still there, else the bundled seeds; its index is brought up to date first.

    Returns:
        A :class:`briefings.resolver.ResolvedNote` per note, in the briefing's order.
    """
    from pathlib import Path

    from tui.cli.common import resolve_corpus
    from tui.cli.index_common import ensure_index, open_service
    from tui.note_status import resolve_against

    if not briefing.notes:
        return []
    if args.corpus:
        corpus = resolve_corpus(args)
    else:
        folders = (Path(n.article.corpus) for n in briefing.notes if n.article.corpus)
        corpus = next((f.resolve() for f in folders if f.is_dir()), None)
        corpus = corpus or resolve_corpus(argparse.Namespace())
    service = open_service(corpus)
    ensure_index(service, full=True)
    return resolve_against(briefing.notes, service, corpus)
