"""Untrusted text (titles, bodies, snippets, queries) made safe to show, character for character.

Document text never goes through markup: it becomes a Textual ``Content`` built from the
plain string. Control characters (escape sequences included) are replaced one for one by
a visible placeholder, so character offsets from the index still line up with the text.
"""

from __future__ import annotations

import re

from textual.content import Content

PLACEHOLDER = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str | None, *, one_line: bool = False) -> str:
    """``text`` with control characters replaced, same length, so offsets stay valid.

    Args:
        text: any string from a document or the user.
        one_line: also turn line breaks and tabs into spaces (titles, list rows).

    Returns:
        A string safe to display.
    """
    if not text:
        return ""
    cleaned = _CONTROL.sub(PLACEHOLDER, text)
    if one_line:
        cleaned = cleaned.replace("\n", " ").replace("\t", " ")
    return cleaned


def content(text: str | None, style: str = "", *, one_line: bool = False) -> Content:
    """A ``Content`` showing ``text`` literally (never parsed as markup).

    Args:
        text: any string from a document or the user.
        style: a style for the whole text, e.g. ``"bold"`` or ``"$text-muted"``.
        one_line: flatten line breaks and tabs to spaces.

    Returns:
        The content, styled.
    """
    shown = Content(literal(text, one_line=one_line), strip_control_codes=False)
    return shown.stylize(style) if style else shown
