"""The ``briefing`` command: ``briefing [CORPUS]`` opens the app; subcommands script the rest.

Each subcommand lives in its own ``cmd_*`` module exposing ``add_parser`` and ``run``;
heavy imports happen inside ``run`` so that ``briefing --help`` and the app start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tui.cli.common import EXIT_ERROR, EXIT_USAGE, paths_epilog, version_string

SUBCOMMANDS = {
    "index": "tui.cli.cmd_index",
    "search": "tui.cli.cmd_search",
    "articles": "tui.cli.cmd_articles",
    "entities": "tui.cli.cmd_entities",
    "entity": "tui.cli.cmd_entity",
    "statements": "tui.cli.cmd_statements",
    "timeline": "tui.cli.cmd_timeline",
    "notes": "tui.cli.cmd_notes",
    "add-note": "tui.cli.cmd_add_note",
    "export": "tui.cli.cmd_export",
}


def _command_module(name: str):
    return importlib.import_module(SUBCOMMANDS[name])


class _AppParser(argparse.ArgumentParser):
    """The top-level parser; its epilog (every subcommand's summary, the data folders) is
    made only when help is shown, so that opening the app does not import the subcommands."""

    def format_help(self) -> str:
        summaries = "\n".join(
            f"  {name:<10} {_command_module(name).SUMMARY}" for name in SUBCOMMANDS
        )
        self.epilog = (
            f"commands (briefing COMMAND --help for more):\n{summaries}\n\n{paths_epilog()}"
        )
        return super().format_help()


class _VersionAction(argparse.Action):
    """``--version``: reads the installed version only when asked (package metadata is slow)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version_string())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``briefing`` itself; subcommands get their own (see ``main``)."""
    parser = _AppParser(
        prog="briefing",
        description="Search a folder of articles, read them with people, organisations, "
        "places, dates and amounts highlighted, and collect quoted passages into briefings.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        help="folder of .txt, .md and .html files to open (default: the bundled seeds/)",
    )
    parser.add_argument("--notes-dir", help="folder holding the briefings (YAML files)")
    parser.add_argument(
        "--version", action=_VersionAction, help="show program's version number and exit"
    )
    return parser


class _SubcommandParser(argparse.ArgumentParser):
    """A subcommand's parser; the data folders end its epilog, worked out only when help is
    shown, not at every run of the command."""

    def format_help(self) -> str:
        own = self.epilog
        self.epilog = f"{own or ''}{paths_epilog()}"
        try:
            return super().format_help()
        finally:
            self.epilog = own


def build_subcommand_parser(name: str) -> argparse.ArgumentParser:
    parser = _SubcommandParser(
        prog=f"briefing {name}", formatter_class=argparse.RawDescriptionHelpFormatter
    )
    _command_module(name).add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    try:
        if first in SUBCOMMANDS:
            args.remove(first)
            parsed = build_subcommand_parser(first).parse_args(args)
            return _command_module(first).run(parsed)
        parsed = build_parser().parse_args(args)
        from tui.cli.cmd_app import run_app

        return run_app(parsed)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`briefing articles | head`): stop quietly, and point
        # stdout at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def console_main() -> None:
    """The console script: ``main`` with standard streams that degrade instead of failing
    (see :mod:`tui.cli.output`)."""
    from tui.cli.output import run_guarded

    sys.exit(run_guarded(main))
