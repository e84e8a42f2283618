"""People, places and organisations in Turkish and Azerbaijani text, from a gazetteer
and cues (no model).

The English extractor reads every capitalised word as a name, and these languages
capitalise words the English one would not ("Azerbaycan Cumhurbaşkanı İlham Aliyev" is
one organisation to it) and glue case endings to names ("Brüsseldə"). A Turkish or
Azerbaijani article gets this pass instead:

* a name is one to four capitalised words listed in ``data/turkic.tsv`` (the region's
  places and bodies in their Turkish and Azerbaijani spellings) or, in any spelling
  folding meets (:mod:`search.entities.spellings`), in the lexicon: a person anywhere,
  a place neither opening a sentence (a Turkish word there can spell a province,
  "Ordu": army) nor right after a title (a given name can spell a district, "Fatih");
* the last word may carry a case ending, after an apostrophe or hyphen as Turkish
  writes it (``Bakü'de``, ``NATO-nun``: the name is what comes before) or glued to it
  as Azerbaijani writes it (``Ermənistanın``: the whole word is the mention);
* a ministry or central bank (``Dışişleri Bakanlığı``, ``Xarici İşlər Nazirliyi``)
  belongs to the country named just before it, else to the country whose language the
  text is in;
* a person is also one or two capitalised words after a title (``Cumhurbaşkanı``,
  ``Baş naziri``; the title is not part of the name), a known given name and the word
  after it, or, inside a sentence, a word shaped like a surname of the region
  (``-ov``, ``-yeva``, ``-zadə``, ``-oğlu``, ``-yan``); a surname alone takes the full
  name the text gives it.

Any other capitalised word is no mention: none is better than a wrong one. Canonical
names are English; the span keeps the name as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from search.entities.lexicon import lexicon
from search.entities.spellings import known_canonical, name_key
from search.models.articles import EntitySpan

# A word and the case ending Turkish marks off with an apostrophe (Azerbaijani: a hyphen
# after an abbreviation, "NATO-nun").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+|-(?=[a-zçğıöşüə])[^\W\d_]+)?")
_MARK = re.compile(r"['’-]")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\n«\"“”(—]\s*)$")
LONGEST_NAME = 4


def _listing(words: str) -> tuple[str, ...]:
    """Words listed in a string, one space or line apart."""
    return tuple(words.split())


# Case endings glued to a name (Azerbaijani, and Turkish written without the apostrophe).
CASE_ENDINGS = tuple(
    sorted(
        _listing(
            """da də de ta tə te dan dən den tan tən ten nda ndə nde ndan ndən nden
        a ə e ya yə ye na nə ne ı i u ü yı yi yu yü nı ni nu nü ın in un ün nın nin nun
        nün la lə le yla ylə yle dakı daki dəki deki ndakı ndaki ndəki ndeki"""
        ),
        key=len,
    )
)

# The word that ends a title before a name; written as the press writes it, compared
# folded.
TITLES = _listing(
    """Cumhurbaşkanı Cumhurbaşkan Başbakanı Başbakan Bakanı Bakan Başkanı Başkan
    Sözcüsü Büyükelçisi Sekreteri Yardımcısı Danışmanı Milletvekili Temsilcisi Komutanı
    Valisi Lideri Şansölyesi Prezidenti Prezident naziri nazir sədri sədr köməkçisi
    müşaviri səfiri səfir nümayəndəsi sözçüsü rəhbəri başçısı deputatı deputat katibi
    kansleri müavini komandanı Kralı"""
)
# Words of bodies and titles that the name list holds as given names ("Milli", "Genel").
NOT_GIVEN = _listing(
    """Milli Genel Dışişleri Başkan Devlet Dövlət Türk Baş Xarici Daxili Enerji
    Avrupa Avropa Birleşmiş Birləşmiş Dünya Van"""
)

# A ministry or central bank, by its name in either language, and the English name of
# its kind.
NATIONAL_BODIES = {
    "Dışişleri Bakanlığı": "Ministry of Foreign Affairs",
    "Xarici İşlər Nazirliyi": "Ministry of Foreign Affairs",
    "XİN": "Ministry of Foreign Affairs",
    "Savunma Bakanlığı": "Ministry of Defence",
    "Milli Savunma Bakanlığı": "Ministry of Defence",
    "MSB": "Ministry of Defence",
    "Müdafiə Nazirliyi": "Ministry of Defence",
    "İçişleri Bakanlığı": "Ministry of Internal Affairs",
    "Daxili İşlər Nazirliyi": "Ministry of Internal Affairs",
    "Enerji Bakanlığı": "Ministry of Energy",
    "Energetika Nazirliyi": "Ministry of Energy",
    "Merkez Bankası": "Central Bank",
    "Mərkəzi Bank": "Central Bank",
}
# Lower-case words inside a name ("Ursula von der Leyen").
PARTICLES = frozenset({"von", "der", "van", "de", "la", "al", "bin"})
# The country whose ministry a text names when it names no country before it.
HOME_COUNTRY = {"tr": "Turkey", "az": "Azerbaijan"}

# A surname of the region, with a case ending glued to it or not; a woman's first
# ("Məmmədova" is read as her name more often than as "to Məmmədov").
_SURNAMES = (
    re.compile(r"^(?P<stem>.{2,}(?:ova|eva))(?:nın|nin|ya|yə|nı|ni|da|də|dan|dən|yla|ylə)?$"),
    re.compile(
        r"^(?P<stem>.{2,}(?:ov|ev|zadə|zade|oğlu|yan))"
        r"(?:u|ü|un|ün|ın|in|a|ə|la|lə|da|də|dan|dən|nun|nün|nın|nin|ı|i|ya|yə|na|nə)?$"
    ),
)
_MIN_SURNAME = 5
# A surname opening a sentence, kept only if the text names its bearer in full.
_OPENING = "\x00"


@dataclass(frozen=True)
class _Word:
    start: int
    end: int  # the name's end: before a marked case ending
    text: str  # the name as written, without a marked case ending
    marked: bool  # whether a case ending follows after an apostrophe or hyphen
    opens: bool  # whether it opens a sentence


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("search.entities").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _listed() -> dict[str, tuple[str, str]]:
    """Folded key of a Turkish or Azerbaijani spelling -> (type, canonical)."""
    found = {}
    for entity_type, canonical, *spellings in _data_rows("turkic.tsv"):
        for spelling in spellings:
            found[name_key(spelling)] = (entity_type, canonical)
    return found


@cache
def _national_bodies() -> dict[str, str]:
    return {name_key(name): kind for name, kind in NATIONAL_BODIES.items()}


@cache
def _places() -> dict[str, str]:
    """Folded key -> canonical of every place the lexicon lists. Where the lexicon
    holds a place under two canonical spellings ("Tekirdag", "Tekirdağ") the one in
    English letters is taken; a key standing for two places is left out."""
    canonicals: dict[str, set[str]] = {}
    for surface, (entity_type, canonical) in lexicon().known.items():
        if entity_type == "PLACE":
            canonicals.setdefault(name_key(surface), set()).add(canonical)
    places = {}
    for key, names in canonicals.items():
        english = [name for name in names if name.isascii()] if len(names) > 1 else list(names)
        if len(english) == 1:
            places[key] = english[0]
    return places


@cache
def _titles() -> frozenset[str]:
    return frozenset(name_key(title) for title in TITLES)


@cache
def _given_names() -> frozenset[str]:
    not_given = {name_key(word) for word in NOT_GIVEN} | _titles()
    return frozenset(name_key(name) for name in lexicon().given_names) - not_given


def turkic_entities(text: str, language: str) -> list[EntitySpan]:
    """PERSON, PLACE and ORG mentions in a Turkish or Azerbaijani ``text``, in text order.

    Args:
        text: An article body (offsets point into it unchanged).
        language: ``tr`` or ``az``: whose ministry a ministry named alone is.

    Returns:
        Non-overlapping spans.
    """
    words = _words(text)
    spans: list[EntitySpan] = []
    full_names: dict[str, str] = {}  # surname key -> canonical, from full names so far
    index = 0
    while index < len(words):
        word = words[index]
        if not word.text[0].isupper():
            index += 1
            continue
        found = _listed_name(text, words, index, spans, language)
        if found is None:
            found = _person(text, words, index)
        if found is None:
            index += 1
            continue
        span, used = found
        spans.append(span)
        if span.type == "PERSON" and used > 1:
            full_names[name_key(_surname(words[index + used - 1].text))] = span.canonical
        index += used
    named = (_named(span, full_names) for span in spans)
    return [span for span in named if span.canonical != _OPENING]


def _words(text: str) -> list[_Word]:
    words = []
    for match in _WORD.finditer(text):
        mark = _MARK.search(match.group())
        end = match.start() + mark.start() if mark else match.end()
        # Only the few characters before a word say whether it opens a sentence.
        opens = _SENTENCE_END.search(text, max(0, match.start() - 8), match.start()) is not None
        words.append(_Word(match.start(), end, text[match.start() : end], bool(mark), opens))
    return words


def _adjacent(text: str, first: _Word, second: _Word) -> bool:
    """Whether two words are read as one name: nothing but a space or hyphen between
    ("Sankt-Peterburq"), and no case ending on the first."""
    return not first.marked and text[first.end : second.start] in (" ", "-")


def _stems(word: _Word) -> list[str]:
    """The word, then the word without each case ending it may carry (unless marked)."""
    if word.marked:
        return [word.text]
    cut = [word.text[: -len(end)] for end in CASE_ENDINGS if word.text.endswith(end)]
    return [word.text] + [stem for stem in cut if len(stem) >= 3]


def _listed_name(
    text: str, words: list[_Word], index: int, spans: list[EntitySpan], language: str
) -> tuple[EntitySpan, int] | None:
    """The longest listed name starting at ``words[index]``, and its length in words."""
    after_title = index > 0 and _is_title(words[index - 1])
    for count in range(LONGEST_NAME, 0, -1):
        run = words[index : index + count]
        if len(run) < count or not _capitalised(run):
            continue
        if not all(_adjacent(text, a, b) for a, b in zip(run, run[1:], strict=False)):
            continue
        head = " ".join(w.text for w in run[:-1])
        for stem in _stems(run[-1]):
            key = name_key(f"{head} {stem}")
            found = _typed(key, run[0].opens or after_title)
            if found is None and key in _national_bodies():
                country = _country_before(text, words[index], spans) or HOME_COUNTRY[language]
                found = ("ORG", f"{_national_bodies()[key]} of {country}")
            if found is not None:
                start, end = run[0].start, run[-1].end
                entity_type, canonical = found
                return EntitySpan(start, end, entity_type, text[start:end], canonical), count
    return None


def _capitalised(run: list[_Word]) -> bool:
    """Whether words can be one name: capitalised at both ends, particles between."""
    inner = all(w.text[0].isupper() or w.text in PARTICLES for w in run[1:-1])
    return run[0].text[0].isupper() and run[-1].text[0].isupper() and inner


def _typed(key: str, place_doubtful: bool) -> tuple[str, str] | None:
    """The type and canonical of a listed name; a place only the lexicon lists is not
    taken where ``place_doubtful`` (opening a sentence or after a title)."""
    if key in _listed():
        return _listed()[key]
    person = known_canonical(key, "PERSON") or known_canonical(_english_letters(key), "PERSON")
    if person:
        return ("PERSON", person)
    place = None if place_doubtful or key in _titles() else _places().get(key)
    return ("PLACE", place) if place else None


def _english_letters(key: str) -> str:
    """A folded name with the letters English writes otherwise in the region's names:
    ``c`` is ``j`` (``Ceyhun``: Jeyhun), ``x`` is ``kh``, ``q`` is ``g``."""
    return re.sub(r"c(?!h)", "j", key).replace("x", "kh").replace("q", "g")


def _country_before(text: str, word: _Word, spans: list[EntitySpan]) -> str | None:
    if not spans or spans[-1].type != "PLACE" or text[spans[-1].end : word.start].strip():
        return None
    return spans[-1].canonical if spans[-1].canonical in lexicon().countries else None


def _person(text: str, words: list[_Word], index: int) -> tuple[EntitySpan, int] | None:
    """A name after a title, a given name and a surname, or a lone surname; with the
    number of words it takes."""
    word = words[index]
    if _is_title(word):
        return None
    following = words[index + 1] if index + 1 < len(words) else None
    two = following is not None and _adjacent(text, word, following) and _namelike(following)
    after_title = index > 0 and _adjacent(text, words[index - 1], word)
    # A given name opening a sentence needs a surname of the region after it ("Van
    # Gölü" is a lake).
    given = two and _is_given(word) and (not word.opens or _is_surname(following.text))
    if (after_title and _is_title(words[index - 1])) or given:
        run = [word, following] if two else [word]
        canonical = " ".join([*(w.text for w in run[:-1]), _surname(run[-1].text)])
        start, end = word.start, run[-1].end
        return EntitySpan(start, end, "PERSON", text[start:end], canonical), len(run)
    if _is_surname(word.text):
        # A surname opening a sentence needs the text's full name to count.
        canonical = _OPENING if word.opens else ""
        return EntitySpan(word.start, word.end, "PERSON", word.text, canonical), 1
    return None


def _is_title(word: _Word) -> bool:
    return name_key(word.text) in _titles()


def _is_given(word: _Word) -> bool:
    return not word.marked and name_key(word.text) in _given_names()


def _namelike(word: _Word) -> bool:
    """A capitalised word that is no title and no listed name of a place or body."""
    if not word.text[0].isupper() or _is_title(word):
        return False
    listed = (_typed(name_key(stem), False) for stem in _stems(word))
    return all(found is None or found[0] == "PERSON" for found in listed)


def _is_surname(word: str) -> bool:
    return len(word) >= _MIN_SURNAME and any(pattern.match(word) for pattern in _SURNAMES)


def _surname(word: str) -> str:
    """A surname without the case ending glued to it (``Məmmədovun`` -> ``Məmmədov``)."""
    if len(word) < _MIN_SURNAME:
        return word
    for pattern in _SURNAMES:
        match = pattern.match(word)
        if match:
            return match.group("stem")
    return word


def _named(span: EntitySpan, full_names: dict[str, str]) -> EntitySpan:
    """A lone surname under the full name the text gives it, else as written."""
    if span.canonical and span.canonical != _OPENING:
        return span
    surname = _surname(span.text)
    fallback = _OPENING if span.canonical else surname
    canonical = full_names.get(name_key(surname)) or fallback
    return EntitySpan(span.start, span.end, span.type, span.text, canonical)
