"""The index's fast paths give what Whoosh's own code gives: postings, lengths, rankings.

The stemmed field indexes without Whoosh's token pipeline, the codec keeps field
lengths in memory, and common queries are ranked with dictionaries: each is checked
against Whoosh on real news text (skipped when the BBC corpus is absent) and on small
hand-made cases.
"""

from __future__ import annotations

import random
from array import array

import pytest
from whoosh import fields
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.index import create_in, open_dir
from whoosh.writing import MERGE_SMALL, NO_MERGE, OPTIMIZE, SegmentWriter

from benchmarks.corpus import bbc_folder, news_items
from search.index import writer as index_writer
from search.index.codec import IndexCodec
from search.index.schema import build_schema
from search.index.stemmed_field import StemmedText, analyzer
from search.index.store import open_searcher
from search.index.whoosh_writing import add_table_entries, close_table, mini_weights
from search.index.writer import open_writer
from search.query import ranking as fast_ranking
from tests.unit.index_fixtures import make_service, whoosh_query, write_articles

needs_bbc = pytest.mark.skipif(
    not bbc_folder().is_dir(), reason=f"BBC news corpus not found at {bbc_folder()}"
)

ODD_TEXTS = [
    "",
    "a I x",
    "the of and to",
    "The U.S.A. and the U.K. agreed; 3.14% of 1,000 voters didn't.",
    "İstanbul ŞEHİR straße ÉCOLE naïve café — «quoted» ‘words’",
    "foo*bar wild*card tabs\tand\nnewlines  double  spaces",
    "running runs ran runner running RUNNING",
]

QUERIES = [
    "oil",
    "government",
    "interest rates",
    "prime minister",
    '"interest rates"',
    '"world cup"',
    "film OR music",
    "economy AND growth",
    "comput*",
    "strong growth forecast",
    "blair OR brown OR howard OR kennedy OR prescott",
    "(oil OR gas) AND NOT price",
    "title:oil",
    "zzzzqqq",
    "oil AND zzzzqqq",
    '"zzzz qqqq"',
]


def _postings(field, text: str) -> list:
    return sorted(field.index(text))


def _decoded(field, text: str) -> list:
    """The field's sorted postings, each value decoded as its format's richest reading."""
    astype = "characters" if field.format.supports("characters") else "positions"
    decode = field.format.decoder(astype)
    return [
        (term, freq, weight, decode(value)) for term, freq, weight, value in _postings(field, text)
    ]


@pytest.mark.parametrize("chars", [True, False])
def test_stemmed_field_postings_match_whoosh_on_odd_text(chars):
    fast = StemmedText(chars=chars, field_boost=2.0)
    slow = fields.TEXT(analyzer=analyzer(), chars=chars, field_boost=2.0)
    for text in ODD_TEXTS:
        assert _decoded(fast, text) == _decoded(slow, text), text


# A text past 65,536 characters: its words near the end no longer fit narrow values.
LONG_TEXT = "Oil prices rose. " * 4000 + "The market closed higher, said the bank."
# 65,536 characters, the last word ending the text: one past what two bytes hold.
EDGE_TEXT = "a" * 65_531 + " bank"


@pytest.mark.parametrize("chars", [True, False])
def test_stemmed_field_one_loop_path_writes_the_bytes_of_its_own_format(chars):
    field = StemmedText(chars=chars, field_boost=2.0)
    for text in [*ODD_TEXTS, LONG_TEXT, EDGE_TEXT]:
        postings = _postings(field, text)
        assert postings == sorted(fields.TEXT.index(field, text)), text[:40]
        assert all(type(frequency) is int for _, frequency, _, _ in postings)


def test_a_long_text_keeps_the_places_of_its_last_words():
    slow = fields.TEXT(analyzer=analyzer(), chars=True)
    assert _decoded(StemmedText(chars=True), LONG_TEXT) == _decoded(slow, LONG_TEXT)


NAME_VALUES = [
    "Tony Blair",
    "Tony Blair,Blair,Gordon Brown",
    "BBC, Bank of England ,,  ,European Union",
    "İlham Əliyev,Straße\tGroup,al-Qaeda",
]


