"""Give each candidate segment a type from the lists and from the words around it.

Order of evidence, strongest first: a known name (gazetteer or alias list); a
small town after "in", "near", "from"...; an acronym; an organisation head
("... Ministry", "Bank of ..."); a place head ("... Province", "Mount ..."); a
title before a name ("Foreign Minister Sergei Lavrov" gives PERSON "Sergei
Lavrov", and the title is left out of the span); a lower-case cue ("spokesman
John Smith", "the broadcaster ORF", "the X party"); a given name; a speech verb
after a two-word run ("Okafor Nwosu said"). A segment with none of these stays
untyped here and is settled later with the rest of the document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from search.entities.cues import (
    CELESTIAL,
    COMMON_CAPITALISED,
    COMPASS,
    DEMONYMS,
    EVENT_NAMES,
    JOINERS,
    LOCATIVES,
    NAME_PARTICLES,
    NOT_ENTITY_HEADS,
    ORG_HEADS,
    ORG_LOWER_CUES,
    ORG_LOWER_HEADS,
    ORG_OPENERS,
    PERSON_LOWER_CUES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_HEADS_UNLESS_PERSON,
    PLACE_LOWER_HEADS,
    PLACE_OPENERS,
    POST_NOMINALS,
    PRODUCT_LOWER_HEADS,
    PRODUCTS,
    SPEECH_VERBS,
    WORK_NOUNS,
    word_set,
)
from search.entities.lexicon import Lexicon
from search.entities.lower_words import LowerWords
from search.entities.patterns import MONTHS
from search.entities.run_together import WEB_NAME, listed_surnames
from search.entities.runs import LISTED_PORTFOLIO_RE, STATION_RE, Segment
from search.entities.surroundings import (
    after_article_a,
    after_locative,
    appositive_type,
    at_a_ground,
    cue_before,
    place_cue_before,
    place_of,
    raw_word_before,
    word_after,
    word_before,
)

# Words that may stand between a title and a name ("Prime", "Foreign", "of State").
TITLE_MODIFIERS = word_set(
    """
    Prime Foreign Finance Defence Defense Interior Home Health Education Trade Economy
    Economic Energy Justice Culture Agriculture Environment Transport Sports Sport
    Industry Affairs State General Executive Vice Deputy First Former Acting Interim
    Assistant Under Senior Junior Supreme Grand Crown Opposition Chief Managing National
    Security Attorney Solicitor High Lord Finance Treasury Labor Digital Science
    Technology Development Information Development Emergency Emergencies Internal External
    Commerce Investment Tourism Communications Housing Water Youth Women Family Social
    Welfare Work Works Public Military Army Air Navy Naval Armed Forces Operating Financial
    Technical Head Team Club Board Union Party Bureau Majority Minority Shadow Elect
    Secretary-General Director-General Vice-President Deputy-Minister Co-founder Founder
    Special Metro Metropolitan
    """
)

# Words that make a title and nothing else ("Deputy Prime Minister").
_TITLE_WORDS = TITLE_MODIFIERS | PERSON_TITLES | NAME_PARTICLES
# Particles that end a name after a title ("Professor Ann Lee of Columbia University").
_NAME_ENDS = frozenset(["of", "for", "and", "&"])
# "PCs", "MPs", "MP3", "P2P": plural abbreviations and product codes, not organisations.
_PLURAL_OR_CODE = re.compile(r"[A-Z]{2,}s|(?=\S*\d)(?=\S*[A-Z])[A-Z0-9-]{2,}")
_ORG_LOWER_WORDS = ORG_LOWER_HEADS | ORG_LOWER_CUES
_LEADER_HEADS = word_set(
    "administration presidency era regime premiership family brothers sisters dynasty"
)
_ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI"])
# ", the populous province of", ", an industry group": a description after a name.
# Kinds of organisation, then a list of them: "charities including Scope and Mind".
_ORGS_SUCH_AS = re.compile(
    r"\b(?:charities|companies|firms|groups|banks|lenders|insurers|retailers|supermarkets"
    r"|airlines|carmakers|broadcasters|unions|parties|brands|rivals|competitors|platforms"
    r"|manufacturers|chains|operators|bands)[ \t]+(?:such[ \t]+as|including|like)[ \t]+"
    r"(?:[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*(?:,[ \t]+|,?[ \t]+and[ \t]+))*$"
)
# What only a body is said to do right after its name: "Nike, which sponsors her".
_WHICH_AFTER = re.compile(r",[ \t]+(?:which|founded[ \t]+by|owned[ \t]+by|based[ \t]+in)\b")
# Words after a city's name that make it the city's club ("a former Manchester City striker").
_CLUB_ROLES = word_set(
    "manager coach striker midfielder defender goalkeeper keeper captain winger forward "
    "fans supporters squad boss teammate"
)
# Organisation words that name no one on their own ("the Ministry said"); "Labour",
# "Parliament", "the Bank" and "the Academy" do.
_GENERIC_HEADS = word_set(
    "Ministry Ministries Department Departments Agency Agencies Committee Commission Company "
    "Companies Group Federation Association Authority Board Center Centre Institute Foundation "
    "Parties"
)
# Titles that hold an office: a run ending in one names no one ("US President").
_OFFICE_TITLES = word_set(
    "President Minister Secretary Chancellor Premier Governor Mayor Ambassador Envoy "
    "Spokesman Spokeswoman Spokesperson Senator Chairman Chairwoman Commissioner CEO"
)
# Organisation words that are names on their own, also opening a sentence.
_NAMING_HEADS = word_set(
    "Labour Republicans Democrats Conservatives Liberals Greens Socialists Parliament "
    "Congress Senate Duma Knesset Majlis Rada Sejm Bundestag Cortes Taliban Hamas Hezbollah"
)
# An age after a name, or a speech verb with "he" or "she": only people have those.
_PERSON_AFTER = re.compile(
    r",[ \t]+(?:aged[ \t]+)?(?:[1-9]|[1-9]\d|10\d),"
    r"|[ \t]+(?:said|says|told|added|wrote)[ \t]+(?:he|she)\b"
)
_INITIAL = re.compile(r"[A-Z]\.")
_ROMAN_NUMERAL = re.compile(r"[IVX]{2,5}")
_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9&.\-]{2,7}")
# Evidence of a company that a person-shaped name does not outweigh: "Shares in Eli
# Lilly", "Novo Nordisk's chief executive", "an analyst at Hargreaves Lansdown", "the
# leader of France Unbowed", "the drugmaker Novo Nordisk".
_COMPANY_KINDS = word_set(
    "company firm carmaker automaker airline lender bank insurer retailer supermarket "
    "chipmaker drugmaker miner conglomerate manufacturer startup brewer"
)
_HELD_IN = re.compile(r"(?i:shares|stake|stakes|shareholding|shareholders)[ \t]+in[ \t]+$")
_OWNED_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:shares|share[ \t]+price|chief[ \t]+executive|chief[ \t]+financial"
    r"|chairman|chairwoman|shareholders|board)\b"
)
# Where a band or a team plays is a place: "the tour at X", "played at the X".
_VENUE_BEFORE = re.compile(
    r"\b(?:play|plays|played|playing|gig|gigs|concert|concerts|tour|perform|performs|performed"
    r"|performing|headline|headlines|headlined)[ \t]+at[ \t]+(?:the[ \t]+)?$"
)
# "the Akkuyu nuclear power plant", "the Galkynysh field", "through the TurkStream pipeline".
_FACILITY_AFTER = re.compile(
    r"[ \t]+(?:(?:nuclear|power|hydropower|hydroelectric|gas|oil|coal|wind|solar|export|LNG)[ \t]+)"
    r"{0,2}(?:plant|terminal|field|oilfield|pipeline|refinery|dam|mine)s?\b"
)
_RAIL_WORDS = frozenset(["train", "trains", "station", "stations", "rail", "railway"])
_EPISODE_OF = re.compile(r"\b(?:episode|episodes|season|seasons)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_DIRECTIONS = COMPASS | {"Middle"}
_ROUTES = frozenset(["Corridor", "Route", "Line", "Axis", "Link"])
# A document's name goes on after "on": "Declaration on ...", "Treaty on ...".
_DOCUMENT_ON = re.compile(
    r"\b(?:Declaration|Treaty|Agreement|Accord|Protocol|Convention|Charter|Law|Memorandum"
    r"|Resolution|Directive|Act)[ \t]+on[ \t]+(?:the[ \t]+)?$"
)
_SPORTS = word_set(
    "Cricket Athletics Rugby Football Tennis Golf Hockey Netball Swimming Cycling Rowing "
    "Sailing Basketball Volleyball Boxing Judo Gymnastics Badminton Squash Triathlon"
)
# An illness named after the doctor who described it.
_DISEASE_AFTER = re.compile(
    r"['’]s(?:,?[ \t]+(?:and[ \t]+)?[A-Z][\w']*)*[ \t]+(?:disease|syndrome)\b"
)
# A dateline: a place in capitals, a date, and the agency in brackets.
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'’ -]+,[^\n(]{3,40}\($")
# Goods named by their initials, which news capitalises like organisations.
_GOODS = word_set("LNG LPG CNG CO2 EV EVs UAV UAVs")
_STORMS = word_set("Storm Hurricane Typhoon Cyclone")
# Public bodies of Britain are named "<word> <nation>" ("Police Scotland", "Sport Wales",
# "Historic England"); other words before a nation name a part of it ("Mid Wales") or a
# person ("Baroness Scotland").
_NATIONS = frozenset(["England", "Scotland", "Wales"])
_BODY_WORDS = word_set(
    "Historic Natural Sport Transport Visit Homes Skills Creative Food Forestry Marine Water "
    "NHS Highways Network Public Education Health Arts Energy Justice Revenue Enterprise "
    "Audit Environment"
)
# "the rivers Exe and Tamar", "the river Taff": a river's name after the word.
_RIVERS_BEFORE = re.compile(r"\brivers?[ \t]+(?:[A-Z][\w'-]*(?:,[ \t]+|[ \t]+(?:and|or)[ \t]+))*$")
_OF_A_KIND = re.compile(r"\bof[ \t]+[\w-]+[ \t]+$")
_MEMBER_OF = re.compile(
    r"\b(?:leader|leaders|head|chief|member|members|founder|chairman|chairwoman|spokesman"
    r"|spokeswoman|spokesperson|executive|analyst|analysts|economist|strategist|professor"
    r"|researcher|lecturer)[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?$"
)
_SURNAME_PARTICLES = word_set("Le La De Van Von Da Di Du Del Dos Der Den")
_IN_OR_NEAR = (" in ", " near ", "\nin ", "\nnear ")
_LEGAL_SUFFIXES = word_set(
    "Inc Inc. Corp Corp. Corporation Ltd Ltd. Plc plc PLC LLC LLP AG SA NV GmbH Co Co."
)


@dataclass(slots=True)
class Mention:
    """A name mention while the document is being worked on.

    Attributes:
        start: offset of the first character.
        end: offset after the last character.
        text: the surface form, ``body[start:end]``.
        type: PERSON, ORG or PLACE, or None while undecided.
        canonical: the merged name, or None until settled.
        sentence_start: the mention opens a sentence.
        words: the surface words (particles included).
        heading: the mention stands in a heading or a bullet label, where only a
            name list, a structural cue or the rest of the document may type it.
        firm: typed ORG by words only a company or a party has ("shares in X"),
            which outweigh the shape of a person's name in every mention.
        after_locative: a single word right after "in", "near" or "off": a vote for
            a place.
    """

    start: int
    end: int
    text: str
    type: str | None
    canonical: str | None
    sentence_start: bool
    words: list[str]
    heading: bool = False
    after_locative: bool = False
    firm: bool = False


def is_acronym(word: str) -> bool:
    """An all-capital word of two to seven characters with at least two letters."""
    # (a lower-case second letter is in none)
    return not word[1:2].islower() and _ACRONYM.fullmatch(word) is not None


def is_given_name(word: str, lex: Lexicon) -> bool:
    """A given name, also written with accents ("Andrés" is listed as "Andres")."""
    return word in lex.given_names or (not word.isascii() and _ascii(word) in lex.given_names)


@lru_cache(maxsize=4096)
def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_legal_suffix(name: str) -> str:
    """ "Acme Corp" -> "Acme": companies are merged without their legal form."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words).rstrip(",")


