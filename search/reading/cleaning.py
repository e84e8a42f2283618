"""Text clean-up: from decoded text to clean paragraphs.

``normalise_text`` makes the characters safe and canonical (NFC, no terminal escape
sequences or control characters, no invisible bidi controls, ``\\$`` unescaped, HTML
character references such as ``&#163;`` or ``&amp;`` read as their characters).
``paragraphs`` turns the text into paragraphs: page-number lines dropped, web
chrome dropped (see ``search.reading.chrome``), hard-wrapped lines joined and paragraphs
broken by PDF page breaks rejoined.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5

from search.reading.chrome import remove_chrome

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC strings, other
# two-byte ESC sequences, and their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
# Control characters (C0 except tab/newline, DEL, C1), lone ESC, bidi overrides and
# isolates (they reorder what a terminal shows), zero-width space, soft hyphen, BOM.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f"
    "\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# A complete character reference: numeric, or a named one with its semicolon. "AT&T",
# "R&D" and "&c" are not references and stay as they are.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r" {2,}")
# Escapes left by Markdown/LaTeX converters in front of money and percent signs.
_ESCAPED_SIGN = re.compile(r"\\([$%&#])")
# Bounded and without "*" inside, so a long line full of unmatched "**" stays linear.
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*|__(?=\S)([^_\n]{1,300}?)(?<=\S)__")
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\s]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:https?://|/|#|mailto:)[^)\s]{0,2000}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|стр\.?|seite)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:of|/|из|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_URL_LINE = re.compile(r"^<?https?://\S+>?$")
_LIST_ITEM = re.compile(r"^(?:[-*•–—▪●]\s|\(?\d{1,4}[.)]\s|\(?[a-z][.)]\s|[IVXLC]{1,6}\.\s)")
_TERMINAL = tuple(".!?…:;\"'”’»)]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+")
# Words a sentence does not end on: a paragraph ending on one was cut mid-sentence.
_CONTINUATION_WORDS = frozenset(
    """a an the and or nor but of to in on at for with by from into onto upon over
    under about as than that which who whom whose is are was were be been being has
    have had do does did will would shall should can could may might must its their
    his her our your my this these those such not no very more most less least also
    between among against during without within through via per""".split()  # noqa: SIM905
)
# Hard-wrapped text: lines of a similar, modest width.
_WRAP_MIN, _WRAP_MAX = 30, 100
_SHORT_LINE = 0.75


def normalise_text(text: str) -> str:
    """Make decoded text safe to show and canonical.

    Args:
        text: decoded file content.

    Returns:
        The text in NFC with ``\\n`` line ends, without escape sequences, control or
        bidi characters, with ordinary spaces, ``\\$`` unescaped and character
        references (``&#163;``, ``&#xA3;``, ``&pound;``, ``&amp;``) read once.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        # Before the control characters go: "&#27;" is one too.
        text = _REFERENCE.sub(_character, text)
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    # Every character of both sets is unprintable, so text whose lines are printable
    # holds none: that test is several times cheaper than either search. Searching
    # first is several times faster than substituting on clean text.
    if not text.replace("\n", "").isprintable():
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
        if _ODD_SPACES.search(text):
            text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    if "\\" in text:
        text = _ESCAPED_SIGN.sub(r"\1", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _character(match: re.Match[str]) -> str:
    """The character a reference stands for; an unknown name stays as written."""
    reference = match.group()
    if reference[1] != "#" and reference[1:] not in html5:
        return reference
    return html.unescape(reference)


def paragraphs(text: str, *, markdown: bool = False) -> list[str]:
    """Split normalised text into clean paragraphs.

    Args:
        text: output of ``normalise_text``.
        markdown: strip Markdown heading marks, images and link targets (bold marks
            are always stripped).

    Returns:
        Paragraphs in order, each a single line without surrounding spaces.
    """
    lines = [_clean_line(line, markdown) for line in text.split("\n")]
    lines = remove_chrome(lines)
    return rejoin_broken(_group(lines))


def is_url_line(paragraph: str) -> bool:
    """Whether a paragraph is nothing but a web address."""
    return bool(_URL_LINE.match(paragraph))


def is_list_item(paragraph: str) -> bool:
    """Whether a paragraph starts with a bullet or an item number."""
    return bool(_LIST_ITEM.match(paragraph))


def rejoin_broken(paras: list[str]) -> list[str]:
    """Join paragraphs that a page break cut in two.

    A paragraph that ends without terminal punctuation is continued by the next
    one when the next starts in lowercase, or when it is prose (not a headline)
    and either ends on a word no sentence ends on ("the", "and", ...) or ends on
    a sentence barely begun and is followed by more prose.

    Args:
        paras: paragraphs in order.

    Returns:
        The paragraphs with broken ones joined.
    """
    out: list[str] = []
    for para in paras:
        if out and _continues(out[-1], para):
            out[-1] = _join(out[-1], para)
        else:
            out.append(para)
    return out


def _continues(before: str, after: str) -> bool:
    if before.endswith(_TERMINAL) or is_url_line(after) or is_url_line(before):
        return False
    if is_list_item(after) or is_list_item(before):
        return False
    if after[0].islower():
        return True
    # Otherwise only prose (several sentences, or long) can be cut off mid-sentence:
    # a headline may well end on "on" and be followed by a capitalised sentence.
    if ". " not in before and before.count(" ") < 20:
        return False
    last_word = before.rsplit(" ", 1)[-1].lower()
    if last_word in _CONTINUATION_WORDS or before.endswith((",", "-", "–")):
        return True
    # "... economic integration. Prime" + "Minister Sharif noted ...": a sentence
    # barely started before the break.
    started = _SENTENCE_END.split(before)[-1]
    return (
        started != before
        and started.count(" ") < 4
        and not started.isupper()  # a heading in capitals glued to the paragraph
        and after.count(" ") >= 8
    )


def _clean_line(line: str, markdown: bool) -> str:
    line = line.strip()
    if not line:
        return line
    if "**" in line or "__" in line:
        line = _BOLD.sub(lambda m: m.group(1) or m.group(2), line)
    if markdown:
        if line.startswith("#"):
            line = _MD_HEADING.sub("", line)
        if "](" in line:
            line = " ".join(_MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line)).split())
    if len(line) <= 16 and _PAGE_NUMBER.match(line):
        return ""
    return line


def _group(lines: list[str]) -> list[str]:
    """Blocks between blank lines; a block is one paragraph only if hard-wrapped."""
    paras: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if block:
            paras.extend(_block_paragraphs(block))
            block = []
    return paras


def _block_paragraphs(block: list[str]) -> list[str]:
    if len(block) == 1:
        return block
    width = max(len(line) for line in block)
    if width > _WRAP_MAX + 10:
        return block
    out = [block[0]]
    for prev, line in zip(block, block[1:], strict=False):
        # In hard-wrapped text a paragraph ends on a sentence well short of the width.
        ends_paragraph = prev.endswith(_TERMINAL) and len(prev) < width * _SHORT_LINE
        if (
            len(prev) >= _WRAP_MIN
            and not ends_paragraph
            and not is_list_item(line)
            and not is_url_line(line)
            and not is_url_line(prev)
        ):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out


def _join(before: str, after: str) -> str:
    """Join two pieces of one paragraph; a word hyphenated at the break keeps its hyphen."""
    if before.endswith("-") and before[-2:-1].isalpha() and after[:1].islower():
        return before + after
    return f"{before} {after}"
