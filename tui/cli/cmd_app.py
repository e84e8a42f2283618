"""Launching the Textual app from ``briefing [CORPUS]``."""

from __future__ import annotations

import argparse

from tui.cli.common import EXIT_OK, resolve_corpus


def run_app(args: argparse.Namespace) -> int:
    from search.runtime import starting_up

    starting_up()  # the app hands memory to its idle collector once the articles are listed
    corpus = resolve_corpus(args)
    from tui.app import make_app

    make_app(corpus, notes_dir=args.notes_dir).run()
    return EXIT_OK
