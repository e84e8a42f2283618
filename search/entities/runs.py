"""Candidate names: runs of capitalised words, cut into segments that may each be one name.

A run is found by one regular expression (capitalised words, allowing lower-case
particles such as "of", "de", "bin" and the joiners "and"/"&" between them). It is
then cut where news text glues names together: after a possessive ("Britain's Prime
Minister"), at a nationality adjective ("Russian President ..."), at a month or an
opening word ("Meanwhile", "The"), between hyphenated places ("Kenya-Tanzania"),
and at "and" unless the whole run is one known name or an organisation ("Ministry
of Trade and Industry"). Known names with lower-case words inside ("Save the
Children") are found first by a multi-pattern (Aho-Corasick) matcher and kept whole.
Names that lost punctuation glued together are told apart by ``run_together``;
headings and bullet labels are marked by ``headings``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from search.entities.cues import (
    CLOSED_CLASS,
    COMMON_CAPITALISED,
    COMPANY_ENDS,
    COMPASS,
    DEMONYM_SUFFIXES,
    DEMONYMS,
    ENDS_NAME,
    JOINERS,
    NAME_PARTICLES,
    NOT_ENTITY_HEADS,
    ORG_HEADS,
    ORG_OPENERS,
    PARTY_WORDS,
    PERSON_TITLES,
    PLACE_HEADS,
    PORTFOLIOS,
)
from search.entities.headings import label_spans
from search.entities.lexicon import lexicon
from search.entities.matcher import known_names_with_lower_case, outside
from search.entities.patterns import MONTHS, WEEKDAYS, scan_from
from search.entities.run_together import (
    is_noise,
    is_surname,
    lost_sentence_break,
    split_run_together,
)


def _upper_class() -> str:
    """A regex character class body holding the upper-case letters of the scripts in use."""
    letters = [chr(code) for code in range(0x41, 0x530) if chr(code).isupper()]
    return "".join(re.escape(letter) for letter in letters)


_UP = _upper_class()
_ABBREVIATIONS = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Inc|Corp|Ltd|Co|Bros|Messrs)\."
)
# A news site named with its domain ("Caliber.Az", "Report.az", "Axios.com") is one name;
# the list of endings keeps a lost space ("in Baku.It was") from gluing two words.
_SITE = (
    r"\.(?:[Cc]om|[Nn]et|[Oo]rg|[Ii]nfo|[Nn]ews|az|Az|AZ|ru|Ru|ge|Ge|am|Am|kz|Kz|uz|Uz|ua|Ua"
    r"|tr|ir|io|uk|tv|TV)(?![\w.])"
)
_WORD = (
    rf"(?:{_ABBREVIATIONS}"
    rf"|[{_UP}]\.(?:[{_UP}]\.)+"
    rf"|[{_UP}]\.(?=[ \t][{_UP}])"
    rf"|(?:(?:al|el|ad|ar|as|ash|an|bin|ibn|abu|ben)-|[dO][’'])?[{_UP}][\w’'&]*(?:-[\w’']+)*"
    rf"(?:{_SITE})?)"
)
# "the" only after another particle: "Republic of the Congo", not "After X the Y".
_PARTICLE = (
    r"(?:of|de|del|della|der|den|di|da|das|do|dos|du|van|von|la|le|bin|ibn|al|el|y|for|and|&)"
    r"(?:[ \t\u00a0]+the)?"
)
RUN_RE = re.compile(
    rf"(?=[{_UP}adebiO])(?<![\w’'@#/.-]){_WORD}"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+){{0,3}}{_WORD})*"
)
# Where a run may open: a capital after no word character. The engine skips to these,
# where it tries RUN_RE, which opens with lookarounds, at every character. A run opens
# with a lower-case letter only before "-" or an apostrophe and a capital ("al-Assad",
# "bin-Salman", "d’Estaing"); a text with none of these is scanned this way.
_CAPITAL_OPENING = re.compile(rf"[{_UP}](?<![\w’'@#/.-].)")
_LOWER_CASE_OPENING = re.compile(
    rf"[-'’][{_UP}](?:(?<=[ae]l-.)|(?<=a[drsn]-.)|(?<=ash-.)|(?<=(?:bin|ibn|abu|ben)-.)|(?<=d['’].))"
)
_TOKEN_RE = re.compile(r"[^ \t\u00a0]+")
# A station's number is part of its name: "BBC Radio 5 Live", "Radio 4", "Channel 5".
STATION_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Z&]+[ \t])?(?:Radio|Channel)[ \t]\d{1,2}(?![\d,.:]\d)"
    r"(?:[ \t](?:Live|Music|Extra|Xtra|Sport|Sports|News|Plus|Scotland|Wales|Ulster))*(?![\w-])"
)
# A ministry or a minister whose portfolio is a list keeps its commas: "Department for
# Environment, Food and Rural Affairs", "Secretary of State for Culture, Media and Sport".
_PORTFOLIO_WORDS = r"[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)*"
LISTED_PORTFOLIO_RE = re.compile(
    r"(?<![\w-])(?:Department|Ministry|Minister|Secretary(?:[ \t]of[ \t]State)?)[ \t](?:for|of)"
    rf"[ \t]{_PORTFOLIO_WORDS}(?:,[ \t]{_PORTFOLIO_WORDS})+,?[ \t](?:and|&)[ \t]{_PORTFOLIO_WORDS}"
)

# Common capitalised words that open an organisation's name before its organisation word.
_ORG_OPENING_WORDS = frozenset(
    ["Local", "Government", "People", "Police", "Market", "Markets", "TV", "PC", "AI", "All"]
)
# "the Cambridge-based designer", "London-listed": the place is named ("Europe-wide" not).
_OF_A_PLACE = ("-based", "-born", "-listed", "-headquartered")
# What is left of a word after a known name the matcher took out of it ("-based").
_SUFFIX_AFTER_NAME = re.compile(r"-[\w’']+[ \t\u00a0]+")
_SENTENCE_END = frozenset(".!?:;\"“”'‘’(\n•*#–—-|>")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_POSSESSIVES = ("'s", "’s")
_SAINTS = frozenset(["St", "St.", "Saint"])
# "Women's Tennis Association", "People's Bank": part of the name, not a possessor.
_GROUP_POSSESSIVES = frozenset(
    f"{word}{mark}"
    for word in ("Women", "Men", "People", "Children", "Workers", "Farmers", "Veterans")
    for mark in ("'s", "’s", "'", "’")
)
# No name runs longer than this; longer runs are lists or title-case lines.
MAX_NAME_WORDS = 16
# (The capital comes first, so that the scan jumps from capital to capital.)
_GLUED_NAME = re.compile(r"[A-Z](?<=[a-z][./][A-Z])[a-z]{3,}(?![\w./-])")
_SECTION_NUMBER = re.compile(r"[IVX]{1,5}\.")
_CONTRACTIONS = re.compile(r"[’'](?:m|re|ve|ll|d)$")
# "US-based", "Kenyan-born": an adjective, not part of the name that follows.
_HYPHEN_ADJECTIVE = re.compile(
    r"-(?:based|born|led|owned|backed|made|style|wide|run|right|left|wing|speaking|old|[a-z]{3,}ed)$"
)


@dataclass(slots=True)
class Segment:
    """A part of a run that may be one name.

    Attributes:
        start: offset of the first character in the text.
        end: offset after the last character.
        words: the words of the segment, particles included.
        sentence_start: True when the run opens a sentence or a line.
        heading: True when the run is a whole line or opens a quotation (a title-case
            heading or the title of a work), where capitals are no evidence of a name.
    """

    start: int
    end: int
    words: list[str]
    sentence_start: bool
    heading: bool = False


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of a sentence, a line or a quotation."""
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


