"""What the words around a name say of it: the word before or after it, a place word
before it ("in Sukhumi", "the village of"), a description after it ("NetChoice, an
industry group"), a score before it (the ground a match was played at)."""

from __future__ import annotations

import re

from search.entities.cues import (
    ORG_LOWER_CUES,
    ORG_LOWER_HEADS,
    PERSON_LOWER_CUES,
    PLACE_LOWER_HEADS,
    word_set,
)
from search.entities.runs import Segment

_APPOSITIVE = re.compile(r",[ \t]+(?:the|a|an)[ \t]+([^,.;:()\n]{1,60})")
_PREPOSITIONS = word_set("of at in on for with from by near around to which that who")
# "the mayor of Cannes", "the outskirts of Kyiv": what only a place has.
_OF_A_PLACE = word_set(
    "mayor residents outskirts suburbs streets centre center heart coast shores north south "
    "east west"
)
_PLACE_PLURALS = word_set("counties states areas parts places countries nations")
_PLACE_NOUNS = frozenset(["capital", "port", "hamlet", "municipality", "canton", "suburb"])
_PLACE_LOCATIVES = frozenset(["in", "near", "off", "between"])
# Heads of a description that only a body has, when they end it ("a band member" is a person).
_BODY_DESCRIPTIONS = word_set("body authority trust band operator provider quango")
_ALONG = frozenset(["on", "along", "across"])
# "a stake in Safaricom", "shares in Lukoil": a company after "in".
# The words that may stand right before a place in ``after_locative``.
_LAST_BEFORE_PLACE = _PLACE_LOCATIVES | {"the", "as"}
_HOLDINGS = word_set(
    "stake stakes shares share invest invested investment interest role roles star starred "
    "appeared appears appear part played"
)
# "beat Derby 3-0 at Deepdale", "At Craven Cottage, Fulham and Everton drew 1-1": the ground.
_SCORE_AT = re.compile(r"(?<![\w.-])\d{1,2}-\d{1,2}[ \t]+at[ \t]+(?:the[ \t]+)?$")
_SCORE_AFTER = re.compile(r",[^.\n]*?(?<![\w.-])\d{1,2}-\d{1,2}(?![\w-]|\.\d)")


def after_article_a(text: str, seg: Segment) -> bool:
    """ "a club Ronaldo joined": after "a/an + noun" the name is not the organisation."""
    before = text[max(0, seg.start - 30) : seg.start].split()
    return len(before) >= 2 and before[-2].lower() in ("a", "an")


def appositive_type(text: str, end: int) -> str | None:
    """The type a description right after a name gives it: "Gyeonggi, the populous
    province", "NetChoice, an industry group", "Fiocruz, a research institute"."""
    match = _APPOSITIVE.match(text, end)
    if match is None:
        return None
    phrase = []
    for word in match.group(1).lower().split()[:6]:
        if word in _PREPOSITIONS or word in ("and", "or"):
            # the head noun comes before "of", "at", "in": "a glaciologist at the...", and
            # the first of two ("a nurse and district councillor" is no district)
            break
        phrase.append(word)
    if phrase and phrase[-1] in _BODY_DESCRIPTIONS:
        return "ORG"  # "Nexus, the region's transport body"
    for word in reversed(phrase):  # the head is the last noun: "the state oil company"
        if word in PLACE_LOWER_HEADS or word in _PLACE_NOUNS:
            return "PLACE"
        if word in ORG_LOWER_CUES or word in ORG_LOWER_HEADS:
            return "ORG"
        if word in PERSON_LOWER_CUES and word not in ("said", "says", "told"):
            return "PERSON"
    return None


def cue_before(text: str, start: int) -> str:
    """The last two letters before ``start`` past spaces, tabs and a "the": "of", "at",
    "in" or "on" when the name follows one ("the mayor of", "played at the").

    The patterns of words before a name all end in such a word, so a name after none is
    spared their search; the 40 characters looked at hold the longest of them.
    """
    lead = text[max(0, start - 40) : start].rstrip(" \t")
    if lead.endswith("the"):
        lead = lead[:-3].rstrip(" \t")
    return lead[-2:]


