"""Files that are not articles: the default rule and ``.briefingignore``, on real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from search.models import SkippedFile
from search.reading import opening
from search.reading.reader import walk_corpus

STORY = "Oil prices climb in Baku\n\nOil prices rose sharply on Monday.\n"


def make_corpus(folder: Path, names: list[str], ignore: str | bytes | None = None) -> Path:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STORY, encoding="utf-8")
    if isinstance(ignore, str):
        (folder / ".briefingignore").write_text(ignore, encoding="utf-8")
    elif isinstance(ignore, bytes):
        (folder / ".briefingignore").write_bytes(ignore)
    return folder


def walked(folder: Path) -> tuple[list[str], dict[str, str]]:
    """(files to read, {skipped path: reason}), paths relative to ``folder``."""
    read, skipped = [], {}
    for item in walk_corpus(folder):
        if isinstance(item, SkippedFile):
            skipped[os.path.relpath(item.path, folder)] = item.reason
        else:
            read.append(item.relative_to(folder).as_posix())
    return read, skipped


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("README.TXT", "README"),
        ("readme.md", "README"),
        ("ReadMe.txt", "README"),
        ("README.en.md", "README"),
        ("LICENSE", "LICENSE"),
        ("LICENSE-MIT.txt", "LICENSE"),
        ("Licence.txt", "LICENCE"),
        ("COPYING.LESSER", "COPYING"),
        ("CHANGELOG.md", "CHANGELOG"),
        ("contributing.txt", "CONTRIBUTING"),
    ],
)
def test_readme_and_licence_at_the_corpus_root_are_not_articles(tmp_path, name, word):
    read, skipped = walked(make_corpus(tmp_path, [name, "story.txt"]))
    assert read == ["story.txt"]
    assert skipped == {name: f"not an article: {word} at the corpus root"}


def test_readme_in_a_subfolder_and_stories_named_like_one_are_articles(tmp_path):
    names = ["2024/readme.txt", "2024/LICENSE.md", "license-fees-rise.txt", "readmission.txt"]
    read, skipped = walked(make_corpus(tmp_path, names))
    assert sorted(read) == sorted(names)
    assert skipped == {}


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("poetry.lock", "a lock file"),
        ("sub/package-lock.json", "a lock file"),
        ("~$report.docx", "an Office lock file"),
        ("sub/~$notes.txt", "an Office lock file"),
        ("story.txt.swp", "an editor's swap or backup file"),
        ("story.txt~", "an editor's swap or backup file"),
        ("#story.txt#", "an editor's swap or backup file"),
        ("sub/Thumbs.db", "a Windows system file"),
        ("desktop.ini", "a Windows system file"),
        ("report.txt.crdownload", "an unfinished download"),
        ("sub/report.txt.part", "an unfinished download"),
    ],
)
def test_lock_backup_system_and_partial_files_anywhere_are_not_articles(tmp_path, name, what):
    read, skipped = walked(make_corpus(tmp_path, [name, "sub/story.txt"]))
    assert read == ["sub/story.txt"]
    assert skipped == {name: f"not an article: {what}"}


def test_hidden_files_and_folders_are_skipped_as_before(tmp_path):
    read, skipped = walked(make_corpus(tmp_path, [".DS_Store", ".git/HEAD.txt", "a.txt"]))
    assert read == ["a.txt"]
    assert skipped == {".DS_Store": "hidden file", ".git": "hidden folder"}


def test_ignore_file_skips_folders_and_patterns_and_names_its_line(tmp_path):
    names = ["drafts/one.txt", "drafts/two.txt", "2024/old/x.txt", "2024/new.txt", "a.bak.txt"]
    ignore = "# not for the index\n\ndrafts/\n*.bak.txt\n/2024/old\n"
    read, skipped = walked(make_corpus(tmp_path, names, ignore))
    assert read == ["2024/new.txt"]
    assert skipped == {
        ".briefingignore": "the ignore rules for this corpus (applied)",
        "drafts": "ignored by .briefingignore line 3: drafts/",
        "a.bak.txt": "ignored by .briefingignore line 4: *.bak.txt",
        "2024/old": "ignored by .briefingignore line 5: /2024/old",
    }


def test_ignore_file_is_gitignore_syntax_anchored_and_negated(tmp_path):
    names = ["notes.txt", "a/notes.txt", "sub/keep.txt", "sub/drop.txt", "top/deep/x.md"]
    ignore = "/notes.txt\nsub/*\n!sub/keep.txt\n**/x.md\n"
    read, skipped = walked(make_corpus(tmp_path, names, ignore))
    assert sorted(read) == ["a/notes.txt", "sub/keep.txt"]
    assert skipped == {
        ".briefingignore": "the ignore rules for this corpus (applied)",
        "notes.txt": "ignored by .briefingignore line 1: /notes.txt",
        "sub/drop.txt": "ignored by .briefingignore line 2: sub/*",
        "top/deep/x.md": "ignored by .briefingignore line 4: **/x.md",
    }


def test_ignore_file_takes_back_what_the_default_rule_skips(tmp_path):
    names = ["README.TXT", "LICENSE", "yarn.lock", "a.txt"]
    read, skipped = walked(make_corpus(tmp_path, names, "!README.TXT\n"))
    assert read == ["README.TXT", "a.txt"]
    assert set(skipped) == {".briefingignore", "LICENSE", "yarn.lock"}


def test_ignore_file_can_bring_in_a_hidden_folder(tmp_path):
    read, _ = walked(make_corpus(tmp_path, [".archive/old.txt", "a.txt"], "!.archive/\n"))
    assert read == ["a.txt", ".archive/old.txt"]


def test_ignore_file_with_windows_line_ends_and_a_bom_works(tmp_path):
    ignore = "\ufeffdrafts/\r\n*.tmp.txt\r\n".encode()
    read, skipped = walked(make_corpus(tmp_path, ["drafts/a.txt", "b.tmp.txt", "c.txt"], ignore))
    assert read == ["c.txt"]
    assert skipped["drafts"] == "ignored by .briefingignore line 1: drafts/"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("drafts/\n!\n", "line 2: invalid pattern '!'"),
        ("drafts/\nend\\\n", "line 2: invalid pattern 'end\\\\'"),
        (b"drafts/\n\xff\xfe\x00oops\n", "not UTF-8 text (byte 9)"),
    ],
)
def test_malformed_ignore_file_is_set_aside_with_one_line_and_default_rule_applies(
    tmp_path, content, why
):
    read, skipped = walked(make_corpus(tmp_path, ["drafts/a.txt", "README.txt", "b.txt"], content))
    assert read == ["b.txt", "drafts/a.txt"]
    assert skipped == {
        ".briefingignore": f"not applied ({why}); only the default rule applies",
        "README.txt": "not an article: README at the corpus root",
    }


def test_unreadable_ignore_file_is_set_aside(tmp_path, monkeypatch):
    make_corpus(tmp_path, ["drafts/a.txt"], "drafts/\n")
    real_open = opening.os.open

    def denied(path, *args, **kwargs):
        # chmod 000 stops no one running as root: refuse the open itself.
        if os.path.basename(path) == ".briefingignore":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(opening.os, "open", denied)
    read, skipped = walked(tmp_path)
    assert read == ["drafts/a.txt"]
    assert skipped == {
        ".briefingignore": "not applied (permission denied); only the default rule applies"
    }


def test_ignore_file_that_is_a_folder_or_leads_outside_is_set_aside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "rules").write_text("*.txt\n", encoding="utf-8")
    corpus = make_corpus(tmp_path / "corpus", ["a.txt"])
    (corpus / ".briefingignore").symlink_to(outside / "rules")
    read, skipped = walked(corpus)
    assert read == ["a.txt"]
    assert skipped[".briefingignore"].startswith("not applied (leads outside the corpus")
    (corpus / ".briefingignore").unlink()
    (corpus / ".briefingignore").mkdir()
    read, skipped = walked(corpus)
    assert read == ["a.txt"]
    assert skipped[".briefingignore"].startswith("not applied (")


def test_ignore_file_in_a_subfolder_is_not_read(tmp_path):
    make_corpus(tmp_path, ["sub/a.txt"])
    (tmp_path / "sub" / ".briefingignore").write_text("*.txt\n", encoding="utf-8")
    read, skipped = walked(tmp_path)
    assert read == ["sub/a.txt"]
    assert skipped == {"sub/.briefingignore": "hidden file"}
