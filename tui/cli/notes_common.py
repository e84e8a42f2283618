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
    """``--corpus DIR``: the corpus to check each note against (default: its own)."""
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="check every note against this corpus folder (default: the folder each "
        "note was taken in, else the bundled seeds/)",
    )


def resolve_briefing(briefing, args: argparse.Namespace) -> list:
    """Each note of ``briefing`` with its status against the corpus as it is now.

    A note is checked against ``--corpus`` when given, else against the folder it was
    taken in (if it is still there), else against the bundled seeds; each corpus's
    index is brought up to date first.

    Returns:
        A :class:`briefings.resolver.ResolvedNote` per note, in the briefing's order.
    """
    from pathlib import Path

    from briefings.resolver import resolve_notes
    from tui.cli.common import resolve_corpus
    from tui.cli.index_common import ensure_index, open_service

    chosen = resolve_corpus(args) if args.corpus else None
    default = chosen or resolve_corpus(argparse.Namespace())
    by_corpus: dict[Path, list] = {}
    for note in briefing.notes:
        own = note.article.corpus
        corpus = chosen or (Path(own) if own and Path(own).is_dir() else default)
        by_corpus.setdefault(corpus.resolve(), []).append(note)
    resolved = {}
    for corpus, notes in by_corpus.items():
        service = open_service(corpus)
        ensure_index(service)
        for item in resolve_notes(notes, service, corpus_name=corpus.name):
            resolved[item.note.id] = item
    return [resolved[note.id] for note in briefing.notes]
