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
