"""An article's dated events: which sentences mention which dates."""

from __future__ import annotations

from search.explore.timeline import BODY, TITLE, dated_events


def events(title: str, body: str, article_date: str | None = "2024-07-10"):
    found = []
    for event in dated_events(title, body, article_date):
        text = title if event.part == TITLE else body
        found.append(
            (
                text[event.mention_start : event.mention_end],
                event.date.start,
                event.date.end,
                event.date.resolved,
                text[event.start : event.end],
            )
        )
    return found


def test_each_dated_sentence_is_an_event_with_its_own_offsets():
    body = "The ministers met on July 3 in Baku. Nothing was signed.\n\nThey meet on 1 August 2024."
    assert events("Talks in Baku", body) == [
        ("July 3", "2024-07-03", "2024-07-03", True, "The ministers met on July 3 in Baku."),
        ("1 August 2024", "2024-08-01", "2024-08-01", False, "They meet on 1 August 2024."),
    ]


def test_a_date_in_the_headline_is_an_event_of_the_title():
    found = dated_events("Summit set for 12 July 2024", "No date here.", None)
    assert [(event.part, event.date.start) for event in found] == [(TITLE, "2024-07-12")]
    assert (found[0].start, found[0].end) == (0, len("Summit set for 12 July 2024"))


def test_relative_dates_and_weekdays_are_resolved_from_the_article_date():
    body = "Officials said yesterday that talks ended on Monday and will resume on Friday."
    assert [(mention, start) for mention, start, *_ in events("", body)] == [
        ("yesterday", "2024-07-09"),
        ("Monday", "2024-07-08"),
        ("Friday", "2024-07-12"),
    ]


def test_joined_mentions_are_one_range_but_a_list_of_years_is_not():
    body = "Talks between 2019 and 2021 failed. Elections came in 2019 and 2021."
    assert [(mention, start, end) for mention, start, end, *_ in events("", body)] == [
        ("2019 and 2021", "2019", "2021"),
        ("2019", "2019", "2019"),
        ("2021", "2021", "2021"),
    ]


def test_an_undated_article_takes_the_year_its_dates_name_most():
    body = "On 3 May 2024 the line opened. By 9 June 2024 it was full. It closed on July 3."
    assert events("", body, None)[-1][:4] == ("July 3", "2024-07-03", "2024-07-03", True)


def test_a_mention_nothing_can_place_is_left_out():
    assert events("", "They met on July 3 and again yesterday.", None) == []


def test_a_name_that_is_also_a_month_is_no_date():
    assert events("", "Theresa May spoke to reporters.") == []


def test_events_are_in_text_order_from_the_body():
    body = "In 2004 it began. In 1998 it was planned."
    assert [event.part for event in dated_events("", body, None)] == [BODY, BODY]
    assert [e[1] for e in events("", body, None)] == ["2004", "1998"]


def test_a_bare_day_before_a_date_opens_a_range():
    body = "The summit ran from 11 to 22 November. Talks were held between 3 and 13 June."
    assert [
        (mention, start, end) for mention, start, end, *_ in events("", body, "2024-11-24")
    ] == [
        ("11 to 22 November", "2024-11-11", "2024-11-22"),
        ("3 and 13 June", "2024-06-03", "2024-06-13"),
    ]


def test_two_days_joined_by_and_without_between_are_not_a_range():
    body = "Ministers met on 3 and 13 June."
    assert [(m, start, end) for m, start, end, *_ in events("", body, "2024-11-24")] == [
        ("13 June", "2024-06-13", "2024-06-13")
    ]


def test_the_extractors_date_spans_give_the_same_events():
    from search.entities import extract_entities

    body = "Talks began on July 3 and ended last week. They resume between 2025 and 2026."
    dates = [(s.start, s.end) for s in extract_entities(body) if s.type == "DATE"]
    assert dated_events("", body, "2024-07-10", date_spans=dates) == dated_events(
        "", body, "2024-07-10"
    )


def test_a_lone_future_date_does_not_date_an_undated_article():
    body = (
        "Hajiyev recalled the deal signed in August of this year. "
        "The summit is scheduled for May 2026."
    )
    assert [e[1] for e in events("", body, None)] == ["2026-05"]


def test_an_undated_article_whose_dates_split_between_years_is_not_anchored():
    body = "It opened in March 2023 and closed in June 2024. It reopened on July 3."
    assert [e[1] for e in events("", body, None)] == ["2023-03", "2024-06"]


def test_relative_mentions_need_the_articles_own_date():
    body = "On 3 May 2024 it opened. By 9 June 2024 it was full. It closed yesterday."
    assert [e[0] for e in events("", body, None)] == ["3 May 2024", "9 June 2024"]
    dated = events("", body, "2024-07-02")
    assert dated[-1][:3] == ("yesterday", "2024-07-01", "2024-07-01")
