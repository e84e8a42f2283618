"""The word being typed matches as the start of longer words: bounded, the exact word first."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.locations import seeds_dir
from search.query import prefix
from search.query.prefix import MAX_EXPANSIONS, PrefixIndex, partial_word
from search.service import open_search_service
from search.whoosh_service import WhooshSearchService


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("Paki", "Paki"),
        ("Pakistan ric", None),  # three letters: too short to mean anything yet
        ("Pakistan rice", "rice"),
        ("(gove", "gove"),
        ("Aliyev OR gove", "gove"),
        ("gove ", None),  # a space ends the word
        ("title:gove", None),  # a field's value
        ("-gove", None),  # a negated word
        ("Aliyev NOT gove", None),
        ('"wind far', None),  # inside a phrase
        ("gove*", None),  # already a pattern
        ("Aliyev AND", None),  # an operator
        ("2024", None),
    ],
)
def test_only_a_plain_last_word_being_typed_is_read_as_a_prefix(typed, word):
    assert partial_word(typed) == word


def test_the_most_used_words_starting_with_a_prefix_come_first():
    words = PrefixIndex({"govern": 5, "government": 40, "governor": 9, "gown": 50, "gov": 3})
    assert words.starting_with("Gov", 2) == ["government", "governor"]
    assert words.starting_with("gove", 10) == ["government", "governor", "govern"]
    assert words.starting_with("zzz", 10) == []


@pytest.fixture(scope="module")
def seeds_service(tmp_path_factory):
    service = WhooshSearchService(seeds_dir(), tmp_path_factory.mktemp("index"))
    service.update()
    return service


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Paki", "The Azerbaijan-Pakistan-Türkiye trilateral partnership is rapidly evolving"),
        ("gove", "Yerevan and Washington set to sign partnership document"),
        ("governmen", "Yerevan and Washington set to sign partnership document"),
        ("China upgr", "Azerbaijan and China upgrade bilateral relations to strategic partnership"),
    ],
)
def test_half_typed_words_find_articles(seeds_service, typed, title):
    finished = seeds_service.search(typed, limit=5)
    typing = seeds_service.search(typed, limit=5, last_word_partial=True)
    assert finished.total == 0
    assert any(hit.title.startswith(title) for hit in typing.hits)
    assert typing.suggestion is None  # a word being typed is not misspelt


def write(folder: Path, name: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def test_articles_with_the_exact_word_rank_above_those_with_longer_words(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", "Portugal wins", "Portugal beat Portugal's rivals; Portugal celebrates.")
    write(corpus, "b.txt", "Harbour news", "The port reopened after the storm.")
    write(corpus, "c.txt", "Portals and porters", "Portals and porters in the portfolio.")
    service = open_search_service(corpus)
    service.update()
    answer = service.search("port", limit=5, last_word_partial=True)
    assert answer.hits[0].title == "Harbour news"
    assert {hit.title for hit in answer.hits} >= {"Portugal wins", "Harbour news"}


@pytest.fixture
def zebr_corpus(tmp_path):
    """Twenty words starting with "zebr", the nth in n + 1 articles of its own."""
    corpus = tmp_path / "corpus"
    for n in range(20):
        word = "zebr" + chr(ord("a") + n) * 3
        for copy in range(n + 1):
            write(corpus, f"{n:02}-{copy:02}.txt", f"Story {n} {copy}", f"About {word} today.")
    service = open_search_service(corpus)
    service.update()
    return service


def articles_with_the_top(words: int) -> int:
    return sum(n + 1 for n in range(20 - words, 20))


def test_a_prefix_stands_for_at_most_a_few_of_the_most_used_words(zebr_corpus, monkeypatch):
    monkeypatch.setattr(prefix, "MAX_ARTICLE_SHARE", 1.0)
    answer = zebr_corpus.search("zebr", limit=1000, last_word_partial=True)
    assert answer.total == articles_with_the_top(MAX_EXPANSIONS)
    # A finished word or a typed pattern is not bounded this way.
    assert zebr_corpus.search("zebr", limit=5).total == 0
    assert zebr_corpus.search("zebr*", limit=5).total == articles_with_the_top(20)


def test_the_words_of_a_prefix_stop_before_they_cover_too_many_articles(zebr_corpus, monkeypatch):
    monkeypatch.setattr(prefix, "ARTICLE_BUDGET_FLOOR", 0)
    # 210 articles: a quarter is 52, so the words in 20 and 19 articles (39), not 18 more.
    answer = zebr_corpus.search("zebr", limit=1000, last_word_partial=True)
    assert answer.total == articles_with_the_top(2)
