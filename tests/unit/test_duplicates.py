"""Copies (the same text in several files) and versions (one story with small edits),
found on a real index of files written for each test."""

from __future__ import annotations

import os

from search.index import duplicates
from search.index.duplicates import contained, find_duplicates, sketch
from search.index.manifest import load_manifest
from search.whoosh_service import WhooshSearchService
from tests.duplicate_stories import OTHER, REPORT, VERSION, write


def _service(tmp_path, files: dict[str, str]) -> WhooshSearchService:
    corpus = write(tmp_path / "corpus", files)
    return WhooshSearchService(corpus, tmp_path / "index")


def _ids(service) -> dict[str, str]:
    return {a.path: a.id for a in service.articles()}


def test_files_with_the_same_bytes_are_reported_and_list_each_other_as_copies(tmp_path):
    service = _service(tmp_path, {"a.txt": REPORT, "b.txt": REPORT, "other.txt": OTHER})
    report = service.update(find_copies=True)
    assert report.articles == 3
    assert report.identical_files == (("b.txt", "a.txt"),)
    ids = _ids(service)
    assert service.copies_of(ids["a.txt"]).copies == ("b.txt",)
    assert service.copies_of(ids["b.txt"]).copies == ("a.txt",)
    assert service.copies_of(ids["other.txt"]).copies == ()


def test_three_copies_each_name_the_other_two(tmp_path):
    service = _service(tmp_path, {"a.txt": REPORT, "b.txt": REPORT, "sub/c.txt": REPORT})
    report = service.update(find_copies=True)
    assert report.identical_files == (("b.txt", "a.txt"), ("sub/c.txt", "a.txt"))
    assert service.copies_of(_ids(service)["b.txt"]).copies == ("a.txt", "sub/c.txt")


def test_the_same_text_in_another_encoding_is_a_copy_but_not_an_identical_file(tmp_path):
    text = REPORT.replace("Baku", "Bakı").replace("Georgia", "Géorgie")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "utf8.txt").write_text(text, encoding="utf-8")
    (corpus / "windows.txt").write_bytes(text.replace("ı", "i").encode("cp1252"))
    (corpus / "latin.txt").write_text(text.replace("ı", "i"), encoding="utf-8")
    service = WhooshSearchService(corpus, tmp_path / "index")
    report = service.update(find_copies=True)
    assert report.identical_files == ()
    ids = _ids(service)
    assert service.copies_of(ids["windows.txt"]).copies == ("latin.txt",)
    assert service.copies_of(ids["utf8.txt"]).copies == ()


def test_a_story_refiled_with_small_edits_is_a_version_and_another_report_is_not(tmp_path):
    service = _service(tmp_path, {"first.txt": REPORT, "refiled.txt": VERSION, "other.txt": OTHER})
    report = service.update(find_copies=True)
    assert report.version_pairs == (("first.txt", "refiled.txt"),)
    ids = _ids(service)
    found = service.copies_of(ids["first.txt"])
    assert found.copies == ()
    assert [(v.path, v.title) for v in found.versions] == [
        ("refiled.txt", "Baku signs twenty-year harbour deal")
    ]
    assert [v.path for v in service.copies_of(ids["refiled.txt"]).versions] == ["first.txt"]
    assert service.copies_of(ids["other.txt"]).versions == ()


def test_a_version_of_a_story_with_copies_is_a_version_of_every_copy(tmp_path):
    files = {"a.txt": REPORT, "b.txt": REPORT, "refiled.txt": VERSION}
    service = _service(tmp_path, files)
    service.update()
    ids = _ids(service)
    assert [v.path for v in service.copies_of(ids["b.txt"]).versions] == ["refiled.txt"]
    assert [v.path for v in service.copies_of(ids["refiled.txt"]).versions] == ["a.txt", "b.txt"]


def test_deleting_a_copy_leaves_the_other_without_copies(tmp_path):
    service = _service(tmp_path, {"a.txt": REPORT, "b.txt": REPORT})
    service.update()
    (tmp_path / "corpus" / "b.txt").unlink()
    report = service.update(find_copies=True)
    assert report.identical_files == ()
    assert service.copies_of(_ids(service)["a.txt"]).copies == ()


def test_editing_a_copy_a_little_makes_it_a_version_instead(tmp_path):
    service = _service(tmp_path, {"a.txt": REPORT, "b.txt": REPORT})
    service.update()
    edited = tmp_path / "corpus" / "b.txt"
    edited.write_text(VERSION, encoding="utf-8")
    os.utime(edited, ns=(1, 1))
    report = service.update(find_copies=True)
    assert report.identical_files == ()
    assert report.version_pairs == (("a.txt", "b.txt"),)
    found = service.copies_of(_ids(service)["a.txt"])
    assert found.copies == ()
    assert [v.path for v in found.versions] == ["b.txt"]