def classify_segment(
    text: str, segment: Segment, lex: Lexicon, lower_words: LowerWords
) -> list[Mention]:
    """The mentions one segment yields (a title can split off a place or organisation).

    Args:
        text: the whole document.
        segment: a candidate from ``runs.find_segments``.
        lex: the loaded lexicon.
        lower_words: the lower-case words of the document (evidence for common words).

    Returns:
        Zero, one or two mentions; ``type`` is None when undecided.
    """
    while segment.words and segment.words[0] in NAME_PARTICLES:
        if len(segment.words) == 1:
            return []  # "President Ana of of ...": a particle alone
        segment = _sub(segment, _offsets(text, segment), 1, len(segment.words))
    words = segment.words
    opener = (
        segment.sentence_start
        and len(words) > 1
        and words[0] not in PERSON_TITLES
        and words[1] not in NAME_PARTICLES
        and (
            words[0].lower() in lower_words
            or (
                words[0].lower() in lex.common_words
                and words[0] not in lex.given_names
                and words[0] not in DEMONYMS  # "Scottish Labour leader ..." opening
                and " ".join(words[1:]) in lex.known
            )
            or (
                len(words) > 2
                and words[1] in lex.given_names
                and words[0] not in lex.given_names
                and words[0].lower() in lex.common_words
            )
            or (len(words) > 2 and _kind_of_name(words[0], lex))  # "Insurers Swiss Re"
        )
    )
    # "West Midlands Police": a compass word before a place is part of its name; a
    # body of a nation ("Police Scotland") and a storm ("Hurricane Milton") keep theirs
    starts_known = opener and (
        any(" ".join(words[:k]) in lex.known for k in range(2, len(words) + 1))
        or _body_of_country(words, lex)
        or words[0] in _STORMS
        or (
            words[0] in COMPASS
            and lex.known.get(words[1] if len(words) > 1 else "", ("",))[0] == "PLACE"
        )
    )
    if opener and not starts_known:  # "New York Senator ..." keeps "New"
        offset = text.index(words[1], segment.start + len(words[0]))
        words = words[1:]
        while words and words[0] in NAME_PARTICLES:
            offset = text.index(words[1], offset + len(words[0]))
            words = words[1:]
        segment = Segment(offset, segment.end, words, False, segment.heading)
    if not words or words[0] in JOINERS:
        return []  # "[Opposition] and Civil Society": half a name is none
    if segment.heading and words[1:2] == ["and"] and words[0].lower() in lex.common_words:
        return []  # a section's label ("Opposition and Civil Society:"), no name
    if len(words) > 2 and words[-1] in POST_NOMINALS:  # "Tom McCabe MSP"
        segment = _sub(segment, _offsets(text, segment), 0, len(words) - 1)
        words = segment.words
    name = text[segment.start : segment.end]
    known = lex.known.get(name) or (name.isupper() and lex.known.get(name.title()))
    city = (known and known[0] == "PLACE" and name not in lex.regions) or name in lex.towns
    if city and word_after(text, segment.end).lower() in _CLUB_ROLES:
        return [_mention(text, segment, "ORG", name)]  # "Liverpool manager Arne Slot"
    if known:
        return [_mention(text, segment, known[0], known[1])]
    if ("Radio" in name or "Channel" in name) and STATION_RE.fullmatch(name):
        return [_mention(text, segment, "ORG", name)]
    if "," in name and LISTED_PORTFOLIO_RE.fullmatch(name):  # a listed portfolio has one
        # the ministry is named; its minister is a title, which names no one
        ministry = name.startswith(("Department", "Ministry"))
        return [_mention(text, segment, "ORG", name)] if ministry else []
    if (
        name in lex.towns
        and word_before(text, segment.start) in LOCATIVES
        and name not in EVENT_NAMES
    ):
        return [_mention(text, segment, "PLACE", name)]
    ends_in_title = words[-1] in _OFFICE_TITLES and words[-2:-1] and words[-2] not in NAME_PARTICLES
    if ends_in_title and words[0] not in lex.given_names:  # not "Martin Luther King"
        # "US President", "Kremlin spokesman": the title names no one; what is before it may
        offsets = _offsets(text, segment)
        return classify_segment(text, _sub(segment, offsets, 0, len(words) - 1), lex, lower_words)
    if words[-1] not in ORG_HEADS or "of" in words:
        split = _split_title(text, segment, lex, lower_words)
        if split is not None:
            return split
    split = _split_of(text, segment, lex, lower_words)
    if split is not None:
        return split
    if _station(words, lex, lower_words):
        return [_mention(text, segment, "PLACE", name)]
    entity_type = _type_from_words(text, segment, lex)
    if entity_type == "DROP":
        return []
    mention = _mention(text, segment, "ORG" if entity_type == "FIRM" else entity_type, None)
    mention.firm = entity_type == "FIRM"
    # "in Sukhumi", "near Cooktown": a town too small for the lists, if its other
    # mentions agree (settled across the document).
    mention.after_locative = (
        len(words) == 1
        and words[0].lower() not in lex.very_common  # "in Spring", "in the Matrix"
        and after_locative(text, segment.start)
    )
    return [mention]


