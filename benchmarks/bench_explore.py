"""Explore benchmark: how right the timeline's dates and the statements' speakers are, and
how fast timelines and entity pages come on a large corpus.

1. Quality, on the hand-labelled texts of ``tests/fixtures/explore/labelled.json``
   (written and labelled before the extractors ran on them; the extractors were improved
   on the errors of its "articles", and "held_out" and "held_out_3" were written after
   that, so they are the honest measure): date precision and recall
   (a date is right when its mention overlaps the labelled one and it names the same day,
   month, year or range) and speaker precision (a statement is right when the labelled
   speaker said words inside it). Targets: precision >= 0.9 for both, date recall >= 0.8.
   Every miss and every wrong answer is listed.
2. Build cost: articles per CPU-second of a fresh index build with and without the
   explore data (the events, statements and co-mentions stored with each article);
   target: at most 15% slower.
3. Speed on the BBC-based corpus (10,000 articles by default, built once under the cache
   dir and its index kept in the user cache): the timeline of a query with about 500
   hits (target <= 200 ms) and entity pages (target <= 300 ms), median wall and CPU.

    python -m benchmarks.bench_explore             # all three, 10k articles
    python -m benchmarks.bench_explore --quality   # the labelled set only
    python -m benchmarks.bench_explore --size 2000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_index import _build
from benchmarks.corpus import build_corpus

LABELLED = Path(__file__).resolve().parent.parent / "tests/fixtures/explore/labelled.json"
# Queries tried for a timeline of about 500 hits; the nearest to it is timed.
QUERIES = ("police", "court", "drug", "prison", "fraud", "tax", "bank", "oil", "music", "film")
TIMELINE_HITS = 500
ENTITY_TARGET_MS = 300
TIMELINE_TARGET_MS = 200


def quality(items: list[dict]) -> dict:
    """Date precision/recall and speaker precision on labelled texts, misses printed."""
    from search.entities import extract_entities
    from search.explore.article_data import explore_article

    dates = {"right": 0, "found": 0, "labelled": 0}
    speakers = {"right": 0, "found": 0, "labelled": 0}
    for item in items:
        title, body = item["title"], item["body"]
        data = explore_article(title, body, item["date"], extract_entities(body))
        found = [
            ((title if e.part == "title" else body)[e.mention_start : e.mention_end], _iso(e.date))
            for e in data.events
        ]
        _score(dates, found, [tuple(pair) for pair in item["dates"]], _same_date, title)
        said = [(s.speaker, body[s.start : s.end]) for s in data.statements]
        _score(speakers, said, [tuple(pair) for pair in item["statements"]], _same_words, title)
    return {
        "date_precision": dates["right"] / max(1, dates["found"]),
        "date_recall": dates["right"] / max(1, dates["labelled"]),
        "speaker_precision": speakers["right"] / max(1, speakers["found"]),
        "speaker_recall": speakers["right"] / max(1, speakers["labelled"]),
        "dates": dates,
        "speakers": speakers,
    }


def _iso(value) -> str:
    return value.start if value.start == value.end else f"{value.start}/{value.end}"


def _same_date(found: tuple[str, str], labelled: tuple[str, str]) -> bool:
    (mention, date), (wanted_mention, wanted_date) = found, labelled
    overlap = mention.casefold() in wanted_mention.casefold() or (
        wanted_mention.casefold() in mention.casefold()
    )
    return overlap and date == wanted_date


def _same_words(found: tuple[str, str], labelled: tuple[str, str]) -> bool:
    from search.entities.spellings import name_key

    (speaker, words), (wanted_speaker, wanted_words) = found, labelled
    # The same person in any spelling: "Recep Tayyip Erdoğan" is the label's "Erdogan".
    return name_key(speaker) == name_key(wanted_speaker) and wanted_words in words


def _score(counts: dict, found: list, labelled: list, same, title: str) -> None:
    counts["found"] += len(found)
    counts["labelled"] += len(labelled)
    unmatched = list(labelled)
    for answer in found:
        match = next((wanted for wanted in unmatched if same(answer, wanted)), None)
        if match is None:
            print(f"  wrong   {title[:40]:<40}  {answer}")
            continue
        unmatched.remove(match)
        counts["right"] += 1
    for wanted in unmatched:
        print(f"  missed  {title[:40]:<40}  {wanted}")


def build_cost(size: int) -> dict:
    """Articles per CPU-second of a fresh build, with and without the explore data."""
    from search.index import documents
    from search.index.indexer import Indexer

    corpus = build_corpus(size)
    stored = documents._explore
    rates: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as work:
        # Alternated, so both see the same load on a shared machine.
        for run in range(2):
            for kind in ("without", "with"):
                documents._explore = stored if kind == "with" else (lambda article, spans: None)
                try:
                    indexer = Indexer(corpus, Path(work) / f"{kind}-{run}")
                    summary, _wall, cpu = _build(indexer.update)
                finally:
                    documents._explore = stored
                rates[kind].append(summary.articles / cpu)
    best = {kind: max(values) for kind, values in rates.items()}
    return {**best, "slower": 1 - best["with"] / best["without"]}


def speed(size: int) -> dict:
    """Timeline and entity page times on a corpus of ``size`` articles."""
    from search.service import open_search_service

    service = open_search_service(build_corpus(size))
    service.update()
    totals = {query: service.search(query, limit=1).total for query in QUERIES}
    query = min(totals, key=lambda q: abs(totals[q] - TIMELINE_HITS))
    timeline = _median(lambda: service.timeline(query), 5)
    events = len(service.timeline(query))
    names = _entity_names(service)
    pages = {name: _median(lambda name=name: service.entity(name), 3) for name in names}
    return {
        "query": query,
        "hits": totals[query],
        "events": events,
        "timeline": timeline,
        "pages": pages,
    }


def _entity_names(service) -> list[str]:
    """A frequent person, organisation and place of the corpus, and a rarer person."""
    facets = {facet.field: facet for facet in service.facets("")}
    names = []
    for field in ("person", "org", "place"):
        values = facets[field].values if field in facets else ()
        names += [values[0][0]] if values else []
    people = facets.get("person")
    if people and len(people.values) > 5:
        names.append(people.values[5][0])
    return names


def _median(fn, repeats: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn()``."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _print_quality(found: dict) -> None:
    print(
        f"dates: precision {found['date_precision']:.2f} "
        f"({_verdict(found['date_precision'] >= 0.9)}), "
        f"recall {found['date_recall']:.2f} ({_verdict(found['date_recall'] >= 0.8)}), "
        f"{found['dates']['found']} found of {found['dates']['labelled']} labelled"
    )
    print(
        f"speakers: precision {found['speaker_precision']:.2f} "
        f"({_verdict(found['speaker_precision'] >= 0.9)}), recall "
        f"{found['speaker_recall']:.2f}, {found['speakers']['found']} found of "
        f"{found['speakers']['labelled']} labelled"
    )


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles for the timings")
    parser.add_argument("--build-size", type=int, default=1_000, help="articles built twice")
    parser.add_argument("--quality", action="store_true", help="the labelled set only")
    args = parser.parse_args()
    # The user's entity corrections must not colour the figures.
    os.environ["BRIEFING_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-explore-config-")
    labelled = json.loads(LABELLED.read_text(encoding="utf-8"))
    # "articles" showed the errors the extractors were then improved on; "held_out" and
    # "held_out_3" were written after that (the last by someone who never read the
    # extractors), so their figures are the honest ones.
    for part in ("articles", "held_out", "held_out_3"):
        print(f"Labelled set, {part} ({len(labelled[part])} texts):")
        _print_quality(quality(labelled[part]))
    if args.quality:
        return
    cost = build_cost(args.build_size)
    print(
        f"\nbuild of {args.build_size} articles: {cost['without']:.0f} articles/CPU-s without "
        f"the explore data, {cost['with']:.0f} with it: {cost['slower']:.1%} slower "
        f"({_verdict(cost['slower'] <= 0.15)}, target <= 15%)"
    )
    timed = speed(args.size)
    wall, cpu = timed["timeline"]
    print(
        f"\n{args.size} articles: timeline of {timed['query']!r} ({timed['hits']} hits, "
        f"{timed['events']} events): {wall:.0f} ms wall, {cpu:.0f} ms CPU "
        f"({_verdict(wall <= TIMELINE_TARGET_MS)}, target <= {TIMELINE_TARGET_MS} ms)"
    )
    for name, (wall, cpu) in timed["pages"].items():
        print(
            f"entity page {name!r}: {wall:.0f} ms wall, {cpu:.0f} ms CPU "
            f"({_verdict(wall <= ENTITY_TARGET_MS)}, target <= {ENTITY_TARGET_MS} ms)"
        )


if __name__ == "__main__":
    main()
