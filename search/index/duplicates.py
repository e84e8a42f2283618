"""Copies and versions: the same article in several files, and the same story edited.

A folder of downloads holds the same story more than once: a file saved twice, a wire
story filed again with a corrected paragraph. Neither is hidden; each article says
where else its text is.

- A **copy** is another article with the same title and body, character for character
  (two files with the same bytes always are; so is the same text in another encoding).
  Each article's manifest entry keeps the hash of its title and body (``text``), so
  copies are one grouping over the manifest.
- A **version** is another article whose body is nearly the same: the same story with
  small edits. Comparing every pair is out of the question at 100,000 articles, so a
  cheap sketch finds the candidates and rapidfuzz decides. The sketch (``sketch`` in the
  manifest entry, made when the article is indexed) is the smallest :data:`SKETCH_SIZE`
  hashes of the body's four-word shingles: two bodies that share most of their
  shingles share most of these too (a bottom-k MinHash), while unrelated stories share
  one only by a common phrase. Pairs sharing :data:`MIN_SHARED` or more become
  candidates (a hash shared by more than :data:`MAX_BUCKET` bodies is a stock phrase
  and proposes no pairs) when the sketches also estimate that at least
  :data:`MIN_CONTAINED` of the smaller body's shingles are in the other. A candidate
  pair is a version when the words the two bodies have in common, in order (the longest
  common subsequence: rapidfuzz's ``LCSseq`` over their words), are at least
  :data:`VERSION_SHARE` per cent of the shorter body: a sentence reworded, a paragraph
  added or cut. Copies are compared once, as one text.

Versions are direct: an article lists the articles its body is close to, not the
articles those are close to in turn, so a chain of edits never links two different
stories. Both are worked out from the manifest after each update, so deleting or
editing a copy changes what the others show at once. What was found is kept beside the
index for its commit (:data:`FOUND_NAME`), so the next process reads it instead of
finding it again; what was decided about each candidate pair of texts is kept too
(:data:`VERDICTS_NAME`). After a change, only the pairs that can have changed are looked
at again: those with a new text, and those sharing a hash whose bucket crossed
:data:`MAX_BUCKET` (a bucket's members are what changes; the sketch of a text never
does). At 100,000 articles that is seconds, where finding every candidate again takes
half a minute.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from search.index.documents import to_summary
from search.models.articles import ArticleCopies

SKETCH_SIZE = 32
# A candidate whose estimated shingle containment is below this is not compared in full.
MIN_CONTAINED = 0.5
SHINGLE_WORDS = 4
MIN_SHARED = 3
MAX_BUCKET = 50
# Chosen on the BBC news corpus: pairs sharing 80% and more of the shorter body's words
# are one story re-filed (a headline or sentence changed, a paragraph added or cut);
# below, two reports of one event in their own words (see the README).
VERSION_SHARE = 80.0
# Beside the index: what was found for its current commit, and every verdict.
FOUND_NAME = "duplicates.json"
VERDICTS_NAME = "verdicts.json"
FOUND_FORMAT = 2
_HEX = 8
_MOST = 0xFFFFFFFF
_WORD = re.compile(r"\w+")
# The same words in text in plain ASCII (casefolded: no capitals), checked as a set of
# characters, several times faster than the Unicode category.
_ASCII_WORD = re.compile(r"[0-9_a-z]+")
# Stored bodies read at once when comparing candidate versions.
BODIES_AT_ONCE = 2000


def sketch(body: str) -> str:
    """The bottom-k sketch of a body's word shingles, as hex (8 digits a number).

    Args:
        body: The article's body.

    Returns:
        The number of distinct shingles, then up to :data:`SKETCH_SIZE` hashes, smallest
        first ("" for a body with no words).
    """
    folded = body.casefold()
    words = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
    if len(words) <= SHINGLE_WORDS:
        shingles = [_utf8(" ".join(words))] if words else []
    else:
        # Encoded once and cut again: a word holds no space, and no UTF-8 byte of
        # another character is one, so each shingle is the bytes of its words joined.
        encoded = _utf8(" ".join(words)).split(b" ")
        starts = (encoded[i:] for i in range(SHINGLE_WORDS))
        shingles = map(b" ".join, zip(*starts, strict=False))  # the shorter tails end it
    distinct = set(map(zlib.crc32, shingles))
    if not distinct:
        return ""
    smallest = _smallest(distinct, SKETCH_SIZE)
    return "".join(f"{h:08x}" for h in [min(len(distinct), _MOST), *smallest])


def _smallest(hashes: set[int], count: int) -> list[int]:
    """The ``count`` smallest of a set of 32-bit hashes, in order.

    The hashes are spread evenly, so about twice ``count`` of them lie below a bound
    scaled to their number: only those are sorted (sorting them all was a third of a
    sketch's cost), unless too few fall below it.
    """
    if len(hashes) > 4 * count:
        bound = (2 * count << 32) // len(hashes)
        below = sorted(filter(bound.__gt__, hashes))
        if len(below) >= count:
            return below[:count]
    return sorted(hashes)[:count]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _hashes(sketch_hex: str) -> list[str]:
    """The hashes of a sketch, without the shingle count in front."""
    return [sketch_hex[i : i + _HEX] for i in range(_HEX, len(sketch_hex), _HEX)]


def _count(sketch_hex: str) -> int:
    return int(sketch_hex[:_HEX], 16) if sketch_hex else 0


def contained(first: str, second: str) -> float:
    """How much of the smaller shingle set lies in the other, estimated from two sketches.

    The :data:`SKETCH_SIZE` smallest hashes of both sketches together are the smallest
    of the union of the two sets; the share of them found in both sketches estimates the
    Jaccard index J, and J (|A| + |B|) / ((1 + J) min(|A|, |B|)) the containment.

    Returns:
        0.0 to 1.0 (about; the estimate can pass 1 a little).
    """
    return _contained(_parsed(first), _parsed(second))


def _parsed(sketch_hex: str) -> tuple[int, frozenset[str]]:
    # Interned: the 3.2 million hashes of 100,000 sketches are 141,000 values, and a
    # string of its own each took 200 MB.
    return _count(sketch_hex), frozenset(map(sys.intern, _hashes(sketch_hex)))


def _contained(first: tuple[int, frozenset[str]], second: tuple[int, frozenset[str]]) -> float:
    (size_a, in_a), (size_b, in_b) = first, second
    smallest = sorted(in_a | in_b)[:SKETCH_SIZE]
    if not smallest or not size_a or not size_b:
        return 0.0
    jaccard = sum(1 for h in smallest if h in in_a and h in in_b) / len(smallest)
    return jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b))


@dataclass
class Duplicates:
    """Copies and versions among every article of an index.

    ``copies`` and ``versions`` map an article id to the ids of its copies (other
    articles with its text) and of its versions; ``identical_files`` pairs each file
    whose bytes equal an earlier one's (in path order) with that file, as corpus paths.
    """

    copies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    versions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    identical_files: list[tuple[str, str]] = field(default_factory=list)
    # (path, path) of each pair of versions, once.
    version_pairs: list[tuple[str, str]] = field(default_factory=list)
    # Whether each candidate pair of texts (by text hash) was found to be versions: a
    # later update asks again only about pairs it has not seen.
    verdicts: dict[tuple[str, str], bool] = field(default_factory=dict)
    # What the next search needs to look again only at what changed (see :class:`Earlier`).
    texts: frozenset[str] = frozenset()
    overfull: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Earlier:
    """What an earlier search over the same index saw: its texts (by text hash), the
    sketch hashes shared by more than :data:`MAX_BUCKET` of them, and its candidate
    pairs. A pair of texts both still present stays a candidate unless a hash they
    share crossed :data:`MAX_BUCKET`; any other candidate has a new text."""

    texts: frozenset[str]
    overfull: frozenset[str]
    candidates: frozenset[tuple[str, str]]


@dataclass
class KnownDuplicates:
    """The duplicates of one commit of an index, with the entries to describe them.

    Args:
        key: What identifies the commit they were found in (None: no index).
        found: The copies and versions.
        files_of: Each file's bytes hash and manifest article entries (read when an
            article's copies are first asked for: a report needs only ``found``).
    """

    key: object
    found: Duplicates
    files_of: Callable[[], Mapping[str, tuple[str, list[dict]]]]
    _entries: dict[str, dict] | None = None

    @classmethod
    def of(
        cls,
        key: object,
        files: Mapping[str, tuple[str, list[dict]]],
        bodies: Callable[[Iterable[str]], Mapping[str, str]],
        verdicts: Mapping[tuple[str, str], bool] | None = None,
    ) -> KnownDuplicates:
        """Find the duplicates among ``files`` (see :func:`find_duplicates`)."""
        return cls(key, find_duplicates(files, bodies, verdicts), lambda: files)

    @classmethod
    def kept(
        cls,
        folder: Path,
        key: object,
        files_of: Callable[[], Mapping[str, tuple[str, list[dict]]]],
        bodies: Callable[[Iterable[str]], Mapping[str, str]],
        verdicts: Mapping[tuple[str, str], bool] | None = None,
    ) -> KnownDuplicates:
        """The duplicates of commit ``key``, as recorded beside the index when they were
        found for it; otherwise found again (asking only about pairs of texts no earlier
        search decided) and recorded for the next process.

        Args:
            folder: The index folder.
            key: What identifies the index's current commit (None: no index).
            files_of: Reads each file's bytes hash and article entries (the manifest).
            bodies: The stored bodies of the given article ids.
            verdicts: What this process decided before.
        """
        saved = _load_found(folder)
        if saved is not None and key is not None and saved.commit == list(key):
            return cls(key, saved.found, files_of)
        kept_verdicts = _load_verdicts(folder)
        earlier = None
        if saved is not None and kept_verdicts.commit == saved.verdicts_commit:
            candidates = frozenset(kept_verdicts.verdicts)
            earlier = Earlier(saved.found.texts, saved.found.overfull, candidates)
        decided = {**kept_verdicts.verdicts, **(verdicts or {})}
        found = find_duplicates(files_of(), bodies, decided, earlier)
        if key is not None:
            with contextlib.suppress(OSError):  # a read-only cache finds them again next time
                verdicts_commit = kept_verdicts.commit
                if earlier is None or set(found.verdicts) != set(kept_verdicts.verdicts):
                    verdicts_commit = list(key)
                    _save_verdicts(folder, verdicts_commit, found.verdicts)
                _save_found(folder, key, found, verdicts_commit)
        return cls(key, found, files_of)

    @property
    def entries(self) -> dict[str, dict]:
        """Every manifest article entry, by id."""
        if self._entries is None:
            files = self.files_of()
            self._entries = {entry["id"]: entry for _, listed in files.values() for entry in listed}
        return self._entries

    def copies_of(self, article_id: str) -> ArticleCopies:
        """The paths of an article's copies and the listing records of its versions."""
        copies = self.found.copies.get(article_id, ())
        versions = self.found.versions.get(article_id, ())
        if not copies and not versions:
            return ArticleCopies(copies=(), versions=())
        entries = self.entries
        return ArticleCopies(
            copies=tuple(sorted(_place(entries[i]) for i in copies if i in entries)),
            versions=tuple(
                to_summary(entry)
                for entry in sorted(
                    (entries[i] for i in versions if i in entries),
                    key=lambda e: (e["path"], e["position"]),
                )
            ),
        )


def _save_verdicts(folder: Path, commit: list, verdicts: Mapping[tuple[str, str], bool]) -> None:
    """Record the verdicts on exactly the candidate pairs of commit ``commit`` (many
    more than the duplicates, so read only when something changed, and written only
    when the candidates did)."""
    rows = [[a, b, same] for (a, b), same in verdicts.items()]
    _write_json(folder / VERDICTS_NAME, {"format": FOUND_FORMAT, "commit": commit, "pairs": rows})


def _save_found(folder: Path, key: object, found: Duplicates, verdicts_commit: list) -> None:
    """Record what was found for commit ``key`` beside the index, with what the next
    search needs to look only at what changed; ``verdicts_commit`` says which verdicts
    file holds its candidates (written first, so a half-finished save is noticed)."""
    payload = {
        "format": FOUND_FORMAT,
        "commit": list(key),
        "verdicts_commit": verdicts_commit,
        "copies": found.copies,
        "versions": found.versions,
        "identical_files": found.identical_files,
        "version_pairs": found.version_pairs,
        "texts": sorted(found.texts),
        "overfull": sorted(found.overfull),
    }
    _write_json(folder / FOUND_NAME, payload)


def _write_json(target: Path, payload: object) -> None:
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, target)