@lru_cache(maxsize=65536)
def looks_demonym(word: str) -> bool:
    """Whether ``word`` is a nationality adjective ("Russian", "Azerbaijani", "Kenyans").

    Only countries and regions count as stems: towns would make surnames such as
    "Kagan" (Kaga, a town) look like adjectives; a given name is none ("Francis",
    "Georgi", "Milan").
    """
    if word in DEMONYMS:
        return True
    if word in lexicon().given_names:
        return False
    if not word.endswith(DEMONYM_SUFFIXES):
        return False  # most words: no stem to look up
    regions = lexicon().regions
    for suffix in DEMONYM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            for ending in ("", "a", "o", "e", "y", "ia"):
                if stem + ending in regions:
                    return True
    return False


def find_segments(
    text: str,
    blocked: Sequence[tuple[int, int]] = (),
    ignored: AbstractSet[str] = frozenset(),
) -> list[Segment]:
    """Candidate name segments in ``text``, in order of position.

    Args:
        text: the article body.
        blocked: spans no name may overlap (dates and amounts with a number in them:
            "President Joe Biden May 11" holds a name and a date, not one name).
        ignored: lower-cased names the user ignored; a run that would be one of them
            is cut further, so the names inside it are still found.

    Returns:
        Segments with at least one capitalised word and no leading or trailing particle.
    """
    hits = known_names_with_lower_case(text)
    if "Radio " in text or "Channel " in text:
        hits = sorted(hits + [m.span() for m in STATION_RE.finditer(text)])
    if "Department " in text or "Ministry " in text or "Minister " in text or "Secretary " in text:
        hits = sorted(hits + [m.span() for m in LISTED_PORTFOLIO_RE.finditer(text)])
    segments = [Segment(s, e, [text[s:e]], opens_sentence(text, s)) for s, e in hits]
    labels = label_spans(text)
    label_starts = [start for start, _ in labels]
    # Known names and blocked spans by start: a run is cut by those it overlaps only.
    cuts = sorted(hits + list(blocked))
    cut_starts = [start for start, _ in cuts]
    # reach[i]: the furthest end of cuts[:i]; most runs are told at once that no cut
    # starting before their end reaches into them.
    reach = list(accumulate((end for _, end in cuts), max, initial=0))
    longest = max((end - start for start, end in cuts), default=0)
    for match in _runs(text):
        run_start, run_end = match.span()
        whole = match.group()
        cuts_before_end = bisect_left(cut_starts, run_end)
        overlapping = reach[cuts_before_end] > run_start and [
            cut
            for cut in cuts[bisect_right(cut_starts, run_start - longest) : cuts_before_end]
            if cut[1] > run_start
        ]
        if overlapping:
            parts = outside(text, run_start, run_end, overlapping)
        elif _pieces(whole):
            parts = [(run_start, run_end)]
        else:
            continue  # the common case: "The", "He", "But" open most runs
        heading = _whole_line(text, run_start, run_end, whole) or _overlaps(
            labels, label_starts, run_start, run_end
        )
        for part_start, part_end in parts:
            run = text[part_start:part_end]
            suffix = run[:1] == "-" and _SUFFIX_AFTER_NAME.match(run)
            if suffix:  # "The Hague-based International Criminal Court": past "-based"
                part_start += suffix.end()
                run = run[suffix.end() :]
            pieces = _pieces(run) if run[:1].isupper() or run[:1] in "adebiO" else ()
            if ignored:
                pieces = _without_ignored(run, pieces, ignored)
            sentence_start = bool(pieces) and opens_sentence(text, part_start)
            for offset, end, words in pieces:
                opens = sentence_start and not offset
                segments.append(
                    Segment(part_start + offset, part_start + end, list(words), opens, heading)
                )
    glued = _glued_known_names(text)
    if hits or glued:
        segments = sorted(segments + glued, key=lambda segment: segment.start)
    return segments


