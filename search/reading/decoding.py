"""Bytes to text: recognise binary files and find the encoding of text files.

The order matters and follows what corpora in this field look like: a byte-order
mark is the strongest evidence, then strict UTF-8 (by far the most common, and it
almost never decodes legacy text by accident; a UTF-8 file with a few Windows bytes
pasted in keeps them, read as cp1252), then the single-byte code pages of the
region's languages judged by how plausible their letters read
(:mod:`search.reading.code_pages`: right even for a one-line note, where statistical
detectors are not), and only then a statistical guess by charset-normalizer for what
those code pages cannot read (Arabic, Hebrew, CJK, ...). The detector is imported
lazily: a corpus of UTF-8 files never pays for it.

The name returned with the text is Python's codec name ("utf-8", "cp1251", "koi8-r",
"iso8859-7"), kept with each article so a misread file can be told at a glance.
"""

from __future__ import annotations

import codecs

# Signatures of common binary formats that may not contain a NUL byte early on.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SAMPLE = 8192
# Control bytes that never appear in text (tab, newlines, form feed and ESC excluded:
# ESC belongs to terminal escapes, which cleaning strips later).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Most bytes that are not UTF-8 a UTF-8 file may hold and still be read as UTF-8.
_MAX_STRAYS = 16
# Share of replacement characters above which a guessed decoding is rejected.
_MAX_REPLACEMENT_RATIO = 0.02


_MULTI_BYTE = frozenset(
    codecs.lookup(name).name
    for name in (
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_jis_2004",
        "iso2022_jp",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
        "cp949",
        "euc_kr",
        "johab",
        "iso2022_kr",
        "utf_16",
        "utf_32",
        "hz",
    )
)


# Legacy encodings in the order of how common they are in news text, for ties.
_COMMON_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "cp1254")
_TIE_CHAOS = 0.005
_TIE_COHERENCE = 0.02


class DecodeError(ValueError):
    """Bytes that are not text; ``str(exc)`` is a one-line reason."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file.

    Args:
        data: the whole file content (not empty).

    Returns:
        The text (without byte-order mark) and the name of the encoding used.

    Raises:
        DecodeError: the bytes look binary or no encoding fits them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    if looks_binary(data):
        wide = _utf16_without_bom(data)
        if wide is None:
            raise DecodeError("binary file")
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_strays(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    from search.reading.code_pages import best

    encoding = best(data)
    if encoding is not None:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except UnicodeDecodeError:
            pass  # a byte past the sample this code page does not define
    return _guess(data)


def _utf8_with_strays(data: bytes) -> str | None:
    """UTF-8 text with a few bytes from a Windows editor pasted in ("\x96" for "–").

    Read as UTF-8 with each stray byte read as cp1252, so nothing is lost; only when
    the file holds several times more valid UTF-8 characters beyond ASCII than strays
    (a legacy file has none, and goes to the code pages).
    """
    parts, start, strays = [], 0, 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            strays += exc.end - exc.start
            if strays > _MAX_STRAYS:
                return None
            parts.append(data[start : start + exc.start].decode("utf-8"))
            parts.append(data[start + exc.start : start + exc.end].decode("cp1252", "replace"))
            start += exc.end
    text = "".join(parts)
    wide = len(text) - len(text.encode("ascii", "ignore").decode()) - strays
    return text if wide >= 4 * strays else None


def looks_binary(data: bytes) -> bool:
    """Whether bytes without a byte-order mark are a binary file rather than text.

    Args:
        data: the file content or its beginning.

    Returns:
        True for known binary signatures, NUL bytes, or many control bytes.
    """
    sample = data[:_SAMPLE]
    if sample.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(4, len(sample) // 20)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: NULs in every other byte."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    for encoding, nul_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if nul_bytes.count(0) >= len(nul_bytes) * 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if not looks_binary(text.encode("utf-8")):
                return text, encoding
    return None


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("cannot decode text (unknown encoding)")
    encoding = _most_common_of_the_best(matches)
    if _mostly_ascii(data) and not _is_single_byte(encoding):
        # A few stray bytes in English text are not evidence for Shift-JIS or GBK:
        # a Western code page is far more likely ("£" as 0xA3 in cp1252).
        encoding = "cp1252" if _decodes(data, "cp1252") else "latin-1"
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > len(text) * _MAX_REPLACEMENT_RATIO:
        raise DecodeError(f"cannot decode text (not valid {encoding})")
    return text, codecs.lookup(encoding).name


def _most_common_of_the_best(matches: list) -> str:
    """The detector's best guess, or among guesses it rates as good, the most common one.

    Short Western text often fits cp1250, cp1252 and cp1257 equally well; the
    detector then returns whichever it tried first, which garbles "à" as "ŕ".
    """
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [
        m.encoding
        for m in matches
        if m.chaos - best.chaos <= _TIE_CHAOS and best.coherence - m.coherence <= _TIE_COHERENCE
    ]
    for encoding in _COMMON_ENCODINGS:
        if encoding in tied:
            return encoding
    return best.encoding


def _mostly_ascii(data: bytes) -> bool:
    sample = data[: _SAMPLE * 8]
    return len(sample) - len(sample.translate(None, bytes(range(128, 256)))) < len(sample) // 20


def _is_single_byte(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name not in _MULTI_BYTE
    except LookupError:
        return False


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
