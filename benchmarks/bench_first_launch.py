"""First launch on a month of mixed downloads: reading speed per format, and the whole
first index build of a 2,000-file folder until the first search answers.

Run from the repository root::

    python benchmarks/bench_first_launch.py [--files 2000]

Builds, in a temporary folder, ``--files`` files from the BBC news articles: 60% plain
text (a fifth of it in cp1251, cp1253 or cp1254 with a line of that script), 15% web
pages wrapped in a menu and footer, 10% PDFs of two pages, 10% .eml messages and 5%
Word files. Prints files/s and MB/s of ``read_articles`` per format (CPU time, one
core), then the wall time of ``briefing index`` on the folder (a first launch: no index
yet) and of the first ``briefing search`` after it, each as its own process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import NewsItem, news_items  # noqa: E402
from search.reading.reader import read_articles  # noqa: E402
from tests.unit.document_files import make_pdf  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "downloads"
        folder.mkdir()
        written = build(folder, args.files)
        print(f"{args.files} files: " + ", ".join(f"{len(v)} {k}" for k, v in written.items()))
        reading_speed(written)
        first_launch(folder)


if __name__ == "__main__":
    main()
