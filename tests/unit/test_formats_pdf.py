"""A PDF is one article whose pages are marked in its body; a scanned, encrypted or
damaged PDF is refused with a reason a user can act on."""

from __future__ import annotations

import pytest

from search.index.metadata import BadMetadata, check_manifest
from search.reading.pdf import pdf_date
from search.reading.reader import UnreadableFile, read_articles
from tests.unit.document_files import make_pdf

REPORT = [
    [
        "Caspian energy outlook",
        "Gas exports from Azerbaijan rose in the first half of the year, the ministry",
        "said, as new fields came on stream.",
    ],
    ["Pipeline capacity will double by 2027, according to the consortium."],
    [],
    ["Annex: the tables behind these figures."],
]


def _read(tmp_path, data: bytes, name: str = "report.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_articles(path, tmp_path)


def test_pdf_is_one_article_with_the_start_of_each_page(tmp_path):
    info = {
        "Title": "Energy outlook 2024",
        "Author": "Ann Lee",
        "CreationDate": "D:20240712103000+04'00'",
    }
    [article] = _read(tmp_path, make_pdf(REPORT, info=info))
    assert article.title == "Energy outlook 2024"
    assert article.author == "Ann Lee"
    assert article.date == "2024-07-12"
    assert len(article.pages) == 4
    assert article.pages[0] == 0
    body, starts = article.body, article.pages
    assert body[: starts[1]].startswith("Caspian energy outlook")
    assert "said, as new fields came on stream." in body[: starts[1]]
    assert body[starts[1] : starts[2]].strip() == (
        "Pipeline capacity will double by 2027, according to the consortium."
    )
    # An empty page covers no text; the next page starts after it.
    assert body[starts[2] : starts[3]].strip() == ""
    assert body[starts[3] :] == "Annex: the tables behind these figures."


def test_pdf_without_a_metadata_title_takes_its_first_heading(tmp_path):
    [article] = _read(tmp_path, make_pdf(REPORT))
    assert article.title == "Caspian energy outlook"
    assert article.body.startswith("Gas exports from Azerbaijan rose")
    assert article.pages[0] == 0
    assert article.body[article.pages[1] :].startswith("Pipeline capacity")


def test_a_title_naming_the_file_or_the_program_is_not_the_documents_title(tmp_path):
    for title in ("Microsoft Word - draft_v3.docx", "report-final.pdf", "Untitled"):
        [article] = _read(tmp_path, make_pdf(REPORT, info={"Title": title}))
        assert article.title == "Caspian energy outlook"


def test_scanned_pdf_without_a_text_layer_is_refused_as_such(tmp_path):
    with pytest.raises(UnreadableFile, match=r"^no text layer \(a scanned PDF\?\)$"):
        _read(tmp_path, make_pdf([[], []], drawing_only=True))


def test_pdf_that_needs_a_password_is_refused_as_encrypted(tmp_path):
    with pytest.raises(UnreadableFile, match=r"^encrypted"):
        _read(tmp_path, make_pdf(REPORT, encrypted=True))


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not a PDF body\n", make_pdf(REPORT)[:300], b"\x00\x01\x02" * 50],
    ids=["garbage", "truncated", "binary"],
)
def test_damaged_pdf_is_refused_in_one_line(tmp_path, data):
    with pytest.raises(UnreadableFile) as caught:
        _read(tmp_path, data)
    reason = str(caught.value)
    assert reason.startswith(("damaged PDF", "no text layer")), reason
    assert "\n" not in reason


def test_articles_of_one_pdf_keep_their_id_when_the_text_changes(tmp_path):
    [before] = _read(tmp_path, make_pdf(REPORT))
    [after] = _read(tmp_path, make_pdf([*REPORT, ["One more page."]]))
    assert before.id == after.id
    assert before.content_hash != after.content_hash


def test_pdf_dates_keep_the_precision_they_state():
    assert pdf_date("D:20240712103000+04'00'") == "2024-07-12"
    assert pdf_date("D:202407") == "2024-07"
    assert pdf_date("D:2024") == "2024"
    assert pdf_date("D:20241312") == "2024"
    assert pdf_date("yesterday") is None
    assert pdf_date(None) is None


def _manifest(pages) -> dict:
    entry = {"id": "a1", "path": "r.pdf", "position": 0, "content_hash": "c0ffee"}
    entry |= dict.fromkeys(("title", "source", "author", "date", "url"))
    if pages is not None:
        entry["pages"] = pages
    files = {"r.pdf": {"size": 10, "mtime_ns": 1, "digest": "d", "articles": [entry]}}
    return {"schema_version": 12, "files": files}


def test_page_starts_kept_with_the_index_are_checked_like_every_field():
    for pages in (None, [], [0, 1834]):
        check_manifest(_manifest(pages))
    for pages in ([0, -1], [0, 1.5], "0,1834", [True]):
        with pytest.raises(BadMetadata, match=r"\.pages is not a list of whole numbers$"):
            check_manifest(_manifest(pages))
