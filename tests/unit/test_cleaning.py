"""Cleaning text: safe characters, page numbers, page breaks, web chrome."""

from __future__ import annotations

import unicodedata

from search.reading.chrome import remove_chrome
from search.reading.cleaning import normalise_text, paragraphs, rejoin_broken

PROSE = (
    "The council met on Tuesday to discuss the budget for the coming year. "
    "Members agreed that the repair of school buildings should come first."
)


def test_text_is_composed_to_nfc():
    decomposed = "Bak" + "i\u0307" + " and Cafe\u0301"
    text = normalise_text(decomposed)
    assert "Café" in text
    assert unicodedata.is_normalized("NFC", text)


def test_terminal_escape_sequences_are_removed():
    raw = (
        "\x1b[1;31mAlert\x1b[0m: \x1b]0;window title\x07the \x1b]8;;http://evil.example\x1b\\"
        "link\x1b]8;;\x1b\\ text\x1bP+q544e\x1b\\ ends\x9b2J here"
    )
    assert normalise_text(raw) == "Alert: the link text ends here"


def test_control_and_bidi_characters_are_removed():
    raw = "pay\x00 \x07now\x08 \u202eevil\u202c \u200bok\u00ad"
    assert normalise_text(raw) == "pay now evil ok"


def test_rich_markup_is_kept_as_literal_text():
    raw = "[bold red]x[/] and [link=file:///etc/passwd]click[/link]"
    assert normalise_text(raw) == raw


def test_escaped_dollar_signs_are_unescaped():
    text = normalise_text(r"A \$600 million deal and 5\% growth")
    assert text == "A $600 million deal and 5% growth"


def test_windows_line_ends_and_odd_spaces_are_normalised():
    assert normalise_text("one\r\ntwo\u00a0\u00a0three\rfour\tfive") == "one\ntwo three\nfour five"


def test_standalone_page_numbers_are_dropped():
    text = f"{PROSE}\n\n12\n\n{PROSE}\n\nPage 3 of 10\n\n- 4 -\n\n{PROSE}"
    assert paragraphs(text) == [PROSE, PROSE, PROSE]


def test_paragraph_broken_by_a_page_break_is_rejoined():
    paras = ["The second phase covers the", "industrial zone and the harbour."]
    assert rejoin_broken(paras) == ["The second phase covers the industrial zone and the harbour."]


def test_sentence_cut_after_its_first_word_is_rejoined_even_when_capitalised():
    paras = [
        "The agreements will be ready by November. Prime",
        "Minister Sharif noted that the projects will be signed during his visit to Baku.",
    ]
    assert rejoin_broken(paras) == [
        "The agreements will be ready by November. Prime Minister Sharif noted that the "
        "projects will be signed during his visit to Baku."
    ]


def test_headline_is_not_joined_to_the_sentence_after_it():
    paras = ["Blair to face trust issue head on", "Tony Blair says he will face the issue."]
    assert rejoin_broken(paras) == paras


def test_subheading_is_not_joined_to_the_paragraph_after_it():
    paras = [PROSE, "Strategic vision for the South Caucasus", PROSE]
    assert rejoin_broken(paras) == paras


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    text = (
        "The committee published its report on Monday and called for a\n"
        "review of the rules that govern the funding of regional airports\n"
        "across the country.\n\nA second paragraph."
    )
    assert paragraphs(text) == [
        "The committee published its report on Monday and called for a review of the rules "
        "that govern the funding of regional airports across the country.",
        "A second paragraph.",
    ]


def test_list_items_stay_separate_paragraphs():
    text = "Priorities:\n- repair the school roofs\n- extend the tram line\n- hire social workers"
    assert paragraphs(text) == [
        "Priorities:",
        "- repair the school roofs",
        "- extend the tram line",
        "- hire social workers",
    ]


def test_social_network_menu_is_removed():
    lines = ["twitter", "youtube", "instagram", "telegram", "ru", "search", "", PROSE]
    assert [line for line in remove_chrome(lines) if line] == [PROSE]


def test_share_view_copyright_and_comment_lines_are_removed():
    text = "\n".join(
        [
            "Headline of the story",
            "",
            PROSE,
            "",
            "Views: 365",
            "share-lineLiked the story? Share it on social media!",
            "print",
            "copy link",
            "Caliber.az © 2025. .",
            "Leave a Reply",
            "Your email address will not be published.",
            "Back to top button",
            "Newsletter Signup",
            "Subscribe to our newsletter below and never miss the latest product.",
        ]
    )
    assert paragraphs(text) == ["Headline of the story", PROSE]


def test_site_header_zone_before_the_headline_is_removed():
    text = "\n".join(
        [
            "WHAT ARE YOU LOOKING FOR ?",
            "Any use of materials is allowed only if there is a hyperlink to Example.com",
            "POLITICS",
            "A+",
            "A-",
            "",
            "Headline of the story",
            "",
            PROSE,
        ]
    )
    assert paragraphs(text) == ["Headline of the story", PROSE]


def test_site_label_repeated_at_top_and_bottom_is_removed():
    text = "\n\n".join(
        ["Azerbaijan news", "Headline of the story", PROSE, "Azerbaijan news", "Leave a Reply"]
    )
    assert paragraphs(text) == ["Headline of the story", PROSE]


def test_article_text_naming_social_networks_is_kept():
    text = (
        "Facebook and Telegram under scrutiny\n\n"
        "Regulators said Facebook and Telegram must answer questions about the spread of "
        "false reports during the election campaign.\n\nThe companies have two weeks to reply."
    )
    assert paragraphs(text) == [
        "Facebook and Telegram under scrutiny",
        "Regulators said Facebook and Telegram must answer questions about the spread of false "
        "reports during the election campaign.",
        "The companies have two weeks to reply.",
    ]


def test_headline_before_a_lone_share_line_is_kept():
    text = f"Budget approved\n\nShare this\n\n{PROSE}"
    assert paragraphs(text) == ["Budget approved", PROSE]


def test_markdown_links_and_images_keep_only_their_text():
    text = "See [the report](https://example.org/report.pdf) ![chart](img/chart.png) for details."
    assert paragraphs(text, markdown=True) == ["See the report for details."]
    assert paragraphs("[bold]x[/] [link=file:///etc/passwd]y[/link]", markdown=True) == [
        "[bold]x[/] [link=file:///etc/passwd]y[/link]"
    ]


def test_sentence_about_sharing_on_a_network_is_kept():
    text = f"{PROSE}\n\nUsers who share it on Facebook will see a warning first, the company said."
    assert paragraphs(text)[-1].startswith("Users who share it on Facebook")


def test_hard_wrapped_text_without_blank_lines_keeps_its_paragraphs():
    text = (
        "The committee published its report on Monday and called for a well-\n"
        "known review of the rules that govern the funding of regional airports\n"
        "across the country.\n"
        "Ministers said they would answer within three months, after talks with\n"
        "the airport operators and the unions.\n"
    )
    assert paragraphs(text) == [
        "The committee published its report on Monday and called for a well-known review "
        "of the rules that govern the funding of regional airports across the country.",
        "Ministers said they would answer within three months, after talks with the airport "
        "operators and the unions.",
    ]
