"""Copies and versions found again after a change, from what the earlier search saw, are
exactly those found afresh: over many random changes to a collection whose stock phrases
push shared hashes across the bucket limit and back, and on a real index."""

from __future__ import annotations

import os
import random

from search.index.duplicates import (
    FOUND_NAME,
    Earlier,
    find_duplicates,
    sketch,
)
from search.index.manifest import load_manifest
from search.whoosh_service import WhooshSearchService
from tests.duplicate_stories import OTHER, REPORT, VERSION, write

WORDS = ("oil", "gas", "port", "deal", "bank", "rate", "vote", "poll", "team", "goal", "film")
# A phrase in enough bodies that its hashes' buckets sit near the bucket limit.
STOCK = "the minister said on tuesday that the talks would go on"


def _body(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
    if rng.random() < 0.5:
        words[3:3] = STOCK.split()
    return " ".join(words)


def _versions(rng: random.Random, bodies: list[str]) -> list[str]:
    """Some bodies re-filed with a word changed, so that versions are found."""
    edited = []
    for body in rng.sample(bodies, len(bodies) // 4):
        words = body.split()
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        edited.append(" ".join(words))
    return edited


def _files(bodies: dict[str, str]) -> dict[str, tuple[str, list[dict]]]:
    """Manifest-like entries: one article a file, its text keyed by the body itself."""
    return {
        path: (body, [{"id": path, "path": path, "text": body, "sketch": sketch(body)}])
        for path, body in bodies.items()
    }


def _texts(bodies: dict[str, str]):
    return lambda ids: {i: bodies[i] for i in ids}


def _earlier(found) -> Earlier:
    return Earlier(found.texts, found.overfull, frozenset(found.verdicts))


def _same(first, second) -> bool:
    return (
        first.copies == second.copies
        and first.versions == second.versions
        and first.version_pairs == second.version_pairs
        and first.verdicts == second.verdicts
        and first.overfull == second.overfull
    )


def test_a_search_from_the_earlier_one_finds_what_a_fresh_search_finds_after_any_change():
    rng = random.Random(18)
    plain = [_body(rng) for _ in range(90)]
    bodies = {f"{n:03d}.txt": body for n, body in enumerate(plain + _versions(rng, plain))}
    next_name = len(bodies)
    found = find_duplicates(_files(bodies), lambda ids: {i: bodies[i] for i in ids})
    crossings = 0
    for round_ in range(40):
        # Every other round the stock phrase gains bodies, then loses them: its buckets
        # cross the limit both ways.
        stock = sorted(path for path, body in bodies.items() if STOCK in body)
        gone = rng.sample(stock, 8) if round_ % 2 else []
        for path in gone + rng.sample(sorted(bodies), rng.randint(0, 6)):
            bodies.pop(path, None)
        for _ in range(0 if round_ % 2 else 8):
            bodies[f"{next_name:03d}.txt"] = f"{STOCK} {_body(rng)}"
            next_name += 1
        for _ in range(rng.randint(0, 6)):
            bodies[f"{next_name:03d}.txt"] = rng.choice([_body(rng), *bodies.values()])
            next_name += 1
        files = _files(bodies)
        texts = _texts(dict(bodies))
        afresh = find_duplicates(files, texts)
        since = find_duplicates(files, texts, found.verdicts, _earlier(found))
        assert _same(since, afresh)
        crossings += afresh.overfull != found.overfull
        found = since
    assert crossings >= 20  # the bucket limit was crossed, not only looked at
    assert found.versions


def test_an_index_changed_in_one_file_finds_its_copies_and_versions_as_afresh(tmp_path):
    corpus = write(tmp_path / "corpus", {"a.txt": REPORT, "b.txt": OTHER, "c.txt": OTHER})
    service = WhooshSearchService(corpus, tmp_path / "index")
    service.update(find_copies=True)
    edited = corpus / "c.txt"
    edited.write_text(VERSION, encoding="utf-8")
    os.utime(edited, ns=(1, 1))
    report = WhooshSearchService(corpus, tmp_path / "index").update(find_copies=True)
    assert report.version_pairs == (("a.txt", "c.txt"),)
    manifest = load_manifest(service.folder)
    files = {key: (e.digest, e.articles) for key, e in manifest.files.items()}
    afresh = find_duplicates(files, service._bodies)
    assert report.identical_files == tuple(afresh.identical_files)
    assert report.version_pairs == tuple(afresh.version_pairs)


def test_an_update_that_does_not_ask_for_copies_does_not_look_for_them(tmp_path):
    corpus = write(tmp_path / "corpus", {"a.txt": REPORT, "b.txt": REPORT})
    service = WhooshSearchService(corpus, tmp_path / "index")
    report = service.update()
    assert report.identical_files == ()
    assert not (service.folder / FOUND_NAME).exists()
    ids = {a.path: a.id for a in service.articles()}
    assert service.copies_of(ids["a.txt"]).copies == ("b.txt",)