def _station(words: list[str], lex: Lexicon, lower_words: LowerWords) -> bool:
    """ "Manchester Piccadilly", "London Euston": in a text about trains, a city and a
    word that is no English word, given name or organisation's name the station."""
    if len(words) != 2:
        return False
    city, station = words
    return (
        lex.known.get(city, ("",))[0] == "PLACE"
        and not lower_words.isdisjoint(_RAIL_WORDS)
        and city not in lex.regions
        and station.lower() not in lex.common_words
        and not _english_plural(station, lex)  # "Leeds Rhinos" is the club
        and station not in lex.given_names
        and station not in ORG_HEADS
        and station not in lex.known
    )


def _split_of(
    text: str, seg: Segment, lex: Lexicon, lower_words: LowerWords
) -> list[Mention] | None:
    """Split "Name of Organisation" and "Company of Place" at "of" (not "Bank of England")."""
    words = seg.words
    if "of" not in words[1:-1]:
        return None
    at = words.index("of")
    left, right = words[:at], words[at + 1 :]
    place = lex.known.get(" ".join(right), ("",))
    if left in (["Republic"], ["Kingdom"], ["State"], ["Emirate"]) and place[0] == "PLACE":
        return [_mention(text, seg, "PLACE", place[1])]  # "Republic of Azerbaijan"
    person = (
        left[0] in lex.given_names
        and len(left) in (2, 3)
        and left[-1] not in ORG_HEADS  # "London School of Economics"
        and left[0] not in lex.known
    )
    right_name = [w for w in right if w not in NAME_PARTICLES]
    if not right_name:
        return None  # "President of of ...": nothing after "of"
    org_of_org = (
        left[-1] in ORG_HEADS
        and len(left) > 1  # "Council of the EU" is one body, named by its head alone
        and len(right_name) == 1
        and (is_acronym(right_name[0]) or lex.known.get(right_name[0], ("",))[0] == "ORG")
    )  # "Minsk Group of the OSCE"
    right_known = lex.known.get(" ".join(right_name), ("",))[0]
    org_of_place = (
        left[-1] not in ORG_OPENERS
        and left[-1] not in PLACE_OPENERS  # "Gulf of Mexico"
        and left[-1] not in PLACE_HEADS
        and right_known == "PLACE"
        and (len(left) > 1 or " ".join(right_name) in lex.regions)
    )  # "Rai Benjamin of the United States", "Eramet of France"
    named_of_org = (
        left[-1] not in ORG_OPENERS
        and left[-1] not in ORG_HEADS
        and (right_name[-1] in ORG_HEADS or right_known == "ORG")
    )  # "Chakwera of the Malawi Congress Party", "Eberechi Eze of Crystal Palace"
    if not (person or org_of_place or org_of_org or named_of_org):
        return None
    offsets = _offsets(text, seg)
    head = _sub(seg, offsets, 0, at)
    tail = _sub(seg, offsets, at + 1, len(words))
    mentions = (
        [_mention(text, head, "PERSON", None)]
        if person
        else classify_segment(text, head, lex, lower_words)
    )
    if org_of_place and len(mentions) == 1 and _athlete_shaped(mentions[0], lex):
        mentions[0].type = "PERSON"  # "Kishane Thompson of Jamaica": who, and from where
    return mentions + classify_segment(text, tail, lex, lower_words)