@pytest.mark.parametrize("value", NAME_VALUES)
def test_names_field_postings_match_its_analyzer(value):
    field = build_schema()["person"]
    slow = fields.KEYWORD(scorable=True, analyzer=field.analyzer)
    assert _postings(field, value) == _postings(slow, value)


@needs_bbc
def test_stemmed_field_postings_match_whoosh_on_news():
    fast = StemmedText(chars=True)
    slow = fields.TEXT(analyzer=analyzer(), chars=True)
    for item in news_items(300):
        assert _decoded(fast, item.body) == _decoded(slow, item.body), item.title


@pytest.fixture(scope="module")
def news_service(tmp_path_factory):
    if not bbc_folder().is_dir():
        pytest.skip(f"BBC news corpus not found at {bbc_folder()}")
    root = tmp_path_factory.mktemp("news")
    items = list(news_items(600))
    for start in range(0, len(items), 50):
        write_articles(
            root / "corpus",
            f"news-{start:04d}.txt",
            *({"title": item.title, "body": item.body} for item in items[start : start + 50]),
        )
    service = make_service(root / "corpus", root / "index", extract=lambda body: [])
    service.update()
    return service


def _searcher(service):
    return open_searcher(service.folder)


@pytest.mark.parametrize("text", QUERIES)
def test_fast_ranking_matches_whoosh(news_service, text):
    searcher = _searcher(news_service)
    query = whoosh_query(text, searcher.schema)
    ranked = fast_ranking.rank(searcher, query, 10)
    assert ranked is not None
    top, total = ranked
    expected = searcher.search(query, limit=10)
    assert total == sum(1 for _ in searcher.docs_for_query(query))
    assert [docnum for _, docnum in top] == [hit.docnum for hit in expected]
    assert [score for score, _ in top] == pytest.approx([hit.score for hit in expected])


@pytest.mark.parametrize("text", ["NOT oil", "oil~", "date:>2020"])
def test_other_queries_are_left_to_whoosh(news_service, text):
    searcher = _searcher(news_service)
    assert fast_ranking.rank(searcher, whoosh_query(text, searcher.schema), 10) is None


@pytest.mark.parametrize("text", ["oil", "labour NOT tax", '"world cup"', "comput*", "NOT oil"])
def test_hit_count_is_the_number_of_matching_articles(news_service, text):
    searcher = _searcher(news_service)
    matching = set(searcher.docs_for_query(whoosh_query(text, searcher.schema)))
    results = news_service.search(text, limit=5)
    assert results.total == len(matching)
    assert len(results.hits) == min(5, len(matching))


def test_loaded_field_lengths_match_whoosh(news_service):
    searcher = _searcher(news_service)
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        plain = W3PerDocReader(reader.storage(), reader.segment())
        for fieldname in ("title", "body"):
            lengths = reader._perdoc.field_lengths(fieldname)
            for docnum in range(reader.doc_count_all()):
                expected = plain.doc_field_length(docnum, fieldname)
                assert lengths[docnum] == expected
                assert reader.doc_field_length(docnum, fieldname) == expected
        plain.close()


