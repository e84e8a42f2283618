"""A field's text carrying the language of its article (no Whoosh needed to make one)."""

from __future__ import annotations


class TextInLanguage(str):
    """A field's text with the language of its article, for the stemmer to follow.

    Only the index sees it: the document stores the plain text (``_stored_<field>``).
    """

    language: str | None = None

    def __new__(cls, text: str, language: str | None) -> TextInLanguage:
        made = super().__new__(cls, text)
        made.language = language
        return made
