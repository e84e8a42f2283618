"""Span arithmetic behind the reading pane: paragraphs, query terms, finds, clipping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from search.models.articles import Article
from tui.widgets.reading.spans import clip, find_ranges, paragraph_of, paragraph_ranges, term_ranges

LINES = st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=30)


@given(st.lists(LINES, max_size=6))
def test_paragraph_ranges_cut_the_body_where_article_paragraphs_do(paragraphs):
    body = "\n\n".join(paragraphs)
    article = Article(id="a", title="t", body=body, path="p")
    assert [body[a:b] for a, b in paragraph_ranges(body)] == article.paragraphs


def test_a_term_marks_the_words_that_start_with_it_in_any_case():
    body = "Elections: the election was electric. Re-election, selection."
    marked = [body[a:b] for a, b in term_ranges(body, ("elect",))]
    assert marked == ["Elections", "election", "electric", "election"]


def test_wildcards_and_quotes_in_terms_are_understood():
    body = "Azerbaijan and Azerbaijani officials"
    assert [body[a:b] for a, b in term_ranges(body, ("azer*",))] == ["Azerbaijan", "Azerbaijani"]
    assert [body[a:b] for a, b in term_ranges(body, ('"officials"',))] == ["officials"]


def test_terms_that_look_like_regular_expressions_are_taken_literally():
    body = "a+b (c) [d] a.b"
    assert [body[a:b] for a, b in term_ranges(body, ("(c",))] == ["(c"]
    assert [body[a:b] for a, b in term_ranges(body, ("a+b",))] == ["a+b"]
    assert [body[a:b] for a, b in find_ranges(body, "[d]")] == ["[d]"]
    assert [body[a:b] for a, b in find_ranges(body, "a.b")] == ["a.b"]


def test_find_is_case_insensitive_and_ignores_blank_needles():
    body = "Peace talks. PEACE now. peacekeeping."
    assert len(find_ranges(body, "peace")) == 3
    assert find_ranges(body, "  ") == []


def test_clip_maps_body_ranges_into_one_paragraph():
    ranges = [(0, 4), (8, 14), (20, 25)]
    assert clip(ranges, 10, 22) == [(0, 4), (10, 12)]


def test_paragraph_of_finds_the_paragraph_holding_an_offset():
    body = "one\n\ntwo\n\nthree"
    ranges = paragraph_ranges(body)
    assert paragraph_of(ranges, body.index("two")) == 1
    assert paragraph_of(ranges, len(body) + 5) == 2
