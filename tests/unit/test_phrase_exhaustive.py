"""Every phrase ranks every article the fast ranking finds exactly as Whoosh's own phrase
search does: the same articles, in the same order, with the same scores, and the same count.

The fast ranking reads a phrase's rarest word first and passes over the posting blocks of
its other words that hold no article with the words before; only the articles holding
every word have their positions read, and only those where the words are adjacent are
scored. The generated corpus makes all of that matter: 3,000 articles (posting lists of
many blocks), words drawn with Zipf-like odds (common and rare words side by side), the
phrases' words often in the same article but apart, a phrase's word repeated in an
article, and a second and third update that add, replace and delete articles (several
segments, deleted documents). It is indexed by the app's own indexing code on disk, and
every phrase of two and three of its words is compared with Whoosh ranking every match.
"""

from __future__ import annotations

import random
from itertools import permutations

import pytest

from search.index import whoosh_internals
from search.index.store import open_searcher
from search.query import posting_memo, snippets
from search.query import ranking as fast_ranking
from tests.unit.index_fixtures import make_service, whoosh_query, write_articles

WORDS = ["oil", "price", "market", "bank", "interest", "rate", "cup", "final", "world"] + [
    "prime",
    "minister",
    "vote",
]
RARE = ["union", "strike"]
PHRASES = ["oil price", "interest rate", "world cup final", "prime minister", "bank rate"]
ARTICLES = 3000
PER_FILE = 100
SEED = 18


def _text(rng: random.Random, count: int) -> str:
    odds = [1 / (rank + 1) for rank in range(len(WORDS))]
    words = rng.choices(WORDS, odds, k=count)
    for _ in range(rng.randrange(3)):
        at = rng.randrange(len(words) + 1)
        words[at:at] = rng.choice(PHRASES).split()
    # Rare words, in a few articles: most posting blocks of a common word hold none.
    for rare in RARE:
        if rng.random() < 0.003:
            at = rng.randrange(len(words) + 1)
            words[at:at] = rng.choice([[rare], [rare, rng.choice(WORDS)], RARE])
    return " ".join(words)


def _articles(rng: random.Random, count: int) -> list[dict]:
    return [
        {"title": _text(rng, rng.randrange(1, 6)), "body": _text(rng, rng.choice([2, 9, 40, 200]))}
        for _ in range(count)
    ]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    root = tmp_path_factory.mktemp("phrases")
    corpus = root / "corpus"
    rng = random.Random(SEED)
    articles = _articles(rng, ARTICLES)
    for start in range(0, ARTICLES, PER_FILE):
        name = f"news-{start // PER_FILE:02d}.txt"
        write_articles(corpus, name, *articles[start : start + PER_FILE])
    service = make_service(corpus, root / "index")
    service.update()
    # Later updates add files, then rewrite and remove some of those: the first
    # segment keeps no deleted article (its postings are read a block at a time), the
    # later ones do (read through Whoosh's matcher, which leaves the deleted out).
    for number in range(90, 96):
        write_articles(corpus, f"news-{number}.txt", *_articles(rng, PER_FILE))
    service.update()
    write_articles(corpus, "news-91.txt", *_articles(rng, PER_FILE))
    (corpus / "news-93.txt").unlink()
    service.update()
    opened = open_searcher(service.folder)
    yield opened
    opened.close()


def _phrases() -> list[str]:
    pairs = [f'"{a} {b}"' for a, b in permutations(WORDS[:9], 2)]
    triples = [f'"{phrase}"' for phrase in PHRASES if phrase.count(" ") == 2]
    triples += ['"oil price market"', '"price oil bank"', '"cup world final"']
    rare = [f'"{a} {b}"' for a in RARE for b in WORDS[:4]] + ['"union strike"', '"strike union"']
    rare += [f'"{b} {a}"' for a in RARE for b in WORDS[:4]] + ['"union strike oil"']
    fielded = ['title:"oil price"', 'body:"prime minister"', '"interest rate"^2']
    return pairs + triples + rare + fielded


def _whoosh_ranking(searcher, query) -> list[tuple[str, float]]:
    hits = searcher.search(query, limit=None)
    ranked = sorted(((hit.score, hit.docnum) for hit in hits), key=lambda s: (-s[0], s[1]))
    return [(searcher.stored_fields(docnum)["id"], score) for score, docnum in ranked]


def test_every_phrase_ranks_every_match_as_whoosh_does(searcher):
    checked = 0
    for text in _phrases():
        query = whoosh_query(text, searcher.schema)
        expected = _whoosh_ranking(searcher, query)
        ranked = fast_ranking.rank(searcher, query, searcher.doc_count_all())
        assert ranked is not None, f"the fast ranking declined {text}"
        top, total = ranked
        found = [(searcher.stored_fields(docnum)["id"], score) for score, docnum in top]
        assert total == len(expected), text
        assert found == expected, text
        checked += bool(expected)
    assert checked > 60  # most phrases match something: the comparison is not empty


