"""The language an article is written in, told offline at index time.

The detector is py3langid (langid.py's Naive Bayes model over byte n-grams, shipped in
the package: nothing is downloaded), kept to the languages a reader of the region meets
(:data:`LANGUAGES`), which makes it both surer and faster. It reads the title and the
start of the body only (:data:`SAMPLE_CHARS`): a language shows in a few sentences,
and the cost would otherwise grow with the article. Chosen over lingua (accurate on
short texts, but models of hundreds of megabytes to load), langdetect (unmaintained
since 2021, and random unless seeded) and fastText's detector (its model is a download).

Most articles of an English corpus never reach the model: a sample in plain ASCII (at
most one letter in a hundred outside it) in which English function words are at least
:data:`ENGLISH_SHARE` of the words is English, and so is one of fewer than
:data:`FEW_WORDS` words (a headline and a line of names would look like anything to the
model). Russian, Turkish, Azerbaijani and the other
languages with letters of their own are not looked for in plain ASCII: their press
writes them in their own letters. On the 2,225 BBC news articles the check answers every
one (about 21,000 articles a second, against about 1,000 through the model).
"""

from __future__ import annotations

import re
from functools import cache

# The region's languages, the languages of its news agencies and their neighbours'.
LANGUAGES = ("en", "ru", "tr", "az", "hy", "ka", "uk", "fa", "ar", "de", "fr", "es", "it")
# Languages whose press never writes them in plain ASCII.
OWN_LETTERS = frozenset({"ru", "tr", "az", "hy", "ka", "uk", "fa", "ar"})
SAMPLE_CHARS = 1000
ENGLISH_SHARE = 0.12
# Too few words to tell a language by: a plain ASCII text this short is English.
FEW_WORDS = 30

# Past this share of letters outside ASCII a text is not plain English ("£", "café" and
# "Zürich" are not enough).
FOREIGN_SHARE = 0.01

_WORD = re.compile(r"[A-Za-z']+")
_FOREIGN_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "it",
        "be",
        "at",
        "from",
        "has",
        "have",
        "are",
        "were",
        "said",
        "this",
        "but",
        "not",
        "an",
        "which",
        "will",
        "their",
        "they",
        "he",
        "she",
        "his",
        "its",
        "been",
        "would",
        "who",
    ]
)


def detect_language(title: str, body: str) -> str:
    """The two-letter code (ISO 639-1) of the language an article is written in.

    Args:
        title: The article's title.
        body: Its text.

    Returns:
        A code from :data:`LANGUAGES`; ``en`` for an article without words.
    """
    sample = f"{title}\n{body[:SAMPLE_CHARS]}"
    # A sample in plain ASCII has no letter outside it, without looking.
    foreign = 0 if sample.isascii() else len(_FOREIGN_LETTER.findall(sample))
    if foreign > FOREIGN_SHARE * len(sample):
        return _identifier(everyone=True).classify(sample)[0]
    words = _WORD.findall(sample.lower())
    if len(words) < FEW_WORDS:
        return "en"
    english = sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS)
    if english >= ENGLISH_SHARE * len(words):
        return "en"
    return _identifier(everyone=False).classify(sample)[0]


def _identifier(*, everyone: bool):
    """The model kept to every language of :data:`LANGUAGES`, or to those not written in
    their own letters only (a plain ASCII text is not Turkish or Azerbaijani)."""
    return _identifiers()[everyone]


@cache
def _identifiers() -> dict[bool, object]:
    """Both restricted models, loaded once (about a second) and only when an article
    needs one.

    They share the model's tables and each keeps the scores of its own languages only:
    py3langid's own restriction keeps the scores of all its 142 languages (28 MB) beside
    them, in each build worker that meets an article the quick check cannot answer.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    scores, priors, classes, moves, rows, features = load_model(MODEL_DIR / MODEL_FILE)
    identifiers = {}
    for everyone in (True, False):
        chosen = set(LANGUAGES) if everyone else set(LANGUAGES) - OWN_LETTERS
        kept = [number for number, code in enumerate(classes) if code in chosen]
        identifiers[everyone] = LanguageIdentifier(
            scores[:, kept],
            priors[kept],
            [classes[number] for number in kept],
            moves,
            features,
            tk_row=rows,
        )
    return identifiers