def _runs(text: str) -> Iterator[re.Match]:
    """The matches of ``RUN_RE`` in ``text``."""
    if _LOWER_CASE_OPENING.search(text):
        return RUN_RE.finditer(text)
    return scan_from(RUN_RE, _CAPITAL_OPENING, text)


def _glued_known_names(text: str) -> list[Segment]:
    """Known names glued to the word before by a lost space ("in Brussels.Armenia",
    "the Middle East/Iran"), which the run pattern leaves alone (it must not split
    "Caliber.Az" or a path)."""
    known = lexicon().known
    return [
        Segment(match.start(), match.end(), [match.group()], True)
        for match in _GLUED_NAME.finditer(text)
        if known.get(match.group(), ("",))[0] in ("PLACE", "PERSON")
    ]


def _overlaps(labels: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, end - 1) - 1
    return index >= 0 and start < labels[index][1]


def _without_ignored(run: str, pieces: tuple, ignored: AbstractSet[str]) -> tuple:
    """Pieces with each ignored name taken apart: a known name at its end is found again
    ("Sky News Australia" -> "Australia"), and so are two or more words before it
    ("Anthony Blinken Azerbaijan" -> "Anthony Blinken", "Azerbaijan"). An ignored name
    with no known name inside it is simply not marked."""
    known = lexicon().known
    result = []
    pending = list(pieces)
    while pending:
        offset, end, words = pending.pop(0)
        if " ".join(words).lower() not in ignored:
            result.append((offset, end, words))
            continue
        at = next((i for i in range(1, len(words)) if " ".join(words[i:]) in known), None)
        if at is None:
            continue
        starts = [offset]
        for word in words[1:]:
            starts.append(run.index(word, starts[-1] + len(words[len(starts) - 1])))
        pending.insert(0, (starts[at], end, words[at:]))
        head = at
        while head > 1 and (words[head - 1] in NAME_PARTICLES or words[head - 1] in JOINERS):
            head -= 1  # "Washington for | Baku": the particle belongs to neither name
        if head >= 2:
            pending.insert(0, (offset, starts[head - 1] + len(words[head - 1]), words[:head]))
    return tuple(result)