class _Saved(NamedTuple):
    commit: list
    verdicts_commit: list | None
    found: Duplicates


class _Verdicts(NamedTuple):
    commit: list | None
    verdicts: dict[tuple[str, str], bool]


_UNREADABLE = (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError)


def _load_found(folder: Path) -> _Saved | None:
    """The duplicates recorded beside the index, with their commit, or None (missing,
    unreadable or of another format: they are found again)."""
    try:
        raw = json.loads((folder / FOUND_NAME).read_text(encoding="utf-8"))
        if raw["format"] != FOUND_FORMAT:
            return None
        found = Duplicates(
            copies={k: tuple(v) for k, v in raw["copies"].items()},
            versions={k: tuple(v) for k, v in raw["versions"].items()},
            identical_files=[(a, b) for a, b in raw["identical_files"]],
            version_pairs=[(a, b) for a, b in raw["version_pairs"]],
            texts=frozenset(raw["texts"]),
            overfull=frozenset(raw["overfull"]),
        )
        return _Saved(list(raw["commit"]), raw["verdicts_commit"], found)
    except _UNREADABLE:
        return None


def _load_verdicts(folder: Path) -> _Verdicts:
    """The verdicts recorded beside the index and the commit whose candidates they are
    (none when missing or unreadable; verdicts of an older format, with no commit, still
    spare comparing their pairs again)."""
    try:
        raw = json.loads((folder / VERDICTS_NAME).read_text(encoding="utf-8"))
        if isinstance(raw, list):
            return _Verdicts(None, {(a, b): bool(same) for a, b, same in raw})
        if raw["format"] != FOUND_FORMAT:
            return _Verdicts(None, {})
        rows = raw["pairs"]
        return _Verdicts(list(raw["commit"]), {(a, b): bool(same) for a, b, same in rows})
    except _UNREADABLE:
        return _Verdicts(None, {})