def _athlete_shaped(mention: Mention, lex: Lexicon) -> bool:
    """An untyped pair or triple of capitalised words, none an organisation word, the
    first no English word: before "of <country>" it is a person, not a company."""
    words = mention.words
    return (
        mention.type is None
        and len(words) in (2, 3)
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and not any(w in ORG_HEADS for w in words)
        and words[0].lower() not in lex.common_words
    )


def _mention(text: str, seg: Segment, entity_type: str | None, canonical: str | None) -> Mention:
    return Mention(
        seg.start,
        seg.end,
        text[seg.start : seg.end],
        entity_type,
        canonical,
        seg.sentence_start,
        seg.words,
        seg.heading,
    )


def _type_from_words(text: str, seg: Segment, lex: Lexicon) -> str | None:
    words = seg.words
    first, last = words[0], words[-1]
    first_common = first.lower() in lex.common_words  # an English word opens it
    if " ".join(words) in EVENT_NAMES:
        return "DROP"
    if last in NOT_ENTITY_HEADS or (
        len(words) > 2 and first in NOT_ENTITY_HEADS and words[1] == "of"
    ):
        return "DROP"
    if last in _ROMAN and len(words) > 1 and words[-2] in NOT_ENTITY_HEADS:
        return "DROP"
    if _shouted(words, lex):
        return "DROP"
    kind = len(words) == 2 and len(last) == 1 and first_common
    if kind and first not in lex.given_names:
        return "DROP"  # "Band D", "Plan B", "Vitamin D": a kind, not a name
    if _route(words):
        return "DROP"
    if len(words) > 1 and last in _ROUTES:
        # "the Lachin Corridor" is a place; "the Southern Gas Corridor", named by no
        # place, a programme
        named_by_place = any(lex.known.get(w, ("",))[0] == "PLACE" for w in words)
        return "PLACE" if named_by_place else "DROP"
    if (
        len(words) > 2
        and words[1] == "for"
        and (first in PERSON_TITLES or (first in TITLE_MODIFIERS and not _for_place(words, lex)))
    ):
        return "DROP"  # "Assistant for Eurasian Affairs", "Minister for Europe": a portfolio
    if len(words) == 2 and first in _STORMS:
        return "DROP"  # "Storm Darragh", "Hurricane Milton": weather, named like a person
    cue = cue_before(text, seg.start)
    if (
        cue == "on"
        and " on " in text[max(0, seg.start - 9) : seg.start]
        and _DOCUMENT_ON.search(text, max(0, seg.start - 40), seg.start)
    ):
        return "DROP"  # "a Declaration on Interaction and Alliance": the rest of a title
    if text.startswith(")", seg.end) and _DATELINE.search(text, max(0, seg.start - 80), seg.start):
        return "ORG"  # "BAKU, 14 October (Trend) –": the agency that filed the report
    if len(words) == 1 and _DISEASE_AFTER.match(text, seg.end):
        return "DROP"  # "Parkinson's disease", "Alzheimer's, Parkinson's and motor neurone disease"
    if len(words) == 1 and "." in first and WEB_NAME.fullmatch(first):
        return "ORG"  # "Caliber.Az", "News.am": a news site, also in a heading
    after = word_after(text, seg.end)
    if len(words) == 1:
        if first in COMMON_CAPITALISED or first in TITLE_MODIFIERS or first in PERSON_TITLES:
            return "DROP"
        capitals = not first[1:2].islower()  # both patterns open with two capitals or digits
        if capitals and (_PLURAL_OR_CODE.fullmatch(first) or _ROMAN_NUMERAL.fullmatch(first)):
            return "DROP"
        if first in _GENERIC_HEADS:
            return "DROP"  # "the Ministry said": a common noun, named elsewhere
        if first in COMPASS or first in CELESTIAL or first in PRODUCTS:
            return "DROP"  # "the North", "the Moon", "Windows": no entity
        if seg.sentence_start and _common_noun_opening(first, lex):
            return "DROP"  # "Unions in Italy welcomed...", "Chipmaker cuts forecast"
        if after in PRODUCT_LOWER_HEADS:
            return "DROP"  # "the CAESAR howitzers", "the THAAD missile"
        if (first.isupper() and first.lower() in ORG_LOWER_CUES) or first in _GOODS:
            return "DROP"  # "NGO representatives", "exports of LNG": a kind, none by name
        if "-" in first and first.split("-", 1)[0] in listed_surnames():
            return "DROP"  # "the Aliyev-Pashin meetings": two leaders, one of them cut short
        if is_acronym(first) and not (seg.heading and first_common):
            return "ORG"  # ("OUTLOOK" in a heading is shouting, not an acronym)
    # "State Oil Company of Azerbaijan Republic": an organisation's head before "of"
    head_of = "of" in words[1:-1] and words[words.index("of") - 1] in ORG_HEADS
    if (
        last in ORG_HEADS
        or head_of
        or (len(words) > 2 and first in ORG_OPENERS and words[1] in ("of", "for"))
    ):
        return "ORG"
    if len(words) == 2 and last in ("City", "Town") and lex.known.get(first, ("",))[0] == "PLACE":
        return "ORG"  # "Exeter City", "Ipswich Town": a club ("Mexico City" is listed whole)
    if len(words) > 1 and (last in PLACE_HEADS or first in PLACE_OPENERS):
        return "PLACE"
    if last in PLACE_HEADS_UNLESS_PERSON and (
        (
            len(words) == 2
            and not is_given_name(first, lex)
            and first not in PERSON_TITLES
            and not _english_plural(first, lex)
        )
        or (len(words) == 3 and first in ("St", "St.", "Saint"))
    ):
        return "PLACE"  # "Spurn Point", "Whalley Range", "Wenlock Edge", "St John's Wood"
    if _body_of_country(words, lex):
        return "ORG"  # "Cricket Australia", "Athletics Kenya": a sport's governing body
    if (
        len(words) > 2
        and words[-2] == "for"
        and lex.known.get(last, ("",))[0] == "PLACE"
        and first_common
        and first not in PERSON_TITLES | _OFFICE_TITLES
    ):
        return "ORG"  # "Transport for London", "Campaign for Scotland": a body for a place
    if len(words) == 2 and first == "Royal" and (last in lex.towns or last in lex.regions):
        return "PLACE"  # "Royal Portrush", "Royal Tunbridge Wells" is the town
    if (
        len(words) == 2
        and first in COMPASS
        and (
            last.lower() not in lex.common_words
            or lex.known.get(last, ("",))[0] == "PLACE"
            or last in COMPASS
        )
    ):
        return "PLACE"  # "South Holland", "North Gyeongsang", "South Yorkshire", "North West"
    if _TITLE_WORDS.issuperset(words):
        return "DROP"
    if seg.heading:
        return None  # capitals in a heading are no evidence; the words around it neither
    rivers = "river" in text[max(0, seg.start - 60) : seg.start]
    if after in PLACE_LOWER_HEADS or (
        rivers and _RIVERS_BEFORE.search(text, max(0, seg.start - 60), seg.start)
    ):
        return "PLACE"  # "the Vakhsh river", "the rivers Exe and Tamar"
    if _FACILITY_AFTER.match(text, seg.end):
        return "PLACE"  # a plant, field or pipeline is where it stands
    if after in PRODUCT_LOWER_HEADS:
        return "DROP"  # "the Orion capsule", "her Eras tour"
    raw_before = raw_word_before(text, seg.start)
    if raw_before in WORK_NOUNS:
        return "DROP"  # "the film Anora", "his hit Stargazing": a work, not its maker
    if cue == "of" and _EPISODE_OF.search(text, max(0, seg.start - 30), seg.start):
        return "DROP"  # "the latest episode of Sobitiya": a programme
    if len(words) <= 3 and (place_of(text, seg.start) or place_cue_before(text, seg.start)):
        return "PLACE"
    if (
        len(words) == 2
        and text.endswith(_IN_OR_NEAR, max(0, seg.start - 5), seg.start)
        and not first_common
        and not is_given_name(first, lex)
        and ORG_HEADS.isdisjoint(words)
        and after_locative(text, seg.start)
    ):
        return "PLACE"  # "in Brompton Regis": a village of two words no list holds
    if (
        cue == "at"
        and len(words) <= 3
        and _VENUE_BEFORE.search(text, max(0, seg.start - 40), seg.start)
    ):
        return "PLACE"  # "will open the tour at Co-op Live", "they played at the Roundhouse"
    if len(words) <= 3 and at_a_ground(text, seg, cue):
        return "PLACE"
    before = raw_before.strip(",;").lower()  # as ``word_before`` gives it
    described = appositive_type(text, seg.end)
    if described:
        return described
    window = text[max(0, seg.start - 80) : seg.start]
    listing = " such as " in window or " including " in window or " like " in window
    if (
        len(words) <= 3
        and listing
        and _ORGS_SUCH_AS.search(text, max(0, seg.start - 80), seg.start)
    ):
        return "ORG"  # "charities including Scope and Mind", "rivals such as Huawei, Honor"
    if len(words) == 1 and _WHICH_AFTER.match(text, seg.end) and first not in lex.towns:
        return "ORG"  # "Pact, which represents producers", "Octopus, founded by Greg Jackson"
    word_speaks = first.lower() in lex.very_common and not seg.sentence_start
    if len(words) == 1 and after in SPEECH_VERBS and (first in lex.towns or word_speaks):
        return "ORG"  # "Cupertino said", "Variety called it": a town or a word that speaks
    initials = len(words) > 1 and len(first) == 2  # (an initial is two characters)
    if initials and all(_INITIAL.fullmatch(w) for w in words[:-1]) and last[1:].islower():
        return "PERSON"  # "A. G. Cook", "J. K. Rowling"
    if len(words) <= 4 and _PERSON_AFTER.match(text, seg.end):
        return "PERSON"  # "Owen Cooper, 15, has...", "Morrissey said he..."
    if len(words) <= 3 and after in _LEADER_HEADS:
        return "PERSON"  # "the Okafor administration", "the Mbeki era", "the Gupta family"
    if len(words) <= 4 and before in PERSON_LOWER_CUES and before not in ("said", "says", "told"):
        return "PERSON"
    if len(words) <= 3 and before.endswith("-year-old"):
        return "PERSON"  # "the 23-year-old Prutton"
    if len(words) <= 3 and _company_cue(text, seg, before, cue, lex):
        return "FIRM"
    person_shaped = is_given_name(first, lex) and len(words) in (2, 3) and last[:1].isupper()
    org_cue = before in ORG_LOWER_CUES and not after_article_a(text, seg) and not person_shaped
    if (
        len(words) == 1
        and seg.sentence_start
        and after in _ORG_LOWER_WORDS
        and first_common
        and first not in _NAMING_HEADS
    ):
        return "DROP"  # "Budget airline Ryanair", "Electricity company National Grid": a kind
    if after in ORG_LOWER_HEADS or org_cue:  # "the group Hamas", not "group Shahin Mustafayev"
        return "ORG"
    if len(words) <= 4:
        # "France Televisions" is a company, "Jordan Henderson" a man.
        country_first = first in lex.countries and last.lower() in lex.common_words
        acronym_inside = any(len(w) > 1 and w.isupper() for w in words)
        # "Sky News" names a broadcaster; "Marine Le Pen" a woman ("Le" opens a surname).
        heads_from = 1 if words[1:2] and words[1] in _SURNAME_PARTICLES else 0
        acronym_inside = acronym_inside or not ORG_HEADS.isdisjoint(words[heads_from:])
        given = is_given_name(first, lex) or (
            len(words) > 2 and is_given_name(words[1], lex) and not first_common
        )
        if len(words) > 1 and given and words[1] not in ("of", "for", "and", "the", "&"):
            return None if country_first or acronym_inside else "PERSON"
        speaker = after in SPEECH_VERBS and before != "of"  # "Ann Lee of Sciences Po said"
        # "National Highways said": a word and a plural name a body, not a speaker
        body = first_common and _english_plural(last, lex)
        if len(words) > 1 and speaker and not acronym_inside and "of" not in words and not body:
            return "PERSON"
    return None


