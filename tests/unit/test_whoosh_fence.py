"""Whoosh's private names are used in the fence's two modules, which fall back to Whoosh's
public path.

Every module under ``search/`` but :mod:`search.index.whoosh_internals` and
:mod:`search.index.whoosh_writing` (the fence) is parsed and
checked for a touch of a private Whoosh name: importing one, reading or setting one on
an object, overriding one in a subclass of a Whoosh class, passing one as a keyword or
naming one to ``getattr``. Whoosh's private names are read from the installed Whoosh's
own source; an underscore name our own code defines outside Whoosh subclasses is ours.

Then the public path (the fence switched off, as an untested Whoosh would switch it)
is checked to build the same index and give the same rankings, snippets and facets as
the fast path, on a generated corpus in ``tmp_path``.
"""

from __future__ import annotations

import ast
import json
import random
import subprocess
import sys
import tomllib
import warnings
from functools import cache
from pathlib import Path

import pytest
import whoosh

import search
from search.index import indexer, parallel_build, whoosh_internals
from search.index.store import open_searcher
from search.query import ranking, snippets
from search.query.facets import FacetCounter
from tests.unit.index_fixtures import make_service, whoosh_query, write_articles

SEARCH_ROOT = Path(search.__file__).parent
FENCE = {SEARCH_ROOT / "index" / name for name in ("whoosh_internals.py", "whoosh_writing.py")}
PYPROJECT = SEARCH_ROOT.parent / "pyproject.toml"
NAME_LOOKUPS = {"getattr", "setattr", "hasattr", "delattr"}


def _private(name: str | None) -> bool:
    return bool(name) and name.startswith("_") and not name.startswith("__")


def _identifiers(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.arg | ast.keyword):
            yield node.arg
        elif isinstance(node, ast.alias):
            yield node.asname or node.name


@cache
def whoosh_private_names() -> frozenset[str]:
    """Every single-underscore name in the installed Whoosh's source."""
    names = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)  # old escapes in Whoosh's regexes
            warnings.simplefilter("ignore", DeprecationWarning)
            tree = ast.parse(path.read_text(encoding="utf-8"))
        names.update(name for name in _identifiers(tree) if _private(name))
    return frozenset(names)


def _whoosh_imports(tree: ast.AST) -> set[str]:
    """The local names bound to Whoosh modules or objects by the module's imports."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "whoosh":
                    names.add(alias.asname or alias.name.split(".")[0])
    return names


def _root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _whoosh_classes(trees: list[ast.AST]) -> set[str]:
    """Names of classes deriving from Whoosh's, through any of ``trees`` (to a fixpoint)."""
    found: set[str] = set()
    while True:
        before = len(found)
        for tree in trees:
            whoosh_names = _whoosh_imports(tree) | found
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and any(
                    _root(base) in whoosh_names for base in node.bases
                ):
                    found.add(node.name)
        if len(found) == before:
            return found


def _own_names(tree: ast.AST, whoosh_classes: set[str]) -> set[str]:
    """Underscore names a module defines itself, outside subclasses of Whoosh's classes."""
    names = set()
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name in whoosh_classes:
            skipped.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.id if isinstance(node, ast.Name) else node.attr)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
    return {name for name in names if _private(name)}


