"""A folder of PDFs, Word files and e-mail is indexed, listed and searched like text:
`briefing articles --json` gives a PDF's page starts, and a scanned, encrypted or
damaged file is listed in the index report with its reason without stopping the build."""

from __future__ import annotations

import json
from datetime import datetime
from email.message import EmailMessage

import docx

from tests.cli.index_cli_helpers import briefing
from tests.unit.document_files import make_pdf


def _message(subject: str, body: str, date: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "Ann Lee <ann@example.org>"
    message["Date"] = date
    message.set_content(body)
    return message


def _corpus(tmp_path):
    corpus = tmp_path / "downloads"
    corpus.mkdir()
    (corpus / "outlook.pdf").write_bytes(
        make_pdf(
            [
                ["Caspian energy outlook", "Gas exports rose in the first half of the year."],
                ["Pipeline capacity doubles by 2027, says the consortium."],
            ],
            info={"Author": "Energy Desk", "CreationDate": "D:20240712"},
        )
    )
    document = docx.Document()
    document.core_properties.created = datetime(2024, 7, 1)
    document.core_properties.author = "Shipping Desk"
    document.add_heading("Shipping volumes", level=1)
    document.add_paragraph("Tanker traffic through the strait this quarter.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Tankers"
    table.cell(0, 1).text = "Kazmunaygas 412"
    document.save(corpus / "volumes.docx")
    talks = _message(
        "Pipeline talks", "Talks resumed in Baku on Friday.\n", "Fri, 12 Jul 2024 10:30:00 +0400"
    )
    talks.add_attachment("Minutes of the Sangachal meeting.\n", filename="minutes.txt")
    (corpus / "talks.eml").write_bytes(bytes(talks))
    # Written by hand: dates as some mail programs write them, without a time.
    (corpus / "inbox.mbox").write_text(
        "From ann@example.org Sat Jul 13 09:00:00 2024\n"
        "From: Ann Lee <ann@example.org>\nSubject: Morning note\nDate: Sat, 13 Jul 2024\n\n"
        "Shahdeniz output held steady.\n\n"
        "From ann@example.org Sun Jul 14 09:00:00 2024\n"
        "From: Ann Lee <ann@example.org>\nSubject: Evening note\nDate: Sun, 14 Jul 2024\n\n"
        "Markets closed higher.\n",
        encoding="ascii",
    )
    (corpus / "scan.pdf").write_bytes(make_pdf([[]], drawing_only=True))
    (corpus / "locked.pdf").write_bytes(make_pdf([["Secret"]], encrypted=True))
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 half a download")
    (corpus / "broken.eml").write_bytes(b"\x00\x01\x02 not mail\n")
    return corpus


def test_documents_and_mail_are_indexed_and_bad_files_listed_with_reasons(tmp_path):
    corpus = _corpus(tmp_path)
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Skipped:   4 files" in out.stdout
    for name, reason in (
        ("broken.docx", "damaged Word file (not a zip archive)"),
        ("broken.eml", "not an e-mail message (no headers or body found)"),
        ("locked.pdf", "encrypted (needs a password)"),
        ("scan.pdf", "no text layer (a scanned PDF?)"),
    ):
        assert f"{corpus / name}: {reason}" in out.stdout

    out = briefing("articles", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    listed = [(a["path"], a["title"], a["author"], a["date"]) for a in json.loads(out.stdout)]
    assert sorted(listed) == [
        ("inbox.mbox", "Evening note", "Ann Lee", "2024-07-14"),
        ("inbox.mbox", "Morning note", "Ann Lee", "2024-07-13"),
        ("outlook.pdf", "Caspian energy outlook", "Energy Desk", "2024-07-12"),
        ("talks.eml", "Pipeline talks", "Ann Lee", "2024-07-12T10:30"),
        ("talks.eml", "minutes.txt (attached to “Pipeline talks”)", None, "2024-07-12T10:30"),
        ("volumes.docx", "Shipping volumes", "Shipping Desk", "2024-07-01"),
    ]
    pages = {a["path"]: a["pages"] for a in json.loads(out.stdout)}
    assert pages["outlook.pdf"] == [0, len("Gas exports rose in the first half of the year.\n\n")]
    assert pages["volumes.docx"] == [] and pages["talks.eml"] == []
    origins = {a["title"]: a["origins"] for a in json.loads(out.stdout)}
    assert origins["Caspian energy outlook"] == {"author": "meta", "date": "meta"}
    assert origins["Pipeline talks"] == {"author": "meta", "date": "meta"}

    for word, path in (
        ("consortium", "outlook.pdf"),
        ("Kazmunaygas", "volumes.docx"),
        ("Sangachal", "talks.eml"),
        ("Shahdeniz", "inbox.mbox"),
    ):
        out = briefing("search", word, "--corpus", str(corpus), "--json")
        assert out.returncode == 0, out.stderr
        assert [hit["path"] for hit in json.loads(out.stdout)["results"]] == [path], word


def test_a_quote_from_a_pdf_is_exported_with_its_page(tmp_path):
    corpus = _corpus(tmp_path)
    listed = json.loads(briefing("articles", str(corpus), "--json").stdout)
    (pdf,) = [a for a in listed if a["path"] == "outlook.pdf"]
    for quote, text in (
        ("Pipeline capacity doubles by 2027", "Page two."),
        ("Gas exports rose", "Page one."),
    ):
        out = briefing(
            "add-note",
            pdf["id"],
            "--quote",
            quote,
            "--text",
            text,
            "--briefing",
            "Energy",
            "--corpus",
            str(corpus),
        )
        assert out.returncode == 0, out.stderr
    out = briefing("export", "Energy", "--corpus", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "> Pipeline capacity doubles by 2027 [1, p. 2]" in out.stdout
    assert "> Gas exports rose [1, p. 1]" in out.stdout
