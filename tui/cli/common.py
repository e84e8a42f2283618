"""What every subcommand shares: exit codes, the corpus option, error printing, help epilog."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUSY = 3
EXIT_NOT_FOUND = 4

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str | None) -> str:
    """``text`` on one line with control characters (C0, DEL, C1) replaced by U+FFFD, as
    the app shows them: an escape sequence in a title or file name never reaches the
    terminal."""
    if not text:
        return ""
    return _CONTROL.sub("\ufffd", text.replace("\n", " ").replace("\t", " "))


def version_string() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"briefing {version('briefing')}"
    except PackageNotFoundError:
        return "briefing (not installed)"


def paths_epilog() -> str:
    """Where user data lives; shown in every --help."""
    from briefings.paths import NOTES_ENV, notes_dir
    from search.locations import CACHE_ENV, CONFIG_ENV, cache_dir, config_dir

    return (
        "where your data lives:\n"
        f"  briefings  {notes_dir()}  (--notes-dir or ${NOTES_ENV})\n"
        f"  index      {cache_dir()}  (${CACHE_ENV})\n"
        f"  entities   {config_dir() / 'entities.yaml'}  (${CONFIG_ENV})"
    )


def add_date_range_arguments(parser: argparse.ArgumentParser, items: str) -> None:
    """``--from DATE`` and ``--to DATE``: keep the ``items`` dated within the range."""
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help=f"only {items} dated on or after DATE (2024, 2024-07 or 2024-07-15)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help=f"only {items} dated on or before DATE (2024-06 keeps all of June)",
    )


def add_corpus_argument(parser: argparse.ArgumentParser, *, positional: bool = False) -> None:
    """The corpus folder: ``--corpus DIR`` everywhere, and also positional where it reads well."""
    help_text = "corpus folder (default: the bundled seeds/)"
    if positional:
        parser.add_argument("corpus_pos", nargs="?", metavar="CORPUS", help=help_text)
    parser.add_argument("--corpus", metavar="DIR", help=help_text)


def resolve_corpus(args: argparse.Namespace) -> Path:
    """The corpus folder the user asked for, or the seeds; exits 2 when it is not a folder."""
    from search.locations import seeds_dir

    given = getattr(args, "corpus", None) or getattr(args, "corpus_pos", None)
    corpus = Path(given).expanduser() if given else seeds_dir()
    if not corpus.is_dir():
        fail(f"corpus folder not found: {corpus}", EXIT_USAGE)
    return corpus.resolve()


def say(message: str) -> None:
    """Print ``briefing: message`` on stderr, on one line, control characters made visible."""
    print(f"briefing: {safe(message)}", file=sys.stderr)


def warn_if_corrections_ignored() -> None:
    """Say on stderr that the entity corrections file is not in force, and why, if so."""
    from search.entities import corrections_problem

    problem = corrections_problem()
    if problem:
        say(f"entity corrections ignored: {problem}")


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print a one-line error (see :func:`say`) and exit with ``code``."""
    say(message)
    raise SystemExit(code)