def _place(entry: dict) -> str:
    """An article's path, with its place in the file when the file holds several."""
    position = entry.get("position", 0)
    return f"{entry['path']}#{position}" if position else entry["path"]


def find_duplicates(
    files: Mapping[str, tuple[str, list[dict]]],
    bodies: Callable[[Iterable[str]], Mapping[str, str]],
    verdicts: Mapping[tuple[str, str], bool] | None = None,
    earlier: Earlier | None = None,
) -> Duplicates:
    """Copies, versions and identical files among the articles of an index.

    Args:
        files: Each file's bytes hash and manifest article entries, by file.
        bodies: The stored bodies of the given article ids (asked once, for the
            candidate pairs only).
        verdicts: What an earlier search decided about candidate pairs (their texts
            have not changed, so neither has the answer).
        earlier: What an earlier search over this index saw: given, only the pairs that
            can have changed since are looked at again (the answer is the same).

    Returns:
        What is duplicated, and where.
    """
    found = Duplicates()
    by_digest: dict[str, str] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for key in sorted(files, key=lambda k: _file_path(files[k][1], k)):
        digest, entries = files[key]
        path = _file_path(entries, key)
        if digest in by_digest:
            found.identical_files.append((path, by_digest[digest]))
        else:
            by_digest[digest] = path
        for entry in entries:
            groups[entry.get("text") or entry["id"]].append(entry)
    for members in groups.values():
        if len(members) > 1:
            for entry in members:
                found.copies[entry["id"]] = tuple(e["id"] for e in members if e is not entry)
    # One representative a text: copies are compared once.
    representatives = {text: members[0] for text, members in groups.items()}
    parsed = {text: _parsed(entry.get("sketch") or "") for text, entry in representatives.items()}
    buckets: dict[str, list[str]] = defaultdict(list)
    for text, (_, hashes) in parsed.items():
        for value in hashes:
            buckets[value].append(text)
    found.texts = frozenset(parsed)
    found.overfull = frozenset(h for h, members in buckets.items() if len(members) > MAX_BUCKET)
    if earlier is None:
        candidates = _candidates(parsed, buckets)
    else:
        candidates = _candidates_since(earlier, parsed, buckets, found.overfull)
    earlier = verdicts or {}
    found.verdicts = {pair: earlier[pair] for pair in candidates if pair in earlier}
    unseen = [pair for pair in candidates if pair not in found.verdicts]
    for pair in unseen:
        found.verdicts[pair] = False
    for pair in _verified(unseen, representatives, bodies):
        found.verdicts[pair] = True
    pairs = [pair for pair in candidates if found.verdicts[pair]]
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        near[a].add(b)
        near[b].add(a)
        first, second = sorted((_place(representatives[a]), _place(representatives[b])))
        found.version_pairs.append((first, second))
    for text, others in near.items():
        ids = tuple(e["id"] for other in sorted(others) for e in groups[other])
        for entry in groups[text]:
            found.versions[entry["id"]] = ids
    found.version_pairs.sort()
    return found


