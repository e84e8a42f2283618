"""PDF files: the text layer of each page, and the document's own title, author and date.

Read with pypdfium2 (PDFium, the PDF engine of Chromium): several times faster than the
pure-Python readers on the same text (``benchmarks/bench_formats.py``), shipped as a
wheel with no system library, under a permissive licence. PDFium is not safe to call
from two threads at once, so one lock guards every use.

A PDF that opens but has no text on any page is a scan (or pictures of text): it is
refused with "no text layer (a scanned PDF?)" rather than indexed empty; one that needs
a password is refused as "encrypted". Text is not recognised from images (no OCR).
"""

from __future__ import annotations

import re
import threading

from search.models import UnreadableFile
from search.reading.document import Document

_LOCK = threading.Lock()
# "D:20240712103000+04'00'": the PDF date format; only the date and time are kept.
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")
# Titles that name the file or the program rather than the document.
_NOT_A_TITLE = re.compile(
    r"^(?:untitled\b.*|microsoft (?:word|powerpoint) - .*"
    r"|.*\.(?:docx?|pdf|indd|rtf|odt|txt|html?))$",
    re.IGNORECASE,
)
NO_TEXT_LAYER = "no text layer (a scanned PDF?)"


def read_pdf(data: bytes) -> Document:
    """The text of each page of a PDF and its metadata.

    Args:
        data: the file's bytes.

    Returns:
        A paged Document: one entry of ``pages`` per page (a page without text is "").

    Raises:
        UnreadableFile: "encrypted (...)", "damaged PDF (...)" or the no-text-layer reason.
    """
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise UnreadableFile(_open_error(exc, pdfium.raw)) from None
        try:
            pages = tuple(_page_text(pdf, index) for index in range(len(pdf)))
            info = pdf.get_metadata_dict(skip_empty=True)
        except pdfium.PdfiumError as exc:
            raise UnreadableFile(f"damaged PDF ({_reason(exc)})") from None
        finally:
            pdf.close()
    if not any(page.strip() for page in pages):
        raise UnreadableFile(NO_TEXT_LAYER if pages else "damaged PDF (no pages)")
    return Document(
        pages=pages,
        paged=True,
        title=document_title(info.get("Title")),
        author=(info.get("Author") or "").strip() or None,
        date=pdf_date(info.get("CreationDate") or info.get("ModDate")),
    )


def _page_text(pdf, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        finally:
            textpage.close()
    finally:
        page.close()


def _open_error(exc: Exception, raw) -> str:
    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return "encrypted (needs a password)"
    if code == raw.FPDF_ERR_SECURITY:
        return "encrypted (an unsupported protection)"
    if code == raw.FPDF_ERR_FORMAT:
        return "damaged PDF (not a readable PDF structure)"
    return f"damaged PDF ({_reason(exc)})"


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def document_title(title: str | None) -> str | None:
    """A metadata title worth showing, or None for a file name or a program's default."""
    title = " ".join((title or "").split())
    if not title or _NOT_A_TITLE.match(title):
        return None
    return title


def pdf_date(value: str | None) -> str | None:
    """A PDF date ("D:20240712103000+04'00'") as "2024-07-12", or None if it is no date."""
    m = _PDF_DATE.match((value or "").strip())
    if not m or not 1900 < int(m.group(1)) < 2200:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"
