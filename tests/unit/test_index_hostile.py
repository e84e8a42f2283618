"""Indexing a hostile folder finishes: every good file is searchable, every bad one has a reason."""

from __future__ import annotations

import os

import pytest

from search.whoosh_service import WhooshSearchService

BIG_PARAGRAPH = "Paragraph {n} of the harbour report lists freight figures and customs queues."


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(1024))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (corpus / "russian.txt").write_bytes(
        "Переговоры продолжатся\n\nМинистерство заявило, что переговоры продолжатся.".encode(
            "cp1251"
        )
    )
    (corpus / "french.txt").write_bytes(
        "Les négociations reprendront\n\nLe ministère a annoncé la reprise.".encode("latin-1")
    )
    (corpus / "utf16.txt").write_bytes(
        "Bakı hosts the forum\n\nDelegations arrived in Bakı on Monday.".encode("utf-16")
    )
    (corpus / "escapes.md").write_text(
        "\x1b[31mRed alert\x1b[0m report\n\nThe log shows [bold red]x[/] and "
        "[link=file:///etc/passwd]click[/link] as plain text.\n",
        encoding="utf-8",
    )
    with (corpus / "big.txt").open("w", encoding="utf-8") as out:
        out.write("A very long harbour report\n\n")
        n = 0
        while out.tell() < 20 * 1024 * 1024:
            out.write(BIG_PARAGRAPH.format(n=n) + "\n\n")
            n += 1
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    service = WhooshSearchService(corpus, root / "index")
    return service, service.update()


def _titles(service, query):
    return {hit.title for hit in service.search(query).hits}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("министерство", "Переговоры продолжатся"),
        ("ministère", "Les négociations reprendront"),
        ("delegations", "Bakı hosts the forum"),
        ("passwd", "Red alert report"),
        ("customs", "A very long harbour report"),
    ],
)
def test_every_good_file_is_searchable(indexed, query, title):
    service, _ = indexed
    assert title in _titles(service, query)


def test_every_bad_file_is_reported_with_a_reason(indexed):
    _, report = indexed
    reasons = {os.path.basename(s.path): s.reason for s in report.skipped}
    assert {"binary.txt", "empty.txt", "photo.jpg"} <= set(reasons)
    assert all(reason.strip() for reason in reasons.values())


def test_markup_and_escapes_reach_the_index_as_plain_text(indexed):
    service, _ = indexed
    hit = service.search("passwd").hits[0]
    article = service.article(hit.id)
    assert "\x1b" not in article.title + article.body
    assert "[bold red]x[/]" in article.body
