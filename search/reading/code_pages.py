"""Which legacy code page a text file is in, judged by how plausible its letters are.

Statistical detectors need a few hundred bytes of evidence; an analyst's folder is
full of one-line notes and headlines, where they take cp1251 Russian for Mac Cyrillic
("ћинистр") or Turkish for Latin-1 ("Dýþiþleri"). Here every single-byte code page of
the Western, Central European, Cyrillic, Greek and Turkish families is tried on the
bytes above 127 (the only ones they disagree on), and each reading is scored against
the letters of the languages written in it:

* each character read is worth the log of how often that letter is used in the
  language (from the letters of each alphabet in order of frequency); letters the
  language does not use, symbols and control characters cost much more;
* a lower-case letter followed by a capital inside a word, and a word mixing scripts
  ("nйgociations"), are penalised: a wrong Cyrillic code page swaps the cases, a wrong
  family puts foreign letters inside words;
* a letter standing alone that is no one-letter word ("č" for Italian "è") is
  penalised too;
* Cyrillic and Greek readings pay a little for every ASCII letter, so a stray "£" in
  English stays a pound sign rather than becoming a Serbian "Ј".

The best reading wins, the rarer code pages paying a small prior; so ties go to the
more common code page (cp1252 before latin-1, cp1253 before iso-8859-7), which read
those bytes the same anyway. Everything works on
a byte histogram and a byte-to-class translation, so no candidate is ever decoded.
When even the best reading is mostly implausible (Arabic, Hebrew, CJK), :func:`best`
returns None and the caller asks a general detector.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import cache

# Each with how much rarer it is in news text than the most common ones (in nats): a
# one-letter doubt ("è" or "č") goes to the common code page, and of two code pages
# that read the bytes alike (cp1252 and latin-1), the common one is named.
CANDIDATES = {
    "cp1252": 0.0,
    "cp1251": 0.0,
    "cp1250": -0.5,
    "cp1254": -1.0,
    "cp1253": -1.0,
    "koi8_r": -1.0,
    "latin_1": -0.5,
    "koi8_u": -2.0,
    "iso8859_2": -2.0,
    "iso8859_9": -2.0,
    "iso8859_7": -2.0,
    "cp1256": -2.0,
    "cp1255": -2.0,
    "iso8859_5": -3.0,
    "iso8859_15": -3.0,
    "cp866": -3.0,
    "mac_cyrillic": -3.0,
    "cp1257": -3.0,
}

# Letters beyond ASCII of each language, most frequent first, and the share of all its
# letters they make up. Cyrillic and Greek alphabets are whole (share 1).
_LANGUAGES = {
    "russian": ("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё", 1.0),
    "ukrainian": ("оанвіиретскулдмпязьбгчйхцюжшєїфщґ", 1.0),
    "belarusian": ("аонеыірсктдлвумпязьбгчцшйжхўюэфё", 1.0),
    "bulgarian": ("оаиетнврслкдпмзяубгъчшжхцйющьф", 1.0),
    "serbian": ("аиоенсртјувкдлпмзгбчшцњћљжхђџф", 1.0),
    "macedonian": ("аеоинтрсвдкјлпмузгбчшцњжѓќљхѕџф", 1.0),
    "greek": ("αοιετσνηυρπκμλςωγδόίάέθχφβήύώξζψϊΐϋΰ", 1.0),
    "turkish": ("ışçğüöâîû", 0.09),
    "polish": ("ąęółśżćńź", 0.08),
    "czech": ("áíéýěčřžšůúťďňó", 0.10),
    "slovak": ("áíéýčžšôúľťďňäóŕĺ", 0.10),
    "hungarian": ("éáöőóüíúű", 0.09),
    "romanian": ("ăşţîâ", 0.09),
    "croatian": ("čšžćđ", 0.05),
    "german": ("üäöß", 0.02),
    "french": ("éèàêçôîûùâïëœ", 0.08),
    "spanish": ("óíáéñúü", 0.05),
    "portuguese": ("ãçéáóíêõâúôà", 0.04),
    "italian": ("àèéìòù", 0.03),
    "nordic": ("äåöøæé", 0.03),
    "lithuanian": ("ėįšųūžčąę", 0.07),
    "latvian": ("āīēšūņļķžčģ", 0.10),
    "estonian": ("äõüöšž", 0.05),
    # Read so that Arabic and Hebrew files are not taken for Greek or Cyrillic.
    "arabic": ("اليمونرتبعهدسفكقةحجشصىطخضزثءذغظأإآؤئ", 1.0),
    "hebrew": ("יוהרלמאתבשענדכקחפםסגןזטצךףץ", 1.0),
}
# Punctuation and signs common in news text of any language (and no-break space).
_PUNCTUATION = frozenset("«»„“”‘’‚‹›—–…•·№€£¥§°©®™×±¿¡\u00a0\u00ad")
_CAPITAL = 0.3  # a capital is rarer than its small letter
_PUNCTUATION_WEIGHT = -4.0
_FOREIGN = -12.0  # a letter the language does not use, or an odd symbol
_CONTROL = -16.0
_PATTERN = -6.0  # per case flip or script change inside a word
_ASCII_IN_NON_LATIN = -0.5  # per ASCII letter, for Cyrillic and Greek languages
# Below this mean weight per byte above 127 (plus the log of the language's share of
# letters beyond ASCII), no reading is plausible: CJK read byte by byte scores -6 to -8.
_PLAUSIBLE = -4.5
_SAMPLE = 256 * 1024  # for the letter counts
_WORDS_SAMPLE = 16 * 1024  # for the patterns within words

# The word patterns are counted as two-byte strings in the sample translated to
# classes (``bytes.count`` is far faster than a regular expression): by case, "a" small
# and "A" capital letters; by script, "l" Latin, "c" Cyrillic, "g" Greek, "h" Hebrew or
# Arabic, "o" another script, "'" the apostrophe "’", "." anything else.
_CASE_FLIP = (b"aA",)
_SCRIPTS = b"lcgho"
_SCRIPT_CHANGE = tuple(bytes((x, y)) for x in _SCRIPTS for y in _SCRIPTS if x != y)
# An apostrophe follows a letter ("don’t"); one starting a word is a misread letter
# (cp1253 "Ά" read as iso-8859-7 "’").
_APOSTROPHE_FIRST = tuple(b".'" + bytes((x,)) for x in _SCRIPTS)
_SCRIPT_OF = {"LATIN": "l", "CYRILLIC": "c", "GREEK": "g", "HEBREW": "h", "ARABIC": "h"}
# A byte above 127 standing alone between spaces or punctuation: a one-letter word.
_LONE = re.compile(rb"(?<![A-Za-z\x80-\xff])[\x80-\xff](?![A-Za-z\x80-\xff])")
# The one-letter words beyond ASCII (Italian "è", French "à", Russian "в", Greek "ο",
# Arabic "و"); any other letter alone is a misread one (cp1250 "č" for cp1252 "è").
_LONE_LETTERS = frozenset("àèéòùóвскиаоуяіўοηήωو")
_LONE_LETTER = -6.0
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_HIGH = bytes(range(128, 256))
_ASCII = bytes(range(128))


def best(data: bytes) -> str | None:
    """The single-byte code page whose reading of ``data`` is most plausible.

    Args:
        data: bytes that are not UTF-8 (at least one byte above 127).

    Returns:
        A Python codec name from :data:`CANDIDATES`, or None when no reading looks
        like text in a language those code pages are made for.
    """
    sample = data[:_SAMPLE]
    high = sample.translate(None, _ASCII)
    if not high:
        return None
    counts = {byte: high.count(byte) for byte in set(high)}
    words = sample[:_WORDS_SAMPLE]
    lone = Counter(_LONE.findall(words))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    bases = []
    for name, prior in CANDIDATES.items():
        table = _table(name)
        if any(table.chars[byte - 128] == "\ufffd" for byte in counts):
            continue  # a byte this code page does not define
        score, share = _letters_score(table, counts, ascii_letters)
        score += prior + _LONE_LETTER * sum(
            count for byte, count in lone.items() if table.odd_alone[byte[0] - 128]
        )
        bases.append((score, share, name, table))
    # The word patterns only lower a score: once a reading's score before them cannot
    # beat the best so far, neither can any after it (usually two or three are counted).
    bases.sort(key=lambda base: -base[0])
    best_name, best_score, best_share = None, -math.inf, 1.0
    for score, share, name, table in bases:
        if score <= best_score + 1e-9:
            break
        cases = words.translate(table.cases)
        scripts = b"." + words.translate(table.scripts)
        flips = sum(cases.count(pattern) for pattern in _CASE_FLIP) + sum(
            scripts.count(pattern) for pattern in _SCRIPT_CHANGE + _APOSTROPHE_FIRST
        )
        score += _PATTERN * flips
        if score > best_score + 1e-9:
            best_name, best_score, best_share = name, score, share
    # Judged against the language's own scale: accents are a small share of Latin text.
    if best_name is None or best_score < (_PLAUSIBLE + math.log(best_share)) * len(high):
        return None
    return best_name


def _letters_score(
    table: _Table, counts: dict[int, int], ascii_letters: int
) -> tuple[float, float]:
    """The best, over the languages, of the summed weights of the characters read,
    and the share of its letters that language writes beyond ASCII."""
    best_score, best_share = -math.inf, 1.0
    for language, weights in table.weights.items():
        score = sum(weights[byte - 128] * count for byte, count in counts.items())
        share = _LANGUAGES[language][1]
        if share == 1.0:
            score += _ASCII_IN_NON_LATIN * ascii_letters
        if score > best_score:
            best_score, best_share = score, share
    return best_score, best_share


class _Table:
    """One code page's reading of the bytes above 127: characters, classes, weights."""

    def __init__(self, name: str) -> None:
        self.chars = _HIGH.decode(name, errors="replace")
        chars = [chr(byte) for byte in range(128)] + list(self.chars)
        self.cases = bytes(ord(_case_of(char)) for char in chars)
        self.scripts = bytes(ord(_script_of(char)) for char in chars)
        self.odd_alone = [
            char.isalpha() and char.lower() not in _LONE_LETTERS for char in self.chars
        ]
        # Only the languages this code page is made for: most of their letters in it.
        self.weights = {
            language: [_weight(char, language) for char in self.chars]
            for language, (letters, _share) in _LANGUAGES.items()
            if sum(letter in self.chars for letter in letters) >= 0.6 * len(letters)
        }


