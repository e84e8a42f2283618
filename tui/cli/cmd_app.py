"""Launching the Textual app from ``briefing [CORPUS]``."""

from __future__ import annotations

import argparse
import gc

from tui.cli.common import EXIT_OK, resolve_corpus


def run_app(args: argparse.Namespace) -> int:
    # Start-up builds a large heap of long-lived objects (modules, classes, styles) that
    # the collector would walk again and again: about a tenth of a second before the first
    # screen. The app turns it back on once the articles are listed (``listing_started``).
    gc.disable()
    corpus = resolve_corpus(args)
    from tui.app import make_app

    make_app(corpus, notes_dir=args.notes_dir).run()
    return EXIT_OK
