"""`briefing articles`: list every article in the corpus."""

from __future__ import annotations

import argparse

from tui.cli.common import fail

SUMMARY = "List every article in the corpus"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = SUMMARY


def run(args: argparse.Namespace) -> int:
    fail("articles is not built yet")
    return 1