def _company_cue(text: str, seg: Segment, before: str, cue: str, lex: Lexicon) -> bool:
    """Words around a name that only a company or a party has (see ``_COMPANY_KINDS``);
    ``cue`` is ``cue_before`` of the name."""
    if seg.heading or text.startswith((" & ", " and "), seg.end):
        return False  # "an analyst at Standard & Poor's": the name goes on
    window = text[max(0, seg.start - 40) : seg.start]
    if before in _COMPANY_KINDS and not after_article_a(text, seg):
        return not _OF_A_KIND.search(window)  # not "Head of company Askhat Khasenov"
    if cue == "in" and _HELD_IN.search(window):
        return True
    if (cue == "of" or cue == "at") and _MEMBER_OF.search(window):  # not "a professor of Economics"
        if text.startswith(("'s ", "’s "), seg.end):
            return False  # "a member of Cherie Blair's chambers": the owner may be a person
        return len(seg.words) > 1 or seg.words[0].lower() not in lex.common_words
    opening_word = seg.sentence_start and seg.words[0].lower() in lex.common_words
    return not opening_word and _OWNED_AFTER.match(text, seg.end) is not None


def _route(words: list[str]) -> bool:
    """ "Middle Corridor", "North-South", "Trans-Caspian": a direction names a route or a
    side, no entity."""
    head = words[0].split("-", 1)[0]
    if head == "Trans":
        return len(words) == 1 and "-" in words[0]
    if head not in _DIRECTIONS or len(words) > 2:
        return False
    if len(words) == 2 and words[1] in COMPASS:
        return False  # "the North West", "the South East": regions
    parts = [p for w in words for p in w.split("-")]
    return (len(parts) > 1 or head == "Middle") and all(
        p in _DIRECTIONS or (i == len(parts) - 1 and p in _ROUTES) for i, p in enumerate(parts)
    )