def _whole_line(text: str, start: int, end: int, run: str) -> bool:
    """A run of several words that fills its line or opens a quotation ("Unmasking
    False Claims", “Winds of Change”)."""
    if " " not in run:
        return False
    if start and text[start - 1] in '“"‘«':
        return True
    line_start = start
    while line_start and text[line_start - 1] in "*_#":  # "**Opposition:**" in Markdown
        line_start -= 1
    if line_start and text[line_start - 1] != "\n":
        return False
    rest = text[end : end + 5].lstrip(" \t:.?!*_")
    return not rest or rest[0] == "\n"


@lru_cache(maxsize=65536)
def _pieces(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """(offset, end, words) of each piece of ``run``, relative to the run.

    Cached by the run's text: names repeat within and across documents.
    """
    known = lexicon().known
    if run in known and (" " in run or run not in COMMON_CAPITALISED):
        return ((0, len(run), (run,)),)
    tokens = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(run)]
    return tuple(
        (piece[0][0], piece[-1][0] + len(piece[-1][1]), tuple(w for _, w in piece))
        for piece in _cut(tokens, known)
    )


def _saints_name(tokens: list[tuple[int, str]], index: int, following: str) -> bool:
    """ "St Mary's Primary School", "St John's Wood": a saint's name opens the name."""
    return index > 0 and tokens[index - 1][1] in _SAINTS and following[:1].isupper()


def _cut(tokens: list[tuple[int, str]], known: dict[str, tuple[str, str]]) -> list[list]:
    """Cut a run's tokens into pieces at possessives and joiners, then clean each piece."""
    pieces: list[list[tuple[int, str]]] = [[]]
    for index, (offset, word) in enumerate(tokens):
        # Every cut is at a possessive, a contraction, a dot, a hyphen, "And" or "Or":
        # most words have none of them and are not looked at further.
        if "'" in word or "’" in word or "-" in word or word[-1] == "." or word in _AND_OR:
            _cut_at_word(tokens, index, known, pieces)
        else:
            pieces[-1].append((offset, word))
    parts = [part for piece in pieces if piece for part in _split_long(piece, known)]
    cleaned = [clean for part in parts for clean in _clean(part, known)]
    return [name for piece in cleaned for name in split_run_together(piece, known)]


_AND_OR = ("And", "Or")


