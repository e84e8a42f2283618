"""Which stretches of a text are headings or bullet labels, where capitals name no one."""

from __future__ import annotations

import pytest

from search.entities.headings import label_spans


def labels(text: str) -> list[str]:
    return [text[start:end] for start, end in label_spans(text)]


@pytest.mark.parametrize(
    "line, label",
    [
        ("Key Events and Tensions:", "Key Events and Tensions"),
        ("– Shifting Alliances: As influence wanes, ties deepen.", "Shifting Alliances"),
        ("- Economic Ties: Russia is a market.", "Economic Ties"),
        ("• Report Card: the plan is late.", "Report Card"),
        ("* Energy Deals: two signed.", "Energy Deals"),
        ("3) Gas Transit: volumes fell.", "Gas Transit"),
        ("IV. Outlook for 2026: calm.", "Outlook for 2026"),
        ("Plane Crash (December 2024): a plane crashed.", "Plane Crash (December 2024)"),
        ("Differing Views on “Democracy”: critics said so.", "Differing Views on “Democracy”"),
    ],
)
def test_a_short_title_cased_text_before_a_colon_is_a_label(line, label):
    assert labels(line) == [label]


@pytest.mark.parametrize(
    "line",
    [
        "The minister said: talks will resume.",  # a sentence, not title case
        "Officials in Baku. Then the Minister: no comment.",  # a sentence inside it
        "One Two Three Four Five Six Seven Eight Nine Ten: too long for a label.",
        ": nothing before the colon and more text after it, running on for a while",
    ],
)
def test_a_sentence_with_a_colon_is_no_label(line):
    assert labels(line + "\n\nNext paragraph follows here with several words in it.") == []


def test_a_short_line_standing_as_its_own_paragraph_is_a_heading():
    text = "Report Card\n\nThe next six months are crucial for the plan to work out.\n"
    assert labels(text) == ["Report Card"]


def test_a_sentence_case_heading_counts_too_and_trailing_spaces_are_left_out():
    assert labels("Key takeaways   \n\nThe leaders met.") == ["Key takeaways"]


def test_the_short_last_line_of_a_wrapped_paragraph_is_no_heading():
    text = (
        "The ministers met in Baku on Monday and agreed to\n"
        "continue the talks next month in Tbilisi with Ilham\n"
        "Aliyev present\n\nAnother paragraph."
    )
    assert "Aliyev present" not in labels(text)


def test_a_line_with_a_full_stop_comma_or_semicolon_is_no_heading():
    for ending in (".", ",", ";"):
        assert labels(f"Ilham Aliyev arrived{ending}\n\nMore text here.") == []


def test_a_line_opening_lower_case_is_no_heading():
    assert labels("and then the delegation left\n\nMore text here.") == []


def test_a_standalone_line_up_to_fourteen_words_is_a_heading_but_not_longer():
    fourteen = " ".join(["Word"] * 14)
    fifteen = " ".join(["Word"] * 15)
    assert labels(f"{fourteen}\n\nText.") == [fourteen]
    assert labels(f"{fifteen}\n\nText.") == []


def test_a_numbered_section_title_may_run_to_twenty_words():
    twenty = "Key " + " ".join(["takeaways"] * 19)
    assert labels(f"I. {twenty}\nText.") == [twenty]
    assert labels(f"I. {twenty} more\nText.") == []


def test_markdown_bold_around_a_numbered_title_is_left_out():
    assert labels("- I. **Key Takeaways from the forum**\n") == ["Key Takeaways from the forum**"]


def test_a_bulleted_list_item_without_a_colon_is_no_heading():
    text = "\n- Best actress - Imelda Staunton for Vera Drake\n\n"
    assert labels(text) == []


def test_spans_point_into_the_text_in_order():
    text = "Intro line here.\nKey Events:\n\nReport Card\n\n– Energy: gas.\n"
    spans = label_spans(text)
    assert spans == sorted(spans)
    assert [text[s:e] for s, e in spans] == ["Key Events", "Report Card", "Energy"]


def test_the_label_ends_at_the_first_colon():
    assert labels("Energy Deals: talks resumed at 10:30.") == ["Energy Deals"]


def test_a_label_of_nine_words_is_still_a_label():
    nine = "One Two Three Four Five Six Seven Eight Nine"
    assert labels(f"{nine}: text follows.") == [nine]


@pytest.mark.parametrize(
    "line",
    [
        "Energy deal Talks: text follows.",  # a four-letter word in lower case
        "Perceived “softness” Claims: text follows.",  # a lower-case word in quotes
    ],
)
def test_a_label_is_title_cased_even_inside_quotes_and_for_short_words(line):
    assert labels(line) == []


def test_a_closing_full_stop_counts_even_before_trailing_spaces():
    assert labels("Ilham Aliyev arrived.   \n\nMore text here.") == []


def test_a_short_line_followed_at_once_by_text_is_no_heading():
    assert labels("Intro.\n\nReport Card\nThe next six months are crucial.") == []


def test_a_short_line_closing_the_text_is_a_heading():
    assert labels("The talks ended.\n\nReport Card") == ["Report Card"]
