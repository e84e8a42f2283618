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
  word of a name.

The other spellings weigh :data:`OTHER_SPELLING_WEIGHT` of the word itself, so an
article with the spelling typed ranks first.
"""

from __future__ import annotations

import re

from whoosh import query as wq

from search.language.folding import fold
from search.language.stemming import STOP_WORDS_ALL, query_stems, stem

FOLDED_FIELDS = {"body": "body_folded"}
# Name fields index each word's folded spelling beside it (search.index.schema).
NAME_FIELDS = ("person", "org", "place")
OTHER_SPELLING_WEIGHT = 0.5

_ONE_WORD = re.compile(r"\w+")


def any_spelling(found: wq.Query | None, field: str | None, text: str, schema) -> wq.Query | None:
    """``found`` (the query for ``text`` as one term of ``field``) or'ed with the other
    spellings of the word.

    Args:
        found: What the field's analyzer made of the text.
        field: The field searched (``title``, ``body`` and the name fields have other
            spellings).
        text: The word as typed.
        schema: The index's schema (an index without a folded field has no folded terms).

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
    others: list[wq.Query] = []
    weight = found.boost * OTHER_SPELLING_WEIGHT

    def add(fieldname: str, term: str) -> None:
        if term and (fieldname, term) not in seen:
            seen.add((fieldname, term))
            others.append(wq.Term(fieldname, term, boost=weight))

    for term in query_stems(word)[1:]:
        add(field, term)
    folded_field = FOLDED_FIELDS.get(field)
    if folded_field in schema:
        key = fold(word)
        add(folded_field, key)
        if key != word:
            add(field, stem(key))
    return wq.Or([found, *others]) if others else found


def known_in_another_spelling(reader, word: str) -> bool:
    """Whether the index holds a word under a stem or a spelling of :func:`any_spelling`
    (so "did you mean" leaves ``Aliev`` and ``görüşmeler`` alone).

    Args:
        reader: An open index reader.
        word: One word as typed.
    """
    lower = word.strip().lower()
    if not _ONE_WORD.fullmatch(lower):
        return False
    key = fold(lower)
    stems = [*query_stems(lower)[1:], stem(key)]
    return ("body_folded", key) in reader or any(
        ("body", term) in reader or ("title", term) in reader for term in stems
    )
