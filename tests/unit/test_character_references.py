"""Plain text with HTML character references reads as the characters they stand for;
an ampersand that starts no reference stays as written."""

from __future__ import annotations

from search.reading.cleaning import normalise_text
from search.reading.reader import read_articles


def _read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_articles(path, tmp_path)


def test_a_numeric_reference_in_a_txt_title_reads_as_the_pound_sign(tmp_path):
    (article,) = _read(
        tmp_path,
        "viacom.txt",
        "&#163;1.8m indecency fine for Viacom\n\nMedia giant Viacom has paid a "
        "&#163;1.8m fine to settle complaints from listeners.\n",
    )
    assert article.title == "£1.8m indecency fine for Viacom"
    assert "paid a £1.8m fine" in article.body


def test_named_and_hexadecimal_references_read_as_characters(tmp_path):
    (article,) = _read(
        tmp_path,
        "notes.md",
        "Tom &amp; Jerry\n\nTickets cost &pound;5 or &#xA3;6 &mdash; &laquo;cheap&raquo;.\n",
    )
    assert article.title == "Tom & Jerry"
    assert "Tickets cost £5 or £6 — «cheap»." in article.body


def test_ampersands_that_start_no_reference_are_kept(tmp_path):
    body = "AT&T and R&D spending rose; Q&A at 5 & 6, M&S;x, &c. and &unknown; stay."
    (article,) = _read(tmp_path, "plain.txt", f"Spending rises\n\n{body}\n")
    assert article.body == body


def test_references_are_read_once_not_twice():
    assert normalise_text("&amp;pound; &amp;amp;") == "&pound; &amp;"


def test_a_reference_to_a_control_character_leaves_no_control_character():
    text = normalise_text("red&#27;[31m text&#7; end")
    assert "\x1b" not in text
    assert "\x07" not in text
    assert text.endswith("end")
