"""Headings and bullet labels: stretches of text where capitals are no evidence of a name.

Summaries and reports open their lines with title-cased labels ("Key Events and
Tensions:", "– Shifting Alliances: As Russia's influence wanes...", "Report Card"
on a line of its own). Inside these stretches a capitalised run is only a name
when a name list or a structural cue (an organisation or place head word, an
acronym, a title before a name) says so, or when the same words are a name
elsewhere in the document.
"""

from __future__ import annotations

import re

# Bullets and numbering before a label: "–", "-", "•", "*", "1.", "2)", "IV.", "a)".
_LEAD = re.compile(
    r"[ \t]*(?P<bullet>[-–—•*·▪◦>#]+[ \t]*)?(?P<number>(?:\d{1,2}|[IVXivx]{1,5}|[a-z])[.)][ \t]+)?"
    r"(?:\*\*|__)?"
)
# A label is short: at most this many words before its colon; a heading line may be
# a little longer (a section title).
MAX_LABEL_WORDS = 9
MAX_HEADING_WORDS = 14
MAX_NUMBERED_WORDS = 20
_SENTENCE_INSIDE = re.compile(r"[.!?][ \t]")


def label_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every heading line and bullet label in ``text``, in order.

    A bullet label is the text from a line's start (after any bullet or number) to
    a colon, when it is short, title-cased and has no sentence inside it. A heading
    is a whole short line opening with a capital and with no closing full stop,
    numbered or standing as a paragraph of its own (a short last line of a
    hard-wrapped paragraph is not one: the line before it is text).
    """
    spans: list[tuple[int, int]] = []
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        lead = _LEAD.match(line)
        numbered = lead.group("number") is not None
        standalone = lead.group("bullet") is None and _ends_paragraph(lines, index)
        start = position + lead.end()
        position += len(line) + 1
        body = text[start : position - 1]
        if not body.strip():
            continue
        colon = body.find(":")
        if colon > 0 and _is_label(body[:colon]):
            spans.append((start, start + colon))
        elif _is_heading(body, numbered) and (numbered or standalone):  # not a list item
            spans.append((start, start + len(body.rstrip())))
    return spans


def _is_label(before_colon: str) -> bool:
    words = before_colon.split()
    if not words or len(words) > MAX_LABEL_WORDS or _SENTENCE_INSIDE.search(before_colon):
        return False
    return _mostly_capitalised(words)


def _is_heading(line: str, numbered: bool) -> bool:
    """A short line in title or sentence case with no closing punctuation; a numbered
    section title may be longer."""
    stripped = line.rstrip()
    if stripped.endswith((".", ",", ";")):
        return False  # most lines: a paragraph, whose words need no counting
    words = stripped.split()
    longest = MAX_NUMBERED_WORDS if numbered else MAX_HEADING_WORDS
    if not words or len(words) > longest:
        return False
    return words[0][:1].isupper() or not words[0][:1].isalpha()


def _mostly_capitalised(words: list[str]) -> bool:
    """Title case or capitals: every word of four letters or more starts upper-case."""
    long_words = [w.strip("“”\"'‘’()[]") for w in words if len(w) >= 4]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in long_words)


def _ends_paragraph(lines: list[str], index: int) -> bool:
    """The line is a paragraph of its own: blank (or nothing) before and after it."""
    before = lines[index - 1] if index else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return not before.strip() and not after.strip()
