"""Saves that cannot happen leave everything as it was: a file too big to read back is
never written, and a write the file system refuses (a real size limit) is one line.

A briefing far larger than the loader's general limit still loads.
"""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from briefings import store as store_module
from briefings.errors import BriefingFileError, BriefingSaveError
from briefings.filesafe import backup_path
from briefings.models import ArticleRef, new_note
from tests.unit.briefing_helpers import make_store

REF = ArticleRef(id="a1", title="Rates rise")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_briefing_that_would_outgrow_what_can_be_read_back_is_not_written(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.add_note(slug, new_note(REF, text="small"))
    before = _files(store.directory)
    monkeypatch.setattr(store_module, "MAX_BRIEFING_BYTES", 2**20)
    with pytest.raises(BriefingFileError) as caught:
        store.add_note(slug, new_note(REF, text="x" * 2**20))
    path = store.path_for(slug)
    assert str(caught.value) == f"{path}: would grow past 1 MB; start a new briefing"
    assert _files(store.directory) == before
    assert [n.text for n in store.load(slug).notes] == ["small"]


def test_a_save_the_file_system_refuses_is_one_line_and_changes_nothing(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.add_note(slug, new_note(REF, text="first"))
    store.add_note(slug, new_note(REF, text="second"))
    path = store.path_for(slug)
    before = _files(store.directory)
    assert backup_path(path).name in before
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # A real limit on file size: the kernel refuses the write (Python ignores SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size + 50, hard))
    try:
        with pytest.raises(BriefingSaveError) as caught:
            store.add_note(slug, new_note(REF, text="third " * 100))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert isinstance(caught.value, OSError)
    assert (caught.value.path, caught.value.reason) == (path, "File too large")
    assert str(caught.value) == (
        f"{path}: cannot be saved: File too large; the file was left as it was"
    )
    assert _files(store.directory) == before
    assert [n.text for n in store.load(slug).notes] == ["first", "second"]


def test_a_briefing_larger_than_the_general_yaml_limit_still_loads(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Big").slug
    text = "word " * (2 * 2**20)
    store.add_note(slug, new_note(REF, text=text))
    assert store.path_for(slug).stat().st_size > 8 * 2**20
    fresh = make_store(tmp_path)
    [note] = fresh.load(slug).notes
    assert note.text == text
