"""The record a PDF, Word or e-mail reader makes of what a file holds, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """Text read out of a file, before cleaning, with the metadata the file states.

    ``pages`` holds a PDF's pages in order, or one entry for formats without pages
    (``paged`` False). Missing metadata is looked for in the text as for plain files.
    """

    pages: tuple[str, ...]
    paged: bool = False
    title: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None
    encoding: str | None = None
