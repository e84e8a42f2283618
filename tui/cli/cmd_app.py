"""Launching the Textual app from ``briefing [CORPUS]``."""

from __future__ import annotations

import argparse
import os

from tui.cli.common import EXIT_OK, EXIT_USAGE, fail, resolve_corpus, say


def run_app(args: argparse.Namespace) -> int:
    from search.runtime import starting_up

    _need_a_terminal()
    starting_up()  # the app hands memory to its idle collector once the articles are listed
    corpus = resolve_corpus(args)
    from tui.app import make_app

    app = make_app(corpus, notes_dir=args.notes_dir)
    recovered = app.run()
    if recovered is not None:
        say(
            f"the notes that could not be saved are in {recovered}; "
            f"open them with: briefing --notes-dir {recovered.parent}"
        )
    return EXIT_OK if app.return_code is None else app.return_code


def _need_a_terminal() -> None:
    """The app reads keys from stdin and draws on stdout: without a terminal on both it
    could only fail, so it refuses, pointing scripts at the subcommands."""
    for fd, name in ((0, "standard input"), (1, "standard output")):
        if not _is_terminal(fd):
            fail(
                f"the app needs a terminal, and {name} is not one; for scripts use a "
                "command such as `briefing search` (see briefing --help)",
                EXIT_USAGE,
            )


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