@cache
def _table(name: str) -> _Table:
    return _Table(name)


def _case_of(char: str) -> str:
    if char.islower():
        return "a"
    return "A" if char.isupper() else "."


def _script_of(char: str) -> str:
    if char == "’":
        return "'"
    if not char.isalpha():
        return "."
    try:
        return _SCRIPT_OF.get(unicodedata.name(char).split()[0], "o")
    except ValueError:
        return "o"


@cache
def _frequencies(language: str) -> dict[str, float]:
    """log p(letter) for the language's letters beyond ASCII, falling off by rank.

    A geometric fall from the first to the last letter by a factor of half the number
    of letters fits the measured frequencies well enough: 16 for Russian (о 11 %,
    ф 0.3 %), 2.5 for the five letters of Croatian.
    """
    letters, share = _LANGUAGES[language]
    fall = math.log(max(2.0, len(letters) / 2)) / len(letters)
    ranks = [math.exp(-fall * rank) for rank in range(len(letters))]
    total = sum(ranks)
    return {letter: math.log(share * r / total) for letter, r in zip(letters, ranks, strict=True)}


def _weight(char: str, language: str) -> float:
    frequencies = _frequencies(language)
    if char in frequencies:
        return frequencies[char]
    lower = char.lower()
    if char == "İ" and language == "turkish":
        return math.log(0.08) - _CAPITAL  # the capital of Turkish dotted "i"
    if lower != char and lower in frequencies:
        return frequencies[lower] - _CAPITAL
    if char in _PUNCTUATION:
        return _PUNCTUATION_WEIGHT
    if unicodedata.category(char) in ("Cc", "Co", "Cn"):
        return _CONTROL
    return _FOREIGN
