"""`briefing index`: build or update the index of a corpus folder."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "Build or update the index of a corpus folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("index is not built yet")
    return 1
