"""A typed word searching every spelling and inflection the index holds for it.

The index stems each word by its alphabet and its article's language and keeps the
folded spelling of body words beside them (:mod:`search.index.folded_field`). A query
does not know its language, so a word typed on its own becomes, besides its own term:

* with a letter of the Turkish or Azerbaijani alphabet, its Turkish stem too
  (``görüşmelerde`` finds ``görüşmeler``, see
  :func:`search.language.stemming.query_stems`);
* in the body, its folded form in the folded field (``Алиев`` finds ``Aliyev``) and, when
  folding changed it, the folded form as an ordinary word (``Алиев`` finds ``Aliev``);
* in a name field (``person:Алиев``), its folded form, which the index keeps beside each
  word of a name;
* in the title and the body, the spellings of it the corpus uses
  (:mod:`search.query.other_spellings`: ``Aliev`` finds the title ``Алиев и Пашинян``,
  ``gorusmeler`` finds ``görüşmeler``).

A phrase (with a corpus's spellings at hand) becomes the phrase as typed or'ed with the
phrase in its words' Turkish stems and other spellings (``"Ilham Aliev"`` finds
``İlham Əliyev`` and ``Ильхам Алиев``), alphabet by alphabet, at most
:data:`MAX_PHRASE_SPELLINGS` an alphabet, those changing the fewest words first.

The other spellings weigh :data:`OTHER_SPELLING_WEIGHT` of the word itself (its Turkish
stem, the same spelling, weighs as much as the word), so an article with the spelling
typed ranks first.
"""

from __future__ import annotations

import heapq
import re

from whoosh import query as wq

from search.language.folding import fold
from search.language.scripts import script_of
from search.language.stemming import STOP_WORDS_ALL, query_stems, stem
from search.query.other_spellings import OtherSpellings

FOLDED_FIELDS = {"body": "body_folded"}
# Name fields index each word's folded spelling beside it (search.index.schema).
NAME_FIELDS = ("person", "org", "place")
OTHER_SPELLING_WEIGHT = 0.5
# Phrases searched for one typed phrase in other spellings (each costs a phrase lookup).
MAX_PHRASE_SPELLINGS = 16

_ONE_WORD = re.compile(r"\w+")


def any_spelling(
    found: wq.Query | None,
    field: str | None,
    text: str,
    schema,
    others: OtherSpellings | None = None,
) -> wq.Query | None:
    """``found`` (the query for ``text`` as one term of ``field``) or'ed with the other
    spellings of the word.

    Args:
        found: What the field's analyzer made of the text.
        field: The field searched (``title``, ``body`` and the name fields have other
            spellings).
        text: The word as typed.
        schema: The index's schema (an index without a folded field has no folded terms).
        others: The corpus's spellings (None: only the stems and the folded field).

    Returns:
        ``found`` alone when the text is not one word or has no other spelling.
    """
    if type(found) is not wq.Term:
        return found
    if field in NAME_FIELDS:
        folded = fold(found.text)
        if folded == found.text:
            return found
        return wq.Or([found, wq.Term(field, folded, boost=found.boost * OTHER_SPELLING_WEIGHT)])
    if field not in ("title", "body"):
        return found
    word = text.strip().lower()
    if not _ONE_WORD.fullmatch(word) or word in STOP_WORDS_ALL:
        return found
    seen = {(field, found.text)}
    more: list[wq.Query] = []
    weight = found.boost * OTHER_SPELLING_WEIGHT

    def add(fieldname: str, term: str, boost: float = weight) -> None:
        if term and (fieldname, term) not in seen:
            seen.add((fieldname, term))
            more.append(wq.Term(fieldname, term, boost=boost))

    for term in query_stems(word)[1:]:
        add(field, term, found.boost)  # the spelling typed, as a Turkish article stems it
    folded_field = FOLDED_FIELDS.get(field)
    if folded_field in schema:
        key = fold(word)
        add(folded_field, key)
        if key != word:
            add(field, stem(key))
    if others is not None:
        for term in others.terms(word):
            add(field, term)
    return wq.Or([found, *more]) if more else found


def any_phrase_spelling(
    phrase: wq.Phrase, typed: list[str], others: OtherSpellings | None
) -> wq.Query:
    """A phrase or'ed with the phrase in the corpus's other spellings of its words.

    An article writes a phrase in one alphabet, so the other spellings are combined
    alphabet by alphabet (``Ильхам Алиев``, ``İlham Əliyev``, ``Իլհամ Ալիևի``), a word
    without a spelling in an alphabet keeping its own; at most
    :data:`MAX_PHRASE_SPELLINGS` phrases an alphabet, those changing the fewest words
    first.

    Args:
        phrase: The phrase as the field's analyzer cut it.
        typed: Each of its words as typed (one per word of the phrase).
        others: The corpus's spellings (None: the phrase alone).

    Returns:
        ``phrase`` alone when none of its words has another spelling.
    """
    if others is None or not phrase.words:
        return phrase
    own = [set(query_stems(word.lower())) for word in typed]
    spellings = [
        [*query_stems(word.lower())[1:], *others.terms(word)]
        if word.lower() not in STOP_WORDS_ALL
        else []
        for word in typed
    ]
    alphabets = dict.fromkeys(script_of(term) for terms in spellings for term in terms)
    seen = {tuple(phrase.words)}
    spelt = []
    for alphabet in alphabets:
        choices = [
            [first, *(t for t in terms if t != first and script_of(t) == alphabet)]
            for first, terms in zip(phrase.words, spellings, strict=True)
        ]
        for words in _fewest_changes(choices, MAX_PHRASE_SPELLINGS + 1):
            if tuple(words) in seen:
                continue
            seen.add(tuple(words))
            # Only the typed words' own stems (a Turkish article's): the spelling typed.
            typed_only = all(word in stems for word, stems in zip(words, own, strict=True))
            weight = phrase.boost * (1.0 if typed_only else OTHER_SPELLING_WEIGHT)
            spelt.append(wq.Phrase(phrase.fieldname, words, slop=phrase.slop, boost=weight))
    return wq.Or([phrase, *spelt]) if spelt else phrase


def _fewest_changes(choices: list[list[str]], limit: int) -> list[list[str]]:
    """Up to ``limit`` ways to pick one word of each list, the first words first: those
    picking the fewest and earliest (most used) other words come before the rest."""
    start = (0,) * len(choices)
    waiting, seen, picked = [(0, start)], {start}, []
    while waiting and len(picked) < limit:
        _, at = heapq.heappop(waiting)
        picked.append([words[i] for words, i in zip(choices, at, strict=True)])
        for place, words in enumerate(choices):
            if at[place] + 1 < len(words):
                step = (*at[:place], at[place] + 1, *at[place + 1 :])
                if step not in seen:
                    seen.add(step)
                    heapq.heappush(waiting, (sum(step) + sum(map(bool, step)), step))
    return picked


def known_in_another_spelling(reader, word: str, others: OtherSpellings | None = None) -> bool:
    """Whether the index holds a word under a stem or a spelling of :func:`any_spelling`
    (so "did you mean" leaves ``Aliev``, ``görüşmeler`` and ``gorusmeler`` alone).

    Args:
        reader: An open index reader.
        word: One word as typed.
        others: The corpus's spellings (None: only the stems and the folded field).
    """
    lower = word.strip().lower()
    if not _ONE_WORD.fullmatch(lower):
        return False
    if others is not None and others.knows(lower):
        return True
    key = fold(lower)
    stems = [*query_stems(lower)[1:], stem(key)]
    return ("body_folded", key) in reader or any(
        ("body", term) in reader or ("title", term) in reader for term in stems
    )
