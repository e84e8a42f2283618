"""Each e-mail message is an article titled by its subject, by its sender, on its date;
attachments that can be read are articles too, and the rest are named in the message."""

from __future__ import annotations

import io
from datetime import datetime
from email.message import EmailMessage

import docx
import pytest

from search.reading.reader import UnreadableFile, read_articles
from tests.unit.document_files import make_pdf


def _message(subject="Pipeline talks", sender="Ann Lee <ann@example.org>", body=None, **kw):
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Date"] = kw.get("date", "Fri, 12 Jul 2024 10:30:00 +0400")
    message.set_content(body or "Talks on the pipeline resumed in Baku on Friday.\n")
    return message


def _word_bytes(heading: str, text: str) -> bytes:
    document = docx.Document()
    document.core_properties.created = datetime(2024, 7, 1)
    document.add_heading(heading, level=1)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(tmp_path, data: bytes, name: str = "message.eml"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_articles(path, tmp_path)


def test_message_is_an_article_with_subject_sender_and_date(tmp_path):
    [article] = _read(tmp_path, bytes(_message()))
    assert article.title == "Pipeline talks"
    assert article.author == "Ann Lee"
    assert article.date == "2024-07-12T10:30"
    assert article.body == "Talks on the pipeline resumed in Baku on Friday."


def test_encoded_headers_and_a_legacy_charset_read_in_their_own_letters(tmp_path):
    message = _message(subject="Доклад о газопроводе", sender="Иван Петров <ivan@example.ru>")
    message.set_content("Министр прибыл в Баку.\n", charset="koi8-r")
    data = bytes(message)
    assert b"Subject: =?utf-8?" in data and "Министр".encode("koi8-r") in data
    [article] = _read(tmp_path, data)
    assert article.title == "Доклад о газопроводе"
    assert article.author == "Иван Петров"
    assert article.body == "Министр прибыл в Баку."
    assert article.encoding == "koi8-r"


def test_a_wrongly_declared_charset_is_guessed_instead(tmp_path):
    data = (
        "Subject: Note\nFrom: a@example.org\nDate: Fri, 12 Jul 2024 10:30:00 +0000\n"
        'Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 8bit\n\n'
        "Министр иностранных дел России Сергей Лавров прибыл в Баку.\n"
    ).encode("cp1251")
    [article] = _read(tmp_path, data)
    assert article.body == "Министр иностранных дел России Сергей Лавров прибыл в Баку."
    assert article.encoding == "cp1251"


def test_plain_text_is_preferred_and_html_alone_is_read_as_a_page(tmp_path):
    both = _message(body="The plain version of the story.\n")
    both.add_alternative("<p>The HTML version of the story.</p>", subtype="html")
    [article] = _read(tmp_path, bytes(both))
    assert article.body == "The plain version of the story."

    html_only = _message()
    html_only.set_content(
        "<html><head><style>p{color:red}</style></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><p>Only an HTML part tells of the talks in Baku on "
        "Friday, which resumed after a long pause.</p><script>var x = 1;</script></body></html>",
        subtype="html",
    )
    [article] = _read(tmp_path, bytes(html_only))
    assert "Only an HTML part tells of the talks in Baku" in article.body
    assert "var x" not in article.body and "color:red" not in article.body


def test_readable_attachments_become_articles_named_after_their_message(tmp_path):
    message = _message()
    report = make_pdf([["Annual pipeline review", "Gas flows rose in 2024."], ["Page two."]])
    message.add_attachment(report, maintype="application", subtype="pdf", filename="review.pdf")
    message.add_attachment(
        _word_bytes("Talking points", "Stress the new capacity."),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="points.docx",
    )
    message.add_attachment("Notes on the deal, typed on the train.\n", filename="notes.txt")
    message.add_attachment(
        "<html><body><h1>Press release</h1><p>The consortium welcomed the talks in a "
        "statement issued on Friday.</p></body></html>",
        subtype="html",
        filename="release.html",
    )
    scan = make_pdf([[]], drawing_only=True)
    message.add_attachment(scan, maintype="application", subtype="pdf", filename="scan.pdf")
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="map.png")
    articles = _read(tmp_path, bytes(message))
    assert [a.title for a in articles] == [
        "Pipeline talks",
        "review.pdf (attached to “Pipeline talks”)",
        "points.docx (attached to “Pipeline talks”)",
        "notes.txt (attached to “Pipeline talks”)",
        "release.html (attached to “Pipeline talks”)",
    ]
    mail, pdf, word, notes, release = articles
    assert mail.paragraphs[-1] == (
        "Attachments: review.pdf (read as an article of its own); points.docx (read as an "
        "article of its own); notes.txt (read as an article of its own); release.html (read "
        "as an article of its own); scan.pdf (not read: no text layer (a scanned PDF?)); "
        "map.png (image/png, not read)."
    )
    assert pdf.body[pdf.pages[1] :] == "Page two."
    assert "Stress the new capacity." in word.body
    assert notes.body == "Notes on the deal, typed on the train."
    assert "The consortium welcomed the talks" in release.body
    # Attachments are dated by their message unless they state their own date.
    assert word.date == "2024-07-01"
    assert {a.date for a in (mail, pdf, notes, release)} == {"2024-07-12T10:30"}
    assert len({a.id for a in articles}) == 5
    assert [a.id for a in _read(tmp_path, bytes(message))] == [a.id for a in articles]


