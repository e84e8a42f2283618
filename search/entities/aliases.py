"""Settle types and canonical names across one document.

Context spreads within a document: a full name found once ("Ilham Aliyev") makes
later surnames ("President Aliyev", "Aliyev") the same person; an acronym in
brackets after a name ("Collective Security Treaty Organization (CSTO)") ties the
two; a surface form typed once gives its type to its untyped repeats. What is
still untyped afterwards gets a default: a name-shaped pair is a person, anything
else mid-sentence an organisation, and a lone capitalised word that only ever
opens sentences is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from search.entities.classify import Mention, is_acronym, is_given_name, strip_legal_suffix
from search.entities.clubs import clubs_named_after_cities
from search.entities.cues import NAME_PARTICLES, PLACE_LOWER_HEADS, SURNAME_ENDING
from search.entities.lexicon import Lexicon, lexicon
from search.entities.lower_words import LowerWords

_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*\.?$")


def resolve(
    text: str, mentions: list[Mention], lower_words: LowerWords, lex: Lexicon
) -> list[Mention]:
    """Type and name every mention; drop those that are not entities.

    Args:
        text: the document the mentions point into.
        mentions: PERSON/ORG/PLACE candidates in order of position.
        lower_words: the lower-case words of the document.
        lex: the loaded lexicon.

    Returns:
        Mentions that all have a type and a canonical name.
    """
    _bracketed_acronyms(text, mentions)
    _firms_everywhere(mentions)
    clubs_named_after_cities(text, mentions, lex)
    _places_by_vote(mentions)
    _listed_with_places(text, mentions, lex)
    _spread_by_text(mentions)
    mid_sentence = {m.text for m in mentions if not m.sentence_start}
    # Several-word names get their default type first: it does not depend on context,
    # and a person found this way lends the surname to later mentions.
    for mention in mentions:
        if mention.type is None and len(mention.words) > 1 and not mention.heading:
            mention.type = _default_type(mention, mid_sentence, lower_words, lex)
    _people(mentions, lex)
    _spread_by_text(mentions)
    _organisations(mentions)
    settled: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.type is None and (
            _listed_after_place(text, settled, mention)
            or _opens_list_of_places(text, mentions, index)
        ):
            mention.type = "PLACE"
        if mention.type is None and not mention.heading:
            mention.type = _default_type(mention, mid_sentence, lower_words, lex)
        if mention.type is None:
            continue
        if mention.canonical is None:
            mention.canonical = mention.text
        settled.append(mention)
    settled = _headings_like_the_body(mentions, settled)
    settled = _bodies_of_places(text, settled)
    _shortened_companies(settled, lex.common_words)
    return settled


# The body of a place named with "of" ("East Riding of Yorkshire Council", "Isle of Wight
# Council"): the matcher takes the place whole, leaving the body's word behind it.
_BODY_OF_PLACE = frozenset(
    ["Council", "County Council", "City Council", "Borough Council", "District Council"]
    + ["Police", "Constabulary"]
)


def _bodies_of_places(text: str, settled: list[Mention]) -> list[Mention]:
    """Join a place and the council or police force named after it into one body."""
    if " Council" not in text and " Police" not in text and " Constabulary" not in text:
        return settled
    joined: list[Mention] = []
    for mention in settled:
        place = joined[-1] if joined else None
        if (
            place is not None
            and place.type == "PLACE"
            and mention.text in _BODY_OF_PLACE
            and text[place.end : mention.start] == " "
        ):
            name = text[place.start : mention.end]
            words = place.words + mention.words
            joined[-1] = Mention(
                place.start, mention.end, name, "ORG", name, place.sentence_start, words
            )
            continue
        joined.append(mention)
    return joined


def _bracketed_acronyms(text: str, mentions: list[Mention]) -> None:
    """ "Long Name (LN)": the acronym becomes the canonical name of both forms."""
    for long, short in zip(mentions, mentions[1:], strict=False):
        between = text[long.end : short.start]
        if between.strip() != "(" or not is_acronym(short.text):
            continue
        if text[short.end : short.end + 1] != ")" or long.type not in (None, "ORG"):
            continue
        long.type = short.type = "ORG"
        long.canonical = short.canonical = short.text
        for other in mentions:
            if other.text == long.text and other.type in (None, "ORG"):
                other.type, other.canonical = "ORG", short.text


def _headings_like_the_body(mentions: list[Mention], settled: list[Mention]) -> list[Mention]:
    """A heading's name that the body settled ("Chelsea clinch cup" over a report that
    names Chelsea) takes the body's type; other heading words stay unmarked."""
    body = {m.text: m for m in settled if not m.heading}
    found = [m for m in mentions if m.type is None and m.heading and m.text in body]
    for mention in found:
        mention.type, mention.canonical = body[mention.text].type, body[mention.text].canonical
    return sorted(settled + found, key=lambda m: m.start) if found else settled


