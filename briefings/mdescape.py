"""Text to CommonMark that renders exactly as written: no emphasis, links, HTML or lists.

Briefing titles, quotes, notes and tags are user text. Every character CommonMark
could read as syntax is backslash-escaped, line-start markers (``-``, ``+``, ``=``,
``1.``) are neutralised, and control characters become visible symbols so that no
escape sequence reaches a terminal showing the file.
"""

from __future__ import annotations

import re

# ASCII punctuation that starts inline syntax (emphasis, code, links, HTML, entities,
# GFM tables and strikethrough) or block syntax (headings, quotes) anywhere in a line.
_ALWAYS = re.compile(r"([\\`*_\[\]<>#|~&!])")
_LIST_OR_RULE = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f\x7f]*$")


def visible(text: str) -> str:
    """``text`` with control characters (other than newline and tab) shown as symbols.

    C0 controls become their Unicode "control picture" (ESC -> U+241B), DEL becomes
    U+2421 and C1 controls U+FFFD; CR and CRLF become a newline.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def escape_line(line: str) -> str:
    """One line of text as Markdown inline content that renders as written.

    Leading and trailing whitespace is dropped: Markdown would drop it or read it
    as an indented code block or a hard line break.
    """
    line = _ALWAYS.sub(r"\\\1", visible(line).strip())
    line = _LIST_OR_RULE.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def escape_inline(text: str) -> str:
    """Text that must stay on one line (a title, a tag): line breaks become spaces."""
    return escape_line(" ".join(visible(text).split("\n")))


def escape_block(text: str) -> list[str]:
    """Multi-line text as Markdown paragraphs that keep its line breaks.

    Returns:
        Lines to emit: lines within a paragraph end in a backslash hard break, and
        paragraphs are separated by one empty line. Empty when the text is blank.
    """
    paragraphs: list[list[str]] = [[]]
    for raw in visible(text).split("\n"):
        line = escape_line(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out: list[str] = []
    for para in (p for p in paragraphs if p):
        if out:
            out.append("")
        out.extend(line + "\\" for line in para[:-1])
        out.append(para[-1])
    return out


def link_or_text(target: str) -> str:
    """A URL as an autolink when CommonMark accepts it as one, otherwise escaped text."""
    target = target.strip()
    if _URL.match(target):
        return f"<{target}>"
    return escape_inline(target)