def test_a_later_search_compares_only_pairs_with_a_new_text(tmp_path):
    service = _service(tmp_path, {"first.txt": REPORT, "refiled.txt": VERSION})
    service.update()
    manifest = load_manifest(service.folder)
    files = {key: (e.digest, e.articles) for key, e in manifest.files.items()}
    asked: list[str] = []

    def bodies(ids):
        asked.extend(ids)
        return service._bodies(ids)

    first = find_duplicates(files, bodies)
    assert len(asked) == 2 and len(first.version_pairs) == 1
    again = find_duplicates(files, bodies, first.verdicts)
    assert len(asked) == 2
    assert again.version_pairs == first.version_pairs


def _manifest_files(service) -> dict:
    manifest = load_manifest(service.folder)
    return {key: (e.digest, e.articles) for key, e in manifest.files.items()}


def test_bodies_are_read_a_slice_at_a_time_with_the_same_versions(tmp_path, monkeypatch):
    files = {"first.txt": REPORT, "refiled.txt": VERSION, "again.txt": VERSION + " Updated."}
    service = _service(tmp_path, files)
    service.update()
    whole = find_duplicates(_manifest_files(service), service._bodies)
    asked: list[int] = []

    def bodies(ids):
        asked.append(len(ids))
        return service._bodies(ids)

    monkeypatch.setattr(duplicates, "BODIES_AT_ONCE", 2)
    sliced = find_duplicates(_manifest_files(service), bodies)
    assert asked == [2, 1]
    assert sliced.version_pairs == whole.version_pairs and len(whole.version_pairs) == 3


def test_versions_are_the_same_when_a_corpus_has_more_words_than_characters(tmp_path, monkeypatch):
    service = _service(tmp_path, {"first.txt": REPORT, "refiled.txt": VERSION, "o.txt": OTHER})
    service.update()
    found = find_duplicates(_manifest_files(service), service._bodies)
    # Room for a few dozen words only: most of each body stays a list of words.
    monkeypatch.setattr(duplicates.sys, "maxunicode", 40)
    crowded = find_duplicates(_manifest_files(service), service._bodies)
    assert crowded.version_pairs == found.version_pairs == [("first.txt", "refiled.txt")]


def _entries(bodies: dict[str, str]) -> dict[str, tuple[str, list[dict]]]:
    """Manifest entries of one article a file, each body its own text."""
    return {
        name: (name, [{"id": name, "path": name, "text": name, "sketch": sketch(body)}])
        for name, body in bodies.items()
    }


def _words(first: int, count: int) -> str:
    return " ".join(f"w{n}" for n in range(first, first + count)) + "."


def test_a_body_that_outgrows_the_characters_is_still_compared_with_one_that_did_not(
    monkeypatch,
):
    # The short body's words all get a character; the long one's last words do not.
    bodies = {"short.txt": _words(0, 30), "long.txt": _words(0, 30) + " " + _words(100, 20)}
    monkeypatch.setattr(duplicates.sys, "maxunicode", 35)
    found = find_duplicates(_entries(bodies), lambda ids: {i: bodies[i] for i in ids})
    assert found.version_pairs == [("long.txt", "short.txt")]


def test_two_bodies_sharing_one_passage_are_compared_but_are_not_versions():
    passage = _words(0, 80)
    bodies = {"a.txt": _words(100, 50) + " " + passage, "b.txt": passage + " " + _words(200, 50)}
    asked: list[str] = []

    def read(ids):
        asked.extend(ids)
        return {i: bodies[i] for i in ids}

    found = find_duplicates(_entries(bodies), read)
    assert sorted(asked) == ["a.txt", "b.txt"]  # the sketches made them candidates
    assert found.version_pairs == [] and found.versions == {}


def test_a_body_sharing_exactly_the_version_share_is_a_version():
    # 16 of 20 words in order: 80%, the least a version shares.
    first = _words(0, 20)
    second = " ".join([*first.split()[:8], "x1", "x2", "x3", "x4", *first.split()[12:]])
    bodies = {"a.txt": first, "b.txt": second}
    found = find_duplicates(_entries(bodies), lambda ids: {i: bodies[i] for i in ids})
    assert found.version_pairs == [("a.txt", "b.txt")]


def test_an_unknown_article_has_no_copies(tmp_path):
    service = _service(tmp_path, {"a.txt": REPORT})
    service.update()
    assert service.copies_of("no-such-id").copies == ()


def test_sketches_of_a_short_body_and_of_no_words():
    assert sketch("") == sketch("...") == ""
    assert sketch("Oil rose.") == sketch("OIL   rose!")
    assert sketch("Oil rose.")[:8] == "00000001"  # one shingle, then its hash


def test_the_sketches_of_a_story_and_its_version_estimate_most_of_it_shared():
    def body(text: str) -> str:
        return text.split("\n\n", 1)[1]

    assert contained(sketch(body(REPORT)), sketch(body(VERSION))) > 0.8
    assert contained(sketch(body(REPORT)), sketch(body(OTHER))) < 0.2


def test_a_sketch_keeps_the_smallest_hashes_however_they_are_spread():
    spread = set(range(0, 1 << 32, (1 << 32) // 5000))  # hash 0 among them
    crowded_high = set(range((1 << 32) - 1000, 1 << 32))  # none below the usual bound
    for hashes in (spread, crowded_high, set(range(100))):
        assert duplicates._smallest(hashes, 32) == sorted(hashes)[:32]
