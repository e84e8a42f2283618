"""Searching a name in Cyrillic and reading the English article that spells it in Latin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal
from tests.fixtures.multilingual import ARTICLES, write_corpus

pytestmark = pytest.mark.e2e

HIT_COUNT = re.compile(r"^ *(\d+) hits? in \d+ ms", re.MULTILINE)
HITS_IN_ARTICLE = re.compile(r"\b\d+ hits? · n next")
ENGLISH_TITLES = {article.title for article in ARTICLES if article.language == "en"}
# The name drawn as a query hit: underlined (the hit style) from its first letter.
MARKED_NAME = re.compile(r"\x1b\[4m(?:\x1b\[[0-9;]*m)*(Aliyev|Aliev)\b")


def test_searching_a_cyrillic_name_opens_the_english_article_with_the_name_marked(
    terminal: Terminal, tmp_path: Path
):
    corpus = write_corpus(tmp_path / "corpus")
    terminal.run(f"briefing {corpus}")
    terminal.wait_for("Aliyev and Pashinyan hold talks in Brussels")

    terminal.send_keys("/")
    terminal.type("Алиев lang:en")
    terminal.wait_for(lambda s: bool(HIT_COUNT.search(s)) and int(HIT_COUNT.search(s)[1]) == 2)

    terminal.send_keys("Enter")
    reading = terminal.wait_for(lambda s: HITS_IN_ARTICLE.search(s) is not None)
    assert any(title in reading for title in ENGLISH_TITLES)
    assert not HIT_COUNT.search(reading), "the results list is still in front"
    terminal.wait_for(lambda _: MARKED_NAME.search(terminal.capture(styled=True)) is not None)
