"""Whatever a reader types gives results or one line of explanation, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search.models import QueryError, SearchResults
from search.query.parser import MAX_QUERY_CHARS, plain_words
from tests.unit.index_fixtures import make_service, write_articles


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("robust")
    write_articles(
        root / "corpus",
        "a.txt",
        {
            "title": "Ilham Aliyev in Baku",
            "body": "Ilham Aliyev spoke about inflation.",
            "date": "2024-07",
        },
        {"title": "Markets", "body": "Inflation and interest rates moved markets."},
    )
    built = make_service(root / "corpus", root / "index")
    built.update()
    return built


def _outcome(service, query):
    try:
        return service.search(query)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message
        return error


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(unbalanced",
        "unbalanced)",
        "((a OR b)",
        "person:",
        "title:",
        ":",
        "*",
        "?",
        "*:*",
        "~",
        "inflation~~",
        "AND",
        "NOT",
        "OR OR",
        "[a to",
        "date:",
        "date:>",
        "date:[2024 to zz]",
        "\\",
        "'",
        "\x00\x1b[31m",
        "[bold red]x[/]",
        "x" * 5000,
        "inflation " * 600,
    ],
)
def test_malformed_queries_give_results_or_a_one_line_error(service, query):
    assert isinstance(_outcome(service, query), SearchResults | QueryError)


def test_a_bare_wildcard_lists_everything(service):
    assert service.search("*").total == 2


def test_overlong_query_says_how_long_it_may_be(service):
    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_CHARS:,}"):
        service.search("x" * 5000)


def test_a_bad_date_explains_how_to_write_one(service):
    with pytest.raises(QueryError, match=r"date:2024-07-15"):
        service.search("date:notadate")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet='ab AND OR NOT()"*?~:[]{}^-+\\/title person date 2024', max_size=60))
@example("0~/2")  # a fuzzy prefix longer than its word
@example("ab~2/9 OR title:a~/3")
def test_any_mix_of_query_syntax_gives_results_or_a_query_error(service, query):
    assert isinstance(_outcome(service, query), SearchResults | QueryError)


def test_plain_words_leave_out_operators_fields_wildcards_and_dates():
    assert plain_words('Aliyev AND title:"Peace Talks" NOT infla* date:[2024 to 2025] rates~') == [
        "aliyev",
        "peace",
        "talks",
    ]


@pytest.mark.parametrize(
    "query, field",
    [
        ("date:", "date"),
        ("person:", "person"),
        ("Aliyev place: OR gas", "place"),
        ("date:>", "date"),
    ],
)
def test_a_field_with_nothing_after_it_says_what_to_write(service, query, field):
    with pytest.raises(QueryError) as caught:
        service.search(query)
    assert str(caught.value).startswith(f"write what to look for after {field}:, e.g. {field}:")


@pytest.mark.parametrize("query", ['person:"Ilham Aliyev"', 'said "date:"', "12:30", "date:>2024"])
def test_a_field_with_its_value_or_a_colon_in_quotes_still_searches(service, query):
    assert service.search(query).total >= 0


@pytest.mark.parametrize(
    "query", ['person:"Aliyev, Ilham"', 'org:"a,b"', 'x place:"Baku, Azerbaijan"']
)
def test_a_comma_inside_a_quoted_name_is_a_clear_message_not_a_traceback(service, query):
    with pytest.raises(QueryError, match="name cannot hold a comma"):
        service.search(query)


def test_a_filter_value_with_a_comma_searches_without_failing(service):
    from search.models import SearchFilters

    assert (
        service.search("", filters=SearchFilters(org=("Samsung Electronics Co., Ltd.",))).total >= 0
    )
