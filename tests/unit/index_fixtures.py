"""Small corpora for the index and query tests.

Files are real (so sizes, mtimes, deletions and locks are real) but each holds its
articles as JSON, so a test states exactly the titles, dates and bodies it needs without
depending on how documents are split. Entities come from a tiny gazetteer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from search.index.indexer import Indexer
from search.models import SkippedFile
from search.models.articles import Article, EntitySpan
from search.query.parser import parse
from search.query.whoosh_query import to_whoosh
from search.whoosh_service import WhooshSearchService

GAZETTEER = {
    "Ilham Aliyev": ("PERSON", "Ilham Aliyev"),
    "President Aliyev": ("PERSON", "Ilham Aliyev"),
    "Nikol Pashinyan": ("PERSON", "Nikol Pashinyan"),
    "OSCE": ("ORG", "OSCE"),
    "Central Bank": ("ORG", "Central Bank"),
    "Baku": ("PLACE", "Baku"),
    "Yerevan": ("PLACE", "Yerevan"),
}
_NAMES = re.compile("|".join(sorted(map(re.escape, GAZETTEER), key=len, reverse=True)))


def write_articles(folder: Path, name: str, *articles: dict) -> Path:
    """Write a corpus file holding ``articles`` (dicts of Article fields without path)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(articles)), encoding="utf-8")
    return path


def read_json_articles(path: Path) -> list[Article]:
    """The articles of a corpus file written by :func:`write_articles`."""
    items = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article(**{"id": f"{path.stem}-{i}", "position": i, **item, "path": str(path)})
        for i, item in enumerate(items)
    ]


def walk_files(folder: Path):
    """Every ``.txt`` file of the corpus; anything else is skipped with a reason."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path if path.suffix == ".txt" else SkippedFile(str(path), "not a .txt file")


def gazetteer_entities(body: str) -> list[EntitySpan]:
    """Entity spans for the names of :data:`GAZETTEER` found in ``body``."""
    spans = []
    for match in _NAMES.finditer(body):
        kind, canonical = GAZETTEER[match.group()]
        spans.append(EntitySpan(match.start(), match.end(), kind, match.group(), canonical))
    return spans


def make_service(corpus: Path, index_folder: Path, *, fingerprint=lambda: "rules-1", **options):
    """A Whoosh service over ``corpus`` with its index in ``index_folder``."""
    indexer = Indexer(
        corpus,
        index_folder,
        walk=options.pop("walk", walk_files),
        read=options.pop("read", read_json_articles),
        extract=options.pop("extract", gazetteer_entities),
        fingerprint=fingerprint,
        lock_wait=options.pop("lock_wait", 0.2),
    )
    return WhooshSearchService(corpus, index_folder, indexer=indexer)


def whoosh_query(text: str, schema):
    """The Whoosh query the service runs for typed ``text`` (no filters)."""
    return to_whoosh(parse(text), schema)


def multilingual_service(root: Path, extract=lambda body: []) -> WhooshSearchService:
    """An index of the multilingual fixture corpus (:mod:`tests.fixtures.multilingual`),
    one article a file, its entities from ``extract`` (none by default)."""
    from tests.fixtures.multilingual import ARTICLES

    for article in ARTICLES:
        write_articles(
            root / "corpus", f"{article.name}.txt", {"title": article.title, "body": article.body}
        )
    made = make_service(root / "corpus", root / "index", extract=extract)
    made.update()
    return made


def fixture_names(results) -> list[str]:
    """The fixture names of a multilingual search's hits, best first."""
    return [hit.id.removesuffix("-0") for hit in results.hits]
