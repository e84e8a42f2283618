"""A hostile corpus: reading finishes, good files give the right text, bad ones a reason."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.models import SkippedFile
from search.reading import opening
from search.reading import reader as reading
from search.reading.reader import UnreadableFile, read_articles, walk_corpus

RUSSIAN_TITLE = "Переговоры продолжатся в сентябре"
RUSSIAN_BODY = (
    "Министерство иностранных дел заявило, что переговоры продолжатся в следующем месяце. "
    "По словам представителя ведомства, стороны обсудили вопросы торговли и транспорта."
)
FRENCH_TITLE = "Les négociations reprendront à la rentrée"
FRENCH_BODY = (
    "Le ministère a annoncé que les négociations reprendront à la rentrée. Selon le "
    "porte-parole, les délégations ont évoqué l'énergie et la sécurité régionale."
)
UTF16_TITLE = "Bakı hosts the regional energy forum"
UTF16_BODY = "Delegations from twelve countries arrived in Bakı on Monday — the forum opens today."
MARKUP_BODY = (
    "The log shows [bold red]x[/] next to the entry and a line "
    "[link=file:///etc/passwd]click here[/link] that must stay literal text."
)
BIG_PARAGRAPH = (
    "Paragraph {n} of the long report describes the harbour works, the rail freight figures "
    "and the customs queues at the border crossing in considerable detail."
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _write_big(path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("A very long report\n\n")
        while out.tell() < 20 * 1024 * 1024:
            out.write(BIG_PARAGRAPH.format(n=count) + "\n\n")
            count += 1
    return count


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048))
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("\n \n\t\n", encoding="utf-8")
    (root / "menu_only.html").write_text(
        "<html><body><ul><li>twitter</li><li>youtube</li><li>facebook</li></ul></body></html>",
        encoding="utf-8",
    )
    (root / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (root / "nested" / "cyrillic.txt").write_bytes(
        f"{RUSSIAN_TITLE}\n\n{RUSSIAN_BODY}\n".encode("cp1251")
    )
    (root / "nested" / "latin1.txt").write_bytes(
        f"{FRENCH_TITLE}\n\n{FRENCH_BODY}\n".encode("latin-1")
    )
    (root / "nested" / "deeper" / "utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + f"{UTF16_TITLE}\r\n\r\n{UTF16_BODY}\r\n".encode("utf-16-le")
    )
    paragraphs = _write_big(root / "big.txt")
    (root / "escapes.txt").write_text(
        "\x1b[1;31mAlert\x1b[0m in the \x1b]0;pwned\x07logs\n\n"
        f"\x1b[2J\x1b[H{MARKUP_BODY}\x1b]8;;http://evil.example\x1b\\\x1b]8;;\x1b\\\x07\x08\n",
        encoding="utf-8",
    )
    secret = root / "secret.txt"
    secret.write_text("Secret title\n\nNobody may read this text.\n", encoding="utf-8")
    secret.chmod(0)
    (root / "nested" / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    yield root, paragraphs
    secret.chmod(0o644)


@pytest.fixture(scope="module")
def outcome(hostile):
    """The whole corpus read once: articles of good files and reasons for bad ones."""
    root, paragraphs = hostile
    good, bad = _read_all(root)
    return good, bad, paragraphs


def _read_all(root: Path) -> tuple[dict[str, list], dict[str, str]]:
    good: dict[str, list] = {}
    bad: dict[str, str] = {}
    for item in walk_corpus(root):
        if isinstance(item, SkippedFile):
            bad[Path(item.path).name] = item.reason
            continue
        try:
            good[item.name] = read_articles(item)
        except UnreadableFile as exc:
            bad[item.name] = str(exc)
    return good, bad


def test_good_files_give_articles_with_the_right_text(outcome):
    good, _, paragraphs = outcome
    (cyrillic,) = good["cyrillic.txt"]
    assert (cyrillic.title, cyrillic.body) == (RUSSIAN_TITLE, RUSSIAN_BODY)
    (latin,) = good["latin1.txt"]
    assert (latin.title, latin.body) == (FRENCH_TITLE, FRENCH_BODY)
    (utf16,) = good["utf16.txt"]
    assert (utf16.title, utf16.body) == (UTF16_TITLE, UTF16_BODY)
    (big,) = good["big.txt"]
    assert big.title == "A very long report"
    assert len(big.paragraphs) == paragraphs
    assert big.paragraphs[-1] == BIG_PARAGRAPH.format(n=paragraphs - 1)


def test_escapes_are_gone_and_markup_stays_literal(outcome):
    good, _, _ = outcome
    (article,) = good["escapes.txt"]
    assert article.title == "Alert in the logs"
    assert article.body == MARKUP_BODY
    assert not any(ch in article.body for ch in "\x1b\x07\x08\x9b")


def test_bad_files_are_reported_with_a_reason(outcome):
    _, bad, _ = outcome
    assert bad["binary.txt"] == "binary file"
    assert bad["empty.txt"] == "empty file"
    assert bad["blank.md"] == "empty file"
    assert bad["menu_only.html"] == "no text left after cleaning"
    assert bad["report.pdf"] == "damaged PDF (not a readable PDF structure)"
    assert bad["dangling.txt"] == "broken symlink"
    assert "symlink loop" in bad["loop"]
    assert all(reason and "\n" not in reason for reason in bad.values())


def test_symlink_loop_is_walked_once(hostile):
    root, _ = hostile
    paths = [p for p in walk_corpus(root) if isinstance(p, Path)]
    assert len(paths) == len({p.resolve() for p in paths})
    assert sum(p.name == "cyrillic.txt" for p in paths) == 1


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root reading")
def test_file_without_read_permission_is_reported(outcome):
    _, bad, _ = outcome
    assert bad["secret.txt"] == "permission denied"


def test_permission_denied_while_reading_is_a_reason_not_a_crash(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nText.\n", encoding="utf-8")

    def denied(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(opening.os, "open", denied)
    with pytest.raises(UnreadableFile, match="^permission denied$"):
        read_articles(path)


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root listing")
def test_folder_without_permission_is_skipped_with_a_reason(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        found = list(walk_corpus(tmp_path))
    finally:
        locked.chmod(0o755)
    assert found == [SkippedFile(str(locked), "folder not readable (permission denied)")]


def test_folder_listing_denied_is_skipped_with_a_reason(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "story.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(reading.os, "scandir", scandir)
    found = list(walk_corpus(tmp_path))
    assert found == [
        tmp_path / "story.txt",
        SkippedFile(str(tmp_path / "locked"), "folder not readable (permission denied)"),
    ]


def test_missing_corpus_folder_is_reported_not_raised(tmp_path):
    (skipped,) = walk_corpus(tmp_path / "missing")
    assert skipped.reason == "folder not readable (No such file or directory)"


def test_hidden_files_and_second_links_are_skipped_with_reasons(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "c.txt").hardlink_to(tmp_path / "a.txt")
    (tmp_path / "notes.pptx").write_bytes(b"PK")
    (tmp_path / "README").write_text("x", encoding="utf-8")
    found = list(walk_corpus(tmp_path))
    assert found == [
        SkippedFile(str(tmp_path / ".git"), "hidden folder"),
        SkippedFile(str(tmp_path / "README"), "not an article: README at the corpus root"),
        tmp_path / "a.txt",
        SkippedFile(str(tmp_path / "b.txt"), "same file already read through another link"),
        SkippedFile(str(tmp_path / "c.txt"), "same file already read through another link"),
        SkippedFile(str(tmp_path / "notes.pptx"), "unsupported file type .pptx"),
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=3000).map(lambda t: t.encode("utf-8")),
        st.lists(
            st.sampled_from(
                [
                    "Headline",
                    "I. Section",
                    "2. Item.",
                    "- I. **Entry** 3",
                    "Contents",
                    "https://example.org/x",
                    "Source: https://a.example/b",
                    "14 January 2025",
                    "By Jane Doe",
                    "© 2024 Site",
                    "twitter",
                    "youtube",
                    "Leave a Reply",
                    "",
                    "\x1b[31m",
                    "[bold]x[/]",
                    "A sentence that ends here.",
                    "and goes on",
                    "12",
                ]
            ),
            max_size=60,
        ).map(lambda lines: "\n".join(lines).encode("utf-8")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_any_file_gives_articles_or_a_reason(tmp_path, content, suffix):
    path = tmp_path / f"document{suffix}"
    path.write_bytes(content)
    try:
        articles = read_articles(path)
    except UnreadableFile as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert articles and all(a.title or a.body for a in articles)
    assert [a.position for a in articles] == list(range(len(articles)))
    assert not any("\x1b" in a.body or "\x1b" in a.title for a in articles)
