"""Reading the manifest and the word list strictly: each bad field is one line naming it."""

from __future__ import annotations

import copy
import json
import os

import pytest

from search.index.manifest import load_manifest, read_manifest
from search.index.metadata import BadMetadata, check_manifest, check_words, read_json
from search.index.vocabulary import load_vocabulary, read_vocabulary

ARTICLE = {
    "id": "a1",
    "title": "Oil prices climb",
    "path": "oil.txt",
    "position": 0,
    "source": None,
    "author": None,
    "date": "2024-05-01",
    "url": None,
    "content_hash": "c0ffee",
}
MANIFEST = {
    "schema_version": 9,
    "entity_rules": "rules",
    "files": {
        "oil.txt": {"size": 10, "mtime_ns": -5, "digest": "d", "articles": [ARTICLE]},
        "empty.txt": {"size": 0, "mtime_ns": 0, "digest": "", "articles": []},
    },
}


def with_change(change) -> dict:
    raw = copy.deepcopy(MANIFEST)
    change(raw)
    return raw


def article(raw: dict) -> dict:
    return raw["files"]["oil.txt"]["articles"][0]


def test_a_sound_manifest_passes_and_loads(tmp_path):
    check_manifest(MANIFEST)
    (tmp_path / "manifest.json").write_text(json.dumps(MANIFEST))
    manifest = read_manifest(tmp_path)
    assert manifest.schema_version == 9
    assert manifest.entity_rules == "rules"
    assert manifest.files["oil.txt"].articles == [ARTICLE]
    assert manifest.article_count() == 1


def test_entity_rules_may_be_left_out():
    check_manifest(with_change(lambda raw: raw.pop("entity_rules")))


BAD_MANIFESTS = {
    "not an object": (lambda raw: raw.clear() or None, None),
    "schema_version missing": (
        lambda raw: raw.pop("schema_version"),
        "manifest.json: schema_version is not a whole number",
    ),
    "schema_version negative": (
        lambda raw: raw.update(schema_version=-1),
        "manifest.json: schema_version is not a whole number",
    ),
    "schema_version true": (
        lambda raw: raw.update(schema_version=True),
        "manifest.json: schema_version is not a whole number",
    ),
    "schema_version float": (
        lambda raw: raw.update(schema_version=9.0),
        "manifest.json: schema_version is not a whole number",
    ),
    "entity_rules a number": (
        lambda raw: raw.update(entity_rules=5),
        "manifest.json: entity_rules is not text",
    ),
    "files a list": (lambda raw: raw.update(files=[]), "manifest.json: files is not an object"),
    "files missing": (lambda raw: raw.pop("files"), "manifest.json: files is not an object"),
    "empty path": (
        lambda raw: raw["files"].update({"": raw["files"]["oil.txt"]}),
        "manifest.json: a file with an empty path",
    ),
    "entry a list": (
        lambda raw: raw["files"].update({"oil.txt": []}),
        "manifest.json: files['oil.txt'] is not an object",
    ),
    "size negative": (
        lambda raw: raw["files"]["oil.txt"].update(size=-1),
        "manifest.json: files['oil.txt'].size is not a whole number of bytes",
    ),
    "size infinite": (
        lambda raw: raw["files"]["oil.txt"].update(size=float("inf")),
        "manifest.json: files['oil.txt'].size is not a whole number of bytes",
    ),
    "size missing": (
        lambda raw: raw["files"]["oil.txt"].pop("size"),
        "manifest.json: files['oil.txt'].size is not a whole number of bytes",
    ),
    "mtime a float": (
        lambda raw: raw["files"]["oil.txt"].update(mtime_ns=1.5),
        "manifest.json: files['oil.txt'].mtime_ns is not a whole number",
    ),
    "mtime false": (
        lambda raw: raw["files"]["oil.txt"].update(mtime_ns=False),
        "manifest.json: files['oil.txt'].mtime_ns is not a whole number",
    ),
    "digest a number": (
        lambda raw: raw["files"]["oil.txt"].update(digest=1),
        "manifest.json: files['oil.txt'].digest is not text",
    ),
    "articles an object": (
        lambda raw: raw["files"]["oil.txt"].update(articles={}),
        "manifest.json: files['oil.txt'].articles is not a list",
    ),
    "article a string": (
        lambda raw: raw["files"]["oil.txt"].update(articles=["a1"]),
        "manifest.json: files['oil.txt'].articles[0] is not an object",
    ),
    "article id missing": (
        lambda raw: article(raw).pop("id"),
        "manifest.json: files['oil.txt'].articles[0].id is not text",
    ),
    "article id empty": (
        lambda raw: article(raw).update(id=""),
        "manifest.json: files['oil.txt'].articles[0].id is not text",
    ),
    "content hash empty": (
        lambda raw: article(raw).update(content_hash=""),
        "manifest.json: files['oil.txt'].articles[0].content_hash is not text",
    ),
    "content hash a number": (
        lambda raw: article(raw).update(content_hash=3),
        "manifest.json: files['oil.txt'].articles[0].content_hash is not text",
    ),
    "title missing": (
        lambda raw: article(raw).pop("title"),
        "manifest.json: files['oil.txt'].articles[0].title is missing",
    ),
    "url missing": (
        lambda raw: article(raw).pop("url"),
        "manifest.json: files['oil.txt'].articles[0].url is missing",
    ),
    "date a number": (
        lambda raw: article(raw).update(date=2024),
        "manifest.json: files['oil.txt'].articles[0].date is not text",
    ),
    "position negative": (
        lambda raw: article(raw).update(position=-1),
        "manifest.json: files['oil.txt'].articles[0].position is not a whole number",
    ),
    "position true": (
        lambda raw: article(raw).update(position=True),
        "manifest.json: files['oil.txt'].articles[0].position is not a whole number",
    ),
    "position missing": (
        lambda raw: article(raw).pop("position"),
        "manifest.json: files['oil.txt'].articles[0].position is not a whole number",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_MANIFESTS))
