"""First launch: reading speed per format, a first build of a mixed folder, the time to
the first search hits in the app on a new folder, and the peak memory of a build.

Run from the repository root::

    python benchmarks/bench_first_launch.py [--files 2000]
    python benchmarks/bench_first_launch.py --first-hits 10000 --build-memory 10000 100000

``--files`` builds, in a temporary folder, that many files from the BBC news articles:
60% plain text (a fifth of it in cp1251, cp1253 or cp1254 with a line of that script),
15% web pages wrapped in a menu and footer, 10% PDFs of two pages, 10% .eml messages
and 5% Word files. Prints files/s and MB/s of ``read_articles`` per format (CPU time,
one core), then the wall time of ``briefing index`` on the folder (a first launch: no
index yet) and of the first ``briefing search`` after it, each as its own process.

``--first-hits N`` launches the installed ``briefing`` in tmux on the benchmark corpus
of N articles (see :mod:`benchmarks.corpus`) with no index yet, types a query as soon as
the screen is first painted and times the moment a hit count shows, and then the moment
the status line says the build is done. ``--build-memory N ...`` runs this checkout's
``briefing index`` (``python -m tui.cli``) on a new index of each corpus and samples the
resident memory of its whole process tree (the build's workers included) every 0.2 s;
it prints the peak of the sum and the peak of one process in MB (millions of bytes),
the wall and CPU time and articles per CPU-second. The index is built in a temporary
cache and thrown away, or with ``--build-cache DIR`` in that cache (without an index of
the corpus yet) and kept. Every figure is printed with the load average beside it: the
machine is shared.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import NewsItem, build_corpus, news_items  # noqa: E402
from search.reading.reader import read_articles  # noqa: E402
from tests.commands import installed_command  # noqa: E402
from tests.e2e.tmux import PROMPT, Terminal, terminal_env, tmux_path  # noqa: E402
from tests.unit.document_files import make_pdf  # noqa: E402

HIT_COUNT = re.compile(r"\d+ hits?( \(best \d+ shown\))? in \d+ ms")
INDEXING = re.compile(r"Indexing \d+/\d+ files|Indexed \d+ of \d+ files")
FIRST_QUERY = "minister"
SAMPLE_SECONDS = 0.2
POLL_SECONDS = 0.01

LEGACY = (
    ("cp1251", "Министр иностранных дел прибыл в Баку для переговоров."),
    ("cp1253", "Ο υπουργός Εξωτερικών έφτασε στην Αθήνα για συνομιλίες."),
    ("cp1254", "Dışişleri Bakanı görüşmeler için İzmir'e geldi."),
)


def write_text(folder: Path, index: int, item: NewsItem) -> Path:
    path = folder / f"text_{index:05}.txt"
    if index % 5:
        path.write_text(item.as_file_text(), encoding="utf-8")
    else:
        encoding, line = LEGACY[index // 5 % len(LEGACY)]
        path.write_bytes(f"{item.title}\n\n{line}\n\n{item.body}\n".encode(encoding, "replace"))
    return path


def write_page(folder: Path, index: int, item: NewsItem) -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in item.paragraphs)
    page = (
        f"<html><head><title>{item.title} | Daily Wire</title></head><body>"
        '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
        f"<article><h1>{item.title}</h1>{paragraphs}</article>"
        "<footer>Cookie settings · Contact · Subscribe</footer></body></html>"
    )
    path = folder / f"page_{index:05}.html"
    path.write_text(page, encoding="utf-8")
    return path


def write_pdf(folder: Path, index: int, item: NewsItem) -> Path:
    half = max(1, len(item.paragraphs) // 2)
    pages = [[item.title, *item.paragraphs[:half]], list(item.paragraphs[half:]) or ["End."]]
    path = folder / f"report_{index:05}.pdf"
    path.write_bytes(make_pdf([[line[:90] for line in page] for page in pages]))
    return path


def write_mail(folder: Path, index: int, item: NewsItem) -> Path:
    message = EmailMessage()
    message["Subject"] = item.title
    message["From"] = "Desk <desk@example.org>"
    message["Date"] = "Fri, 12 Jul 2024 10:30:00 +0400"
    message.set_content(item.body)
    path = folder / f"mail_{index:05}.eml"
    path.write_bytes(bytes(message))
    return path


def write_docx(folder: Path, index: int, item: NewsItem) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(item.title, level=1)
    for paragraph in item.paragraphs:
        document.add_paragraph(paragraph)
    path = folder / f"memo_{index:05}.docx"
    document.save(path)
    return path


# (share of the files, writer)
MIX = (
    (0.60, write_text),
    (0.15, write_page),
    (0.10, write_pdf),
    (0.10, write_mail),
    (0.05, write_docx),
)


def build(folder: Path, files: int) -> dict[str, list[Path]]:
    items = iter(news_items(files))
    written: dict[str, list[Path]] = {}
    index = 0
    for share, writer in MIX:
        for _ in range(round(files * share)):
            path = writer(folder, index, next(items))
            written.setdefault(path.suffix, []).append(path)
            index += 1
    return written


def reading_speed(written: dict[str, list[Path]]) -> None:
    print("reading (read_articles, CPU time, one core):")
    for suffix, paths in written.items():
        size = sum(p.stat().st_size for p in paths) / 1e6
        started = time.process_time()
        for path in paths:
            read_articles(path)
        elapsed = time.process_time() - started
        print(
            f"  {suffix:<6} {len(paths):5} files  {len(paths) / elapsed:8.0f} files/s"
            f"  {size / elapsed:6.2f} MB/s"
        )


def first_launch(folder: Path) -> None:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(folder.parent / "cache")}
    started = time.perf_counter()
    subprocess.run(["briefing", "index", str(folder)], env=env, check=True, capture_output=True)
    built = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run(
        ["briefing", "search", "minister", "--corpus", str(folder), "--json"],
        env=env,
        check=True,
        capture_output=True,
    )
    searched = time.perf_counter() - started
    print(f"first launch: index {built:.1f} s, then the first search {searched:.2f} s (wall)")


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def fresh_dirs(tmp: str) -> dict[str, str]:
    return {
        "BRIEFING_CACHE_DIR": f"{tmp}/cache",
        "BRIEFING_NOTES_DIR": f"{tmp}/notes",
        "BRIEFING_CONFIG_DIR": f"{tmp}/config",
    }


def first_hits(size: int, timeout: float, corpora: Path | None) -> None:
    """Time, on a new folder, launch → first hit count and launch → build done."""
    briefing = installed_command("briefing")
    if tmux_path() is None or briefing is None:
        print("first hits: needs tmux and the installed briefing command", file=sys.stderr)
        return
    corpus = build_corpus(size, corpora)
    with tempfile.TemporaryDirectory(prefix="bench-first-hits-") as tmp:
        env = terminal_env(fresh_dirs(tmp))
        env["PATH"] = f"{Path(briefing).parent}{os.pathsep}{env.get('PATH', '')}"
        with Terminal.start(env, cwd=tmp) as term:
            term.type(f"briefing {shlex.quote(str(corpus))}")
            started = time.perf_counter()
            term.send_keys("Enter")
            seen: dict[str, float] = {}
            while "done" not in seen:
                screen = term.capture()
                now = time.perf_counter() - started
                if "painted" not in seen and PROMPT.strip() not in screen and screen.strip():
                    seen["painted"] = now
                    term.type(FIRST_QUERY)
                if "hits" not in seen and HIT_COUNT.search(screen):
                    seen["hits"] = now
                if "hits" in seen and not INDEXING.search(screen):
                    seen["done"] = now
                if now > timeout:
                    raise TimeoutError(f"no hits in {timeout} s:\n{screen}")
                time.sleep(POLL_SECONDS)
            term.send_keys("C-q")
            term.wait_for_shell(timeout)
    print(
        f"first hits, {size} articles, new folder: painted {seen['painted']:.2f} s, "
        f"first hits {seen['hits']:.2f} s, build done {seen['done']:.1f} s (load {load()})"
    )


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def resident_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def build_memory(size: int, corpora: Path | None, cache: Path | None) -> None:
    """Peak resident memory of the process tree of ``briefing index`` on a new index."""
    corpus = build_corpus(size, corpora)
    with tempfile.TemporaryDirectory(prefix="bench-build-memory-") as tmp:
        dirs = fresh_dirs(tmp)
        if cache is not None:
            dirs["BRIEFING_CACHE_DIR"] = str(cache)
        env = {**os.environ, **dirs}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "index", str(corpus)], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        peak_tree = peak_one = 0
        while process.poll() is None:
            sizes = [resident_bytes(pid) for pid in process_tree(process.pid)]
            peak_tree, peak_one = max(peak_tree, sum(sizes)), max(peak_one, *sizes, 0)
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(
        f"build of {size} articles: peak tree {peak_tree / 1e6:.0f} MB, "
        f"peak one process {peak_one / 1e6:.0f} MB, wall {wall:.0f} s, CPU {cpu:.0f} s "
        f"({size / cpu:.0f} articles per CPU-second) (load {load()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=None)
    parser.add_argument("--first-hits", type=int, metavar="N")
    parser.add_argument("--build-memory", type=int, nargs="+", metavar="N", default=[])
    parser.add_argument(
        "--build-cache", type=Path, metavar="DIR",
        help="build in this cache dir (no index of the corpus there yet) and keep the index",
    )  # fmt: skip
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument(
        "--corpora", type=Path, help="where benchmark corpora are kept (default: the cache)"
    )
    args = parser.parse_args()
    if args.first_hits:
        first_hits(args.first_hits, args.timeout, args.corpora)
    for size in args.build_memory:
        build_memory(size, args.corpora, args.build_cache)
    if args.files or not (args.first_hits or args.build_memory):
        mixed_folder(args.files or 2000)


def mixed_folder(files: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "downloads"
        folder.mkdir()
        written = build(folder, files)
        print(f"{files} files: " + ", ".join(f"{len(v)} {k}" for k, v in written.items()))
        reading_speed(written)
        first_launch(folder)


if __name__ == "__main__":
    main()