def test_fast_ranking_skips_replaced_articles(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(
        corpus,
        "a.txt",
        {"title": "Oil prices rise", "body": "Oil and gas prices rose again on Monday."},
        {"title": "Cup final", "body": "The world cup final drew a record crowd."},
    )
    write_articles(corpus, "b.txt", {"title": "Gas", "body": "Gas storage is full; oil is not."})
    service = make_service(corpus, tmp_path / "index")
    service.update()
    write_articles(
        corpus,
        "a.txt",
        {"title": "Oil prices fall", "body": "Oil prices fell; the world cup final is next."},
        {"title": "Cup final", "body": "The world cup final drew a record crowd."},
    )
    service.update()
    searcher = _searcher(service)
    assert searcher.reader().has_deletions()
    for text in ["oil", "oil gas", '"world cup"', "oil NOT gas", "fell OR rose"]:
        query = whoosh_query(text, searcher.schema)
        top, total = fast_ranking.rank(searcher, query, 10)
        expected = searcher.search(query, limit=None)
        assert total == len(expected), text
        assert [docnum for _, docnum in top] == [hit.docnum for hit in expected], text
    assert {hit.title for hit in service.search("oil").hits} == {"Oil prices fall", "Gas"}


def _all_postings(index) -> dict:
    """Every term's postings as (docnum, weight, value), plus what each block's header says."""
    found = {}
    with index.searcher() as searcher:
        reader = searcher.reader()
        for fieldname, btext in reader.all_terms():
            matcher = reader.postings(fieldname, btext)
            postings, blocks = [], []
            while matcher.is_active():
                if not blocks or blocks[-1][0] < matcher.id():
                    blocks.append(
                        (
                            matcher.block_max_id(),
                            matcher.block_max_weight(),
                            matcher.block_min_length(),
                            matcher.block_max_length(),
                        )
                    )
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found[fieldname, btext] = (postings, blocks)
    return found


def test_writer_writes_the_postings_whoosh_writes(tmp_path):
    # Enough documents that common words span several posting blocks of 128.
    words = ["oil", "gas", "price", "market", "bank", "rate", "growth", "cup", "final", "world"]
    people = ["Tony Blair", "Gordon Brown", "Ilham Aliyev", "Blair"]
    texts = [
        " ".join(words[(n * k) % len(words)] for k in range(1, 5 + n % 17)) for n in range(700)
    ]
    indexes = {}
    writers = {
        "whoosh": lambda index: index.writer(codec=W3Codec()),
        "ours": lambda index: open_writer(index, limitmb=64),
    }
    for name, open_one in writers.items():
        (tmp_path / name).mkdir()
        index = create_in(tmp_path / name, build_schema())
        with open_one(index) as writer:
            for n, text in enumerate(texts):
                writer.add_document(
                    id=f"a{n}",
                    title=text[:30],
                    body=text,
                    person=",".join(people[: n % 5]) or None,
                    date_sort=n,
                )
        indexes[name] = _all_postings(index)
    assert indexes["ours"] == indexes["whoosh"]
    assert any(len(blocks) > 2 for _, blocks in indexes["ours"].values())
    assert ("person", b"tony blair") in indexes["ours"]


# The runs are read back a chunk at a time: chunks of a few postings cut every run many
# times over, as the default's 2,500 cut a large build's.
@pytest.mark.parametrize("chunk_postings", [index_writer.RUN_CHUNK_POSTINGS, 7])
def test_postings_spilled_to_disk_come_back_the_same(tmp_path, monkeypatch, chunk_postings):
    monkeypatch.setattr(index_writer, "RUN_CHUNK_POSTINGS", chunk_postings)
    texts = [f"oil gas price{n % 7} market{n % 13} bank rate{n % 3} growth" for n in range(600)]
    indexes = {}
    # A pool limit of a few kilobytes spills a sorted run every few dozen documents.
    for name, limitmb in (("in memory", 64), ("spilled", 0.005)):
        (tmp_path / name).mkdir()
        index = create_in(tmp_path / name, build_schema())
        writer = open_writer(index, limitmb=limitmb)
        with writer:
            for n, text in enumerate(texts):
                writer.add_document(id=f"a{n}", title=text[:12], body=text)
            spilled_runs = len(writer.pool.runs)
        indexes[name] = (_all_postings(index), spilled_runs)
    assert indexes["in memory"][1] == 0 and indexes["spilled"][1] > 10
    assert indexes["spilled"][0] == indexes["in memory"][0]


def _batches(count: int, size: int) -> list[list[tuple]]:
    """Additions, replacements and deletions of overlapping ids, fixed by a seed."""
    rng = random.Random(7)
    words = ["oil", "gas", "price", "market", "bank", "rate", "growth", "cup", "final"]
    people = ["Tony Blair", "Gordon Brown", "Blair", "Ilham Aliyev"]
    batches = []
    for number in range(count):
        changes = []
        for _ in range(size):
            article = rng.randrange(size * 2)
            if number and rng.random() < 0.1:
                changes.append(("delete", {"id": f"a{article}"}))
                continue
            body = " ".join(rng.choice(words) for _ in range(rng.randrange(30)))
            # A rare word too: most of a real segment's terms have one posting or a few.
            body += f" rare{rng.randrange(size * 4)}"
            if rng.random() < 0.2:  # twice in one article: a lone posting weighing 2
                body += f" twice{article} twice{article}"
            values = {
                "id": f"a{article}",
                "title": rng.choice(words),
                "body": body,
                "person": ",".join(rng.sample(people, rng.randrange(3))) or None,
                "date_sort": article,
            }
            changes.append(("update" if number else "add", values))
        batches.append(changes)
    return batches


def _segment_files(folder) -> list[tuple[dict[str, bytes], list[int]]]:
    """Each segment's files (named without the segment's random id) and deleted documents."""
    index = open_dir(folder)
    found = []
    for segment in index._segments():
        files = {
            path.name.replace(segment.segid, "*"): path.read_bytes()
            for path in sorted(folder.iterdir())
            if segment.segid in path.name
        }
        found.append((files, sorted(segment.deleted_docs())))
    return found


@pytest.mark.parametrize("limitmb", [64, 0.003], ids=["in memory", "spilled"])
def test_writer_writes_the_files_whoosh_writes_across_updates_and_merges(tmp_path, limitmb):
    def whoosh(index):
        return SegmentWriter(index, codec=IndexCodec(), limitmb=limitmb, compound=False)

    def ours(index):
        writer = open_writer(index, limitmb=limitmb)
        writer.compound = False
        return writer

    merges = [NO_MERGE, NO_MERGE, MERGE_SMALL, OPTIMIZE]
    found = {}
    for name, open_one in (("whoosh", whoosh), ("ours", ours)):
        folder = tmp_path / name
        folder.mkdir()
        index = create_in(folder, build_schema())
        for changes, merge in zip(_batches(len(merges), 250), merges, strict=True):
            writer = open_one(index)
            for change, values in changes:
                if change == "delete":
                    writer.delete_by_term("id", values["id"])
                elif change == "add":
                    writer.add_document(**values)
                else:
                    writer.update_document(**values)
            writer.commit(mergetype=merge)
        found[name] = _segment_files(folder)
    assert found["ours"] == found["whoosh"]
    assert len(found["ours"]) == 1 and found["ours"][0][0]  # merged into one segment


def test_term_table_entries_added_together_are_the_bytes_whoosh_writes(tmp_path):
    # The table's positions start as 16-bit numbers: the second batch runs past 65,535
    # bytes, where Whoosh widens them, after entries the first batch already placed.
    storage = FileStorage(str(tmp_path))
    entries = [(f"term{n:05}".encode(), bytes(40 + n % 7)) for n in range(2000)]
    whoosh_table = OrderedHashWriter(storage.create_file("whoosh.trm"))
    for key, value in entries:
        whoosh_table.add(key, value)
    whoosh_table.close()
    our_table = OrderedHashWriter(storage.create_file("ours.trm"))
    add_table_entries(our_table, entries[:100])
    add_table_entries(our_table, entries[100:])
    close_table(our_table)
    assert (tmp_path / "ours.trm").read_bytes() == (tmp_path / "whoosh.trm").read_bytes()


def test_term_table_entries_out_of_order_are_refused(tmp_path):
    table = OrderedHashWriter(FileStorage(str(tmp_path)).create_file("terms.trm"))
    add_table_entries(table, [(b"b", b"1")])
    with pytest.raises(ValueError, match="b'b'..b'a'"):
        add_table_entries(table, [(b"a", b"2")])
    with pytest.raises(ValueError, match="b'd'..b'c'"):
        add_table_entries(table, [(b"c", b"3"), (b"d", b"4"), (b"c", b"5")])
    with pytest.raises(ValueError, match="Keys must increase: b'b'..b'b'"):
        add_table_entries(table, [(b"b", b"6")])  # a term twice


def test_block_weights_keep_their_values_and_whole_ones_are_stored_as_ints():
    assert mini_weights(array("f", [1.0, 1.0, 1.0])) is None
    assert mini_weights(array("f", [2.0, 2.0])) == 2.0
    assert isinstance(mini_weights(array("f", [2.0, 2.0])), float)  # Whoosh reads it so
    stored = mini_weights(array("f", [1.0, 3.0, 2.0]))
    assert stored == (1, 3, 2) and all(type(weight) is int for weight in stored)
    assert mini_weights(array("f", [1.0, 2.5])) == (1.0, 2.5)