def _firms_everywhere(mentions: list[Mention]) -> None:
    """ "Shares in Eli Lilly" once makes every "Eli Lilly" here the company, also where
    only the shape of a person's name typed it."""
    firms = {m.text for m in mentions if m.firm}
    for mention in mentions if firms else ():
        if mention.text in firms and mention.type in (None, "PERSON"):
            mention.type, mention.canonical = "ORG", None


# What stands between names in a list: "Kuryk and Aktau", "Aktau – Alat", "Horadiz–Aghdam"
# (a spaced hyphen or a slash is as often a dash or a pairing: "Cannes - Nair", "Bush/Kerry").
_LIST_SEPARATORS = frozenset([" and ", " or ", "–", "-", " – "])
_LIST_OPENING = re.compile(
    r"(?:\b(?:in|near)|\b(?:ports?|towns?|villages?|cities|regions?|districts?|provinces?)"
    r" of) $"
)


def _listed_with_places(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """An untyped name listed next to a listed town is a place: "ports of Kuryk and
    Aktau", "the Horadiz–Aghdam road"; a name of several words only after "in",
    "near"..., and then next to any place: "homes in Parson Cross and Gleadless
    Valley". A comma is no list ("Transnet, South Africa's rail company"), and a country
    is listed with a company as often as with a town ("a fight between Russia and Yukos")."""

    def place_at(index: int, several: bool) -> bool:
        if not 0 <= index < len(mentions) or mentions[index].type != "PLACE":
            return False
        return several or mentions[index].text in lex.known or mentions[index].text in lex.towns

    for index, mention in enumerate(mentions):
        if mention.type is not None or mention.heading:
            continue
        several = len(mention.words) > 1
        if several and not _LIST_OPENING.search(text, max(0, mention.start - 20), mention.start):
            continue  # "Close Brothers and Santander UK": only "in Parson Cross and ..."
        after = (place_at(index + 1, several) or _shared_head(text, mentions, index)) and _listed(
            text, mention, mentions[index + 1], lex.regions, _shared_head(text, mentions, index)
        )
        before = place_at(index - 1, several) and _listed(
            text, mentions[index - 1], mention, lex.regions
        )
        if after or before:
            mention.type, mention.canonical = "PLACE", mention.text


def _shared_head(text: str, mentions: list[Mention], index: int) -> bool:
    """ "the Grimsel and Furka passes", "the Aghdam and Fuzuli districts": a plural place
    word after the second name covers both."""
    if index + 1 >= len(mentions) or mentions[index + 1].type != "PLACE":
        return False
    second = mentions[index + 1]
    head = text[second.end : second.end + 30].split(maxsplit=1)[:1]
    return bool(head) and head[0].endswith("s") and head[0] in PLACE_LOWER_HEADS


def _listed(
    text: str, first: Mention, second: Mention, regions: frozenset[str], shared: bool = False
) -> bool:
    """Two names in one list: joined by a dash, or by "and" after "in", "ports of"...
    and with no country or region ("ports of Kuryk and Aktau"; not "Chile and Codelco",
    "surveys from Nationwide and Halifax")."""
    between = text[first.end : second.start]
    if between in (" and ", " or "):
        if shared:
            return True
        if first.text in regions or second.text in regions:
            return False
        return _LIST_OPENING.search(text, max(0, first.start - 20), first.start) is not None
    return between in _LIST_SEPARATORS


def _places_by_vote(mentions: list[Mention]) -> None:
    """An unknown word is a place when at least half its mentions follow "in", "near"
    or "off" ("in Sukhumi ... that Sukhumi must"), not when one does ("in Mini
    production" among a dozen mentions of the car)."""
    votes: dict[str, list[bool]] = {}
    for mention in mentions:
        if mention.type is None and len(mention.words) == 1:
            votes.setdefault(mention.text, []).append(mention.after_locative)
    places = {text for text, vote in votes.items() if 2 * sum(vote) >= len(vote)}
    for mention in mentions:
        if mention.type is None and mention.text in places:
            mention.type, mention.canonical = "PLACE", mention.text


def _spread_by_text(mentions: list[Mention]) -> None:
    """An untyped mention takes the type and name of a typed one with the same text."""
    typed: dict[str, Mention] = {}
    for mention in mentions:
        if mention.type is not None:
            typed.setdefault(mention.text, mention)
    for mention in mentions:
        source = typed.get(mention.text)
        if mention.type is None and source is not None:
            mention.type, mention.canonical = source.type, source.canonical


def _people(mentions: list[Mention], lex: Lexicon) -> None:
    """Merge full names, their shorter forms and lone surnames into one person."""
    full: dict[tuple[str, str], str] = {}
    name_words = [_name_words(mention) for mention in mentions]
    for mention, words in zip(mentions, name_words, strict=True):
        if mention.type == "PERSON" and len(words) >= 2:
            key = (words[0], words[-1])
            if len(mention.text) > len(full.get(key, "")):
                full[key] = mention.text
    # "López Obrador" after "Andrés Manuel López Obrador": a shorter tail of a full name,
    # when what comes before it is given names ("Anthony Blinken" is another person).
    # Most names are the tail of none: those are told by the set of tails, at once.
    tails = {n[space + 1 :] for n in full.values() for space in _spaces(n)}
    for key, name in list(full.items()):
        if name not in tails:
            continue
        longer = [
            n
            for n in full.values()
            if n != name
            and n.endswith(" " + name)
            and all(is_given_name(w, lex) for w in n[: -len(name)].split())
        ]
        if longer:
            full[key] = max(longer, key=len)
    by_surname: dict[str, list[tuple[int, str]]] = {}
    by_first: dict[str, list[tuple[int, str]]] = {}
    for mention, words in zip(mentions, name_words, strict=True):
        if mention.type == "PERSON" and len(words) >= 2:
            name = full[(words[0], words[-1])]
            mention.canonical = name
            by_surname.setdefault(words[-1], []).append((mention.start, name))
            by_first.setdefault(words[0], []).append((mention.start, name))
    for mention, words in zip(mentions, name_words, strict=True):
        if len(words) == 1 and mention.type == "PERSON" and words[0] in by_surname:
            # The article's own full name first ("Anthony Blinken" as written here).
            mention.canonical = _nearest(by_surname[words[0]], mention.start)
            continue
        if len(words) != 1 or mention.canonical not in (None, mention.text):
            continue
        if words[0].isupper():
            continue
        if mention.type not in (None, "PERSON") and not _surname_beats_list(
            mention, by_surname, lex.regions
        ):
            continue
        name = _nearest(by_surname.get(words[0]), mention.start)
        if name is None and mention.type in (None, "PERSON"):
            name = _nearest(by_first.get(words[0]), mention.start)
        if name is not None:
            mention.type, mention.canonical = "PERSON", name


def _spaces(text: str) -> Iterator[int]:
    """The offsets of the spaces in ``text``."""
    at = text.find(" ")
    while at >= 0:
        yield at
        at = text.find(" ", at + 1)


def _surname_beats_list(mention: Mention, by_surname: dict, regions: frozenset[str]) -> bool:
    """A listed town or company that is also a person's surname here is the person; a
    country or region never is ("Anthony Blinken Azerbaijan" must not take "Azerbaijan")."""
    if mention.text not in by_surname:
        return False
    # A country is a surname only in a two-word name ("Luís Montenegro"), never at
    # the end of a longer run ("Anthony Blinken Azerbaijan").
    return mention.text not in regions or any(
        len(name.split()) == 2 for _, name in by_surname[mention.text]
    )


def _nearest(candidates: list[tuple[int, str]] | None, position: int) -> str | None:
    """The full name mentioned last before ``position``, else the first one after it."""
    if not candidates:
        return None
    index = bisect_left(candidates, (position, ""))
    return candidates[index - 1][1] if index else candidates[0][1]


def _name_words(mention: Mention) -> list[str]:
    # From the text, not ``words``: a name found whole by the known-name matcher is one word.
    return [w for w in mention.text.split() if w not in NAME_PARTICLES]


def _organisations(mentions: list[Mention]) -> None:
    """Companies merge without their legal form; "Acme" alone joins "Acme Corp"."""
    bases: dict[str, str] = {}
    for mention in mentions:
        if mention.type == "ORG" and mention.canonical in (None, mention.text):
            base = strip_legal_suffix(mention.text)
            mention.canonical = base
            bases[base] = base
    for mention in mentions:
        if mention.type is None and mention.text in bases:
            mention.type, mention.canonical = "ORG", bases[mention.text]


def _shortened_companies(mentions: list[Mention], common_words: frozenset[str]) -> None:
    """ "Yugansk" for "Yuganskneftegas": a one-word organisation that opens a longer
    one-word organisation's name, the rest being no English word ("Gazprom" and
    "Gazprombank" stay two), is that organisation."""
    names = {m.canonical for m in mentions if m.type == "ORG" and " " not in m.canonical}
    in_order = sorted(names)
    for mention in mentions:
        short = mention.canonical
        if mention.type != "ORG" or short not in names or len(short) < 5:
            continue
        for name in in_order:
            rest = name[len(short) :]
            if name.startswith(short) and len(rest) >= 4 and rest.islower():
                mention.canonical = name if rest not in common_words else short
                break


def _opens_list_of_places(text: str, mentions: list[Mention], index: int) -> bool:
    """ "from Nice, Lyon and Toulouse": a name before two places that close a list."""
    following = mentions[index + 1 : index + 3]
    if len(following) < 2 or any(m.type != "PLACE" for m in following):
        return False
    first = text[mentions[index].end : following[0].start]
    second = text[following[0].end : following[1].start]
    return first == ", " and second in (" and ", ", and ", " or ")


def _listed_after_place(text: str, settled: list[Mention], mention: Mention) -> bool:
    """ "the villages of Aghdam and Fuzuli", "from Edinburgh to Tweedbank": a name listed
    right after a place is a place."""
    if not settled or settled[-1].type != "PLACE":
        return False
    between = text[settled[-1].end : mention.start]
    if between == " to ":  # "from Edinburgh to Tweedbank"
        return text[max(0, settled[-1].start - 5) : settled[-1].start].lower().endswith("from ")
    return between in (" and ", ", ", " or ", "–", "-", "/")  # "Baku–Tbilisi–Ceyhan"


def _default_type(
    mention: Mention, mid_sentence: set[str], lower_words: LowerWords, lex: Lexicon
) -> str | None:
    if len(mention.words) > 1:
        return _default_type_of_name(mention.text, tuple(mention.words))
    if not _LATIN_LETTER.search(mention.text):
        return None  # Cyrillic, Armenian, Greek...: these rules read English; lists still do
    if SURNAME_ENDING.search(mention.text):
        return "PERSON"
    if mention.text in lex.towns:
        return "PLACE"  # a listed town no cue made anything else
    if mention.sentence_start and mention.text not in mid_sentence:
        word = mention.text
        lower = word.lower()
        common = (
            lower in lower_words
            or lower in lex.common_words
            or _looks_inflected(word)
            or _english_derivative(word, lex.common_words)
            or ("-" in lower and all(p in lex.common_words for p in lower.split("-")))
        )
        return None if common else "ORG"
    if mention.text.lower() in lower_words and not mention.text.isupper():
        return None  # "the Moon", "Aid": the same word is written lower-case here too
    if _english_derivative(mention.text, lex.common_words):
        return None  # "Inspiration", "Normalisation": capitals on an English word
    if mention.text.lower() in lex.very_common:
        return None  # "the Budget", "The Aviator": a title or a word in capitals
    return "ORG"


@lru_cache(maxsize=65536)
def _default_type_of_name(text: str, words: tuple[str, ...]) -> str | None:
    """The default type of a name of several words, which its words alone decide (cached
    by the name: the lexicon is loaded once)."""
    lex = lexicon()
    if not _LATIN_LETTER.search(text):
        return None  # Cyrillic, Armenian, Greek...: these rules read English; lists still do
    if text in lex.towns:
        return "PLACE"  # "Kirkby Stephen": a town of several words is seldom a surname
    name_shaped = all(_NAME_WORD.match(w) and not w.isupper() for w in words)
    if words[-1] in lex.regions:
        return "ORG"
    # A pair of words that are not English words is a name ("Xi Jinping"); a pair with
    # one ("Time Warner", "Real Betis") is more often a company or a club.
    if any(_gerund(w, lex.common_words) for w in words):
        return None  # a phrase in capitals ("Confronting Disinformation"), not a name
    plain = words[0].lower() not in lex.very_common and words[-1].lower() not in lex.frequent
    # "Kishane Thompson", "Fin Smith": a first word no English word carries a surname
    # that is one; "Tianqi Lithium" has an organisation word's place taken by "Lithium".
    plain = plain or (
        words[0].lower() not in lex.common_words
        and words[0] not in lex.known  # "Baku Observer"
        and words[-1].lower() not in lex.very_common
    )
    # "Baku Shipyard", "Sciences Po": a place or an English plural opens no person's name.
    plain = plain and not (
        words[0] not in lex.given_names
        and (lex.known.get(words[0], ("",))[0] == "PLACE" or _english_plural(words[0], lex))
    )
    if name_shaped and plain and (len(words) == 2 or (len(words) == 3 and len(words[1]) <= 2)):
        return "PERSON"
    return "ORG"


def _english_plural(word: str, lex: Lexicon) -> bool:
    """ "Sciences", "Games": an English noun's plural; not "Phillips" or "Williams"."""
    singular = word[:-1]
    return (
        word.endswith("s")
        and singular.lower() in lex.common_words
        and singular not in lex.given_names
        and word not in lex.given_names
    )


_DERIVED_ENDINGS = ("tion", "sion", "ness", "ment", "ism", "isation", "ization")


def _english_derivative(word: str, common_words: frozenset[str]) -> bool:
    """ "Confronting", "Disinformation": an English word made from another, not a name."""
    lower = word.lower()
    return (lower.endswith(_DERIVED_ENDINGS) and len(lower) > 6) or _gerund(word, common_words)


def _gerund(word: str, common_words: frozenset[str]) -> bool:
    """ "Confronting", "Unmasking": an English verb's -ing form, not a name ("Xiaoping")."""
    lower = word.lower()
    stem = lower[:-3]
    return lower.endswith("ing") and (stem in common_words or stem + "e" in common_words)


def _looks_inflected(word: str) -> bool:
    """ "Thousands", "Officially", "Speaking", "Downloadable": a capitalised common word,
    not a name."""
    if not word[1:].islower():
        return False
    if len(word) > 7 and word.endswith(("able", "ible")):
        return True
    return word.endswith(("ly", "ing", "ed")) or (word.endswith("s") and not word.endswith("ss"))