def _cut_at_word(
    tokens: list[tuple[int, str]],
    index: int,
    known: dict[str, tuple[str, str]],
    pieces: list[list[tuple[int, str]]],
) -> None:
    """Add the word at ``index`` to ``pieces``, cutting before or after it."""
    offset, word = tokens[index]
    following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
    glued = following in ORG_HEADS or following in PLACE_HEADS or word in _GROUP_POSSESSIVES
    if (
        word.endswith(_POSSESSIVES)
        # "Armenia's Ministry of Economy": a country owns the body, not its name
        and (not glued or (known.get(word[:-2], ("",))[0] == "PLACE" and following[:1].isupper()))
        and not _saints_name(tokens, index, following)
    ):
        pieces[-1].append((offset, word[:-2]))
        pieces.append([])
    elif (
        word in _AND_OR
        and index
        and (tokens[index - 1][1] in known or tokens[index - 1][1] in ORG_HEADS)
        and (following in known or tokens[index - 1][1] in ORG_HEADS)
    ):
        # "Moscow And Tehran", "World Bank And Eurasian Development Bank": a title-cased
        # joiner after a whole name
        pieces.append([])
    elif word in COMPANY_ENDS and index and tokens[index - 1][1] in PERSON_TITLES:
        pieces.append([])  # "US President Co. Biden": no company after a title
    elif word in ENDS_NAME or (word.endswith(".") and word in known):
        # "the U.S. The talks...", "Acme Inc. Shares...": the dot may end a sentence.
        pieces[-1].append((offset, word))
        pieces.append([])
    elif (
        word.endswith(("s'", "s’"))
        and len(word) > 2
        and word not in _GROUP_POSSESSIVES
        and not glued  # "St James' Park", "Young Lawyers’ Association"
    ):
        pieces[-1].append((offset, word[:-1]))
        pieces.append([])
    elif "-" in word and _HYPHEN_ADJECTIVE.search(word):
        stem = word[: word.rindex("-")]
        pieces.append([])
        if word.endswith(_OF_A_PLACE) and known.get(stem, ("",))[0] == "PLACE":
            pieces[-1].append((offset, stem))
            pieces.append([])
    elif "-" in word and word not in known and word.split("-", 1)[0] in known:
        # "Armenia-Azerbaijan talks": two places; "Europe-wide": an adjective.
        pieces.append([])
        position = offset
        parts = word.split("-")
        if all(part in known for part in parts) or (
            len(parts) > 2 and all(part[:1].isupper() for part in parts)
        ):  # "Baku-Tbilisi-Ceyhan": the unknown end is listed with places
            for part in parts:
                pieces[-1].append((position, part))
                pieces.append([])
                position += len(part) + 1
    else:
        contraction = _CONTRACTIONS.search(word)
        if contraction:
            pieces[-1].append((offset, word[: contraction.start()]))
            pieces.append([])
        else:
            pieces[-1].append((offset, word))


