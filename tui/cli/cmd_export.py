"""`briefing export`: export a briefing to Markdown."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "Export a briefing to Markdown"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("export is not built yet")
    return 1