def private_whoosh_touches(
    source: str,
    whoosh_names: frozenset[str],
    own_names: set[str] | None = None,
    whoosh_classes: set[str] | None = None,
) -> list[str]:
    """Each place in ``source`` that touches a private Whoosh name, as "line: what".

    Args:
        source: A module's text.
        whoosh_names: Whoosh's private names.
        own_names: Underscore names our code defines (default: the module's own).
        whoosh_classes: Our classes deriving from Whoosh's (default: the module's own).
    """
    tree = ast.parse(source)
    whoosh_classes = _whoosh_classes([tree]) | (whoosh_classes or set())
    ours = _own_names(tree, whoosh_classes) | (own_names or set())
    always = whoosh_internals.PRIVATE_NAMES

    def whooshs(name: str | None) -> bool:
        return _private(name) and (name in always or (name in whoosh_names and name not in ours))

    # Inside a subclass of a Whoosh class, ``self`` is a Whoosh object.
    on_whoosh_self = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name in whoosh_classes:
            on_whoosh_self.update(
                id(inner)
                for inner in ast.walk(node)
                if isinstance(inner, ast.Attribute) and _root(inner) == "self"
            )
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            found += [f"{line}: imports {a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and (
            whooshs(node.attr) or (id(node) in on_whoosh_self and node.attr in whoosh_names)
        ):
            found.append(f"{line}: .{node.attr}")
        elif isinstance(node, ast.keyword) and whooshs(node.arg):
            found.append(f"{getattr(node.value, 'lineno', 0)}: keyword {node.arg}=")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in NAME_LOOKUPS
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and whooshs(node.args[1].value)
        ):
            found.append(f"{line}: {node.func.id}(..., {node.args[1].value!r})")
        elif isinstance(node, ast.ClassDef) and node.name in whoosh_classes:
            found += [
                f"{inner.lineno}: overrides {inner.name}"
                for inner in node.body
                if isinstance(inner, ast.FunctionDef) and inner.name in whoosh_names
            ]
    return sorted(set(found), key=lambda entry: int(entry.split(":")[0]))


def _search_modules() -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for path in sorted(SEARCH_ROOT.rglob("*.py"))
        if path not in FENCE
    }


def test_no_module_but_the_fence_touches_a_private_whoosh_name():
    modules = _search_modules()
    trees = [ast.parse(source) for source in modules.values()]
    classes = _whoosh_classes(trees)
    ours = set().union(*(_own_names(tree, classes) for tree in trees))
    found = [
        f"{path.relative_to(SEARCH_ROOT.parent)}:{touch}"
        for path, source in modules.items()
        for touch in private_whoosh_touches(source, whoosh_private_names(), ours, classes)
    ]
    assert not found, "private Whoosh names outside whoosh_internals.py:\n" + "\n".join(found)


BAD_MODULE = """
from whoosh.codec.whoosh3 import W3Codec, _lenfield
from whoosh import writing

class Writer(writing.SegmentWriter):
    def _flush_segment(self):
        self._added = False

def read(matcher, reader, index):
    matcher._read_ids()
    perdoc = getattr(reader, "_perdoc", None)
    return writing.SegmentWriter(index, _lk=False), perdoc

class Pool:
    def __init__(self):
        self._lock = None
        self._idle = []

    def _read(self):
        return self._idle.pop()

def take(pool):
    return pool._read(), pool._lock
"""


def test_the_checker_catches_each_kind_of_touch_and_spares_our_own_names():
    found = private_whoosh_touches(BAD_MODULE, whoosh_private_names())
    assert found == [
        "2: imports _lenfield",
        "6: overrides _flush_segment",
        "7: ._added",
        "10: ._read_ids",
        "11: getattr(..., '_perdoc')",
        "12: keyword _lk=",
    ]
    # Whoosh has a ``_lock`` and a ``_read`` of its own; here they are the module's.
    assert {"_lock", "_read"} <= whoosh_private_names()


def test_the_fence_lists_only_whoosh_names():
    assert whoosh_internals.PRIVATE_NAMES.issubset(whoosh_private_names())


def test_the_pinned_whoosh_is_the_tested_one():
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [dep for dep in dependencies if dep.lower().startswith("whoosh-reloaded")]
    assert pins == [f"whoosh-reloaded=={whoosh_internals.TESTED_VERSION}"]
    assert whoosh_internals.FAST_PATHS, whoosh_internals.PROBLEMS


def test_a_different_version_or_a_missing_name_is_a_problem():
    assert whoosh_internals.problems(whoosh_internals.TESTED_VERSION) == []
    assert "2.7.6 is installed" in whoosh_internals.problems("2.7.6")[0]

    class Renamed:
        def _read_block(self):
            self._block_ids = []

    assert whoosh_internals.problems(
        whoosh_internals.TESTED_VERSION, ((Renamed, ("_read_block", "_block_ids", "_ids")),)
    ) == ["Renamed has no _ids"]


