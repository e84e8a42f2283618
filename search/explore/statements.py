"""Who said what: statements in an article attributed to a named speaker.

Direct statements are quotations with their speaker beside them: “…,” Aliyev said;
“…,” said the minister; Sharif stated: “…”. Reported ones are attributed clauses:
according to X, …; …, according to X; X said (that) …; X told Y (that) …. A speaker is a
person or organisation the extractor found (so the user's entity corrections apply) and
is named by its canonical name (a surname alone by the full name named before it), and
a person named with their organisation ("Met Office forecaster Matthew Lehnert") is the
speaker rather than the organisation; a title ("the president", "the minister") stands
for the nearest person named before it in the same paragraph, and "he" or "she" for the
paragraph's last speaker, or else for the person named first in the sentence that last
named someone.

No speaker, no statement: a quotation nobody in the paragraph can be named for is left
out rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from search.explore.paragraphs import Paragraph, paragraphs
from search.models.articles import EntitySpan
from search.sentences import Range

DIRECT = "direct"
REPORTED = "reported"
SPEAKER_TYPES = ("PERSON", "ORG")

_VERBS = (
    "said|says|told|added|stated|noted|stressed|emphasised|emphasized|declared|announced|"
    "explained|insisted|warned|wrote|argued|claimed|asked|replied|continued|remarked|"
    "underlined|underscored|recalled|concluded|affirmed|confirmed|urged|tweeted|posted"
)
_QUOTES = re.compile(r"“([^”]{12,}?)”|\"([^\"]{12,}?)\"|«([^»]{12,}?)»")
_STANDS_IN = (
    r"(?:he|she|they|"
    r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:president|minister|premier|leader|spokesman|spokeswoman|spokesperson|official|"
    r"ambassador|envoy|chairman|chairwoman|chair|chief|head|secretary|governor|mayor|"
    r"director|general|commander|diplomat|senator|analyst|expert|adviser|advisor))"
)
_SPEAKER_SLOT = r"(?P<who>\S[^,.;:“”\"«»]{0,60}?)"
# After a quotation: “…,” Aliyev said / “…,” said the minister.
_AFTER_QUOTE = (
    re.compile(rf"^\s*,?\s*{_SPEAKER_SLOT}\s+(?:{_VERBS})\b", re.IGNORECASE),
    re.compile(rf"^\s*,?\s*(?:{_VERBS})\s+{_SPEAKER_SLOT}\s*(?:[,.;]|$)", re.IGNORECASE),
)
# The speaker starts a word: trying every character as a start made this the slowest step.
_BEFORE_QUOTE = re.compile(
    rf"(?<!\S){_SPEAKER_SLOT}\s+(?:{_VERBS})(?:\s+\S+){{0,4}}?\s*[:,]?\s*$", re.IGNORECASE
)
# What _BEFORE_QUOTE cannot match without (a verb among the last words), looked for
# first: it tries no start for the speaker, and most quotations have no verb before them.
_VERB_AT_END = re.compile(rf"\s(?:{_VERBS})(?:\s+\S+){{0,4}}?\s*[:,]?\s*$", re.IGNORECASE)
_ACCORDING_FIRST = re.compile(rf"^\s*According to {_SPEAKER_SLOT},\s*(?P<what>.+)$", re.DOTALL)
_ACCORDING_AFTER = re.compile(
    rf"^(?P<what>.+?),\s*according to {_SPEAKER_SLOT}\W*$", re.DOTALL | re.IGNORECASE
)
_SAID_THAT = re.compile(
    rf"^{_SPEAKER_SLOT}\s+(?:{_VERBS})(?:\s+(?:[A-Z][\w.-]*|the|a|an|reporters|journalists)"
    r"(?:\s+[A-Z][\w.-]*){0,3})?(?:\s+on\s+\w+)?\s+that\s+(?P<what>.+)$",
    re.DOTALL,
)
# "…, X said." / "…, the minister told parliament."
_SAID_AFTER = re.compile(
    rf"^(?P<what>[^“”\"«»]{{12,}}?),\s*{_SPEAKER_SLOT}\s+(?:{_VERBS})"
    r"(?:\s+(?:[A-Z][\w.-]*|the|a|an|reporters|journalists|parliament)(?:\s+[A-Z][\w.-]*){0,3})?"
    r"\s*[.!?]?$",
    re.DOTALL,
)
# What _ACCORDING_AFTER cannot match without: a search for it is cheaper than its scan.
_ACCORDING = re.compile(r",\s*according to", re.IGNORECASE)
_PRONOUN_OR_TITLE = re.compile(rf"^{_STANDS_IN}$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)
# The characters a quotation opens with: a text holding none (found by a plain search,
# many times cheaper than the pattern's) holds no quotation.
_OPENERS = ("“", '"', "«")
_VERB_WORDS = frozenset(_VERBS.split("|"))
# _SAID_AFTER's verb is followed by at most four words and a stop, so it is among a
# sentence's last six words.
_LAST_WORDS = 6


@dataclass(frozen=True)
class Statement:
    """A statement: its speaker's canonical name and where its words are in the body."""

    speaker: str
    kind: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


