"""Start-up time of ``briefing`` on a corpus against a bare Textual app, both in a real terminal.

Each run types a command at a shell prompt in a tmux pane and times it from the Enter
that starts it to the first screen (polled with ``capture-pane``) that lists the corpus's
articles; then it quits with ctrl+q (Textual's quit key, whichever widget has the focus)
and waits for the shell. The baseline is ``bare_app.py`` (Header, Input, ListView, Footer)
listing the same titles. Runs alternate baseline and ``briefing`` so a machine that speeds
up or slows down during the run affects both alike. The index is built first with
``briefing index``, so the figures are for an index that already exists.

Besides the headline figure (launch to listed articles) it prints two earlier milestones
read off the same screens, to show where the time goes: "app screen" (the shell's screen
is gone: the interpreter has started, imported the app and switched to the alternate
screen) and "first paint" (the app has drawn something).

Usage: ``python benchmarks/bench_startup.py [--runs 15] [--corpus DIR]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.commands import installed_command  # noqa: E402
from tests.e2e.tmux import (  # noqa: E402
    PROMPT,
    Terminal,
    terminal_env,
    tmux_path,
)

BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
TITLE_PREFIX = 24  # characters of a title that must show; lists may cut long titles short
TITLES_ON_SCREEN = 5  # distinct titles that make a screen "a list of the articles"
POLL_SECONDS = 0.005
MILESTONES = ("app screen", "first paint", "listed")


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile.

    Args:
        values: at least one figure.

    Returns:
        The figure that 95% of the values do not exceed.
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def corpus_titles(briefing: str, corpus: Path, env: dict[str, str]) -> list[str]:
    """Build the corpus's index and return its article titles, as ``briefing`` lists them.

    Args:
        briefing: the installed command.
        corpus: the folder to index.
        env: environment with the benchmark's own cache, notes and config folders.

    Returns:
        The titles of every article in the index.
    """
    subprocess.run(
        [briefing, "index", "--corpus", str(corpus)], env=env, check=True, capture_output=True
    )
    listed = subprocess.run(
        [briefing, "articles", "--corpus", str(corpus), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return [a["title"] for a in json.loads(listed.stdout) if (a.get("title") or "").strip()]


def listing_check(titles: list[str]) -> Callable[[str], bool]:
    """A screen test: does it show enough distinct titles to count as the article list?

    Args:
        titles: every article title in the corpus.

    Returns:
        A predicate on the captured screen text.
    """
    prefixes = sorted({t.strip()[:TITLE_PREFIX] for t in titles})
    needed = min(len(prefixes), TITLES_ON_SCREEN)

    def shows_the_list(screen: str) -> bool:
        return sum(prefix in screen for prefix in prefixes) >= needed

    return shows_the_list


def time_launch(
    term: Terminal, command_line: str, listed: Callable[[str], bool], timeout: float
) -> dict[str, float]:
    """Launch one command, time its milestones up to the article list, then quit it.

    Args:
        term: a terminal at a clear shell prompt.
        command_line: what to run.
        listed: the screen test for "the articles are listed".
        timeout: seconds before giving up on this run.

    Returns:
        Seconds from pressing Enter to each of ``MILESTONES``.
    """
    term.type(command_line)
    started = time.perf_counter()
    term.send_keys("Enter")
    seen: dict[str, float] = {}
    while True:
        screen = term.capture()
        now = time.perf_counter() - started
        if PROMPT.strip() not in screen:
            seen.setdefault("app screen", now)
            if screen.strip():
                seen.setdefault("first paint", now)
        if listed(screen):
            seen["listed"] = now
            break
        if now > timeout:
            raise TimeoutError(f"{command_line!r} listed nothing in {timeout}s:\n{screen}")
        time.sleep(POLL_SECONDS)
    # A poll can see the list on the very first frame; earlier milestones are then the same.
    for milestone in MILESTONES:
        seen.setdefault(milestone, seen["listed"])
    term.send_keys("C-q")
    term.wait_for_shell(timeout)
    term.clear()
    return seen


def report(results: dict[str, list[dict[str, float]]]) -> None:
    """Print medians per milestone, p95 and spread of the headline figure, and the ratio.

    Args:
        results: per command name, one milestone mapping per counted run.
    """
    header = "".join(f"{m + ' (median)':>22}" for m in MILESTONES)
    print(f"{'ms':<10}{header}{'listed p95':>14}{'min':>9}{'max':>9}")
    for name, runs in results.items():
        cells = "".join(
            f"{statistics.median(r[m] for r in runs) * 1000:>22.0f}" for m in MILESTONES
        )
        listed = [r["listed"] * 1000 for r in runs]
        print(
            f"{name:<10}{cells}{p95(listed):>14.0f}{min(listed):>9.0f}{max(listed):>9.0f}"
            f"   ({len(runs)} runs)"
        )
    bare = [r["listed"] for r in results["bare"]]
    app = [r["listed"] for r in results["briefing"]]
    pairwise = [a / b for a, b in zip(app, bare, strict=True)]
    print(
        f"ratio briefing/bare, launch to listed articles: "
        f"median {statistics.median(app) / statistics.median(bare):.2f}, "
        f"p95 {p95(app) / p95(bare):.2f}, "
        f"pairwise median {statistics.median(pairwise):.2f} (target <= 1.5)"
    )


def run(args: argparse.Namespace) -> int:
    """Build the index, then time alternating launches of both apps and print the figures.

    Args:
        args: the parsed command line.

    Returns:
        The exit code: 0, or 2 when tmux or the installed command is missing.
    """
    briefing = installed_command("briefing")
    if tmux_path() is None or briefing is None:
        print("needs tmux and the installed briefing command", file=sys.stderr)
        return 2
    corpus = Path(args.corpus).resolve()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        dirs = {
            "BRIEFING_CACHE_DIR": f"{tmp}/cache",
            "BRIEFING_NOTES_DIR": f"{tmp}/notes",
            "BRIEFING_CONFIG_DIR": f"{tmp}/config",
        }
        env = terminal_env(dirs)
        env["PATH"] = f"{Path(briefing).parent}{os.pathsep}{env.get('PATH', '')}"
        titles = corpus_titles(briefing, corpus, {**os.environ, **dirs})
        titles_file = Path(tmp) / "titles.txt"
        titles_file.write_text("\n".join(titles) + "\n", encoding="utf-8")
        listed = listing_check(titles)
        commands = {
            "bare": f"{shlex.quote(sys.executable)} {shlex.quote(str(BARE_APP))} {titles_file}",
            "briefing": f"briefing {shlex.quote(str(corpus))}",
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        print(
            f"corpus {corpus}: {len(titles)} articles, index built; "
            f"terminal {args.width}x{args.height}; {args.warmup} warm-up + {args.runs} runs each"
        )
        with Terminal.start(env, width=args.width, height=args.height, cwd=tmp) as term:
            for round_ in range(args.warmup + args.runs):
                for name, command_line in commands.items():
                    seen = time_launch(term, command_line, listed, args.timeout)
                    if round_ >= args.warmup:
                        results[name].append(seen)
        report(results)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted runs of each app")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs of each, first")
    parser.add_argument("--corpus", default=str(_seeds()), help="corpus folder (default: seeds)")
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per run")
    return run(parser.parse_args(argv))


def _seeds() -> Path:
    from search.locations import seeds_dir

    return seeds_dir()


if __name__ == "__main__":
    sys.exit(main())
