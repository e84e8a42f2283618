"""The word counts behind "did you mean" follow the corpus as files change."""

from __future__ import annotations

import os

from search.index.vocabulary import Vocabulary
from tests.unit.index_fixtures import make_service, write_articles


def _rewrite(folder, name, *articles):
    path = write_articles(folder, name, *articles)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_words_of_removed_and_replaced_articles_are_no_longer_suggested(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, "a.txt", {"title": "Visit", "body": "Zelenskyy visited Kharkiv."})
    write_articles(corpus, "b.txt", {"title": "Budget", "body": "Parliament passed the budget."})
    service = make_service(corpus, tmp_path / "index")
    service.update()
    assert service.search("Zelenskiy").suggestion == "Zelenskyy"
    assert service.search("parlament").suggestion == "parliament"

    (corpus / "a.txt").unlink()
    _rewrite(corpus, "b.txt", {"title": "Budget", "body": "The senate passed the budget."})
    service.update()
    assert service.search("Zelenskiy").suggestion is None
    assert service.search("parlament").suggestion is None
    assert service.search("senat").suggestion is None  # stems like a known word: no correction
    assert service.search("senatte").suggestion == "senate"


def test_the_most_used_of_equally_near_words_wins():
    vocabulary = Vocabulary()
    for text in ("rates rise", "rates fall", "rated highly"):
        vocabulary.add(text)
    assert vocabulary.correct("ratex") == "rates"
    vocabulary.remove("rates rise")
    vocabulary.remove("rates fall")
    assert vocabulary.correct("ratex") == "rated"
    assert "rates" not in vocabulary