def find_statements(
    body: str, entities: Sequence[EntitySpan], *, split: list[Paragraph] | None = None
) -> list[Statement]:
    """The attributed statements of one article body, in text order.

    Args:
        body: the article body.
        entities: its entity spans (with the user's corrections applied), in any order.
        split: the body's :func:`~search.explore.paragraphs.paragraphs`, when known.
    """
    speakers = sorted(
        (span for span in entities if span.type in SPEAKER_TYPES), key=lambda span: span.start
    )
    found: list[Statement] = []
    for (paragraph_start, paragraph_end), sentences in paragraphs(body) if split is None else split:
        resolver = _Resolver(speakers, paragraph_start, sentences)
        quoted = list(_direct(body, paragraph_start, paragraph_end, sentences, resolver))
        found += quoted
        covered = [(s.sentence_start, s.sentence_end) for s in quoted]
        for sentence in sentences:
            # A quotation's sentences, its last one included, are its own statement.
            if _overlaps(sentence, covered) or _has_quotation(body, *sentence):
                continue
            reported = _reported(body, *sentence, resolver)
            if reported is not None:
                found.append(reported)
    return sorted(found, key=lambda statement: statement.start)


def _has_quotation(body: str, start: int, end: int) -> bool:
    return _may_quote(body, start, end) and _QUOTES.search(body, start, end) is not None


def _may_quote(body: str, start: int, end: int) -> bool:
    return any(body.find(opener, start, end) >= 0 for opener in _OPENERS)


def _overlaps(sentence: Range, ranges: list[Range]) -> bool:
    return any(start < sentence[1] and sentence[0] < end for start, end in ranges)


class _Resolver:
    """Names the speaker in a slot of text: an entity there, or the person it stands for."""

    def __init__(
        self, speakers: list[EntitySpan], paragraph_start: int, sentences: list[Range]
    ) -> None:
        self._speakers = speakers
        self._starts = [span.start for span in speakers]
        self._paragraph_start = paragraph_start
        self._sentence_starts = [start for start, _ in sentences]
        self._heard: list[tuple[int, str]] = []

    def at(self, start: int, end: int, slot: str) -> str | None:
        """The speaker named by ``slot`` (body[start:end])."""
        speaker = self._named(start, end, slot.strip())
        if speaker is not None:
            self._heard.append((start, speaker))
        return speaker

    def _named(self, start: int, end: int, slot: str) -> str | None:
        named = list(self._within(start, end))
        people = [span for span in named if span.type == "PERSON"]
        if named:
            # "Met Office chief meteorologist Matthew Lehnert": the person at the end of
            # the slot speaks, the organisation before is where they work.
            return self._full_name(people[-1] if people else named[0])
        if not _PRONOUN_OR_TITLE.match(slot):
            return None
        if _PRONOUN.match(slot):
            # "he added" goes on with the last speaker; else "he" is the subject of the
            # sentence that last named someone: named first there, not met at its end.
            earlier = [(at, speaker) for at, speaker in self._heard if at < start]
            if earlier:
                return max(earlier)[1]
            nearest = self._nearest_person_before(start)
            if nearest is None:
                return None
            return self._full_name(self._speakers[self._first_person_of_sentence(nearest)])
        nearest = self._nearest_person_before(start)
        return None if nearest is None else self._full_name(self._speakers[nearest])

    def _within(self, start: int, end: int) -> Iterator[EntitySpan]:
        at = bisect_right(self._starts, start - 1)
        while at < len(self._speakers) and self._speakers[at].start < end:
            span = self._speakers[at]
            if span.end <= end:
                yield span
            at += 1

    def _nearest_person_before(self, offset: int) -> int | None:
        at = bisect_right(self._starts, offset) - 1
        while at >= 0 and self._speakers[at].start >= self._paragraph_start:
            if self._speakers[at].type == "PERSON":
                return at
            at -= 1
        return None

    def _first_person_of_sentence(self, at: int) -> int:
        which = bisect_right(self._sentence_starts, self._speakers[at].start) - 1
        sentence_start = self._sentence_starts[which] if which >= 0 else self._paragraph_start
        first = at
        for index in range(at - 1, -1, -1):
            span = self._speakers[index]
            if span.start < sentence_start:
                break
            if span.type == "PERSON":
                first = index
        return first

    def _full_name(self, span: EntitySpan) -> str:
        """A surname alone stands for the full name named before it ("Lindner" after
        "Christian Lindner") when the extractor kept them apart."""
        name = span.canonical
        if span.type != "PERSON" or " " in name:
            return name
        at = bisect_right(self._starts, span.start - 1) - 1
        for earlier in reversed(self._speakers[: at + 1]):
            if earlier.type == "PERSON" and earlier.canonical.rsplit(" ", 1)[-1] == name:
                return earlier.canonical
        return name


