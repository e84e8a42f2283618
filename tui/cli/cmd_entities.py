"""`briefing entities`: the entities in an article or a text file."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "List the people, organisations, places, dates and amounts in an article or file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("entities is not built yet")
    return 1