def _file_path(entries: list[dict], key: str) -> str:
    return entries[0].get("path") or key if entries else key


def _candidates(
    parsed: Mapping[str, tuple[int, frozenset[str]]], buckets: Mapping[str, list[str]]
) -> list[tuple[str, str]]:
    """Text pairs whose sketches share :data:`MIN_SHARED` hashes or more and whose
    estimated containment (:func:`contained`) is at least :data:`MIN_CONTAINED`."""
    found = []
    # One text's partners at a time: counting every pair of the corpus at once held
    # millions of them (a gigabyte at 100,000 articles).
    for text in sorted(parsed):
        partners: Counter[str] = Counter()
        for value in parsed[text][1]:
            members = buckets[value]
            if 1 < len(members) <= MAX_BUCKET:
                partners.update(other for other in members if other > text)
        found.extend(
            (text, other)
            for other, count in partners.items()
            if count >= MIN_SHARED
            and _may_contain(parsed[text], parsed[other])
            and _contained(parsed[text], parsed[other]) >= MIN_CONTAINED
        )
    return sorted(found)


def _candidates_since(
    earlier: Earlier,
    parsed: Mapping[str, tuple[int, frozenset[str]]],
    buckets: Mapping[str, list[str]],
    overfull: frozenset[str],
) -> list[tuple[str, str]]:
    """The same pairs as :func:`_candidates`, from an earlier search's: pairs of two
    texts that were there before keep their answer unless they share a hash whose
    bucket crossed :data:`MAX_BUCKET`; pairs with a new text and pairs in such a bucket
    are looked at again."""
    crossed = overfull ^ earlier.overfull
    again: set[tuple[str, str]] = set()
    for text in parsed.keys() - earlier.texts:
        for value in parsed[text][1] - overfull:
            again.update(_pair(text, other) for other in buckets[value] if other != text)
    for value in crossed - overfull:
        members = buckets.get(value, ())
        again.update(combinations(sorted(members), 2))
    # Only a pair of texts both in a bucket that crossed can share a hash that did.
    touched = {text for value in crossed for text in buckets.get(value, ())}
    kept = set()
    for a, b in earlier.candidates:
        if a in parsed and b in parsed:
            if a in touched and b in touched and parsed[a][1] & parsed[b][1] & crossed:
                again.add((a, b))
            else:
                kept.add((a, b))
    for a, b in again:
        first, second = parsed[a], parsed[b]
        if (
            len((first[1] & second[1]) - overfull) >= MIN_SHARED
            and _may_contain(first, second)
            and _contained(first, second) >= MIN_CONTAINED
        ):
            kept.add((a, b))
    return sorted(kept)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _may_contain(first: tuple[int, frozenset[str]], second: tuple[int, frozenset[str]]) -> bool:
    """Whether :func:`contained` can reach :data:`MIN_CONTAINED`, from a bound that costs
    one set intersection: at most all the hashes the sketches share are among the
    smallest of their union. It rules out most pairs that share a few stock phrases,
    which otherwise cost most of the time of finding versions among 100,000 articles."""
    (size_a, in_a), (size_b, in_b) = first, second
    shared = len(in_a & in_b)
    smallest = min(SKETCH_SIZE, len(in_a) + len(in_b) - shared)
    if not smallest or not size_a or not size_b:
        return False
    jaccard = shared / smallest
    return jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)) >= MIN_CONTAINED


