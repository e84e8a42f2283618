"""Passage: a place in an article that an explore view can open or quote."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """``start``..``end`` of an article's body, or of its title when ``in_title``."""

    article_id: str
    start: int
    end: int
    in_title: bool = False
