"""A text's lower-case words, looked up one by one, are the words the text writes in
lower case: a capitalised name is taken for an English word only when it is one here."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from search.entities.lower_words import LowerWords

_LOWER_WORD = re.compile(r"\b[a-z]+")
# Letters, digits, marks and spaces that make words touch in every way.
_CHARACTERS = st.sampled_from(list("abcxyzAZ_09'’-. \néΩ\u00a0"))


def test_words_written_in_lower_case_are_found_and_parts_of_words_are_not():
    words = LowerWords("The budget's e-mail reached Brussels_office and x2y; don't.")
    assert "budget" in words and "e" in words and "mail" in words and "don" in words
    assert "t" in words and "and" in words
    assert "office" not in words  # after "_", inside a word
    assert "y" not in words  # after a digit, inside a word
    assert "the" not in words and "brussels" not in words  # written with a capital
    assert "budge" not in words and "" not in words and "don't" not in words


@given(st.text(_CHARACTERS, max_size=40), st.text(_CHARACTERS, max_size=6))
def test_a_word_is_found_exactly_when_the_text_writes_it_in_lower_case(text, word):
    expected = set(_LOWER_WORD.findall(text))
    words = LowerWords(text)
    assert (word in words) == (word in expected)
    for found in expected:
        assert found in words
    assert words.isdisjoint([word]) == (word not in expected)
