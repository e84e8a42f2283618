"""PDF files written by hand, for the format readers' tests and benchmark.

``make_pdf`` writes one Helvetica text object per page, an info dictionary and a
cross-reference table, so a test states exactly which text is on which page, and can
make the files a reader must refuse (no text layer, a password) without a PDF library.
"""

from __future__ import annotations

import io


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_stream(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
    for line in lines:
        ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def make_pdf(
    pages: list[list[str]],
    *,
    info: dict[str, str] | None = None,
    drawing_only: bool = False,
    encrypted: bool = False,
) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]``, one line per string ("" is a gap).

    Args:
        pages: the lines of each page.
        info: document information entries (``Title``, ``Author``, ``CreationDate``).
        drawing_only: pages carry a drawn line and no text at all (as a scan has none).
        encrypted: protect the file with a user password that is not given.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_ref = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = b"0 0 m 300 300 l S" if drawing_only else _page_stream(lines)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_ref, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_ref
    objects[pages_ref - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    trailer = b"/Root %d 0 R" % catalog
    if info:
        entries = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items())
        trailer += b" /Info %d 0 R" % add(b"<< " + entries + b" >>")
    if encrypted:
        # The standard security handler with a user password nobody is told.
        key = b"<" + b"ab" * 32 + b">"
        encrypt = add(b"<< /Filter /Standard /V 1 /R 2 /O %s /U %s /P -4 >>" % (key, key))
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"01" * 16, b"01" * 16)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    )
    return out.getvalue()
