"""Web page reading speed: pages/s of ``read_articles`` on saved pages.

Run from the repository root::

    python benchmarks/bench_html.py [--folder DIR] [--copies 20] [--rounds 3]

Reads the test suite's web pages (tests/unit/web_pages.py) as they are (about
2 KB each) and padded to a real news page's weight (a 300-link menu, 160 KB of
inline script and 65 KB of style, about 230 KB a page), and, with ``--folder``,
every .html/.htm file under a folder of pages saved from the web. Prints the
best of ``--rounds`` passes in CPU time on one core, after a warm-up pass.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.reading.reader import read_articles  # noqa: E402
from tests.unit.web_pages import PAGES  # noqa: E402

_MENU = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(300))
_SCRIPT = "<script>" + "var x=1;" * 20_000 + "</script>"
_STYLE = "<style>" + ".a{color:red}" * 5_000 + "</style>"


def _weighted(html: str) -> str:
    """A page with the menus, scripts and styles of a real news site around its story."""
    html = html.replace("<body>", f"<body>{_MENU}</ul></nav>{_SCRIPT}", 1)
    return html.replace("</head>", f"{_STYLE}</head>", 1)


def _pages_per_second(paths: list[Path], rounds: int) -> float:
    for path in paths:
        read_articles(path)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for path in paths:
            read_articles(path)
        best = min(best, time.process_time() - start)
    return len(paths) / best


def _report(label: str, paths: list[Path], rounds: int) -> None:
    size = sum(path.stat().st_size for path in paths) / len(paths) / 1024
    rate = _pages_per_second(paths, rounds)
    print(f"{label}: {len(paths)} pages, {size:,.0f} KB each: {rate:,.0f} pages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="a folder of saved web pages")
    parser.add_argument("--copies", type=int, default=20, help="copies of each test page")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in (("test pages", str), ("test pages, real weight", _weighted)):
            folder = Path(tmp) / label.replace(" ", "_").replace(",", "")
            folder.mkdir()
            paths = []
            for copy in range(args.copies):
                for name, page in PAGES.items():
                    path = folder / f"{copy}_{name}"
                    path.write_text(make(page.html), encoding="utf-8")
                    paths.append(path)
            _report(label, paths, args.rounds)
    if args.folder:
        paths = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in (".html", ".htm"))
        _report(str(args.folder), paths, args.rounds)


if __name__ == "__main__":
    main()
