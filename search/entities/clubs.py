"""Clubs named after their city or region: in a sports report "Liverpool" or
"Leinster" is mostly the club.

A report is taken for sport when it reads like one (scores such as "2-1", and words
only sport uses: striker, penalty, wicket, semi-final...). There a city's name is
the club's unless a word before it places it: "in Liverpool", "fans from Toulouse",
"travelled to Leeds". A country stays a place ("England beat India" is labelled by
the country, as national sides are), and so does any city or region outside a
sports report.
"""

from __future__ import annotations

import re

from search.entities.classify import Mention
from search.entities.cues import word_set
from search.entities.lexicon import Lexicon
from search.entities.surroundings import word_after

_SCORE = re.compile(r"(?<![\w.,/-])\d{1,2}-\d{1,2}(?![\w.,/-]|-\d)")


def _words_at_word_start(alternatives: str) -> re.Pattern:
    """The pattern ``\\b(?:alternatives)\\b`` (alternatives parted by "|"), written so
    that the engine tries it only where one of their first letters stands (it tries a
    pattern opening with ``\\b`` at every character): the alternatives are grouped by
    their first letter, each group keeping their order, and the word boundary is asked
    after that letter."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives.split("|"):
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return re.compile(
        "(?:"
        + "|".join(rf"{first}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())
        + r")\b"
    )


_SPORT_WORDS = _words_at_word_start(
    r"striker|midfielder|defender|goalkeeper|keeper|replay|winger|penalty|penalties|goals?"
    r"|scored|semi-final|quarter-final|half-time|extra time|kick-off|derby|wickets?|innings"
    r"|batsman|bowler|tries|try-scorer|fly-half|scrum-half|touchdown|head coach|manager"
    r"|relegation|promoted|transfer window|squad|fixture|league leaders|title race|referee"
    r"|match|matches|premiership|premier league|champions league|red card|footballers?"
    r"|football|rugby|cricket|coach|season|league|cup|club|clubs|boss"
)
# Of those, words of sports played by clubs (not tennis or athletics, where a city
# is where the event is).
_CLUB_SPORT = word_set(
    "striker midfielder defender goalkeeper keeper replay winger manager relegation promoted squad "
    "premiership club clubs football rugby cricket fly-half scrum-half tries boss"
)
# Countries field national sides, labelled as the country; so do these.
_HOME_NATIONS = frozenset(["England", "Scotland", "Wales", "Northern Ireland", "Ireland"])
# Lower-case words after a city's name that make it a place even in sport.
_PLACE_ATTRIBUTES = word_set(
    "club clubs rivals derby side sides team teams area region council mayor airport -based"
)
# Words before a city's name that keep it a place ("from Toulouse", "in Leeds").
_PLACING = word_set("in at near from outside around across into towards toward via of to between")
# "the people of Leeds", "the centre of Lyon": "of" places a city only after these;
# "ahead of Sunderland", "the future of Sunderland" name the club.
_OF_A_PLACE = word_set(
    "people city town streets mayor residents outskirts centre center heart suburbs "
    "university port area region county north south east west"
)
# Endings of clubs' names that are also places' ("Derby County", "Preston North End").
_CLUB_ENDINGS = (("County",), ("North", "End"))
_CLUB_LAST_WORDS = frozenset(ending[-1] for ending in _CLUB_ENDINGS)
# Endings only clubs have ("Leyton Orient", "Hamilton Academical"), and endings that are
# also given names, which make a club only after a town ("Crewe Alexandra").
_CLUB_ONLY_ENDINGS = word_set("Orient Academical Argyle Thistle Athletic")
_CLUB_NAME_ENDINGS = word_set("Alexandra Stanley")
# "lost 1-0 to Leverkusen": "to" after a result names a side.
_RESULT = re.compile(r"(?:lost|lose|losing|beaten|defeat|defeated|\d)\W*$")


def is_sport_report(text: str) -> bool:
    """Whether ``text`` reads like a report on a sport played by clubs."""
    lower = text.lower()
    if not any(word in lower for word in _CLUB_SPORT):
        return False  # it takes two words of a club sport: most texts are spared the scan
    words = clubs = 0
    for match in _SPORT_WORDS.finditer(lower):
        word = match.group()
        if word.startswith("club") and text[match.start()].isupper():
            continue  # "the Paris Club" of creditors is no sports club
        words += 1
        clubs += word in _CLUB_SPORT
        if clubs >= 2 and words >= 6:
            return True  # the rest of a sports report need not be read
    return clubs >= 2 and words >= 3 and (words >= 6 or _SCORE.search(text) is not None)


def clubs_named_after_cities(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """Retype a listed city, and a name that ends like a club's, as an organisation
    where a sports report names the club."""
    endings = [
        m
        for m in mentions
        if len(m.words) > 1  # a club's ending follows a name
        and (
            (m.type in (None, "PLACE") and _ends_like_a_club(m.words))
            or (m.type != "ORG" and _ends_in_a_club_word(m.words, lex))
        )
    ]
    cities = [
        mention
        for mention in mentions
        if len(mention.words) == 1
        and mention.text not in lex.countries
        and mention.text not in _HOME_NATIONS
        and mention.type in (None, "PLACE")
        and (lex.known.get(mention.text, ("",))[0] == "PLACE" or mention.text in lex.towns)
    ]
    # What places a city is read first: the report is read for sport only where a
    # city's name or a name's ending may be a club's.
    clubs = [mention for mention in cities if not _placed(text, mention, lex)]
    if not (clubs or endings) or not is_sport_report(text):
        return
    for mention in endings + clubs:
        mention.type, mention.canonical = "ORG", mention.text


def _placed(text: str, mention: Mention, lex: Lexicon) -> bool:
    """Whether the words around a city's name make it the place, also in sport."""
    before = text[max(0, mention.start - 40) : mention.start]
    words = before.split()
    last = words[-1].lower() if words else ""
    if _placing(last, words[:-1]):
        return True
    if word_after(text, mention.end) in _PLACE_ATTRIBUTES:
        return True  # "the London derby", "a Madrid-based side"
    if text[mention.end : mention.end + 2] in ("'s", "’s") and _place_follows(text, mention):
        return True  # "Liverpool's John Lennon Airport"
    if text[mention.end : mention.end + 2] == ", ":
        after = text[mention.end + 2 : mention.end + 40].split()
        if after and lex.known.get(after[0].strip(".,;"), ("",))[0] == "PLACE":
            return True  # "Toulouse, France": a city and its country
    return False


def _ends_in_a_club_word(words: list[str], lex: Lexicon) -> bool:
    if len(words) < 2:
        return False
    if words[-1] in _CLUB_ONLY_ENDINGS:
        return True
    town = words[0] in lex.towns or lex.known.get(words[0], ("",))[0] == "PLACE"
    return len(words) == 2 and words[-1] in _CLUB_NAME_ENDINGS and town


def _ends_like_a_club(words: list[str]) -> bool:
    if words[-1] not in _CLUB_LAST_WORDS:
        return False
    return any(len(words) > len(end) and tuple(words[-len(end) :]) == end for end in _CLUB_ENDINGS)


def _placing(last: str, before: list[str]) -> bool:
    """Whether the word before a city's name (``last``, after ``before``) places it."""
    if last not in _PLACING:
        return False
    if last == "to":
        return not _RESULT.search(" ".join(before))
    if last == "of":
        return bool(before) and before[-1].lower().strip(",") in _OF_A_PLACE
    return True


def _place_follows(text: str, mention: Mention) -> bool:
    after = text[mention.end + 2 : mention.end + 60].split()
    return any(w.rstrip(".,;") in ("Airport", "airport", "Cathedral", "city") for w in after[:4])
