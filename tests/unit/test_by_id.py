"""An article's document found by its id from the term tables is the one Whoosh finds."""

from __future__ import annotations

import random

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage

from search.query.by_id import document_number, stored_document

SCHEMA = fields.Schema(id=fields.ID(stored=True, unique=True), body=fields.TEXT(stored=True))


@pytest.fixture
def index(tmp_path):
    return FileStorage(str(tmp_path)).create_index(SCHEMA)


def _commit(index, added=(), deleted=(), updated=(), merge=False):
    writer = index.writer()
    for article_id, body in added:
        writer.add_document(id=article_id, body=body)
    for article_id in deleted:
        writer.delete_by_term("id", article_id)
    for article_id, body in updated:
        writer.update_document(id=article_id, body=body)
    writer.commit(merge=merge)


def _both(index, article_id):
    with index.searcher() as searcher:
        return (
            stored_document(searcher, "id", article_id),
            searcher.document(id=article_id),
        )


def test_ids_in_several_segments_find_their_own_documents(index):
    _commit(index, added=[("a", "first"), ("b", "second")])
    _commit(index, added=[("c", "third")])
    with index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 2
        for article_id, body in (("a", "first"), ("b", "second"), ("c", "third")):
            assert stored_document(searcher, "id", article_id)["body"] == body
        assert document_number(searcher, "id", "missing") is None


def test_a_replaced_version_gives_the_new_document(index):
    _commit(index, added=[("a", "old text"), ("b", "other")])
    _commit(index, updated=[("a", "new text")])
    found, whoosh = _both(index, "a")
    assert found == whoosh
    assert found["body"] == "new text"


def test_an_id_held_twice_in_one_segment_gives_the_live_one(index):
    writer = index.writer()
    writer.add_document(id="a", body="dropped copy")
    writer.add_document(id="a", body="kept copy")
    writer.commit()
    with index.searcher() as searcher:
        first = document_number(searcher, "id", "a")
    writer = index.writer()
    writer.delete_document(first)
    writer.commit(merge=False)
    found, whoosh = _both(index, "a")
    assert found == whoosh
    assert found["body"] == "kept copy"


def test_a_deleted_article_is_not_found(index):
    _commit(index, added=[("a", "text"), ("b", "other")])
    _commit(index, deleted=["a"])
    assert _both(index, "a") == (None, None)
    assert _both(index, "b")[0]["body"] == "other"


def test_after_many_changes_every_id_finds_what_whoosh_finds(index):
    chooser = random.Random(7)
    ids = [f"article-{n}" for n in range(40)]
    for round_number in range(12):
        with index.searcher() as searcher:
            live = sorted(stored["id"] for stored in searcher.all_stored_fields())
        absent = [i for i in ids if i not in live]
        added = chooser.sample(absent, min(5, len(absent)))
        deleted = chooser.sample(live, min(2, len(live)))
        kept = [i for i in live if i not in deleted]
        updated = chooser.sample(kept, min(3, len(kept)))
        _commit(
            index,
            added=[(i, f"{i} added in round {round_number}") for i in added],
            deleted=deleted,
            updated=[(i, f"{i} updated in round {round_number}") for i in updated],
            merge=round_number % 5 == 4,
        )
        with index.searcher() as searcher:
            for article_id in ids:
                expected = searcher.document_number(id=article_id)
                assert document_number(searcher, "id", article_id) == expected, article_id
