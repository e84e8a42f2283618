"""The article counts of names written with each segment are the counts Whoosh gives.

An entity page ranks the names beside its entity by these counts; a wrong one would
put the wrong companions first. Every name in the person, organisation and place
fields is compared with ``doc_frequency`` over indexes grown by updates, deletions and
merges, and over a segment written by Whoosh's own codec, which has no counts.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import create_in
from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL, NO_MERGE, OPTIMIZE, SegmentWriter

from search.index.name_counts import NAME_FIELDS, NameCounts, segment_counts
from search.index.schema import build_schema
from search.index.store import open_searcher
from search.index.writer import open_writer
from tests.unit.index_fixtures import make_service, write_articles

PEOPLE = ["Ilham Aliyev", "Nikol Pashinyan", "President Aliyev"]


def ours(index):
    return open_writer(index, limitmb=16)


def _every_name(reader) -> list[tuple[str, str]]:
    return [
        (field, term.decode("utf-8") if isinstance(term, bytes) else term)
        for field, term in reader.all_terms()
        if field in NAME_FIELDS
    ]


def _written(reader) -> list[bool]:
    """For each segment, whether counts were written with it."""
    return [segment_counts(leaf) is not None for leaf, _ in reader.leaf_readers()]


def _assert_counts_are_whoosh(reader, counts: NameCounts) -> None:
    count = counts.counter(reader)
    names = _every_name(reader)
    assert names
    for field, term in names:
        assert count(field, term) == reader.doc_frequency(field, term), (field, term)
    assert count("person", "nobody of that name") == 0
    assert count("place", "ilham aliyev") == 0  # a person's name in another field


def test_counts_match_whoosh_as_the_corpus_grows_and_changes(tmp_path):
    corpus = tmp_path / "corpus"
    service = make_service(corpus, tmp_path / "index")
    counts = NameCounts()
    for round_ in range(4):
        write_articles(
            corpus,
            f"new-{round_}.txt",
            *[
                {"title": f"Talks {round_}-{n}", "body": f"{PEOPLE[n % 3]} met the OSCE in Baku."}
                for n in range(round_ + 2)
            ],
        )
        if round_:
            # A replaced file leaves its old articles deleted in an older segment.
            write_articles(corpus, "new-0.txt", {"title": "Moved", "body": "Yerevan, not Baku."})
        service.update()
        with open_searcher(service.folder) as searcher:
            reader = searcher.reader()
            assert len(reader.leaf_readers()) >= min(round_ + 1, 2)
            assert all(_written(reader))
            _assert_counts_are_whoosh(reader, counts)


def _index_with(folder, writers):
    """An index of one segment per writer, each adding or replacing 20 articles."""
    folder.mkdir()
    index = create_in(folder, build_schema())
    for number, (open_one, merge) in enumerate(writers):
        writer = open_one(index)
        for n in range(20):
            writer.update_document(
                id=f"a{(number * 7 + n) % 30}",
                title="talks",
                body="talks",
                person=",".join(PEOPLE[: 1 + (n + number) % 3]),
                place="Baku" if n % 2 else "Yerevan",
            )
        writer.commit(mergetype=merge)
    return index


def test_segments_written_without_counts_are_asked_of_whoosh(tmp_path):
    def whoosh_own(index):
        return SegmentWriter(index, codec=W3Codec())

    writers = [(ours, NO_MERGE), (whoosh_own, NO_MERGE), (ours, NO_MERGE)]
    index = _index_with(tmp_path / "index", writers)
    with index.searcher() as searcher:
        assert _written(searcher.reader()) == [True, False, True]
        _assert_counts_are_whoosh(searcher.reader(), NameCounts())


def test_segments_with_counts_are_not_asked_of_whoosh(tmp_path, monkeypatch):
    index = _index_with(tmp_path / "index", [(ours, NO_MERGE)] * 2)
    with index.searcher() as searcher:
        reader = searcher.reader()
        expected = {name: reader.doc_frequency(*name) for name in _every_name(reader)}

        def refuse(self, fieldname, text):
            raise AssertionError("a segment with counts was asked for a document frequency")

        monkeypatch.setattr(SegmentReader, "doc_frequency", refuse)
        count = NameCounts().counter(reader)
        assert {name: count(*name) for name in expected} == expected
        assert count("org", "no organisation is named") == 0


def test_merged_segments_carry_their_counts(tmp_path):
    writers = [(ours, NO_MERGE)] * 3 + [(ours, MERGE_SMALL), (ours, OPTIMIZE)]
    index = _index_with(tmp_path / "index", writers)
    with index.searcher() as searcher:
        reader = searcher.reader()
        assert _written(reader) == [True]
        _assert_counts_are_whoosh(reader, NameCounts())


def test_segments_merged_away_are_forgotten(tmp_path):
    counts = NameCounts()
    index = _index_with(tmp_path / "index", [(ours, NO_MERGE)] * 2)
    with index.searcher() as searcher:
        counts.counter(searcher.reader())
    writer = ours(index)
    writer.commit(mergetype=OPTIMIZE)
    with index.searcher() as searcher:
        _assert_counts_are_whoosh(searcher.reader(), counts)
        assert len(counts._segments) == 1
