"""Re-anchoring success on real news, and the cost of saving and loading a big briefing.

Re-anchoring: every sentence of at least 60 characters that occurs once in an article
of the BBC corpus is quoted, then the article is edited in one of five ways and the
quote is found again. Printed: the share found exactly as expected (for the removed
passage: reported orphaned) and the time per re-anchoring.

Resolving: a briefing of N notes (a sentence of a different BBC article each) is
resolved against a real index of those articles after a tenth of their files had a
sentence inserted at the top; printed: the time for the whole briefing, as the app's
notes view and export wait for it.

Store: a briefing grows to N notes one ``add_note`` at a time (each a locked, fsynced,
atomic save with a backup); printed: time per save at the end and time to load.

Usage: ``python benchmarks/bench_briefings.py [--articles 120] [--notes 500] [--resolve 300]``
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import bbc_folder  # noqa: E402
from briefings.anchoring import AnchorStatus, quote_article, reanchor  # noqa: E402
from briefings.models import ArticleRef, new_note  # noqa: E402
from briefings.store import BriefingStore  # noqa: E402
from search.models.articles import Article

BBC = bbc_folder()


def _edits(body: str, start: int, sentence: str, rng: random.Random) -> dict:
    words = sentence.split(" ")
    k = rng.randrange(1, len(words) - 1)
    inserted = " ".join([*words[:k], "reportedly", *words[k:]])
    deleted = " ".join(words[:k] + words[k + 1 :])
    before, after = body[:start], body[start + len(sentence) :]
    return {
        "text inserted before": ("Updated. " + body, sentence),
        "sentence just before": (before + "Officials added this. " + sentence + after, sentence),
        "text deleted before": (before[: max(0, len(before) - 20)] + sentence + after, sentence),
        "word inserted inside": (before + inserted + after, inserted),
        "word deleted inside": (before + deleted + after, deleted),
        "before and inside": ("Updated. " + before + inserted + after, inserted),
        "just before + inside": (before + "Officials added this. " + inserted + after, inserted),
        "passage removed": (before + after, None),
    }


def bench_reanchoring(articles: int) -> None:
    rng = random.Random(7)
    paths = sorted(BBC.glob("*/*.txt"))
    rng.shuffle(paths)
    tally: dict[str, list[int]] = {}
    elapsed = 0.0
    for path in paths[:articles]:
        body = path.read_text(encoding="latin-1")
        for sentence in {s.strip() for s in body.split(".")}:
            if len(sentence) < 60 or body.count(sentence) != 1:
                continue
            start = body.index(sentence)
            quote = quote_article(Article("x", "t", body, str(path)), start, start + len(sentence))
            for name, (changed, wanted) in _edits(body, start, sentence, rng).items():
                t0 = time.perf_counter()
                result = reanchor(quote, Article("x", "t", changed, str(path)))
                elapsed += time.perf_counter() - t0
                if wanted is None:
                    ok = result.status is AnchorStatus.ORPHANED
                else:
                    ok = result.quote.exact == wanted and result.status is not AnchorStatus.ORPHANED
                counts = tally.setdefault(name, [0, 0])
                counts[0] += ok
                counts[1] += 1
    total = sum(n for _, n in tally.values())
    print(f"re-anchoring, {articles} BBC articles, {total} quotes re-found")
    for name, (ok, n) in tally.items():
        print(f"  {name:<22} {ok:>5}/{n:<5} {100 * ok / n:6.2f}%")
    print(f"  {1000 * elapsed / total:.3f} ms per re-anchoring")


def bench_resolve(count: int) -> None:
    import os
    import shutil

    from briefings.resolver import NoteStatus, resolve_notes
    from search.service import open_search_service

    paths = sorted(BBC.glob("*/*.txt"))[:count]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFING_CACHE_DIR"] = str(Path(folder) / "cache")
        corpus = Path(folder) / "corpus"
        for path in paths:
            target = corpus / path.relative_to(BBC)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        service = open_search_service(corpus)
        service.update()
        notes = []
        for summary in service.articles():
            article = service.article(summary.id)
            paragraph = max(article.paragraphs, key=len)
            start = article.body.index(paragraph)
            quote = quote_article(article, start, start + len(paragraph))
            notes.append(new_note(ArticleRef.from_article(article, str(corpus)), quote=quote))
        for path in sorted(corpus.glob("*/*.txt"))[::10]:
            lines = path.read_text(encoding="latin-1").split("\n")
            lines.insert(2, "An editor's note was added here.")
            path.write_text("\n".join(lines), encoding="latin-1")
        service.update()
        t0 = time.perf_counter()
        resolved = resolve_notes(notes, service, corpus_name=corpus.name)
        elapsed = time.perf_counter() - t0
    counts = {status.value: 0 for status in NoteStatus}
    for item in resolved:
        counts[item.status.value] += 1
    print(f"resolving a briefing of {len(notes)} notes on {len(notes)} articles")
    print(f"  {1000 * elapsed:.0f} ms in all, {1000 * elapsed / len(notes):.2f} ms per note")
    print("  " + ", ".join(f"{n} {status}" for status, n in counts.items()))


def bench_store(notes: int) -> None:
    art = Article("a1", "Title", "Some body text. " * 50, "p.txt")
    ref = ArticleRef.from_article(art)
    with tempfile.TemporaryDirectory() as folder:
        store = BriefingStore(Path(folder))
        slug = store.create("Bench").slug
        last = []
        for i in range(notes):
            note = new_note(
                ref,
                text=f"Note {i}\nwith a second line",
                tags=["a", "b"],
                quote=quote_article(art, 16, 48),
            )
            t0 = time.perf_counter()
            store.add_note(slug, note)
            if i >= notes - 20:
                last.append(time.perf_counter() - t0)
        size = store.path_for(slug).stat().st_size
        t0 = time.perf_counter()
        BriefingStore(Path(folder)).load(slug)
        load = time.perf_counter() - t0
    print(f"store, briefing of {notes} notes ({size / 1024:.0f} KiB)")
    print(f"  add_note at that size: {1000 * sum(last) / len(last):.1f} ms (locked, fsynced)")
    print(f"  load from disk:        {1000 * load:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--resolve", type=int, default=300, metavar="NOTES")
    args = parser.parse_args()
    if BBC.is_dir():
        bench_reanchoring(args.articles)
        bench_resolve(args.resolve)
    else:
        print(f"re-anchoring skipped: {BBC} not present")
    bench_store(args.notes)


if __name__ == "__main__":
    main()
