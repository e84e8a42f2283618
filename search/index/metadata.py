"""Reading the index's JSON metadata (manifest, word list) strictly: any doubt means rebuild.

The manifest says what the index holds and the word list feeds "did you mean"; both are
trusted by every later update, so a hand edit, a half-written file or a folder where a
file should be must never be half-believed. Each is parsed with no non-finite numbers
(``NaN``, ``Infinity``, ``1e999``) and then checked field by field for type and range;
the first problem is raised as :class:`BadMetadata`, one line naming the file and the
field, and the indexer rebuilds with that line as its reason.
"""

from __future__ import annotations

import json
from pathlib import Path

from search.index.checksums import read_text

# The listing fields every manifest article carries (see search.index.batch); its
# ``encoding`` may be absent (text or null when present), and ``pages`` (a list of
# whole numbers) and ``origins`` (field names to origins, text) may be absent too.
ARTICLE_TEXT_KEYS = ("id", "content_hash")
ARTICLE_OPTIONAL_TEXT_KEYS = ("title", "path", "source", "author", "date", "url")
_TEXT_OR_NONE = (str, type(None))


class BadMetadata(ValueError):
    """A metadata file that cannot be trusted; ``str(exc)`` is ``name: reason``."""


def read_json(path: Path) -> object:
    """The JSON value in ``path`` (``NaN`` and ``Infinity`` refused).

    Raises:
        BadMetadata: the file is missing, not a regular file, unreadable or not such JSON.
    """
    name = path.name
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise BadMetadata(f"{name}: missing") from None
    except IsADirectoryError:
        kind = "a folder where a file should be" if path.is_dir() else "not a regular file"
        raise BadMetadata(f"{name}: {kind}") from None
    except UnicodeDecodeError:
        raise BadMetadata(f"{name}: not UTF-8 text") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BadMetadata(f"{name}: cannot be read ({reason})") from None
    try:
        # Non-finite literals are refused here; 1e999 (a float, infinite) fails every check
        # below, since each number the metadata holds must be a whole number.
        return json.loads(text, parse_constant=_not_a_number)
    except RecursionError:
        raise BadMetadata(f"{name}: nested too deeply") from None
    except ValueError as exc:
        raise BadMetadata(f"{name}: not valid JSON ({exc})") from None


def check_manifest(raw: object, name: str = "manifest.json") -> None:
    """Check the shape of a parsed manifest.

    Args:
        raw: What :func:`read_json` returned.
        name: The file name used in messages.

    Raises:
        BadMetadata: the first field of the wrong type or out of range.
    """
    if not isinstance(raw, dict):
        raise BadMetadata(f"{name}: not a JSON object")
    if not _count(raw.get("schema_version")):
        raise BadMetadata(f"{name}: schema_version is not a whole number")
    if not isinstance(raw.get("entity_rules", ""), str):
        raise BadMetadata(f"{name}: entity_rules is not text")
    files = raw.get("files")
    if not isinstance(files, dict):
        raise BadMetadata(f"{name}: files is not an object")
    for key, entry in files.items():
        where = f"{name}: files[{key!r}]"
        if not key:
            raise BadMetadata(f"{name}: a file with an empty path")
        if not isinstance(entry, dict):
            raise BadMetadata(f"{where} is not an object")
        if not _count(entry.get("size")):
            raise BadMetadata(f"{where}.size is not a whole number of bytes")
        if not _integer(entry.get("mtime_ns")):
            raise BadMetadata(f"{where}.mtime_ns is not a whole number")
        if not isinstance(entry.get("digest"), str):
            raise BadMetadata(f"{where}.digest is not text")
        articles = entry.get("articles")
        if not isinstance(articles, list):
            raise BadMetadata(f"{where}.articles is not a list")
        for number, article in enumerate(articles):
            if not _sound_article(article):
                _check_article(article, f"{where}.articles[{number}]")


def check_words(raw: object, name: str = "words.json") -> dict[str, int]:
    """Check a parsed word list and return its counts.

    Raises:
        BadMetadata: it is not an object of words to whole, non-negative counts.
    """
    if not isinstance(raw, dict):
        raise BadMetadata(f"{name}: not a JSON object")
    counts = raw.values()
    # The common case in one pass (a large corpus has hundreds of thousands of words).
    if all(type(count) is int for count in counts) and min(counts, default=0) >= 0:
        return raw
    for word, count in raw.items():
        if not _count(count):
            raise BadMetadata(f"{name}: the count of {word!r} is not a whole number")
    return raw


def _sound_article(article: object) -> bool:
    """The common case in one expression (a manifest may list 100,000 articles)."""
    return (
        type(article) is dict
        and type(article.get("id")) is str
        and type(article.get("content_hash")) is str
        and type(article.get("position")) is int
        and article["position"] >= 0
        and article["id"] != ""
        and article["content_hash"] != ""
        and all(type(article.get(key, 0)) in _TEXT_OR_NONE for key in ARTICLE_OPTIONAL_TEXT_KEYS)
        and type(article.get("encoding")) in _TEXT_OR_NONE
        and _page_starts(article.get("pages", []))
        and _origins(article.get("origins", {}))
    )


def _check_article(article: object, where: str) -> None:
    """Raise for the first bad field of an article :func:`_sound_article` refused."""
    if not isinstance(article, dict):
        raise BadMetadata(f"{where} is not an object")
    for key in ARTICLE_TEXT_KEYS:
        if not isinstance(article.get(key), str) or not article[key]:
            raise BadMetadata(f"{where}.{key} is not text")
    for key in ARTICLE_OPTIONAL_TEXT_KEYS:
        if key not in article:
            raise BadMetadata(f"{where}.{key} is missing")
        if article[key] is not None and not isinstance(article[key], str):
            raise BadMetadata(f"{where}.{key} is not text")
    if not isinstance(article.get("encoding"), (str, type(None))):
        raise BadMetadata(f"{where}.encoding is not text")
    if not _page_starts(article.get("pages", [])):
        raise BadMetadata(f"{where}.pages is not a list of whole numbers")
    if not _origins(article.get("origins", {})):
        raise BadMetadata(f"{where}.origins is not an object of field names to origins")
    if not _count(article.get("position")):
        raise BadMetadata(f"{where}.position is not a whole number")
    raise BadMetadata(f"{where} is not an article")


def _page_starts(value: object) -> bool:
    """A PDF article's page starts: a list of whole, non-negative numbers (often empty)."""
    return type(value) is list and all(type(n) is int and n >= 0 for n in value)


def _origins(value: object) -> bool:
    """Where an article's metadata came from: field names to origins, all text."""
    return type(value) is dict and all(type(k) is str and type(v) is str for k, v in value.items())


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(value: object) -> bool:
    return _integer(value) and value >= 0


def _not_a_number(text: str) -> float:
    raise ValueError(f"{text} is not a number")
