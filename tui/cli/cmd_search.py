"""`briefing search`: search the corpus and print ranked results."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "Search the corpus and print ranked results"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("search is not built yet")
    return 1
