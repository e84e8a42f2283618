"""The Whoosh schema of a corpus index and the version that guards it.

Raise :data:`SCHEMA_VERSION` whenever a field changes: an index built with another
version is rebuilt on the next update instead of being misread.

Why the fields look the way they do:

* ``body`` is stemmed and stores character offsets (``chars=True``) so snippets are cut
  from the stored offsets of matched terms instead of re-tokenising the text; they are
  packed as integers (:mod:`search.index.postings_format`), not pickled.
* ``title`` and ``body`` are :class:`~search.index.stemmed_field.StemmedText`: Whoosh's
  stemming analyzer, indexed in one loop instead of a token pipeline (same postings).
* Each article's ``lang`` (ISO 639-1, :mod:`search.language.detect`) is a stored
  keyword, so ``lang:ru`` keeps Russian articles; title and body words are stemmed by their
  alphabet and that language (:mod:`search.language.stemming`).
* ``body_folded`` holds the folded spelling of the body's words that have one
  (:mod:`search.index.folded_field`), with their offsets in the body, so ``Алиев``
  finds and marks ``Aliyev``; it is searched beside ``body``, never shown.
* No unstemmed copy of the text: "did you mean" uses the word counts kept beside the
  index (:mod:`search.index.vocabulary`), which made builds about 2.5 times faster.
* ``person``/``org``/``place`` hold canonical names, one keyword per name; in the index a
  name also yields its single words, so ``person:aliyev`` finds "Ilham Aliyev" while
  ``person:"Ilham Aliyev"`` (one keyword at query time) finds the whole name only; and
  the folded spelling of each word (``aliev``), so ``person:Алиев`` finds him too.
* Every term costs a posting block at commit, so per-article values that are never
  searched (``path``, the title sort key) are stored or kept in columns, not indexed.
* ``source_exact`` holds the source whole (untokenised, unstored) so a source filter keeps
  exactly the source a facet counted; ``source`` is its searchable text.
* ``date`` is a DATETIME for ranges; ``date_sort`` a column (0 when undated, so undated
  articles sort last, newest first); ``date_text`` keeps the article's own (possibly
  partial, e.g. "2024-07") date string for display.
* ``encoding`` keeps how the article's file was decoded ("utf-8", "cp1251"), stored only:
  nobody searches for it, but a misread file is found by listing it.
* ``pages`` keeps where each page of a PDF starts in the body (stored only), so a quote
  can name its page.
* ``origins`` keeps where each of the article's metadata fields was found (``{"date":
  "dateline"}``, see ``search.models.ORIGINS``), stored only.
* ``explore`` keeps the article's dated events and attributed statements
  (:mod:`search.explore.article_data`), stored only: computed with the entities at index
  time so timelines and statements read them instead of the text.
* ``entity_names`` is a column of each article's names and the sentences naming several
  (:mod:`search.explore.article_names`): an entity page reads it for thousands of
  articles without unpacking their stored documents.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import chain

from whoosh import columns, fields
from whoosh.analysis import CommaSeparatedTokenizer, Filter, LowercaseFilter
from whoosh.system import pack_uint

from search.index.folded_field import FoldedText
from search.index.stemmed_field import StemmedText
from search.language.folding import fold

# Defined with the records (no Whoosh needed to read them); still importable from here.
from search.models import ENTITY_FIELDS  # noqa: F401

SCHEMA_VERSION = 17


# Distinct names a build keeps the extra words of: the same names come back article after
# article, and folding their words again was some 40% of the time the name fields took.
NAME_WORDS_CACHE_SIZE = 50_000


@lru_cache(maxsize=NAME_WORDS_CACHE_SIZE)
def _name_words(name: str) -> tuple[str, ...]:
    """What a name adds besides itself: its single words (if several) and the folded
    spelling of each word that has another (``aliyev`` -> ``aliev``)."""
    words = name.split()
    extra = words if len(words) > 1 else []
    return (*extra, *(folded for word in words if (folded := fold(word)) != word))


class NameWordsFilter(Filter):
    """At index time, follow each name with its single words and folded spellings."""

    def __call__(self, tokens):
        for token in tokens:
            name = token.text
            yield token
            if token.mode == "index":
                for word in _name_words(name):
                    token.text = word
                    yield token


class NamesField(fields.KEYWORD):
    """Comma-separated canonical names, each also indexed as its single words and their
    folded spellings.

    Indexing splits the value itself rather than through the analyzer's token
    pipeline (the same terms and frequencies, about a tenth of the time); queries
    still use the analyzer. The index pickles its schema by class name: renaming or
    moving this class makes existing indexes unreadable, and they are then rebuilt.
    """

    def __init__(self) -> None:
        analyzer = CommaSeparatedTokenizer() | LowercaseFilter() | NameWordsFilter()
        super().__init__(lowercase=True, commas=True, scorable=True, analyzer=analyzer)

    def index(self, value, **kwargs):
        if not isinstance(value, str) or kwargs:
            return super().index(value, **kwargs)
        # Not an empty part: the tokenizer's pattern matches runs of one character or more.
        names = [part.strip().lower() for part in value.split(",") if part]
        counts = Counter(names)
        counts.update(chain.from_iterable(map(_name_words, names)))
        boost = self.format.field_boost
        return [
            (name.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq))
            for name, freq in counts.items()
        ]


def build_schema() -> fields.Schema:
    """A fresh schema instance for a corpus index.

    Returns:
        The Whoosh schema with every field described in the module docstring.
    """
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        path=fields.STORED(),
        position=fields.STORED(),
        title=StemmedText(stored=True, field_boost=2.0),
        title_sort=fields.COLUMN(columns.VarBytesColumn()),
        body=StemmedText(stored=True, chars=True),
        body_folded=FoldedText(),
        lang=fields.KEYWORD(stored=True, lowercase=True),
        source=fields.TEXT(stored=True),
        source_exact=fields.ID(),
        author=fields.TEXT(stored=True),
        date=fields.DATETIME(),
        date_sort=fields.COLUMN(columns.NumericColumn("q", default=0)),
        date_text=fields.STORED(),
        url=fields.STORED(),
        encoding=fields.STORED(),
        pages=fields.STORED(),
        origins=fields.STORED(),
        content_hash=fields.STORED(),
        person=NamesField(),
        org=NamesField(),
        place=NamesField(),
        entities=fields.STORED(),
        explore=fields.STORED(),
        entity_names=fields.COLUMN(columns.VarBytesColumn()),
    )
