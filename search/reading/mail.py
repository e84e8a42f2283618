"""E-mail: an .eml file is one message, an .mbox file many; each message is an article.

Parsed with the standard library's ``email`` package (modern policy: headers encoded
as RFC 2047 words come out decoded). The subject is the title, the sender (name, else
address) the author, the Date header the date. The body is the plain-text part, else
the HTML part read like a web page; each part is decoded in its declared charset, or
guessed like a text file when the declared one is unknown or wrong.

An attachment that is itself readable (text, web page, PDF, Word; a forwarded message)
becomes an article of its own, titled with its file name and the message it came with;
the message's article ends with a line listing its attachments and what became of
each, so a scanned PDF or a spreadsheet attached is not silently lost.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import re
from email.message import EmailMessage

from search.models import UnreadableFile
from search.reading.document import Document

# An mbox separates messages by lines starting "From " (escaped as ">From " inside).
_MBOX_SEPARATOR = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)
_TYPE_SUFFIX = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/html": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "message/rfc822": ".eml",
}
_READABLE = frozenset(_TYPE_SUFFIX.values()) | {".htm", ".markdown"}
# Forwarded messages inside forwarded messages: deep enough for any real thread.
_MAX_DEPTH = 5


def read_mail(data: bytes, *, mbox: bool) -> list[Document]:
    """Every message in an .eml or .mbox file, each followed by its readable attachments.

    Args:
        data: the file's bytes.
        mbox: the file is a mailbox of many messages rather than one message.

    Returns:
        Documents in file order: a message, then its attachments, then the next message.

    Raises:
        UnreadableFile: the file holds no message ("not an e-mail message (...)").
    """
    chunks = split_mbox(data) if mbox else [data]
    documents: list[Document] = []
    damage = None
    for chunk in chunks:
        message = email.message_from_bytes(chunk, policy=email.policy.default)
        try:
            if _is_message(message):
                documents.extend(_message_documents(message, depth=0))
        except UnreadableFile as exc:  # a body in no known encoding; the other messages stay
            damage = damage or str(exc)
        except Exception as exc:  # a message the standard parser trips over
            damage = damage or f"damaged e-mail message ({type(exc).__name__} in the parser)"
    if not documents:
        if damage:
            raise UnreadableFile(damage)
        kind = "no message found in the mailbox" if mbox else "no headers or body found"
        raise UnreadableFile(f"not an e-mail message ({kind})")
    return documents


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file, separator lines removed and ">From " unescaped."""
    pieces = _MBOX_SEPARATOR.split(data.replace(b"\r\n", b"\n"))
    return [_MBOXRD_ESCAPE.sub(rb"\1", piece) for piece in pieces if piece.strip()]


def _is_message(message: EmailMessage) -> bool:
    return bool(message.keys()) and any(
        _header(message, name) for name in ("From", "Subject", "Date", "Message-ID", "To")
    )


def _message_documents(message: EmailMessage, depth: int) -> list[Document]:
    subject = _header(message, "Subject") or "(no subject)"
    author = _sender(message)
    date = _date(message)
    text, encoding = _body(message)
    attached: list[Document] = []
    notes: list[str] = []
    for part in message.iter_attachments():
        name, suffix = _attachment_name(part)
        if suffix not in _READABLE:
            notes.append(f"{name} ({part.get_content_type()}, not read)")
            continue
        try:
            found = _attachment_documents(part, suffix, name, subject, date, depth)
        except UnreadableFile as exc:
            notes.append(f"{name} (not read: {exc})")
            continue
        except Exception as exc:  # a reader tripping over a damaged file; the message stays
            notes.append(f"{name} (not read: damaged, {type(exc).__name__})")
            continue
        attached.extend(found)
        notes.append(f"{name} (read as an article of its own)")
    if notes:
        text = f"{text}\n\nAttachments: {'; '.join(notes)}."
    document = Document(pages=(text,), title=subject, author=author, date=date, encoding=encoding)
    return [document, *attached]