def _for_place(words: list[str], lex: Lexicon) -> bool:
    """ "Transport for Wales": what follows "for" is a place."""
    return lex.known.get(" ".join(words[2:]), ("",))[0] == "PLACE"


def _body_of_country(words: list[str], lex: Lexicon) -> bool:
    """ "Cricket Australia", "Police Scotland", "Historic England": a body of a country."""
    if len(words) != 2 or (words[1] not in lex.countries and words[1] not in _NATIONS):
        return False
    if words[0] in _SPORTS:
        return True
    return words[1] in _NATIONS and (words[0] in ORG_HEADS or words[0] in _BODY_WORDS)


def _kind_of_name(word: str, lex: Lexicon) -> bool:
    """A plural English noun or a word for a kind of person opening a sentence before a
    name of two words or more: "Insurers", "Promoter" (not "Sports Direct", "Exchange
    Traded Funds")."""
    lower = word.lower()
    if word in lex.given_names or word in lex.known or not word[1:].islower():
        return False
    if lower in PERSON_LOWER_CUES or lower in ORG_LOWER_CUES:
        return True  # "Promoter Live Nation", "Housebuilder Redhill Homes"
    return _english_plural(word, lex)


def _english_plural(word: str, lex: Lexicon) -> bool:
    singular = word[:-1].lower()
    return word.endswith("s") and not word.endswith("ss") and singular in lex.common_words


