"""`briefing notes`: list the notes of a briefing."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "List the notes of a briefing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("notes is not built yet")
    return 1
