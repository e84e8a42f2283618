"""Related articles on a corpus of very short articles, through a real index on disk.

A seeded generator writes one-file articles of two or three sentences, as a news
brief reads: an official with a title and a name, a place from a shared list, a few
everyday words, and words no other article uses (most of a short article's words,
in a corpus of briefs). Stories come in threes: the three briefs of a story name the
same person and share one uncommon word; every other brief names a person of its own.
The corpus is read, its entities extracted and its index built by the app's own
service (``WhooshSearchService.update``).

Whoosh's ``more_like`` picked a short article's rarest words, the ones no other
article holds, so for most briefs it found nothing at all.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from whoosh.lang.porter import stem

from search.whoosh_service import WhooshSearchService

SEED = 7
STORIES = 12
BRIEFS_PER_STORY = 3
LONE_BRIEFS = 40
ONE_OFF_WORDS = 12  # words of a brief that no other brief holds
TITLES = ["Mayor", "Minister", "Senator", "Judge", "Governor", "Councillor"]
FIRST_NAMES = ["Ingrid", "Tomas", "Amara", "Lena", "Rafael", "Sunita", "Piotr", "Maren", "Dario"]
PLACES = ["Tampere", "Bergen", "Lisbon", "Gdansk", "Porto", "Malmo"]
# Everyday words every brief draws from, and the syllables of made-up words.
_EVERYDAY_WORDS = """
    council plan week officials residents budget report public city local new said
    project service funding review decision support group meeting change
"""
EVERYDAY = _EVERYDAY_WORDS.split()
_SYLLABLE_LIST = "ba ko ri tu men dor vel sa pli gran tho zu lek mar ost fen quil dra nob"
_SYLLABLES = _SYLLABLE_LIST.split()


@dataclass(frozen=True)
class Brief:
    """One generated article and what ties it to others."""

    name: str
    story: int | None  # None: a brief of its own
    title: str
    body: str

    def file_text(self) -> str:
        return f"{self.title}\n\n{self.body}\n"


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.stems: set[str] = {stem(word) for word in EVERYDAY}

    def word(self) -> str:
        """A made-up word no earlier call gave (nor any word of the same stem)."""
        while True:
            made = "".join(self.rng.choices(_SYLLABLES, k=3))
            if stem(made) not in self.stems:
                self.stems.add(stem(made))
                return made

    def person(self) -> str:
        surname = self.word().capitalize()
        return f"{self.rng.choice(TITLES)} {self.rng.choice(FIRST_NAMES)} {surname}"

    def brief(self, name: str, story: int | None, person: str, shared: str | None) -> Brief:
        one_offs = [self.word() for _ in range(ONE_OFF_WORDS)]
        everyday = self.rng.sample(EVERYDAY, 4)
        topic = shared or self.word()
        place = self.rng.choice(PLACES)
        # The name and the story's word once each, as in a brief.
        body = (
            f"{person} opened the {topic} {one_offs[0]} in {place} on Tuesday, with "
            f"{one_offs[1]} {one_offs[2]} and {one_offs[3]} for the {everyday[0]}. "
            f"The {everyday[1]} would bring {one_offs[4]} {one_offs[5]} to "
            f"{one_offs[6]}, the {everyday[2]} {everyday[3]} noted, and {one_offs[7]} "
            f"{one_offs[8]} {one_offs[9]} {one_offs[10]}."
        )
        title = f"{one_offs[11].capitalize()} {everyday[0]} in {place}"
        return Brief(name, story, title, body)

    def corpus(self) -> list[Brief]:
        briefs = []
        for story in range(STORIES):
            person, shared = self.person(), self.word()
            for n in range(BRIEFS_PER_STORY):
                briefs.append(self.brief(f"story{story:02}-{n}", story, person, shared))
        for n in range(LONE_BRIEFS):
            briefs.append(self.brief(f"lone{n:02}", None, self.person(), None))
        self.rng.shuffle(briefs)
        return briefs


def _indexed(root):
    """The service over the generated briefs in ``root``, indexed, and each brief by id."""
    corpus = root / "corpus"
    corpus.mkdir()
    briefs = _Generator(SEED).corpus()
    for brief in briefs:
        (corpus / f"{brief.name}.txt").write_text(brief.file_text(), encoding="utf-8")
    service = WhooshSearchService(corpus, root / "index")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CONFIG_DIR", str(root / "config"))
        service.update()
    by_name = {brief.name: brief for brief in briefs}
    by_id = {
        summary.id: by_name[summary.path.removesuffix(".txt")] for summary in service.articles()
    }
    return service, by_id


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    return _indexed(tmp_path_factory.mktemp("short-articles"))


def _story_ids(by_id, story: int) -> set[str]:
    return {article_id for article_id, brief in by_id.items() if brief.story == story}


def test_briefs_of_one_story_share_a_person_in_the_index(indexed):
    service, by_id = indexed
    for story in range(STORIES):
        people = [
            {span.canonical for span in service.entities(article_id) if span.type == "PERSON"}
            for article_id in _story_ids(by_id, story)
        ]
        assert len(people) == BRIEFS_PER_STORY
        assert set.intersection(*people), f"story {story} names one person in every brief"


def test_every_brief_of_a_story_finds_the_rest_of_its_story_first(indexed):
    service, by_id = indexed
    for story in range(STORIES):
        members = _story_ids(by_id, story)
        for article_id in members:
            related = [hit.id for hit in service.related(article_id, limit=5)]
            others = members - {article_id}
            assert set(related[: len(others)]) == others, (
                f"{by_id[article_id].name}: the rest of its story, before anything else"
            )


def test_a_lone_brief_still_finds_briefs_sharing_its_place(indexed):
    service, by_id = indexed
    lone = [article_id for article_id, brief in by_id.items() if brief.story is None]
    for article_id in lone:
        related = service.related(article_id, limit=5)
        assert related, f"{by_id[article_id].name} shares a place with other briefs"
        assert article_id not in {hit.id for hit in related}


def test_related_never_lists_the_article_itself_and_respects_the_limit(indexed):
    service, by_id = indexed
    for article_id in by_id:
        for limit in (1, 3, 10):
            ids = [hit.id for hit in service.related(article_id, limit=limit)]
            assert article_id not in ids
            assert len(ids) == len(set(ids)) == limit


def test_a_deleted_brief_is_no_longer_related_and_its_story_still_holds(tmp_path):
    service, by_id = _indexed(tmp_path)
    gone, *kept = sorted(_story_ids(by_id, 0))
    (service.corpus / f"{by_id[gone].name}.txt").unlink()
    service.update()
    for article_id in kept:
        related = [hit.id for hit in service.related(article_id, limit=10)]
        assert gone not in related
        assert related[:1] == [other for other in kept if other != article_id]
    assert service.related(gone) == []
