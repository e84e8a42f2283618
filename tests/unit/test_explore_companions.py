"""Who is named with an entity: the short list is the head of the full ranking."""

from __future__ import annotations

import random

from search.explore.article_data import SharedSentence
from search.explore.article_names import ArticleNames, NamedEntity
from search.explore.corpus import profile

BODY = "One sentence. Another one here. A third, longer sentence follows."


def _corpus(seed: int) -> list[ArticleNames]:
    """Articles naming a frequent place beside a crowd of people, some often, some rarely."""
    chance = random.Random(seed)
    people = [("PERSON", f"Person {n}") for n in range(60)]
    articles = []
    for number in range(300):
        hub = chance.random() < 0.5
        named = chance.sample(people, chance.randint(1, 5))
        shared = []
        for start, end in ((0, 13), (14, 31), (32, 65)):
            names = chance.sample(named, min(len(named), chance.randint(1, 2)))
            if hub:
                names.append(("PLACE", "Hubland"))
            if len(names) >= 2:
                shared.append(SharedSentence(start, end, tuple(names)))
        keys = set(named) | ({("PLACE", "Hubland")} if hub else set())
        entries = tuple(NamedEntity(*key, 1) for key in keys)
        articles.append(ArticleNames(f"a{number}", "2024-05-01", entries, tuple(shared)))
    return articles


def _counts(articles: list[ArticleNames]):
    def article_count(entity_type: str, canonical: str) -> int:
        return sum(article.named((entity_type, canonical)) is not None for article in articles)

    return article_count


def _texts(ids):
    return {article_id: ("Title", BODY) for article_id in ids}


def test_the_best_few_companions_are_those_a_full_ranking_puts_first():
    for seed in range(5):
        articles = _corpus(seed)
        naming = [a for a in articles if a.named(("PLACE", "Hubland"))]
        count = _counts(articles)
        every = profile("Hubland", "PLACE", naming, count, len(articles), _texts, limit=10**6)
        for limit in (1, 5, 12):
            few = profile("Hubland", "PLACE", naming, count, len(articles), _texts, limit=limit)
            assert few.cooccurring == every.cooccurring[:limit]
        assert len(every.cooccurring) > 12


def test_evidence_sentences_are_cut_from_the_article_bodies():
    articles = _corpus(1)
    naming = [a for a in articles if a.named(("PLACE", "Hubland"))]
    page = profile("Hubland", "PLACE", naming, _counts(articles), len(articles), _texts, limit=3)
    sentences = {e.sentence for c in page.cooccurring for e in c.evidence}
    assert sentences <= {"One sentence.", "Another one here.", "A third, longer sentence follows."}
    assert sentences
