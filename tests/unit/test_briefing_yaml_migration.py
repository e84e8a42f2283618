"""Briefing files written by schema 1 load, and the first save moves them to schema 2.

Schema 1 stored an ``orphaned`` flag on quotes and absolute article paths; schema 2
works a note's status out each time and stores the corpus folder and the author.
"""

from __future__ import annotations

import yaml

from briefings.filesafe import backup_path
from briefings.models import SCHEMA_VERSION, ArticleRef, new_note
from briefings.store import BriefingStore
from briefings.yamlfile import dump_briefing

SCHEMA_1 = """\
schema: 1
title: Caucasus watch
slug: caucasus-watch
created: '2025-01-02T10:00:00Z'
updated: '2025-01-03T11:00:00Z'
summary: |-
  Ties between Baku and Moscow.
  Second line.
notes:
- id: 0a1b2c3d4e5f
  article:
    id: 5be1f0a9c2d3e4f5
    title: Relations between Russia and Azerbaijan
    source: null
    date: '2024-12'
    path: /home/ana/Documents/corpus/001_feed.txt
    url: https://example.org/posts/1
  quote:
    exact: Azerbaijan alleges the plane was shot down by a Russian surface-to-air missile
    prefix: 'in December 2024, killing 38 people. '
    suffix: ', possibly during Russian air'
    start: 412
    end: 489
    content_hash: sha256:6f1ed002ab5595859
    orphaned: true
  text: Check against the ministry's statement.
  tags:
  - aviation
  created: '2025-01-02T10:00:00Z'
  updated: '2025-01-02T10:00:00Z'
- id: 9e8d7c6b5a40
  article:
    id: 0f1e2d3c4b5a6978
    title: China EU Summit
    path: /home/ana/Documents/corpus/001_feed.txt
  text: Whole-article note.
  tags: []
  created: '2025-01-03T11:00:00Z'
  updated: '2025-01-03T11:00:00Z'
"""


def _schema_1_store(tmp_path) -> tuple[BriefingStore, bytes]:
    store = BriefingStore(tmp_path / "notes")
    store.directory.mkdir(parents=True, exist_ok=True)
    raw = SCHEMA_1.encode("utf-8")
    store.path_for("caucasus-watch").write_bytes(raw)
    return store, raw


def test_schema_1_file_loads_with_its_notes_as_written(tmp_path):
    store, _ = _schema_1_store(tmp_path)
    briefing = store.load("caucasus-watch")
    assert briefing.title == "Caucasus watch"
    assert briefing.summary == "Ties between Baku and Moscow.\nSecond line."
    quoted, whole = briefing.notes
    assert quoted.article.path == "/home/ana/Documents/corpus/001_feed.txt"
    assert quoted.article.date == "2024-12" and quoted.article.corpus is None
    assert quoted.quote.exact.endswith("surface-to-air missile")
    assert (quoted.quote.start, quoted.quote.end) == (412, 489)
    assert not hasattr(quoted.quote, "orphaned")
    assert quoted.tags == ("aviation",)
    assert whole.quote is None and whole.text == "Whole-article note."
    [entry] = store.briefings()
    assert (entry.slug, entry.note_count, entry.error) == ("caucasus-watch", 2, None)


def test_loading_a_schema_1_file_does_not_rewrite_it(tmp_path):
    store, raw = _schema_1_store(tmp_path)
    store.load("caucasus-watch")
    store.briefings()
    assert store.path_for("caucasus-watch").read_bytes() == raw
    assert not backup_path(store.path_for("caucasus-watch")).exists()


def test_first_save_writes_schema_2_and_keeps_the_schema_1_file_as_backup(tmp_path):
    store, raw = _schema_1_store(tmp_path)
    before = store.load("caucasus-watch")
    note = new_note(ArticleRef("a9", "New article", path="world/new.txt", corpus="/c"), text="n")
    after = store.add_note("caucasus-watch", note)
    path = store.path_for("caucasus-watch")
    assert backup_path(path) == path.with_name("caucasus-watch.yaml.bak")
    assert backup_path(path).read_bytes() == raw
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION == 2
    assert "orphaned" not in data["notes"][0]["quote"]
    assert data["notes"][0]["article"]["path"] == "/home/ana/Documents/corpus/001_feed.txt"
    assert data["notes"][2]["article"]["corpus"] == "/c"
    assert after.notes[:2] == before.notes
    assert BriefingStore(store.directory).load("caucasus-watch") == after


def test_schema_2_round_trip_keeps_author_and_corpus(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Rates").slug
    ref = ArticleRef(
        "a1", "Rates rise", author="Ana Diaz", corpus="/data/corpus", path="business/rates.txt"
    )
    saved = store.add_note(slug, new_note(ref, text="n"))
    assert BriefingStore(store.directory).load(slug) == saved
    article = yaml.safe_load(dump_briefing(saved))["notes"][0]["article"]
    assert (article["author"], article["corpus"]) == ("Ana Diaz", "/data/corpus")
    assert saved.notes[0].article.corpus_name == "corpus"
