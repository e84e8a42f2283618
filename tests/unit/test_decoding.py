"""Decoding file bytes: byte-order marks, UTF-8, legacy code pages, binary files."""

from __future__ import annotations

import codecs

import pytest

from search.reading.decoding import DecodeError, decode, looks_binary

RUSSIAN = (
    "Министерство иностранных дел заявило, что переговоры продолжатся в следующем "
    "месяце. По словам представителя ведомства, стороны обсудили вопросы торговли, "
    "транспорта и энергетики, а также подготовку визита президента.\n"
)
FRENCH = (
    "Le ministère a annoncé que les négociations reprendront à la rentrée. Selon "
    "le porte-parole, les deux délégations ont évoqué l'énergie, les échanges "
    "commerciaux et la sécurité régionale, sans détailler le calendrier prévu.\n"
)


def test_utf8_without_bom_is_read_as_utf8():
    text, encoding = decode("Baku – Türkiye “quoted”".encode())
    assert text == "Baku – Türkiye “quoted”"
    assert encoding == "utf-8"


def test_utf8_bom_is_removed():
    text, _ = decode(codecs.BOM_UTF8 + "Título".encode())
    assert text == "Título"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, _ = decode(bom + "Ilham Aliyev — Bakı".encode(codec))
    assert text == "Ilham Aliyev — Bakı"


def test_cp1251_russian_text_is_recognised():
    text, _ = decode(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN


def test_latin1_french_text_is_recognised():
    text, _ = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH


def test_a_stray_pound_sign_in_english_is_a_western_code_page():
    text = "Chelsea wrote off the \xa315.8m signing. " + "The club said so. " * 40
    data = text.encode("latin-1")
    text, _ = decode(data)
    assert "£15.8m" in text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"some text\x00with a NUL byte",
        bytes(range(256)) * 4,
    ],
)
def test_binary_content_is_refused(data):
    assert looks_binary(data)
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


def test_terminal_escapes_alone_do_not_make_a_file_binary():
    data = b"\x1b[1;31mred\x1b[0m and \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\n" * 20
    assert not looks_binary(data)
    text, _ = decode(data)
    assert "red" in text


def test_utf16_without_bom_is_decoded_not_refused():
    text, encoding = decode("Delegations arrived in Bakı on Monday.\n".encode("utf-16-le"))
    assert text == "Delegations arrived in Bakı on Monday.\n"
    assert encoding == "utf-16-le"