def _clean(tokens: list[tuple[int, str]], known: dict[str, tuple[str, str]]) -> list[list]:
    """Drop opening words, months and nationality adjectives, cutting the piece there."""
    # "People Power Party", "National Grid Group", "Police Scotland"
    names_org = tokens[-1][1] in ORG_HEADS or (
        len(tokens) == 2 and tokens[0][1] in ORG_HEADS and tokens[1][1] in _NATIONS
    )
    while tokens:
        if " ".join([w for _, w in tokens]) in known:
            return [tokens]
        first = tokens[0][1]
        opening = first in CLOSED_CLASS if names_org else first in COMMON_CAPITALISED
        if first not in NAME_PARTICLES and not opening and first not in JOINERS:
            break
        tokens = tokens[1:]
    if not tokens:
        return []
    pieces: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    ends_org = tokens[-1][1] in ORG_HEADS or _opens_org([w for _, w in tokens])

    def close() -> None:
        while current and (current[-1][1] in NAME_PARTICLES or _is_common(current[-1][1])):
            if len(current) > 1 and current[-1][1] in ORG_HEADS:
                break  # "Merseyside Police"
            if current[-1][1] not in NAME_PARTICLES and _opens_org([w for _, w in current]):
                break  # "Ministry of Economy", "Ministry of Energy and Economy"
            current.pop()
        if current:
            pieces.append(list(current))
        current.clear()

    for index, (offset, word) in enumerate(tokens):
        if is_noise(word, known) or (index and lost_sentence_break(tokens, index, known)):
            close()
            continue
        # "Local Government Association", "People Power Party", "PC Pro Magazine".
        opening = _is_common(word) and not (
            names_org and (word in _ORG_OPENING_WORDS or (index == 0 and word in ORG_HEADS))
        )
        if not current and (word in NAME_PARTICLES or opening):
            continue
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if word in COMPASS and following and looks_demonym(following) and not ends_org:
            close()  # "South Korean", "North African": one adjective
            continue
        demonym = (
            all(looks_demonym(part) for part in word.split("-"))
            if "-" in word
            else looks_demonym(word)
        )
        if (
            word in _CALENDAR
            and not (word == "May" and index > 0)
            or demonym
            and not _demonym_opens_name(tokens, index, ends_org, known)
            and not _given_before_surname(tokens, index)
        ):
            close()
        else:
            current.append((offset, word))
    close()
    return pieces


def _demonym_opens_name(
    tokens: list[tuple[int, str]], index: int, ends_org: bool, known: dict
) -> bool:
    """Whether the nationality word at ``index`` is the first word of an organisation's
    name: "Russian Railways", "Georgian Dream", "Christian Aid", "Islamic Revolutionary
    Guard Corps", "Scottish Labour"; not "Russian Foreign Ministry" (Russia's "Foreign Ministry"),
    "Kenyan Kipyegon" or "Spanish Real Madrid"."""
    rest = [w for _, w in tokens[index + 1 :]]
    if rest and rest[0] in PARTY_WORDS and len(rest) == 1:
        return True  # "Scottish Labour" ("Labour" is also a portfolio: "Labour Minister")
    if not rest or rest[0] in PERSON_TITLES or (index == 0 and rest[0] in PORTFOLIOS):
        return False  # ("Pan American Health Organization" is one name)
    if " ".join(rest) in known:
        return False
    if rest[0] in lexicon().given_names and not (ends_org and len(rest) > 2):
        return False  # "Kenyan Kipyegon"; but "Georgian Young Lawyers' Association"
    if ends_org:
        return True
    if len(rest) == 1:  # "Georgian Dream", "Christian Aid": an English word after it
        return rest[0].lower() in lexicon().common_words
    return any(w in ORG_HEADS for w in rest[1:])  # "European Professional Club Rugby"


def _given_before_surname(tokens: list[tuple[int, str]], index: int) -> bool:
    """ "Christian Stocker": a nationality or faith word that is also a given name,
    before a last word that is no English word."""
    if index + 2 != len(tokens) or tokens[index][1] not in lexicon().given_names:
        return False
    return (
        is_surname(tokens[index + 1][1])
        and tokens[index + 1][1].lower() not in lexicon().common_words
    )


def _opens_org(words: list[str]) -> bool:
    """Whether an organisation word is followed by "of"/"for" ("Bank for Reconstruction")."""
    if "of" not in words and "for" not in words:
        return False  # most names
    return any(
        (w in ORG_OPENERS or w in ORG_HEADS) and after in ("of", "for")
        for w, after in zip(words, words[1:], strict=False)
    )


def _split_long(tokens: list[tuple[int, str]], known: dict) -> list[list]:
    """Split at joiners; a run longer than any name (a list, a title-case line) is cut
    at every joiner without looking for organisations, so the work stays linear."""
    if len(tokens) <= MAX_NAME_WORDS:
        return _split_joiners(tokens, known)
    parts: list[list[tuple[int, str]]] = [[]]
    for offset, word in tokens:
        if word in JOINERS or len(parts[-1]) >= MAX_NAME_WORDS:
            parts.append([])
        if word not in JOINERS:
            parts[-1].append((offset, word))
    return [part for part in parts if part]


