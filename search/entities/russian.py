"""People and places in Russian text, from a gazetteer and cues (no model).

The English extractor finds no names in Cyrillic, so a Russian article gets its own
pass over its capitalised Cyrillic words:

* a place is a word whose Russian stem is one of the region's places and capitals
  (:data:`PLACES`, in any case: ``в Москве``, ``Армении``), or a capitalised word after
  ``в``/``во``/``из``/``под``/``около`` that is not shaped like a surname
  (``в Брюсселе``);
* a person is a surname-shaped word (``-ов``, ``-ев``, ``-ин``, ``-ян``, ``-ский``,
  ``-швили``, ``-дзе``, ``-енко``, ``-оглу``..., in any case) or a listed name, with the
  given name before it when that is a known given name (``Ильхамом Алиевым``). A word
  opening a sentence counts only when it is a listed name or a given name and surname.

Canonical names are the lexicon's when the name, folded, is listed (``Ильхам Алиев`` is
Ilham Aliyev, see :mod:`search.entities.spellings`); a surname alone takes the canonical
name of the full name the same text gives it, and is otherwise kept as written in the
nominative (``Алиевым`` -> ``Алиев``): two Aliyevs are listed, and the text must say
which.
"""

from __future__ import annotations

import re
from functools import cache

import snowballstemmer

from search.entities.lexicon import lexicon
from search.entities.spellings import known_canonical, name_key
from search.language.folding import fold
from search.models.articles import EntitySpan

# Russian names of the region's places and the capitals the news names, by canonical.
PLACES = {
    "Москва": "Moscow",
    "Россия": "Russia",
    "Армения": "Armenia",
    "Азербайджан": "Azerbaijan",
    "Турция": "Turkey",
    "Грузия": "Georgia",
    "Иран": "Iran",
    "Украина": "Ukraine",
    "Казахстан": "Kazakhstan",
    "Китай": "China",
    "Франция": "France",
    "Германия": "Germany",
    "Европа": "Europe",
    "Брюссель": "Brussels",
    "Ереван": "Yerevan",
    "Баку": "Baku",
    "Тбилиси": "Tbilisi",
    "Анкара": "Ankara",
    "Стамбул": "Istanbul",
    "Карабах": "Karabakh",
    "Нахичевань": "Nakhchivan",
    "Гянджа": "Ganja",
    "Шуша": "Shusha",
    "Степанакерт": "Stepanakert",
    "Сюник": "Syunik",
    "Вашингтон": "Washington",
    "Париж": "Paris",
    "Берлин": "Berlin",
    "Лондон": "London",
    "Пекин": "Beijing",
    "Сочи": "Sochi",
    "Минск": "Minsk",
    "Киев": "Kyiv",
    "Алма-Ата": "Almaty",
    "Астана": "Astana",
}
ABBREVIATED_PLACES = {"США": "United States", "РФ": "Russia", "ЕС": "European Union"}

_WORD = re.compile(r"[А-ЯЁA-Z]?[а-яёА-ЯЁ]+(?:-[А-ЯЁ]?[а-яё]+)?")
_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ян|янц)(?:а|у|ым|ом|е)?$"
    r"|(?:ова|ева|ина)(?:й|ю)?$"
    r"|(?:ский|цкий|ского|скому|ским|ском|швили|дзе|енко|оглу|заде)$"
)
_GIVEN_CASE = re.compile(r"(ом|ым|ем|ой|у|а|е|ю|я)$")
_PLACE_CUES = frozenset({"в", "во", "из", "под", "около", "до", "через"})
_SENTENCE_END = re.compile(r"(?:^|[.!?…:\n«\"—]\s*)$")

_russian = snowballstemmer.stemmer("russian").stemWord
# A surname opening a sentence, kept only if the text names its bearer in full.
_OPENING = "\x00"


@cache
def _place_stems() -> dict[str, str]:
    return {_russian(name.lower()): canonical for name, canonical in PLACES.items()}


def russian_entities(text: str) -> list[EntitySpan]:
    """PERSON and PLACE mentions in the Cyrillic words of ``text``, in text order.

    Args:
        text: An article body (offsets point into it unchanged).

    Returns:
        Non-overlapping spans.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    spans: list[EntitySpan] = []
    full_names: dict[str, str] = {}  # surname key -> canonical, from full names so far
    index = 0
    while index < len(words):
        start, end, word = words[index]
        if not word[0].isupper() or not _cyrillic(word):
            index += 1
            continue
        place = _place(word, words[index - 1][2] if index else "")
        opens = _SENTENCE_END.search(text, 0, start) is not None
        following = words[index + 1] if index + 1 < len(words) else None
        adjacent = following is not None and text[end : following[0]].strip() == ""
        if place and not (adjacent and _is_surname(following[2])):
            spans.append(EntitySpan(start, end, "PLACE", word, place))
            index += 1
            continue
        if adjacent and _is_given(word) and _is_surname(following[2]):
            nominative = _nominative(word, following[2])
            canonical = known_canonical(nominative, "PERSON") or nominative
            full_names[name_key(_nominative_surname(following[2]))] = canonical
            spans.append(
                EntitySpan(start, following[1], "PERSON", text[start : following[1]], canonical)
            )
            index += 2
            continue
        listed = known_canonical(_nominative_surname(word), "PERSON")
        if listed or _is_surname(word):
            # A surname opening a sentence needs the text's full name to count.
            canonical = listed or ("" if not opens else _OPENING)
            spans.append(EntitySpan(start, end, "PERSON", word, canonical))
        index += 1
    named = (_named(span, full_names) for span in spans)
    return [span for span in named if span.canonical != _OPENING]


def _named(span: EntitySpan, full_names: dict[str, str]) -> EntitySpan:
    """A lone surname under the full name the text gives it, anywhere in the text."""
    if span.canonical and span.canonical != _OPENING:
        return span
    surname = _nominative_surname(span.text)
    fallback = surname if span.canonical != _OPENING else _OPENING
    canonical = full_names.get(name_key(surname)) or fallback
    return EntitySpan(span.start, span.end, span.type, span.text, canonical)


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


def _place(word: str, before: str) -> str | None:
    if word in ABBREVIATED_PLACES:
        return ABBREVIATED_PLACES[word]
    found = _place_stems().get(_russian(word.lower()))
    if found:
        return found
    if before.lower() in _PLACE_CUES and not _is_surname(word) and not word.isupper():
        return known_canonical(word, "PLACE") or word
    return None


def _is_surname(word: str) -> bool:
    return word[:1].isupper() and len(word) > 3 and _SURNAME.search(word.lower()) is not None


@cache
def _given_names() -> frozenset[str]:
    return frozenset(name.lower() for name in lexicon().given_names)


def _is_given(word: str) -> bool:
    """A known given name in any case (``Ильхамом``: Ilham)."""
    folded = fold(word).replace("kh", "h")
    names = _given_names()
    if folded in names:
        return True
    cut = fold(_GIVEN_CASE.sub("", word.lower())).replace("kh", "h")
    return len(cut) > 2 and cut in names


def _nominative_surname(word: str) -> str:
    lower = word.lower()
    cut = re.sub(r"(ов|ев|ёв|ин|ын|ян|янц)(а|у|ым|ом|е)$", r"\1", lower)
    return cut[:1].upper() + cut[1:]


def _nominative(given: str, surname: str) -> str:
    lower = given.lower()
    if fold(lower).replace("kh", "h") not in _given_names():
        lower = _GIVEN_CASE.sub("", lower)
    return f"{lower[:1].upper()}{lower[1:]} {_nominative_surname(surname)}"