def _verified(
    candidates: list[tuple[str, str]],
    representatives: Mapping[str, dict],
    bodies: Callable[[Iterable[str]], Mapping[str, str]],
) -> list[tuple[str, str]]:
    """The candidate pairs that share at least :data:`VERSION_SHARE` of a body."""
    if not candidates:
        return []
    ids = sorted({representatives[text]["id"] for pair in candidates for text in pair})
    coded = _WordCodes()
    words: dict[str, str | list[str]] = {}
    # Bodies are read a slice at a time and kept as one character a word: tens of
    # thousands of bodies as lists of words took gigabytes.
    for start in range(0, len(ids), BODIES_AT_ONCE):
        for article_id, body in bodies(ids[start : start + BODIES_AT_ONCE]).items():
            words[article_id] = coded.encode(_WORD.findall(body.casefold()))
    kept = []
    for a, b in candidates:
        first = words.get(representatives[a]["id"])
        second = words.get(representatives[b]["id"])
        if first and second and shared_share(*coded.comparable(first, second)) >= VERSION_SHARE:
            kept.append((a, b))
    return kept


class _WordCodes:
    """Each distinct word as one character, so a body's words are one compact string.

    Comparing those strings is comparing the words. Should a corpus hold more distinct
    words than there are characters, the bodies with the rest keep their words as a list.
    """

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._words: list[str] = []

    def encode(self, words: list[str]) -> str | list[str]:
        codes = self._codes
        for word in words:
            if word not in codes:
                if len(self._words) > sys.maxunicode:
                    return words
                codes[word] = chr(len(self._words))
                self._words.append(word)
        return "".join(codes[word] for word in words)

    def comparable(
        self, first: str | list[str], second: str | list[str]
    ) -> tuple[str | list[str], str | list[str]]:
        """Both as strings, or both as word lists when one of them could not be coded."""
        if isinstance(first, str) and isinstance(second, str):
            return first, second
        return self._decoded(first), self._decoded(second)

    def _decoded(self, coded: str | list[str]) -> list[str]:
        return coded if isinstance(coded, list) else [self._words[ord(c)] for c in coded]


def shared_share(first: str | list[str], second: str | list[str]) -> float:
    """The words two bodies share in order, as a percentage of the shorter one.

    Args:
        first: One body's words (or a string of one character a word).
        second: The other's, in the same form.

    Returns:
        0 to 100 (100: the shorter body is all in the longer one).
    """
    from rapidfuzz.distance import LCSseq

    shorter = min(len(first), len(second))
    return 100.0 * LCSseq.similarity(first, second) / shorter if shorter else 0.0
