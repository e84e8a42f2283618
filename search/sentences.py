"""Where the sentences of a paragraph lie, in body offsets.

The reading pane's cursor walks and quotes these sentences, and the timeline dates
them, so a dated event opens and quotes exactly the sentence the reader would. A
sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets)
followed by white space or the end of the paragraph, unless the word before the full
stop is a common abbreviation or an initial, or the next word starts in lower case. A
wrong split costs the reader one extra key press, so the rules stay few and predictable.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

# The first stop stands alone (not "[.!?…]+"): a search then skips to the next stop
# instead of trying a match at every character, several times cheaper.
_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s|$)")
_ABBREVIATIONS_TEXT = """
mr mrs ms dr prof st gen col lt sgt capt cmdr rev jr sr inc ltd co corp plc vs etc
no nos vol fig approx dept est govt jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.g i.e a.m p.m
"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
# Longer than any abbreviation: a word cut by it is too long to be one.
_TAIL = 24


def _is_abbreviation(text: str, begin: int, at: int) -> bool:
    """Whether the word ending at ``at`` (a full stop) is an abbreviation or an initial."""
    # Only the last word matters: walk back over it, never past a short tail; a line
    # break just before the stop ("J\n.") leaves the word before it the last one.
    floor = max(begin, at - _TAIL)
    if at > floor and text[at - 1] == "\n":
        at -= 1
    start = at
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    if start == at:
        return False
    word = text[start:at].rstrip(".").casefold()
    # A single letter is an initial ("J. Smith"); dotted runs are abbreviations ("U.S.").
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(text: str, start: int, end: int) -> Range | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_ranges(text: str, start: int = 0, end: int | None = None) -> list[Range]:
    """The sentences of ``text[start:end]`` (one paragraph), without surrounding spaces.

    Args:
        text: the article body.
        start: where the paragraph starts in ``text``.
        end: where it ends (default: the end of ``text``).

    Returns:
        ``(start, end)`` offsets into ``text``, in order; a paragraph with no sentence
        ending is one sentence; an empty or blank paragraph has none.
    """
    end = len(text) if end is None else end
    ranges: list[Range] = []
    begin = start
    for match in _END.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, begin, match.start()):
            continue
        # The next word's first letter, found without copying the rest of the paragraph.
        following = match.end()
        while following < end and text[following].isspace():
            following += 1
        if following < end and text[following].islower():
            continue
        sentence = _trimmed(text, begin, match.end())
        if sentence is not None:
            ranges.append(sentence)
        begin = match.end()
    rest = _trimmed(text, begin, end)
    if rest is not None:
        ranges.append(rest)
    return ranges