def test_an_untested_whoosh_turns_the_fast_paths_off_with_one_warning():
    code = (
        "import json, warnings, whoosh\n"
        "whoosh.__version__ = (9, 0, 0)\n"
        "with warnings.catch_warnings(record=True) as seen:\n"
        "    warnings.simplefilter('always')\n"
        "    from search.index import whoosh_internals, parallel_build\n"
        "print(json.dumps([whoosh_internals.FAST_PATHS, parallel_build.worker_count(),\n"
        "    [str(w.message) for w in seen if w.category is RuntimeWarning]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    fast, workers, warned = json.loads(done.stdout)
    assert (fast, workers) == (False, 1)
    assert len(warned) == 1 and "9.0.0 is installed" in warned[0]


# The public path gives the fast path's answers.

WORDS = [
    *("oil", "gas", "price", "market", "bank", "rate", "growth", "cup", "final", "world"),
    *("harbour", "tariff", "senate", "drought", "vaccine", "pipeline", "ferry", "budget"),
    *("minister", "election", "court", "strike", "export", "grain"),
]
NAMES = ["Ilham Aliyev", "Nikol Pashinyan", "OSCE", "Central Bank", "Baku", "Yerevan"]
FILES = 24
QUERIES = [
    "oil",
    "price growth",
    "oil OR gas OR bank",
    "market AND NOT rate",
    '"world cup"',
    "pipe*",
    "title:oil",
    "Aliyev",
    'person:"Ilham Aliyev"',
    "harbour~",
    "zzzz",
]


def _text(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        size = min(words, rng.randrange(4, 14))
        picked = [rng.choice(WORDS) for _ in range(size)]
        if rng.random() < 0.4:
            picked.insert(rng.randrange(len(picked)), rng.choice(NAMES))
        sentences.append(" ".join(picked).capitalize() + ".")
        words -= size
    return " ".join(sentences)


def _write_corpus(folder: Path, seed: int, files: range) -> None:
    for number in files:
        rng = random.Random(seed * 1000 + number)
        write_articles(
            folder,
            f"file-{number:03d}.txt",
            *(
                {
                    "title": _text(rng, rng.randrange(2, 7)),
                    "body": _text(rng, rng.randrange(5, 400)),
                }
                for _ in range(rng.randrange(1, 6))
            ),
        )


def _build(tmp_path: Path, name: str, monkeypatch, *, fast: bool):
    """An index of the same generated corpus, built and then updated on one path."""
    corpus = tmp_path / name / "corpus"
    _write_corpus(corpus, 1, range(FILES))
    with monkeypatch.context() as patch:
        patch.setattr(whoosh_internals, "FAST_PATHS", fast)
        patch.setattr(indexer, "BULK_FILES", 10)  # the fast path builds in processes
        if fast:
            patch.setattr(parallel_build, "worker_count", lambda: 3)
        service = make_service(corpus, tmp_path / name / "index")
        service.update()
        _write_corpus(corpus, 2, range(3, 7))  # changed files, one of them spilling over
        (corpus / "file-010.txt").unlink()
        _write_corpus(corpus, 3, range(FILES, FILES + 2))
        service.update()
    return service


def _index_content(searcher, root: Path) -> dict:
    """Each term's postings (by article id, decoded) and each article's stored fields.

    Stored paths are made relative to ``root``, the folder the corpus was written in, and
    content hashes (which cover the path) are left out.
    """
    reader = searcher.reader()
    ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
    postings = {}
    for fieldname, btext in reader.all_terms():
        field = searcher.schema[fieldname]
        astype = next(
            (kind for kind in ("characters", "positions") if field.format.supports(kind)), None
        )
        matcher = reader.postings(fieldname, btext)
        found = []
        while matcher.is_active():
            if matcher.id() in ids:
                value = matcher.value_as(astype) if astype else matcher.value()
                found.append((ids[matcher.id()], matcher.weight(), value))
            matcher.next()
        if found:
            postings[fieldname, btext] = sorted(found)
    lengths = {
        (ids[docnum], fieldname): reader.doc_field_length(docnum, fieldname)
        for docnum in ids
        for fieldname in ("title", "body", "person", "place")
    }
    prefix = str(root)

    def relative(value):
        return value.replace(prefix, "") if isinstance(value, str) else value

    stored = sorted(
        (
            fields["id"],
            sorted((key, relative(v)) for key, v in fields.items() if key != "content_hash"),
        )
        for _, fields in reader.iter_docs()
    )
    return {"postings": postings, "lengths": lengths, "stored": stored}


def _answers(searcher) -> dict:
    """What the queries give: ranking, match count, snippets and facets, keyed by article."""
    ids = {docnum: fields["id"] for docnum, fields in searcher.reader().iter_docs()}
    answers = {}
    for text in QUERIES:
        query = whoosh_query(text, searcher.schema)
        ranked = ranking.rank(searcher, query, 10)
        expected = searcher.search(query, limit=10)
        whoosh_top = [(hit.score, hit.docnum) for hit in expected]
        if ranked is not None:
            top, total = ranked
            assert total == len(expected), text
            assert [d for _, d in top] == [d for _, d in whoosh_top], text
            assert [s for s, _ in top] == pytest.approx([s for s, _ in whoosh_top]), text
        bodies = {docnum: searcher.stored_fields(docnum)["body"] for _, docnum in whoosh_top}
        cut = snippets.match_snippets(searcher, query, bodies)
        facets = FacetCounter().count(searcher, object(), query, 50, 5)
        answers[text] = (
            ranked is not None,
            [(ids[docnum], round(score, 9)) for score, docnum in whoosh_top],
            len(expected),
            {ids[docnum]: snippet for docnum, snippet in cut.items()},
            facets,
        )
    return answers


def test_the_public_path_builds_and_answers_as_the_fast_path(tmp_path, monkeypatch):
    fast = _build(tmp_path, "fast", monkeypatch, fast=True)
    public = _build(tmp_path, "public", monkeypatch, fast=False)
    results = {}
    for name, service, flag in (("fast", fast, True), ("public", public, False)):
        with monkeypatch.context() as patch:
            patch.setattr(whoosh_internals, "FAST_PATHS", flag)
            searcher = open_searcher(service.folder)
            try:
                assert len(searcher.reader().leaf_readers()) >= (2 if flag else 1)
                content = _index_content(searcher, tmp_path / name)
                results[name] = (content, _answers(searcher))
            finally:
                searcher.close()
    (fast_index, fast_answers), (public_index, public_answers) = results["fast"], results["public"]
    assert public_index == fast_index
    assert public_answers == fast_answers
    assert all(answer[0] for text, answer in fast_answers.items() if text != "harbour~")
    assert sum(answer[2] for answer in fast_answers.values()) > 50
    assert any(answer[3] for answer in fast_answers.values())


def test_a_term_table_read_in_one_piece_holds_what_whoosh_reads(tmp_path, monkeypatch):
    from whoosh.filedb.filetables import OrderedHashReader

    service = _build(tmp_path, "fast", monkeypatch, fast=True)
    searcher = open_searcher(service.folder)
    try:
        segments = searcher.reader().leaf_readers()
        assert len(segments) >= 2
        for segment, _ in segments:
            terms = segment._terms
            assert type(terms) is whoosh_internals.OpenedTerms
            name = segment._segment.make_filename(terms._codec.TERMS_EXT)
            storage = segment._storage
            whoosh_own = OrderedHashReader(storage.open_file(name), storage.file_length(name))
            ours = terms._tindex
            assert [ours.hashtype, ours.hashfn, ours.startofdata, ours.endofdata] == [
                whoosh_own.hashtype,
                whoosh_own.hashfn,
                whoosh_own.startofdata,
                whoosh_own.endofdata,
            ]
            assert (ours.tables, ours.extras) == (whoosh_own.tables, whoosh_own.extras)
            assert list(ours.keys()) == list(whoosh_own.keys())
            whoosh_own.close()
    finally:
        searcher.close()
