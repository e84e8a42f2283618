"""Item 11 (queries): a wildcard that stands for most of the vocabulary is refused at once.

``*i*`` on a large corpus made Whoosh OR every word holding an "i" and ran for minutes
(13.5 s from the command line on 20k articles, 44 s of a frozen quit in the app). Now a
prefix or wildcard standing for more words than the limit is a one-line "too broad"
message naming the pattern and its count, exit 2, before any matching starts; a pattern
under the limit still searches.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from search.models import QueryError
from search.query.bounds import MAX_PATTERN_WORDS
from search.service import open_search_service
from tests.cli.index_cli_helpers import briefing, write_corpus

CONSONANTS = "bdfgklmnprstvz"


def _made_up_words(count: int) -> list[str]:
    """Distinct words with an "i" in them, none a real word a stemmer would fold together."""
    shapes = itertools.product(CONSONANTS, CONSONANTS, "aou", CONSONANTS)
    return [f"{a}i{b}{vowel}{c}" for a, b, vowel, c in itertools.islice(shapes, count)]


@pytest.fixture(scope="module")
def many_words(tmp_path_factory) -> Path:
    """A corpus of 60 short articles holding half as many words again as the limit."""
    words = _made_up_words(MAX_PATTERN_WORDS * 3 // 2)
    per_file = len(words) // 60 + 1
    stories = {
        f"note{n:02d}.txt": f"Field note {n}\n\n"
        + " ".join(words[n * per_file : (n + 1) * per_file])
        for n in range(60)
    }
    return write_corpus(tmp_path_factory.mktemp("words") / "corpus", stories)


def test_a_wildcard_matching_most_words_is_too_broad_in_one_line(many_words):
    out = briefing("search", "*i*", "--corpus", str(many_words), timeout=120)

    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    [line] = out.stderr.splitlines()
    assert "the query is too broad: *i* matches" in line
    assert "make it longer" in line
    count = int(line.split(" matches ")[1].split()[0].replace(",", ""))
    assert count > MAX_PATTERN_WORDS
    assert out.stdout == ""


def test_any_pattern_over_the_limit_is_named_as_typed_in_json_mode_too(many_words):
    out = briefing("search", "?i*", "--json", "--corpus", str(many_words), timeout=120)

    assert out.returncode == 2, out.stderr
    assert "the query is too broad: ?i* matches" in out.stderr
    assert out.stdout == ""


def test_a_pattern_under_the_limit_still_finds_its_articles(many_words):
    out = briefing("search", "bibab*", "--corpus", str(many_words), timeout=120)

    assert out.returncode == 0, out.stderr
    assert "Field note 0" in out.stdout


def test_facets_of_a_too_broad_wildcard_are_refused_like_its_search(many_words):
    service = open_search_service(many_words)
    service.update()
    with pytest.raises(QueryError, match=r"too broad: \*i\* matches"):
        service.facets("*i*")
    assert service.facets("bibab*")  # a narrow pattern is still counted


def test_a_fuzzy_word_may_differ_by_two_letters_at_most(many_words):
    far = briefing("search", "field~9 bibab", "--corpus", str(many_words), timeout=120)
    assert far.returncode == 2
    [line] = far.stderr.splitlines()
    assert "~9 lets too many letters differ" in line and "rates~2" in line
    near = briefing("search", "bibab~2", "--corpus", str(many_words), timeout=120)
    assert near.returncode == 0, near.stderr
    assert "Field note 0" in near.stdout
