"""A month of downloads in one folder, made by the test: PDFs, Word, e-mail, web pages,
texts in legacy code pages, copies, a README and a .briefingignore. Each file is listed
with its title, date and source, found by a query of its own, or reported with a reason."""

from __future__ import annotations

import json
from datetime import datetime
from email.message import EmailMessage

import docx
import pytest

from tests.cli.index_cli_helpers import briefing
from tests.unit.document_files import make_pdf

WEB_PAGE = """<html><head><title>Harbour deal | Port News</title>
<meta property="og:site_name" content="Port News">
<meta property="article:published_time" content="2025-03-04T09:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">Newsroom</a></nav>
<article><h1>Harbour deal signed</h1><p>The harbour authority of Poti signed a container
deal with three shipping lines, officials said on Tuesday.</p>
<p>The agreement covers dredging for ten years.</p></article>
<footer>Cookie settings</footer></body></html>"""

STORY = "Pipeline talks resume\n\nEnergy ministers met in Tbilisi to discuss the pipeline.\n"


def _mail() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Grain corridor update"
    message["From"] = "Ann Lee <ann@example.org>"
    message["Date"] = "Fri, 12 Jul 2024 10:30:00 +0400"
    message.set_content("Wheat shipments through Aktau doubled this month.\n")
    return bytes(message)


def _docx(path) -> None:
    document = docx.Document()
    document.core_properties.author = "Shipping Desk"
    document.core_properties.created = datetime(2024, 7, 1)
    document.add_heading("Tanker volumes", level=1)
    document.add_paragraph("Tanker traffic through the Bosphorus fell this quarter.")
    document.save(path)


@pytest.fixture()
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "outlook.pdf").write_bytes(
        make_pdf(
            [["Caspian energy outlook", "Condensate exports rose."], ["Capacity doubles."]],
            info={"Author": "Energy Desk", "CreationDate": "D:20240712"},
        )
    )
    (folder / "scan.pdf").write_bytes(make_pdf([[]], drawing_only=True))
    _docx(folder / "tankers.docx")
    (folder / "grain.eml").write_bytes(_mail())
    (folder / "harbour.html").write_text(WEB_PAGE, encoding="utf-8")
    (folder / "lavrov.txt").write_bytes(
        "Визит\n\nМинистр иностранных дел России Сергей Лавров прибыл в Баку.".encode("cp1251")
    )
    (folder / "athens.txt").write_bytes(
        "Συνάντηση\n\nΟ υπουργός Εξωτερικών έφτασε στην Αθήνα για συνομιλίες.".encode("cp1253")
    )
    (folder / "izmir.txt").write_bytes(
        "Ziyaret\n\nDışişleri Bakanı görüşmeler için İzmir'e geldi.".encode("cp1254")
    )
    (folder / "pipeline.txt").write_text(STORY, encoding="utf-8")
    (folder / "pipeline (1).txt").write_text(STORY, encoding="utf-8")
    (folder / "README.TXT").write_text("My downloads, sorted by month.\n", encoding="utf-8")
    (folder / ".briefingignore").write_text("drafts/\n", encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "todo.txt").write_text("Call the embassy.\n", encoding="utf-8")
    return folder


# file -> (title, date, source, a query only it answers)
EXPECTED = {
    "outlook.pdf": ("Caspian energy outlook", "2024-07-12", None, "condensate"),
    "tankers.docx": ("Tanker volumes", "2024-07-01", None, "Bosphorus"),
    "grain.eml": ("Grain corridor update", "2024-07-12", None, "wheat"),
    "harbour.html": ("Harbour deal signed", "2025-03-04", "Port News", "dredging"),
    "lavrov.txt": ("Визит", None, None, "Лавров"),
    "athens.txt": ("Συνάντηση", None, None, "Αθήνα"),
    "izmir.txt": ("Ziyaret", None, None, "görüşmeler"),
}


def test_every_file_is_listed_with_its_title_date_and_source(downloads, isolated_user_dirs):
    briefing("index", str(downloads))
    listed = json.loads(briefing("articles", "--corpus", str(downloads), "--json").stdout)
    by_path = {article["path"]: article for article in listed}
    assert set(by_path) == {*EXPECTED, "pipeline.txt", "pipeline (1).txt"}
    for path, (title, date, source, _) in EXPECTED.items():
        article = by_path[path]
        assert (article["title"], article["source"]) == (title, source), path
        assert (article["date"] or "")[: len(date or "")] == (date or ""), path
    assert by_path["lavrov.txt"]["encoding"] == "cp1251"
    assert by_path["outlook.pdf"]["pages"][0] == 0 and len(by_path["outlook.pdf"]["pages"]) == 2


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_each_file_is_found_by_a_query_of_its_own(downloads, isolated_user_dirs, path):
    briefing("index", str(downloads))
    query = EXPECTED[path][3]
    hits = json.loads(briefing("search", query, "--corpus", str(downloads), "--json").stdout)
    assert [hit["path"] for hit in hits["results"]] == [path]


def test_the_report_names_copies_and_what_was_skipped_and_why(downloads, isolated_user_dirs):
    report = briefing("index", str(downloads)).stdout
    assert "README.TXT: not an article: README at the corpus root" in report
    assert "drafts: ignored by .briefingignore line 1: drafts/" in report
    assert "scan.pdf: no text layer" in report
    assert "1 file identical to another" in report
    assert "navigation" not in report
    hits = json.loads(briefing("search", "Newsroom", "--corpus", str(downloads), "--json").stdout)
    assert hits["results"] == []  # the web page's menu is not searchable
