"""The folded form of a word: one Latin spelling for every way the region writes it.

``Aliyev``, ``Aliev``, ``Əliyev``, ``Алиев`` and ``Алиева`` all fold to ``aliev``;
``Pashinyan``, ``Paşinyan`` and ``Пашинян`` to ``pashinyan``; ``Türkiye``, ``Turkiye``
and ``Turkey`` to ``turkiye``. In order:

1. Cyrillic is transliterated by the Wikipedia romanisation of Russian (the ``iuliia``
   schema ``WIKIPEDIA``: ``Алиев`` → ``aliyev``, ``Ильхам`` → ``ilkham``), after the
   case ending of a surname is cut (``Алиевым``, ``Алиева`` → ``Алиев``; ``Пашиняна``
   → ``Пашинян``). Armenian is transliterated by the BGN/PCGN 1981 romanisation of
   Eastern Armenian (``Փաշինյան`` → ``pashinyan``), after its article or case ending
   is cut (``Փաշինյանը``, ``Ալիևի``).
2. The letters of Azerbaijani and Turkish take the spellings English uses for the
   region's names: ``ə`` → ``a`` (``Məmmədov`` → ``mammadov``), ``ş`` → ``sh``, ``ç`` →
   ``ch``, ``ğ`` → ``g``, ``ı`` → ``i``, ``x`` stays; any other accent is dropped
   (``ü`` → ``u``).
3. Variant spellings of one name meet: ``-yev`` is ``-ev`` (``Aliyev``, ``Aliev``), and
   a few names the region writes in several ways are one (:data:`NAME_VARIANTS`).
"""

from __future__ import annotations

import re
import unicodedata

from search.language.scripts import ARMENIAN, CYRILLIC, script_of

# Folded spellings of one name, to the spelling they are indexed under.
NAME_VARIANTS = {
    "turkey": "turkiye",
    "azarbaycan": "azerbaijan",
    "azerbaycan": "azerbaijan",
    "baki": "baku",
    "ilkham": "ilham",
    "gyumri": "gumri",
}

# A Russian surname in -ев/-ов/-ин/-ян followed by a case ending. The genitive -а is
# cut too ("визит Алиева", far more common in the news than the feminine Алиева).
_SURNAME_CASE = re.compile(r"(?<=..)(ев|ёв|ов|ин|ын|ян|ан)(а|у|ым|ом|е|ой|ых|ыми)$")

# An Armenian name's article or case ending (Փաշինյանը, Ալիևի, Բրյուսելում).
# (Not -ն: it ends the names in -յան.)
_ARMENIAN_CASE = re.compile(r"(?<=...)(ը|ի|ից|ով|ում)$")

_TURKIC_LETTERS = str.maketrans(
    {"ə": "a", "ş": "sh", "ç": "ch", "ğ": "g", "ı": "i", "İ": "i", "ö": "o", "ü": "u"}
)

# BGN/PCGN 1981, Eastern Armenian (lower case; ու is one vowel, և is "yev").
_ARMENIAN = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y",
    "թ": "t", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
    "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
    "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
    "ց": "ts", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "yev",
}  # fmt: skip
_VOWELS = "աեէըիոօ"


def may_be_spelt_otherwise(word: str) -> bool:
    """Whether a lower-case word can have another spelling (an ASCII word only when it
    is a name variant that folding changes, such as ``aliyev``)."""
    return not word.isascii() or "yev" in word or word in NAME_VARIANTS


def fold(word: str) -> str:
    """The folded form of one word (see the module docstring).

    Args:
        word: A word as the tokenizer cut it, in any case.

    Returns:
        Its folded form: lower-case ASCII letters and digits.
    """
    lower = word.lower()
    script = script_of(lower)
    if script == CYRILLIC:
        # Imported by the first Cyrillic word: a search in English never loads it.
        from iuliia import WIKIPEDIA

        lower = _SURNAME_CASE.sub(r"\1", lower)
        lower = WIKIPEDIA.translate(lower).lower()
    elif script == ARMENIAN:
        lower = _armenian_latin(_ARMENIAN_CASE.sub("", lower))
    folded = _plain_latin(lower.translate(_TURKIC_LETTERS))
    folded = folded.replace("yev", "ev")
    return NAME_VARIANTS.get(folded, folded)


def _armenian_latin(word: str) -> str:
    out = []
    for index, char in enumerate(word):
        if char == "ւ" and index and word[index - 1] == "ո":
            out[-1] = "u"  # ու is one vowel
            continue
        latin = _ARMENIAN.get(char, char)
        if char == "ե" and (index == 0 or word[index - 1] in _VOWELS):
            latin = "ye"  # initial or after a vowel
        if char == "ո" and index == 0 and not word.startswith("ու"):
            latin = "vo"
        out.append(latin)
    return "".join(out)


def _plain_latin(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