def test_the_corpus_exercises_what_the_phrase_ranking_depends_on(searcher):
    reader = searcher.reader()
    first, *later = [sub.reader() for sub, _ in searcher.leaf_searchers()]
    assert later and not first.has_deletions() and any(r.has_deletions() for r in later)
    # Many posting blocks for the common words, few for the rare ones.
    assert reader.doc_frequency("body", "oil") > 1000
    assert reader.doc_frequency("body", "oil") > 20 * reader.doc_frequency("body", "strike")
    # Words of a phrase often together but apart: holding both is not matching.
    both = searcher.search(whoosh_query("body:world body:final", searcher.schema), limit=None)
    phrase = searcher.search(whoosh_query('body:"world final"', searcher.schema), limit=None)
    assert len(both) > 2 * len(phrase) > 0


def test_a_wanted_article_at_either_end_of_a_posting_block_is_read(searcher):
    """The rarest word's articles pick which blocks of the others are read: an article
    that is the first or the last of its block must not be passed over."""
    reader = searcher.leaf_searchers()[0][0].reader()
    blocks = [
        list(ids)
        for ids, _, _ in whoosh_internals.postings_among(reader.postings("body", "oil"), None)
    ]
    assert len(blocks) > 5
    for block in blocks:
        for docnum in (block[0], block[-1]):
            matcher = reader.postings("body", "oil")
            found = whoosh_internals.postings_among(matcher, {docnum})
            assert [list(ids) for ids, _, _ in found] == [block]


def _whoosh_postings(reader, fieldname: str, word: str) -> list[tuple[int, float, bytes]]:
    """A term's (docnum, weight, raw value) in one segment, through Whoosh's matcher."""
    found = []
    matcher = reader.postings(fieldname, word)
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


@pytest.mark.parametrize("fieldname", ["body", "title"])
def test_a_term_read_in_one_piece_gives_the_postings_whoosh_reads(searcher, fieldname):
    """In every segment (with and without deleted articles), for common words, rare ones
    and those of one article, whichever articles are wanted."""
    rng = random.Random(SEED)
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        for word in [*WORDS, *RARE]:
            btext = word.encode()
            info = whoosh_internals.term_info(reader, fieldname, btext)
            if info is None:
                assert (fieldname, btext) not in reader
                continue
            expected = _whoosh_postings(reader, fieldname, word)
            some = [docnum for docnum, _, _ in expected if rng.random() < 0.01]
            for wanted in (None, some, [expected[0][0]], [expected[-1][0]]):
                blocks = whoosh_internals.term_blocks(reader, fieldname, btext, info, wanted)
                read = [
                    posting
                    for ids, weights, values in blocks
                    for posting in zip(ids, weights, values, strict=True)
                ]
                chosen = wanted if wanted is not None else {docnum for docnum, _, _ in expected}
                assert [p for p in read if p[0] in chosen] == [
                    p for p in expected if p[0] in chosen
                ], (fieldname, word, wanted)


def test_the_values_shown_in_snippets_are_those_whoosh_reads(searcher):
    """The character ranges read for a page of articles, spread over every segment."""
    rng = random.Random(SEED)
    decode = searcher.schema["body"].format.decoder("characters")
    shown = rng.sample(range(searcher.doc_count_all()), 30)
    for word in ["oil", "strike", "union", "zzzz"]:
        expected = {}
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            if ("body", word) in reader:
                for docnum, _, value in _whoosh_postings(reader, "body", word):
                    if docnum + offset in shown:
                        expected[docnum + offset] = decode(value)
        found = fast_ranking.term_values(searcher, "body", word.encode(), shown, "characters")
        assert found == expected, word
    assert found == {} and expected == {}  # the last word is in no article


def test_snippets_from_the_values_a_phrase_read_are_those_read_afresh(searcher):
    """The snippets of a phrase's top articles take the posting values its ranking read;
    read again from the index they are the same."""
    for text in ['"interest rate"', '"prime minister"', '"world cup final"', '"union strike"']:
        query = whoosh_query(text, searcher.schema)
        top, _ = fast_ranking.rank(searcher, query, 10)
        assert top, text
        word = text.strip('"').split()[0].encode()
        offsets = [offset for _, offset in searcher.leaf_searchers()]
        assert any(posting_memo.values(searcher, "body", word, offset) for offset in offsets)
        bodies = {docnum: searcher.stored_fields(docnum)["body"] for _, docnum in top}
        kept = snippets.match_snippets(searcher, query, bodies)
        posting_memo.start(searcher)  # nothing kept
        assert snippets.match_snippets(searcher, query, bodies) == kept, text
        assert all(snippet.highlights for snippet in kept.values()), text