def at_a_ground(text: str, seg: Segment, cue: str) -> bool:
    """Whether a name is where a match was played: after a score and "at", or after a
    sentence's opening "At" with a score in the rest of the sentence.

    ``cue`` is :func:`cue_before` of the name.
    """
    if cue == "at" and _SCORE_AT.search(text, max(0, seg.start - 20), seg.start):
        return True
    return (
        seg.sentence_start is False
        and raw_word_before(text, seg.start) == "At"
        and _SCORE_AFTER.match(text, seg.end) is not None
    )


def after_locative(text: str, start: int) -> bool:
    """ "in Sukhumi", "near Cooktown", "in the Alentejo", "districts such as Humla";
    not "a stake in Safaricom", "a role in Closer"."""
    words = text[max(0, start - 40) : start].split()
    if not words or words[-1].lower() not in _LAST_BEFORE_PLACE:
        return False  # most names: none of the words below before them
    before = [w.lower() for w in words]
    if len(before) >= 4 and before[-3:] == ["such", "as", "the"]:
        before = before[:-1]  # "chalk streams such as the Nar"
    if len(before) >= 3 and before[-2:] == ["such", "as"]:
        return before[-3].strip(",") in PLACE_LOWER_HEADS or before[-3] in _PLACE_PLURALS
    if len(before) >= 2 and before[-1] == "the" and before[-2] in _PLACE_LOCATIVES | _ALONG:
        return True  # "in the Alentejo", "on the Riviera", "along the Croisette"
    if not before or before[-1] not in _PLACE_LOCATIVES:
        return False
    return len(before) < 2 or before[-2] not in _HOLDINGS


# "a retired postman from Craven Arms", "six miles north of Point Lynas": only a place
# is where ordinary people come from or a distance is measured from.
_PEOPLE_FROM = (
    "man woman men women boy girl boys girls child children family families couple people "
    "pensioner pensioners resident residents mother father son daughter grandmother "
    "grandfather farmer farmers fisherman fishermen postman postmaster teacher nurse "
    "driver drivers student students pupil pupils victim victims volunteer volunteers"
)
_PLACE_CUE_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(_PEOPLE_FROM.split()) + r")|-year-old),?[ \t]+from[ \t]+$"
    r"|\b(?:north|south|east|west)(?:-(?:east|west))?[ \t]+of[ \t]+$"
    r"|\b(?:miles|km|kilometres|metres|yards)[ \t]+(?:from|off)[ \t]+$"
)


_CUE_ENDINGS = (" from ", " of ", " off ", "\tfrom ", " from\t", " of\t", " off\t")


def place_cue_before(text: str, start: int) -> bool:
    """Whether the words before ``start`` say a place follows ("a farmer from",
    "north of", "miles from")."""
    if not text.endswith(_CUE_ENDINGS, max(0, start - 6), start):
        return False  # most names: no "from", "of" or "off" before them
    return _PLACE_CUE_BEFORE.search(text, max(0, start - 30), start) is not None


def place_of(text: str, start: int) -> bool:
    """Whether the text before ``start`` reads "the village of", "the mayor of"..."""
    window = text[max(0, start - 30) : start]
    if "of" not in window:
        return False  # most names
    before = window.split()
    if before[-1:] == ["the"]:
        before = before[:-1]  # "the valleys of the Corve"
    if len(before) < 2 or before[-1] != "of":
        return False
    return before[-2].lower() in PLACE_LOWER_HEADS or before[-2].lower() in _OF_A_PLACE


def word_before(text: str, start: int) -> str:
    # Not across a line: a heading's last word is no cue for the next line's first name.
    chunk = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return chunk[-1].strip(",;").lower() if chunk else ""


def raw_word_before(text: str, start: int) -> str:
    """The word before ``start`` with its punctuation ("film," is not "film")."""
    chunk = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return chunk[-1] if chunk else ""


def word_after(text: str, end: int) -> str:
    chunk = text[end : end + 30].split()
    return chunk[0].strip(",.;:") if chunk else ""
