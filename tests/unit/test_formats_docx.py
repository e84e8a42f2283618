"""A Word file reads as one article: paragraphs and headings in order, tables as text,
title, author and date from its properties; a damaged or protected file says why."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import docx
import pytest

from search.reading.reader import UnreadableFile, read_articles


def _word_file(path, *, title=None, author="Ann Lee"):
    document = docx.Document()
    props = document.core_properties
    props.title = title or ""
    props.author = author
    props.created = datetime(2024, 7, 12, 9, 30)
    document.add_heading("Caspian pipeline review", level=1)
    document.add_paragraph("Gas flows through the pipeline rose in the first half.")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows,
        [("Country", "Volume"), ("Azerbaijan", "12 bcm"), ("Georgia", "2 bcm")],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Outlook", level=2)
    document.add_paragraph("Capacity doubles by 2027.")
    document.save(path)
    return path


def test_word_file_reads_headings_paragraphs_and_tables_in_order(tmp_path):
    [article] = read_articles(_word_file(tmp_path / "review.docx"), tmp_path)
    assert article.title == "Caspian pipeline review"
    assert article.paragraphs == [
        "Gas flows through the pipeline rose in the first half.",
        "Country | Volume",
        "Azerbaijan | 12 bcm",
        "Georgia | 2 bcm",
        "Outlook",
        "Capacity doubles by 2027.",
    ]
    assert article.author == "Ann Lee"
    assert article.date == "2024-07-12"
    assert article.pages == ()


def test_word_files_own_title_comes_first(tmp_path):
    path = _word_file(tmp_path / "review.docx", title="Pipeline review, July")
    [article] = read_articles(path, tmp_path)
    assert article.title == "Pipeline review, July"
    assert article.paragraphs[0] == "Caspian pipeline review"


def test_merged_table_cells_are_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("Quarterly figures for the region.")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Exports by quarter"
    for cell, text in zip(table.rows[1].cells, ("Q1", "Q2", "Q3"), strict=True):
        cell.text = text
    path = tmp_path / "figures.docx"
    document.save(path)
    [article] = read_articles(path, tmp_path)
    assert "Exports by quarter\n\nQ1 | Q2 | Q3" in article.body


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "damaged Word file"),
        (_zip({"hello.txt": b"not a Word file"}), "damaged Word file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an old Word file (.doc)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
        ),
    ],
    ids=["bad-zip", "no-document", "old-doc", "password"],
)
def test_damaged_or_protected_word_file_is_refused_in_one_line(tmp_path, data, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as caught:
        read_articles(path, tmp_path)
    assert str(caught.value).startswith(reason)
    assert "\n" not in str(caught.value)


def test_damaged_xml_inside_a_word_file_is_refused(tmp_path):
    path = _word_file(tmp_path / "review.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    path.write_bytes(_zip(parts))
    with pytest.raises(UnreadableFile, match="^damaged Word file"):
        read_articles(path, tmp_path)
