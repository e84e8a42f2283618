"""Word files (.docx): paragraphs and tables in document order, and the core properties.

Read with python-docx, which walks the body's paragraphs and tables in their order
(``iter_inner_content``) over lxml, already a dependency. A heading paragraph (style
"Title" or "Heading n") is kept as its own paragraph; a table becomes one line per row,
its cells joined by " | " (a merged cell once). The title is the core
properties' title, else the first heading; author and date come from the core
properties. An old binary Word file (.doc) or a password-protected one (both are OLE
compound files) is refused with its reason.
"""

from __future__ import annotations

import io
import zipfile

from search.models import UnreadableFile
from search.reading.document import Document
from search.reading.pdf import document_title

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes) -> Document:
    """The text of a Word file, one paragraph or table row per line, and its metadata.

    Args:
        data: the file's bytes.

    Returns:
        A Document with one page holding the whole text, blocks separated by blank lines.

    Raises:
        UnreadableFile: "encrypted", "an old Word file (.doc), not .docx" or
            "damaged Word file (...)".
    """
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableFile("encrypted (needs a password)")
        raise UnreadableFile("an old Word file (.doc) named .docx; save it as .docx")
    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        blocks, heading = _blocks(document)
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except (zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError) as exc:
        raise UnreadableFile(f"damaged Word file ({_reason(exc)})") from None
    except Exception as exc:  # python-docx raises its own errors on broken packages
        if type(exc).__module__.startswith("docx"):
            raise UnreadableFile(f"damaged Word file ({_reason(exc)})") from None
        raise
    return Document(
        pages=("\n\n".join(blocks),),
        title=document_title(title) or heading,
        author=(author or "").strip() or None,
        date=created.strftime("%Y-%m-%d") if created else None,
    )


def _blocks(document) -> tuple[list[str], str | None]:
    """The body's paragraphs and table rows in order, and its first heading."""
    from docx.table import Table

    blocks: list[str] = []
    heading = None
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_rows(item))
            continue
        text = " ".join(item.text.split())
        if not text:
            continue
        if heading is None and _is_heading(item):
            heading = text
        blocks.append(text)
    return blocks, heading


def _is_heading(paragraph) -> bool:
    style = paragraph.style
    name = (style.name if style is not None else "") or ""
    return name == "Title" or name.startswith("Heading")


def _rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            # A merged cell comes once for each grid column it spans.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _reason(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip archive"
    if isinstance(exc, KeyError):
        return f"missing part {exc}"
    return " ".join(str(exc).split())[:120] or type(exc).__name__