def _common_noun_opening(word: str, lex: Lexicon) -> bool:
    """An organisation word or a word for a kind of firm, capitalised only because it
    opens the sentence ("Unions", "Oil", "Chipmaker"); "Labour", "Parliament" stay."""
    lower = word.lower()
    if lower in ORG_LOWER_CUES:
        return True
    return word in ORG_HEADS and word not in _NAMING_HEADS and lower in lex.common_words


def _shouted(words: list[str], lex: Lexicon) -> bool:
    """Capitals used for emphasis, not an acronym: "ARE YOU LOOKING FOR", "JULY-2024"."""
    if not words[0].isupper() or not all(w.isupper() for w in words):
        return False
    parts = [p.lower() for w in words for p in w.split("-") if p]
    if len(parts) == 1:
        return parts[0].capitalize() in MONTHS  # "WHO", "ARM", "CAN" are acronyms
    return any(p in lex.very_common or p.isdigit() or p.capitalize() in MONTHS for p in parts)


def _split_title(
    text: str, seg: Segment, lex: Lexicon, lower_words: LowerWords
) -> list[Mention] | None:
    """Split "[prefix] Title [of Place] Name" into its parts, or None when there is no title."""
    words = seg.words
    # A capitalised role opening a sentence works as a title: "Analyst Mercy Wanjiku".
    opening_role = seg.sentence_start and words[0].lower() in PERSON_LOWER_CUES
    if PERSON_TITLES.isdisjoint(words[:-1]) and not opening_role:
        return None
    titles = [i for i, w in enumerate(words[:-1]) if w in PERSON_TITLES]
    title_at = max(titles) if titles else 0
    if title_at > 0 and words[0] in lex.given_names:
        return None  # "Martin Luther King Jr.", "Billie Jean King": the title is a name
    saint = words[title_at] in ("St", "St.", "Saint") and len(words) == title_at + 2
    if saint and not is_given_name(words[-1], lex):
        return None  # "St Mirren", "St Helens": a club or a town, named after no one here
    block_start = title_at
    while block_start > 0 and words[block_start - 1] in TITLE_MODIFIERS | PERSON_TITLES:
        block_start -= 1
    name_at = title_at + 1
    while name_at < len(words) - 1 and (
        words[name_at] in TITLE_MODIFIERS or words[name_at] in NAME_PARTICLES
    ):
        name_at += 1
    offsets = _offsets(text, seg)
    mentions: list[Mention] = []
    if block_start > 0:
        prefix = _sub(seg, offsets, 0, block_start)
        mentions.extend(classify_segment(text, prefix, lex, lower_words))
    rest = words[name_at:]
    if words[name_at - 1] == "of" and rest[0] in _NAMING_HEADS:
        # "Speaker of Parliament [Name]": part of the title, named elsewhere
        name_at += 1
        rest = words[name_at:]
        if not rest:
            return mentions
    if words[name_at - 1] == "of" and " ".join(rest) in lex.known:
        sub = _sub(seg, offsets, name_at, len(words))
        known = lex.known[" ".join(rest)]
        return [*mentions, _mention(text, sub, known[0], known[1])]
    if words[name_at - 1] == "of" and len(rest) > 1:
        for cut in range(len(rest) - 1, 0, -1):
            place = lex.known.get(" ".join(rest[:cut]))
            if place:
                sub = _sub(seg, offsets, name_at, name_at + cut)
                mentions.append(_mention(text, sub, place[0], place[1]))
                name_at += cut
                rest = words[name_at:]
                break
    name_end = next((i for i, w in enumerate(words) if i > name_at and w in _NAME_ENDS), len(words))
    rest = words[name_at:name_end]
    name_length = sum(w not in NAME_PARTICLES for w in rest)
    portfolio = words[name_at - 1] == "for" or all(w in TITLE_MODIFIERS for w in rest)
    # "Lord of the Rings", "General Election": a work or an event, no one's name
    work = any(w in NOT_ENTITY_HEADS for w in rest) or (
        words[name_at - 1] in NAME_PARTICLES
        and len(rest) == 1
        and rest[0].lower() in lex.common_words
    )
    # "St James' Park", "St Mary's Hospital": a place named after a saint, no saint.
    ground = words[title_at] in ("St", "St.", "Saint") and (
        rest[-1] in PLACE_HEADS | ORG_HEADS or rest[-1] in PLACE_HEADS_UNLESS_PERSON
    )
    heads = any(w in ORG_HEADS for w in rest) or ground
    if not rest or name_length > 5 or heads or portfolio or work:
        return mentions or None  # "Secretary of State", "Minister for Democracy": no name
    name = _sub(seg, offsets, name_at, name_end)
    known = lex.known.get(" ".join(rest), ("", None))
    if (known[0] and known[0] != "PERSON") or rest[0] in NAME_PARTICLES:
        return None
    mentions.append(_mention(text, name, "PERSON", known[1]))
    if name_end + 1 < len(words):
        tail = _sub(seg, offsets, name_end + 1, len(words))
        mentions.extend(classify_segment(text, tail, lex, lower_words))
    return mentions


def _offsets(text: str, seg: Segment) -> list[int]:
    offsets, position = [], seg.start
    for word in seg.words:
        position = text.index(word, position)
        offsets.append(position)
        position += len(word)
    return offsets


def _sub(seg: Segment, offsets: list[int], i: int, j: int) -> Segment:
    end = offsets[j - 1] + len(seg.words[j - 1])
    return Segment(offsets[i], end, seg.words[i:j], seg.sentence_start and i == 0, seg.heading)