def _is_common(word: str) -> bool:
    """An opening word, pronoun or number word, also hyphenated ("Thirty-five"), or a
    section number ("IV.")."""
    return (
        word in COMMON_CAPITALISED
        or ("-" in word and word.split("-", 1)[0] in COMMON_CAPITALISED)
        or (word[-1:] == "." and _SECTION_NUMBER.fullmatch(word) is not None)
    )


_NATIONS = frozenset(["England", "Scotland", "Wales"])
_HALLS = frozenset(["Museum", "Museums", "Gallery", "Galleries", "Library", "Archives", "Gardens"])


def _is_place(word: str, known: dict) -> bool:
    return known.get(word, ("",))[0] == "PLACE" or word in lexicon().towns


_LINKS = frozenset(["Canal", "Line", "Navigation", "Tunnel"])
_FORCES = frozenset(["Police", "Constabulary"])


def _split_joiners(tokens: list[tuple[int, str]], known: dict) -> list[list]:
    """Split "A and B" into A and B unless together they are one known name or organisation.

    "Ministry of Trade and Industry", "Bank for Reconstruction and Development" and
    "Procter & Gamble Co" stay whole; an organisation glues across one joiner only.
    """
    if not any(word in JOINERS for _, word in tokens):
        return [tokens]
    if " ".join(w for _, w in tokens) in known:
        return [tokens]
    given = lexicon().given_names
    parts: list[list[tuple[int, str]]] = [[]]
    glued = False
    for index, (offset, word) in enumerate(tokens):
        if word not in JOINERS or not parts[-1]:
            parts[-1].append((offset, word))
            continue
        left = [w for _, w in parts[-1]]
        while len(left) > 1 and (left[0] in NAME_PARTICLES or _is_common(left[0])):
            left = left[1:]
        rest = [w for _, w in tokens[index + 1 :]]
        right = rest[: next((i for i, w in enumerate(rest) if w in JOINERS), len(rest))]
        single_unknown = (
            len(left) == 1 and left[0] not in known and (left[0] not in given or len(right) > 2)
        )
        right_name = " ".join(right[1:] if right[:1] == ["the"] else right)
        # "Devon and Cornwall Police", "Tyne and Wear Council": a body of two places;
        # "Leeds and Liverpool Canal": a waterway or line between them.
        two_places = (
            len(left) == 1
            and len(right) >= 2
            and right[-1] in ORG_HEADS
            and _is_place(left[0], known)
            and _is_place(" ".join(right[:-1]), known)
        ) or (  # "Kennet and Avon Canal", "Avon and Somerset Police"
            len(left) == 1
            and len(right) == 2
            and (right[-1] in _LINKS or (right[-1] in _FORCES and _is_place(right[0], known)))
        )
        # "Scottish Fire and Rescue Service": a service of a country for two things
        two_duties = (
            len(left) == 2
            and bool(right)
            and right[-1] in ORG_HEADS
            and (looks_demonym(left[0]) or _is_place(left[0], known))
            and left[-1].lower() in lexicon().common_words
            and left[-1] not in ORG_HEADS
        )
        # "Shrewsbury Museum and Art Gallery": a town's one institution with two halls
        two_halls = (
            len(left) == 2
            and bool(right)
            and left[-1] in _HALLS
            and right[-1] in _HALLS
            and _is_place(left[0], known)
        )
        keep = (
            two_places
            or two_duties
            or two_halls
            or " ".join([*left, word, *right]) in known
            or (
                not glued
                and _opens_org(left)
                and right_name not in known
                # "University of Manchester and Manchester Metropolitan University": two
                and not (len(right) > 1 and right[-1] in ORG_HEADS)
            )
            or (bool(right) and right[-1] in ORG_HEADS and single_unknown)
            or (bool(right) and right[-1] in NOT_ENTITY_HEADS and single_unknown)
        )
        if keep:
            parts[-1].append((offset, word))
            glued = True
        else:
            parts.append([])
            glued = False
    return [part for part in parts if part]