def test_mbox_is_one_article_per_message_with_stable_ids(tmp_path):
    first = _message(subject="First", body="From the start, the talks went well.\n")
    second = _message(subject="Second", body="The second message reached Baku.\n")
    second.replace_header("Date", "Sat, 13 Jul 2024 09:00:00 +0000")

    def mbox(*messages):
        return b"".join(
            b"From ann@example.org Sat Jul 13 09:00:00 2024\n"
            + bytes(m).replace(b"\nFrom ", b"\n>From ")
            + b"\n"
            for m in messages
        )

    articles = _read(tmp_path, mbox(first, second), "inbox.mbox")
    assert [(a.title, a.date) for a in articles] == [
        ("First", "2024-07-12T10:30"),
        ("Second", "2024-07-13T09:00"),
    ]
    assert articles[0].body == "From the start, the talks went well."
    third = _message(subject="Third")
    again = _read(tmp_path, mbox(first, second, third), "inbox.mbox")
    assert [a.id for a in again[:2]] == [a.id for a in articles]
    assert len({a.id for a in again}) == 3


def test_forwarded_message_is_an_article_of_its_own(tmp_path):
    outer = _message(subject="Fwd: Pipeline talks", body="See below.\n")
    outer.add_attachment(_message(subject="Pipeline talks"))
    articles = _read(tmp_path, bytes(outer))
    assert [a.title for a in articles] == ["Fwd: Pipeline talks", "Pipeline talks"]


@pytest.mark.parametrize(
    ("name", "data"),
    [("message.eml", b"just a line of text\n\x00\x01"), ("inbox.mbox", b"no messages here\n")],
)
def test_a_file_with_no_message_is_refused_in_one_line(tmp_path, name, data):
    with pytest.raises(UnreadableFile, match=r"^not an e-mail message \(.*\)$"):
        _read(tmp_path, data, name)


def test_a_message_that_cannot_be_read_does_not_lose_the_rest_of_the_mailbox(tmp_path):
    broken = (
        b"From: <@>\nSubject: Broken\nContent-Type: text/plain; charset=nonesuch\n\n"
        + bytes(range(256)) * 4
    )
    good = bytes(_message(subject="Still here"))
    data = b"From a@b Sat Jul 13 09:00:00 2024\n" + broken + b"\n"
    data += b"From a@b Sat Jul 13 09:05:00 2024\n" + good
    assert [a.title for a in _read(tmp_path, data, "inbox.mbox")] == ["Still here"]
    with pytest.raises(UnreadableFile, match="^binary file$"):
        _read(tmp_path, broken)