def _direct(
    body: str, start: int, end: int, sentences: list[Range], resolver: _Resolver
) -> Iterator[Statement]:
    if not _may_quote(body, start, end):
        return
    for match in _QUOTES.finditer(body, start, end):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        words_start, words_end = match.span(group)
        speaker = _speaker_after(body, match.end(), end, resolver)
        if speaker is None:
            speaker = _speaker_before(body, start, match.start(), resolver)
        if speaker is None:
            continue
        first, last = _sentences_around(sentences, match.start(), match.end())
        yield Statement(speaker, DIRECT, words_start, words_end, first, last)


def _speaker_after(body: str, offset: int, end: int, resolver: _Resolver) -> str | None:
    tail = body[offset : min(end, offset + 90)]
    for pattern in _AFTER_QUOTE:
        found = pattern.match(tail)
        if found is not None:
            a, b = found.span("who")
            return resolver.at(offset + a, offset + b, found.group("who"))
    return None


def _speaker_before(body: str, start: int, offset: int, resolver: _Resolver) -> str | None:
    head_start = max(start, offset - 90)
    head = body[head_start:offset]
    # Only the words after the last sentence break speak for the quotation.
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    head_start += cut + 2 if cut >= 0 else 0
    head = body[head_start:offset]
    found = _BEFORE_QUOTE.search(head) if _VERB_AT_END.search(head) else None
    if found is None:
        return None
    a, b = found.span("who")
    return resolver.at(head_start + a, head_start + b, found.group("who"))


def _sentences_around(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The first and last offsets of the sentences a quotation spans."""
    touched = [s for s in sentences if s[0] < end and s[1] > start] or [(start, end)]
    return touched[0][0], touched[-1][1]


def _verb_near_end(sentence: str) -> bool:
    """Whether one of the last words is a verb of saying, as :data:`_SAID_AFTER` needs."""
    words = sentence.rsplit(None, _LAST_WORDS)[-_LAST_WORDS:]
    return any(word.rstrip(".!?") in _VERB_WORDS for word in words)


def _reported(body: str, start: int, end: int, resolver: _Resolver) -> Statement | None:
    sentence = body[start:end]
    # A pattern is tried only where what it cannot match without is there ("that", a
    # comma): most sentences are spared most scans.
    patterns = [_ACCORDING_FIRST]
    if _ACCORDING.search(sentence):
        patterns.append(_ACCORDING_AFTER)
    if "that" in sentence:
        patterns.append(_SAID_THAT)
    if "," in sentence and _verb_near_end(sentence):
        patterns.append(_SAID_AFTER)
    for pattern in patterns:
        found = pattern.match(sentence)
        if found is None:
            continue
        a, b = found.span("who")
        speaker = resolver.at(start + a, start + b, found.group("who"))
        if speaker is None:
            return None
        what_start, what_end = found.span("what")
        what = sentence[what_start:what_end].rstrip(" .")
        return Statement(
            speaker, REPORTED, start + what_start, start + what_start + len(what), start, end
        )
    return None
