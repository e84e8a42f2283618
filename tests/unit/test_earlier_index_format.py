"""An index an earlier build wrote (every posting value wide, block weights as floats)
answers as one written now, also after the current code adds to it and merges it."""

from __future__ import annotations

import random

from search.index import postings_format, stemmed_field, whoosh_writing
from search.index.store import open_index, record_checksums
from search.index.writer import open_writer
from tests.unit.index_fixtures import make_service, write_articles

WORDS = ["oil", "prices", "interest", "rates", "prime", "minister", "world", "cup", "bank"]
QUERIES = [
    '"interest rates"',
    '"prime minister"',
    '"world cup" bank',
    "oil prices",
    "minister~",
    "inter*",
    "bank OR cup",
]


def _earlier_weights(weights):
    """Block weights as an earlier build stored them: floats."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _write_corpus(corpus, edited: bool) -> None:
    rng = random.Random(5)
    for number in range(40):
        articles = []
        for _ in range(8):
            words = [rng.choice(WORDS) for _ in range(rng.randrange(5, 60))]
            articles.append({"title": " ".join(words[:4]), "body": " ".join(words)})
        if edited and number % 3 == 0:
            articles[0]["body"] += " the prime minister said interest rates rise"
        write_articles(corpus, f"f{number:02}.txt", *articles)


def _results(service) -> list:
    return [
        [(hit.id, hit.score, hit.snippet) for hit in service.search(query, limit=20).hits]
        for query in QUERIES
    ]


def _value_sizes(folder) -> set[int]:
    with open_index(folder).searcher() as searcher:
        matcher = searcher.reader().postings("body", b"minist")
        sizes = set()
        while matcher.is_active():
            sizes.add(len(matcher.value()))
            matcher.next()
        return sizes


def _merge(folder) -> None:
    """Merge the index into one segment, as a commit with many segments does."""
    writer = open_writer(open_index(folder), limitmb=64)
    writer.commit(optimize=True)
    record_checksums(folder, fresh=False)


def test_an_index_written_wide_answers_as_one_written_now(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, edited=False)
    folders = {"earlier": tmp_path / "earlier", "now": tmp_path / "now"}

    with monkeypatch.context() as earlier:
        earlier.setattr(postings_format, "NARROW_LIMIT", 0)
        earlier.setattr(stemmed_field, "NARROW_LIMIT", 0)
        earlier.setattr(whoosh_writing, "mini_weights", _earlier_weights)
        make_service(corpus, folders["earlier"]).update()
    make_service(corpus, folders["now"]).update()
    # Wide values are 4 + 12n bytes long, narrow ones 6n.
    assert all(size % 6 == 4 for size in _value_sizes(folders["earlier"]))
    assert all(size % 6 == 0 for size in _value_sizes(folders["now"]))
    services = {name: make_service(corpus, folder) for name, folder in folders.items()}
    assert _results(services["earlier"]) == _results(services["now"])

    # Then the current code adds to both and merges each into one segment.
    _write_corpus(corpus, edited=True)
    for folder in folders.values():
        make_service(corpus, folder).update()
        _merge(folder)
    assert {6, 16} <= _value_sizes(folders["earlier"])  # both widths in one segment
    services = {name: make_service(corpus, folder) for name, folder in folders.items()}
    found = _results(services["earlier"])
    assert found == _results(services["now"])
    assert all(found)
