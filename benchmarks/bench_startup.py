"""Start-up time of ``briefing`` on a corpus against a bare Textual app, both in a real terminal.

Each run launches a command in a tmux pane and times it from the Enter that starts it to
the first screen (polled with ``capture-pane``) that lists the corpus's articles; then it
presses ``q`` and waits for the shell. The baseline is ``bare_app.py`` (Header, Input,
ListView, Footer) listing the same titles. Runs alternate baseline and ``briefing`` so a
machine that speeds up or slows down during the run affects both alike. The index is built
first with ``briefing index``, so the figures are for an index that already exists.

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
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.tmux import Terminal, installed_command, terminal_env, tmux_path  # noqa: E402

BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
TITLE_PREFIX = 24  # characters of a title that must show; lists may cut long titles short
TITLES_ON_SCREEN = 5  # distinct titles that make a screen "a list of the articles"
POLL_SECONDS = 0.005


@dataclass
class Timings:
    """Seconds from launch to the listed articles, one figure per counted run."""

    name: str
    seconds: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.seconds)

    def p95(self) -> float:
        """Nearest-rank 95th percentile."""
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    def row(self) -> str:
        ms = [s * 1000 for s in self.seconds]
        return (
            f"{self.name:<10} median {self.median() * 1000:7.1f} ms"
            f"   p95 {self.p95() * 1000:7.1f} ms"
            f"   min {min(ms):7.1f}   max {max(ms):7.1f}   runs {len(ms)}"
        )


def corpus_titles(briefing: str, corpus: Path, env: dict[str, str]) -> list[str]:
    """Build the corpus's index and return its article titles, as ``briefing`` lists them.

    Args:
        briefing: the installed command.
        corpus: the folder to index.
        env: environment with the benchmark's own cache, notes and config folders.

    Returns:
        The titles of every article in the index.
    """
    subprocess.run([briefing, "index", "--corpus", str(corpus)], env=env, check=True)
    listed = subprocess.run(
        [briefing, "articles", "--corpus", str(corpus), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    articles = json.loads(listed.stdout)
    if isinstance(articles, dict):
        articles = articles.get("articles", [])
    return [a["title"] for a in articles if a.get("title", "").strip()]


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


def time_launch(term: Terminal, command_line: str, listed: Callable[[str], bool], timeout: float):
    """Launch one command, time it to the article list, then quit it with ``q``.

    Args:
        term: a terminal at a clear shell prompt.
        command_line: what to run.
        listed: the screen test for "the articles are listed".
        timeout: seconds before giving up on this run.

    Returns:
        Seconds from pressing Enter to the first screen that lists the articles.
    """
    term.type(command_line)
    started = time.perf_counter()
    term.send_keys("Enter")
    deadline = started + timeout
    while not listed(term.capture()):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{command_line!r} listed nothing in {timeout}s:\n{term.capture()}")
        time.sleep(POLL_SECONDS)
    elapsed = time.perf_counter() - started
    term.send_keys("q")
    term.wait_for_shell(timeout)
    term.clear()
    return elapsed


def run(args: argparse.Namespace) -> int:
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
        timings = {name: Timings(name) for name in commands}
        print(f"corpus {corpus}: {len(titles)} articles; terminal {args.width}x{args.height}")
        with Terminal.start(env, width=args.width, height=args.height, cwd=tmp) as term:
            for round_ in range(args.warmup + args.runs):
                for name, command_line in commands.items():
                    seconds = time_launch(term, command_line, listed, args.timeout)
                    if round_ >= args.warmup:
                        timings[name].seconds.append(seconds)
        bare, app = timings["bare"], timings["briefing"]
        print(bare.row())
        print(app.row())
        pairwise = [a / b for a, b in zip(app.seconds, bare.seconds, strict=True)]
        print(
            f"ratio briefing/bare: median {app.median() / bare.median():.2f}  "
            f"p95 {app.p95() / bare.p95():.2f}  "
            f"pairwise median {statistics.median(pairwise):.2f}  (target <= 1.5)"
        )
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