def _attachment_documents(
    part: EmailMessage, suffix: str, name: str, subject: str, date: str | None, depth: int
) -> list[Document]:
    """The articles an attachment makes; dated by its message unless it says otherwise."""
    title = f"{name} (attached to “{subject}”)"
    if suffix == ".eml":
        inner = part.get_content() if part.get_content_type() == "message/rfc822" else None
        if not isinstance(inner, EmailMessage):
            inner = email.message_from_bytes(_payload(part), policy=email.policy.default)
        if depth >= _MAX_DEPTH or not _is_message(inner):
            raise UnreadableFile("not an e-mail message")
        return _message_documents(inner, depth + 1)
    data = _payload(part)
    if not data.strip():
        raise UnreadableFile("empty file")
    if suffix == ".pdf":
        from search.reading.pdf import read_pdf

        found = read_pdf(data)
    elif suffix == ".docx":
        from search.reading.word import read_docx

        found = read_docx(data)
    else:
        text, encoding = _decoded(data, part.get_content_charset())
        if suffix in (".html", ".htm"):
            text = _html_text(text)
        found = Document(pages=(text,), encoding=encoding)
    return [
        Document(
            pages=found.pages,
            paged=found.paged,
            title=title,
            author=found.author,
            date=found.date or date,
            encoding=found.encoding,
        )
    ]


def _attachment_name(part: EmailMessage) -> tuple[str, str]:
    """The attachment's file name (or its type) and the suffix it is read by."""
    content_type = part.get_content_type()
    filename = " ".join((part.get_filename() or "").split())
    suffix = ""
    if "." in filename:
        suffix = "." + filename.rsplit(".", 1)[1].lower()
    if content_type in _TYPE_SUFFIX and suffix not in _READABLE:
        suffix = _TYPE_SUFFIX[content_type]
    return filename or f"unnamed {content_type}", suffix


def _body(message: EmailMessage) -> tuple[str, str | None]:
    """The message's own text: the plain part, else the HTML part as a page's text."""
    part = message.get_body(preferencelist=("plain",))
    if part is not None:
        return _decoded(_payload(part), part.get_content_charset())
    part = message.get_body(preferencelist=("html",))
    if part is not None:
        text, encoding = _decoded(_payload(part), part.get_content_charset())
        return _html_text(text), encoding
    return "", None


def _payload(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload
    return part.as_bytes() if part.is_multipart() else b""


def _decoded(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Text in its declared charset; guessed when that is missing, unknown or wrong."""
    if not data.strip():
        return "", None
    if charset:
        try:
            import codecs

            name = codecs.lookup(charset).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    from search.reading.decoding import DecodeError, decode

    try:
        return decode(data)
    except DecodeError as exc:
        raise UnreadableFile(str(exc)) from None


def _html_text(text: str) -> str:
    from search.reading.html import extract_page

    return extract_page(text).text


def _header(message: EmailMessage, name: str) -> str | None:
    """A header's decoded text; a header the parser trips over is decoded word by word."""
    try:
        value = message.get(name)
    except Exception:  # the standard parser raises IndexError, AttributeError, ...
        value = _raw_header(message, name)
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _raw_header(message: EmailMessage, name: str) -> str | None:
    raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), None)
    if raw is None:
        return None
    try:
        return str(email.header.make_header(email.header.decode_header(raw)))
    except Exception:  # a malformed encoded word: the header as written
        return raw


def _sender(message: EmailMessage) -> str | None:
    raw = _header(message, "From")
    if raw is None:
        return None
    name, address = email.utils.parseaddr(raw)
    return name.strip() or address or raw


def _date(message: EmailMessage) -> str | None:
    raw = _header(message, "Date")
    if raw is None:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        # Not RFC 5322 ("Sat, 13 Jul 2024" with no time, "13.07.2024"): read as written.
        from search.reading.metadata import parse_date

        return parse_date(raw)
    return parsed.strftime("%Y-%m-%dT%H:%M")