def test_each_bad_field_is_named(case):
    change, message = BAD_MANIFESTS[case]
    raw = with_change(change)
    if case == "not an object":
        raw = ["not", "an", "object"]
        message = "manifest.json: not a JSON object"
    with pytest.raises(BadMetadata) as caught:
        check_manifest(raw)
    assert str(caught.value) == message


def test_the_file_name_in_messages_is_the_one_given():
    with pytest.raises(BadMetadata, match=r"^old\.json: files is not an object$"):
        check_manifest({"schema_version": 1, "files": []}, "old.json")


def test_later_articles_are_checked_too():
    second = dict(ARTICLE, id="a2", position=-3)
    raw = with_change(lambda raw: raw["files"]["oil.txt"]["articles"].append(second))
    with pytest.raises(BadMetadata, match=r"articles\[1\]\.position"):
        check_manifest(raw)


def test_optional_fields_may_be_none_or_text():
    raw = with_change(lambda raw: article(raw).update(title=None, source="Wire", url="http://x"))
    check_manifest(raw)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ('{"a": NaN}', "manifest.json: not valid JSON (NaN is not a number"),
        ('{"a": Infinity}', "manifest.json: not valid JSON (Infinity is not a number"),
        ('{"a": -Infinity}', "manifest.json: not valid JSON (-Infinity is not a number"),
        ('{"a": ', "manifest.json: not valid JSON ("),
        ("[" * 100_000 + "]" * 100_000, "manifest.json: nested too deeply"),
    ],
)
def test_read_json_refuses_what_is_not_plain_json(tmp_path, text, start):
    (tmp_path / "manifest.json").write_text(text)
    with pytest.raises(BadMetadata) as caught:
        read_json(tmp_path / "manifest.json")
    assert str(caught.value).startswith(start)


def test_read_json_names_a_missing_file_a_folder_and_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "manifest.json"
    with pytest.raises(BadMetadata, match=r"^manifest\.json: missing$"):
        read_json(path)
    path.mkdir()
    with pytest.raises(BadMetadata, match=r"^manifest\.json: a folder where a file should be$"):
        read_json(path)
    path.rmdir()
    path.write_bytes(b'{"\xff": 1}')
    with pytest.raises(BadMetadata, match=r"^manifest\.json: not UTF-8 text$"):
        read_json(path)


def test_read_json_reads_big_numbers_as_infinite_floats_that_no_check_accepts(tmp_path):
    (tmp_path / "words.json").write_text('{"oil": 1e999}')
    assert read_json(tmp_path / "words.json") == {"oil": float("inf")}
    with pytest.raises(BadMetadata, match="the count of 'oil' is not a whole number"):
        read_vocabulary(tmp_path)
    assert load_vocabulary(tmp_path) is None


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "manifest.json"
    path.write_text("{}")

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("search.index.metadata.read_text", refuse)
    refused = r"^manifest\.json: cannot be read \(Permission denied\)$"
    with pytest.raises(BadMetadata, match=refused):
        read_json(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_the_place_of_the_manifest_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "manifest.json")
    with pytest.raises(BadMetadata, match=r"^manifest\.json: not a regular file$"):
        read_json(tmp_path / "manifest.json")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([1], "words.json: not a JSON object"),
        ({"oil": -1}, "words.json: the count of 'oil' is not a whole number"),
        ({"oil": 1.0}, "words.json: the count of 'oil' is not a whole number"),
        ({"oil": True}, "words.json: the count of 'oil' is not a whole number"),
        ({"oil": "3"}, "words.json: the count of 'oil' is not a whole number"),
        (
            {"bank": 2, "oil": 0, "rates": -4},
            "words.json: the count of 'rates' is not a whole number",
        ),
    ],
)
def test_bad_word_counts_are_named(raw, message):
    with pytest.raises(BadMetadata) as caught:
        check_words(raw)
    assert str(caught.value) == message


def test_sound_word_counts_load(tmp_path):
    assert check_words({"oil": 0, "bank": 3}) == {"oil": 0, "bank": 3}
    (tmp_path / "words.json").write_text('{"oil": 2, "bank": 1}')
    vocabulary = read_vocabulary(tmp_path)
    assert vocabulary.counts == {"oil": 2, "bank": 1}
    assert "oil" in vocabulary


def test_load_manifest_gives_none_for_any_bad_manifest(tmp_path):
    assert load_manifest(tmp_path) is None
    (tmp_path / "manifest.json").write_text(json.dumps(with_change(lambda r: r.update(files=[]))))
    assert load_manifest(tmp_path) is None
    (tmp_path / "manifest.json").write_text(json.dumps(MANIFEST))
    assert load_manifest(tmp_path).article_count() == 1
