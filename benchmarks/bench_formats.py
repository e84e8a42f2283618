"""Reading speed of PDF, Word and e-mail files, and of the PDF libraries we chose among.

Run from the repository root::

    python benchmarks/bench_formats.py [--pages 200] [--files 100] [--rounds 3]

Generates a PDF of ``--pages`` pages (40 lines of prose a page, about 3 KB of text,
Helvetica without embedded fonts: the libraries' text extraction and no font work),
``--files`` Word files (a heading, 20 paragraphs and a 10-row table each), as many .eml
messages (with a text attachment every other one) and one .mbox of them all. Prints
pages/s of each PDF library that is installed (pypdfium2, which the reader uses; pypdf
and pdfminer.six, the pure-Python alternatives), then pages/s, files/s and MB/s of
``read_articles`` (reading, cleaning, metadata) for each format: the best of
``--rounds`` passes in CPU time on one core, after a warm-up pass.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.reading.reader import read_articles  # noqa: E402
from tests.unit.document_files import make_pdf  # noqa: E402

_SENTENCE = (
    "Officials in Baku said gas exports through the southern corridor rose by {n} per cent "
    "as the consortium added capacity"
)


def _page(number: int) -> list[str]:
    return [_SENTENCE.format(n=number + line) + "," for line in range(39)] + [f"page {number}"]


def _best(run, rounds: int) -> float:
    run()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _pypdfium2(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    count = len(pdf)
    pdf.close()
    return count


def _pypdf(data: bytes) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


def _pdfminer(data: bytes) -> int:
    from pdfminer.high_level import extract_pages

    return sum(1 for _ in extract_pages(io.BytesIO(data)))


def bench_pdf_libraries(pages: int, rounds: int) -> None:
    data = make_pdf([_page(n) for n in range(pages)])
    print(f"PDF libraries, {pages}-page PDF ({len(data) / 1e6:.1f} MB), text of every page:")
    for name, read in (("pypdfium2", _pypdfium2), ("pypdf", _pypdf), ("pdfminer.six", _pdfminer)):
        try:
            seconds = _best(lambda read=read: read(data), rounds)
        except ImportError:
            print(f"  {name:<13} not installed")
            continue
        print(f"  {name:<13} {pages / seconds:8.0f} pages/s")


def _docx(number: int) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = datetime(2024, 7, 1)
    document.add_heading(f"Corridor report {number}", level=1)
    for line in range(20):
        document.add_paragraph(_SENTENCE.format(n=line) + ".")
    table = document.add_table(rows=10, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "12 bcm"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _message(number: int) -> bytes:
    message = EmailMessage()
    message["Subject"] = f"Corridor note {number}"
    message["From"] = "Ann Lee <ann@example.org>"
    message["Date"] = "Fri, 12 Jul 2024 10:30:00 +0400"
    message.set_content("\n\n".join(_SENTENCE.format(n=line) + "." for line in range(10)))
    if number % 2:
        message.add_attachment(_SENTENCE.format(n=number) + ".\n", filename="minutes.txt")
    return bytes(message)


def _read_all(paths: list[Path], folder: Path) -> int:
    return sum(len(read_articles(path, folder)) for path in paths)


def bench_reader(pages: int, files: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = folder / "report.pdf"
        pdf.write_bytes(make_pdf([_page(n) for n in range(pages)]))
        word = [folder / f"report{n}.docx" for n in range(files)]
        for n, path in enumerate(word):
            path.write_bytes(_docx(n))
        mail = [folder / f"note{n}.eml" for n in range(files)]
        for n, path in enumerate(mail):
            path.write_bytes(_message(n))
        box = folder / "inbox.mbox"
        box.write_bytes(
            b"".join(
                b"From ann@example.org Fri Jul 12 10:30:00 2024\n" + p.read_bytes() + b"\n"
                for p in mail
            )
        )
        print("read_articles (reading, cleaning, metadata):")
        for label, paths, unit in (
            ("PDF", [pdf], pages),
            ("DOCX", word, files),
            ("EML", mail, files),
            ("MBOX", [box], files),
        ):
            size = sum(p.stat().st_size for p in paths) / 1e6
            articles = _read_all(paths, folder)
            seconds = _best(lambda paths=paths: _read_all(paths, folder), rounds)
            what = "pages" if label == "PDF" else "messages" if label == "MBOX" else "files"
            print(
                f"  {label:<5} {unit / seconds:8.0f} {what}/s  {size / seconds:6.1f} MB/s  "
                f"({len(paths)} file(s), {articles} articles, {size:.1f} MB)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bench_pdf_libraries(args.pages, args.rounds)
    bench_reader(args.pages, args.files, args.rounds)


if __name__ == "__main__":
    main()
