"""What any search backend must do, run against every backend in ``conftest.BACKENDS``.

Only behaviour the interface promises is asserted, never how an engine ranks, stems,
cuts snippets or samples facets: the in-memory backend (naive word containment) passes
the same tests as the Whoosh one. Query syntax beyond plain words and the field filters
may be refused with a ``QueryError``; when a backend runs it, its answer must be right.
"""

from __future__ import annotations

import re

import pytest

from search.backend import SearchService
from search.models import ENTITY_TYPES, QueryError, SearchFilters, SearchResults
from tests.contract.conftest import BACKENDS, read_corpus, touch_later, write_corpus

ALL = 100  # a limit above the corpus size
_WORD = re.compile(r"[^\W_][\w'’-]*")


def _text(article) -> str:
    return f"{article.title}\n{article.body}".lower()


def _words(article) -> set[str]:
    return set(_WORD.findall(_text(article)))


def _files(corpus) -> list:
    return list(corpus.rglob("*.txt"))


def _everything(service: SearchService) -> dict:
    """Every article the backend holds, by id, as the backend returns it."""
    return {summary.id: service.article(summary.id) for summary in service.articles()}


def _ids(results: SearchResults) -> set[str]:
    return {hit.id for hit in results.hits}


def _naming(service: SearchService, entity_type: str, canonical: str) -> set[str]:
    """The ids of articles whose entity spans name ``canonical`` as ``entity_type``."""
    return {
        summary.id
        for summary in service.articles()
        if any(
            span.type == entity_type and span.canonical == canonical
            for span in service.entities(summary.id)
        )
    }


def _search_or_refuse(service: SearchService, query: str) -> SearchResults | None:
    """The results, or None when the backend refuses the query with a QueryError."""
    try:
        return service.search(query, limit=ALL)
    except QueryError as exc:
        assert str(exc).strip() and "\n" not in str(exc).strip(), "one line a user can act on"
        return None


# Updating ---------------------------------------------------------------------------


def test_needs_update_until_updated_and_after_an_edit(backend, corpus):
    assert backend.needs_update()
    backend.update()
    assert not backend.needs_update()
    path = corpus / "harbour.txt"
    path.write_text(path.read_text().replace("summer", "autumn storms"), encoding="utf-8")
    touch_later(path)
    assert backend.needs_update()


def test_nothing_is_listed_or_found_before_the_first_update(backend):
    assert backend.articles() == []
    assert backend.search("strike").hits == ()
    assert backend.search("").total == 0


def test_first_update_adds_every_article(backend, corpus):
    expected = read_corpus(corpus)
    report = backend.update()
    assert (report.added, report.updated, report.removed) == (len(expected), 0, 0)
    assert report.articles == len(expected)
    assert report.files_read == len(_files(corpus))


def test_second_update_changes_nothing(backend, corpus):
    backend.update()
    report = backend.update()
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert report.files_read == 0
    assert report.files_unchanged == len(_files(corpus))
    assert report.articles == len(read_corpus(corpus))


def test_editing_a_file_updates_only_its_changed_article(backend, corpus):
    backend.update()
    harbour = next(a for a in read_corpus(corpus) if a.path == "harbour.txt")
    path = corpus / "harbour.txt"
    path.write_text(path.read_text().replace("summer", "autumn storms"), encoding="utf-8")
    touch_later(path)
    report = backend.update()
    assert (report.added, report.updated, report.removed) == (0, 1, 0)
    assert "autumn storms" in backend.article(harbour.id).body
    assert _ids(backend.search("autumn")) == {harbour.id}
    assert backend.search("summer").total == 0


def test_a_post_appended_to_a_feed_is_added(backend, corpus):
    backend.update()
    path = corpus / "feed.txt"
    post = (
        "\nFerry service resumes\n\nThe island ferry sailed again on Sunday after the "
        "winter storms.\n\nhttps://example.org/posts/ferry-resumes\n"
    )
    path.write_text(path.read_text() + post, encoding="utf-8")
    touch_later(path)
    report = backend.update()
    assert (report.added, report.updated, report.removed) == (1, 0, 0)
    assert [hit.title for hit in backend.search("ferry").hits] == ["Ferry service resumes"]


def test_a_new_file_is_added_and_a_deleted_one_removed(backend, corpus):
    backend.update()
    feed = {a.id for a in read_corpus(corpus) if a.path == "feed.txt"}
    (corpus / "feed.txt").unlink()
    (corpus / "world" / "election.txt").write_text(
        "Snap election called\n\nThe prime minister called a snap election for October.\n",
        encoding="utf-8",
    )
    report = backend.update()
    assert (report.added, report.updated, report.removed) == (1, 0, len(feed))
    listed = {summary.id for summary in backend.articles()}
    assert not feed & listed
    assert all(backend.article(article_id) is None for article_id in feed)
    assert not feed & _ids(backend.search("", limit=ALL))
    assert backend.search("strike").total == 1  # only the railway story is left
    assert [hit.title for hit in backend.search("election").hits] == ["Snap election called"]


def test_rebuild_reads_every_file_again(backend, corpus):
    backend.update()
    report = backend.update(rebuild=True)
    assert report.files_read == len(_files(corpus))
    assert report.articles == len(read_corpus(corpus))
    assert backend.search("", limit=ALL).total == report.articles


def test_progress_counts_up_to_its_total(backend):
    seen = []
    backend.update(progress=seen.append)
    assert all(0 <= p.done <= p.total for p in seen)


# Listing and reading ----------------------------------------------------------------


def test_articles_are_the_readers_articles_with_its_ids(indexed):
    expected = {article.id: article for article in read_corpus(indexed.corpus)}
    listed = indexed.articles()
    assert len(listed) == len({summary.id for summary in listed}) == len(expected)
    for summary in listed:
        article = expected[summary.id]
        assert (summary.title, summary.path, summary.position) == (
            article.title,
            article.path,
            article.position,
        )
        assert (summary.source, summary.author, summary.date, summary.url) == (
            article.source,
            article.author,
            article.date,
            article.url,
        )


def test_articles_keep_each_files_articles_together_in_file_order(indexed):
    # "Corpus order" is not pinned further: Whoosh lists by path, the reader walks a
    # folder's files before its subfolders, and both keep a file's articles in order.
    listed = [(summary.path, summary.position) for summary in indexed.articles()]
    runs = [path for i, (path, _) in enumerate(listed) if i == 0 or listed[i - 1][0] != path]
    assert len(runs) == len(set(runs)), "a file's articles are listed together"
    assert listed == sorted(listed, key=lambda item: (runs.index(item[0]), item[1]))
    assert [s.id for s in indexed.articles()] == [s.id for s in indexed.articles()]


def test_article_is_the_full_article(indexed):
    for expected in read_corpus(indexed.corpus):
        article = indexed.article(expected.id)
        assert article is not None
        assert (article.id, article.title, article.body) == (
            expected.id,
            expected.title,
            expected.body,
        )
        assert (article.path, article.position, article.date, article.source) == (
            expected.path,
            expected.position,
            expected.date,
            expected.source,
        )


def test_an_unknown_id_has_no_article_entities_or_relations(indexed):
    assert indexed.article("0000000000000000") is None
    assert indexed.entities("0000000000000000") == []
    assert indexed.related("0000000000000000") == []


# Searching --------------------------------------------------------------------------


def test_an_empty_query_lists_every_article(indexed):
    every = {summary.id for summary in indexed.articles()}
    for query in ("", "   "):
        results = indexed.search(query, limit=ALL)
        assert results.total == len(every)
        assert _ids(results) == every


def test_limit_caps_the_hits_not_the_total(indexed):
    results = indexed.search("", limit=2)
    assert len(results.hits) == 2
    assert results.total == len(indexed.articles())


@pytest.mark.parametrize("word", ["strike", "rotterdam", "budget", "geneva", "cranes"])
def test_a_word_finds_exactly_the_articles_containing_it(indexed, word):
    articles = _everything(indexed)
    results = indexed.search(word, limit=ALL)
    found = _ids(results)
    assert found, f"{word!r} is in the corpus"
    assert results.total == len(found)
    # Every hit holds the word (stemming may widen it, never to unrelated text) ...
    assert all(word in _text(articles[article_id]) for article_id in found)
    # ... and every article holding it as a word is a hit.
    assert {i for i, a in articles.items() if word in _words(a)} <= found


def test_every_word_must_match(indexed):
    articles = _everything(indexed)
    found = _ids(indexed.search("strike port", limit=ALL))
    assert [articles[i].title for i in found] == ["Port strike enters second week"]
    assert _ids(indexed.search("rotterdam cranes", limit=ALL)) == {
        i for i, a in articles.items() if a.title == "Harbour cranes replaced"
    }


@pytest.mark.parametrize("query", ["zeppelin", "strike zeppelin", "person:nobody"])
def test_a_query_that_cannot_match_finds_nothing(indexed, query):
    results = indexed.search(query)
    assert (results.hits, results.total) == ((), 0)


def test_hits_carry_their_articles_fields_and_text(indexed):
    articles = _everything(indexed)
    for query in ("strike", "rotterdam", "budget", "wind"):
        results = indexed.search(query, limit=ALL)
        assert results.query == query
        assert results.elapsed >= 0
        for hit in results.hits:
            article = articles[hit.id]
            assert (hit.title, hit.path) == (article.title, article.path)
            assert (hit.source, hit.author, hit.date, hit.url) == (
                article.source,
                article.author,
                article.date,
                article.url,
            )
            assert isinstance(hit.score, float)
            _assert_snippet_from(hit.snippet, article)


def _assert_snippet_from(snippet, article):
    """Every fragment of the snippet is the article's text; highlights lie inside it."""
    flat = " ".join(f"{article.title}\n{article.body}".split())
    fragments = [" ".join(part.split()) for part in snippet.text.split("…")]
    assert any(fragments), "a hit shows some of its article"
    for fragment in filter(None, fragments):
        assert fragment in flat
    for start, end in snippet.highlights:
        assert 0 <= start < end <= len(snippet.text)


def test_hits_come_best_first(indexed):
    for query in ("strike", "budget", "rotterdam", "wind"):
        scores = [hit.score for hit in indexed.search(query, limit=ALL).hits]
        assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("field", "entity_type", "name"),
    [
        ("person", "PERSON", "Emmanuel Macron"),
        ("person", "PERSON", "Rachel Reeves"),
        ("org", "ORG", "Bank of England"),
        ("place", "PLACE", "Rotterdam"),
        ("place", "PLACE", "London"),
    ],
)
def test_an_entity_filter_finds_exactly_the_articles_naming_it(indexed, field, entity_type, name):
    naming = _naming(indexed, entity_type, name)
    assert naming, f"the corpus names {name}"
    assert _ids(indexed.search(f'{field}:"{name}"', limit=ALL)) == naming


def test_an_entity_filter_narrows_a_word_query(indexed):
    both = _ids(indexed.search("strike", limit=ALL))
    narrowed = _ids(indexed.search('strike place:"Rotterdam"', limit=ALL))
    assert narrowed == both & _naming(indexed, "PLACE", "Rotterdam")
    assert len(narrowed) == 1


@pytest.mark.parametrize(
    ("field", "entity_type", "name"),
    [
        ("person", "PERSON", "Emmanuel Macron"),
        ("org", "ORG", "Bank of England"),
        ("place", "PLACE", "Rotterdam"),
    ],
)
def test_structured_filters_mean_what_typing_the_field_means(indexed, field, entity_type, name):
    filters = SearchFilters(**{field: (name,)})
    alone = indexed.search("", filters=filters, limit=ALL)
    assert _ids(alone) == _naming(indexed, entity_type, name)
    assert alone.filters == filters, "an answer says which filters it is for"
    typed = _ids(indexed.search(f'{field}:"{name}"', limit=ALL))
    assert _ids(alone) == typed


def test_structured_filters_narrow_the_text_and_each_other(indexed):
    rotterdam = SearchFilters(place=("Rotterdam",))
    narrowed = _ids(indexed.search("strike", filters=rotterdam, limit=ALL))
    everywhere = _ids(indexed.search("strike", limit=ALL))
    assert narrowed == everywhere & _naming(indexed, "PLACE", "Rotterdam")
    both = SearchFilters(place=("Rotterdam", "London"))
    assert _ids(indexed.search("", filters=both, limit=ALL)) == _naming(
        indexed, "PLACE", "Rotterdam"
    ) & _naming(indexed, "PLACE", "London")
    harbour = SearchFilters(source=("Harbour Gazette",))
    found = _ids(indexed.search("", filters=harbour, limit=ALL))
    assert found == {i for i, a in _everything(indexed).items() if a.source == "Harbour Gazette"}


def _dated(service, low: str, high: str) -> set[str]:
    """Ids of articles dated from ``low`` to ``high`` (ISO strings, cut to their precision)."""
    return {
        i
        for i, a in _everything(service).items()
        if a.date and low[: len(a.date)] <= a.date[: len(low)] and a.date[: len(high)] <= high
    }


@pytest.mark.parametrize(
    ("date_from", "date_to", "low", "high"),
    [
        ("2024-05", None, "2024-05", "9999"),
        (None, "2024-05", "0000", "2024-05"),
        ("2024-03-15", "2024-06-01", "2024-03-15", "2024-06-01"),
        ("2024", "2024", "2024", "2024"),
        ("2024-06-02", "2024-06-02", "2024-06-02", "2024-06-02"),
    ],
)
def test_a_date_range_keeps_the_articles_dated_within_it(indexed, date_from, date_to, low, high):
    dates = SearchFilters(date_from=date_from, date_to=date_to)
    found = indexed.search("", filters=dates, limit=ALL)
    assert _ids(found) == _dated(indexed, low, high)
    assert found.total == len(_ids(found)) and found.filters == dates


def test_a_date_range_is_inclusive_at_its_precision_and_may_find_nothing(indexed):
    articles = _everything(indexed)
    in_march = {i for i, a in articles.items() if a.date and a.date.startswith("2024-03")}
    assert in_march, "the corpus has a story from March 2024"
    ends_in_march = SearchFilters(date_from="2024-03", date_to="2024-03")
    assert _ids(indexed.search("", filters=ends_in_march, limit=ALL)) == in_march
    before = SearchFilters(date_to="2023-12-31")
    assert indexed.search("", filters=before, limit=ALL).total == 0


def test_a_date_range_leaves_out_undated_articles(indexed):
    articles = _everything(indexed)
    undated = {i for i, a in articles.items() if not a.date}
    assert undated, "the corpus has undated articles"
    every_date = SearchFilters(date_from="0001")
    assert _ids(indexed.search("", filters=every_date, limit=ALL)) == set(articles) - undated


def test_a_date_range_narrows_the_text_and_the_other_filters(indexed):
    spring = SearchFilters(date_from="2024-04", date_to="2024-06")
    everywhere = _ids(indexed.search("rotterdam", limit=ALL))
    narrowed = _ids(indexed.search("rotterdam", filters=spring, limit=ALL))
    assert narrowed == everywhere & _dated(indexed, "2024-04", "2024-06")
    assert len(narrowed) == 1
    both = SearchFilters(place=("Rotterdam",), date_from="2024-04", date_to="2024-06")
    assert _ids(indexed.search("", filters=both, limit=ALL)) == narrowed
    facets = indexed.facets("", filters=both)
    places = dict(next(f.values for f in facets if f.field == "place"))
    assert places.get("Rotterdam") == 1


@pytest.mark.parametrize("bad", ["2024-13", "24", "2024-02-30", "June", "2024/06"])
def test_a_date_filter_that_is_not_an_iso_date_is_a_one_line_error(bad):
    for side in ("date_from", "date_to"):
        with pytest.raises(QueryError) as caught:
            SearchFilters(**{side: bad})
        assert "\n" not in str(caught.value) and "2024-07-15" in str(caught.value)


def test_facets_follow_the_filters(indexed):
    rotterdam = SearchFilters(place=("Rotterdam",))
    total = indexed.search("", filters=rotterdam, limit=ALL).total
    for facet in indexed.facets("", filters=rotterdam, limit=10):
        assert all(count <= total for _, count in facet.values), facet
    places = dict(
        next(f.values for f in indexed.facets("", filters=rotterdam) if f.field == "place")
    )
    assert places.get("Rotterdam") == total


def test_a_source_filter_finds_that_sources_articles(indexed):
    articles = _everything(indexed)
    found = _ids(indexed.search('source:"Harbour Gazette"', limit=ALL))
    assert found == {i for i, a in articles.items() if a.source == "Harbour Gazette"}
    assert len(found) == 1


def test_a_date_filter_finds_that_months_articles_or_is_refused(indexed):
    articles = _everything(indexed)
    results = _search_or_refuse(indexed, "date:2024-06")
    if results is not None:
        dated = {i for i, a in articles.items() if a.date and a.date.startswith("2024-06")}
        assert _ids(results) == dated and dated


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("wind OR budget", lambda w, _: "wind" in w or "budget" in w),
        ("strike NOT railway", lambda w, _: "strike" in w and "railway" not in w),
        ("strike -railway", lambda w, _: "strike" in w and "railway" not in w),
        ('"strike after"', lambda _, text: "strike after" in text),
        ('"wind farm" geneva', lambda w, text: "wind farm" in text and "geneva" in w),
        (
            "(strike OR cranes) AND rotterdam",
            lambda w, _: "rotterdam" in w and w & {"strike", "cranes"},
        ),
    ],
)
def test_operators_give_the_right_articles_or_are_refused(indexed, query, wanted):
    results = _search_or_refuse(indexed, query)
    if results is None:
        return
    articles = _everything(indexed)
    expected = {
        i for i, a in articles.items() if wanted(_words(a), " ".join(_WORD.findall(_text(a))))
    }
    assert expected, "the corpus has an answer"
    assert _ids(results) == expected


@pytest.mark.parametrize(
    "query",
    [
        "(",
        ")",
        '"',
        'person:"',
        "title:",
        "person:",
        "AND",
        "OR OR",
        "NOT",
        "strike AND",
        "date:[2024 to",
        "date:notadate",
        "date:>",
        "wind*",
        "*",
        "?",
        "brige~",
        "~2",
        "^",
        "{",
        "[",
        "::",
        "a:b:c",
        "\\",
        "-",
        "🙂",
        "\x00",
        "strike " * 400,
    ],
)
def test_any_text_gives_results_or_a_query_error(indexed, query):
    results = _search_or_refuse(indexed, query)
    if results is not None:
        assert results.total >= len(results.hits)
        every = {summary.id for summary in indexed.articles()}
        assert _ids(results) <= every


@pytest.mark.parametrize("query", ["date:", "date:>", "place:", "person:", "strike title: )"])
def test_a_field_without_a_value_is_not_a_search_for_its_name(indexed, query):
    # A backend that searches for the field's name as a word finds the feed post saying
    # "no date has been set".
    results = _search_or_refuse(indexed, query)
    if results is not None:
        every = {summary.id for summary in indexed.articles()}
        assert _ids(results) in (set(), every), "refused, matching nothing, or ignored"


def test_a_suggestion_is_another_query(indexed):
    results = indexed.search("budgte")
    assert results.suggestion is None or (
        results.suggestion.strip() and results.suggestion != "budgte"
    )


# Related, facets, entities, mentions ------------------------------------------------


def test_related_never_returns_the_article_itself(indexed):
    every = {summary.id for summary in indexed.articles()}
    for article_id in every:
        related = indexed.related(article_id, limit=3)
        assert len(related) <= 3
        ids = [hit.id for hit in related]
        assert article_id not in ids
        assert set(ids) <= every
        assert len(ids) == len(set(ids))


def test_short_articles_sharing_a_place_or_distinctive_words_are_related(indexed):
    # The corpus's articles are a few sentences each: most of their words are in no other.
    by_title = {summary.title: summary.id for summary in indexed.articles()}

    def related(title: str) -> list[str]:
        titles = {article_id: t for t, article_id in by_title.items()}
        return [titles[hit.id] for hit in indexed.related(by_title[title], limit=3)]

    # Both in the port of Rotterdam.
    assert related("Harbour cranes replaced")[:1] == ["Port strike enters second week"]
    # A strike over pay, and the same port.
    assert {"Railway strike ends", "Harbour cranes replaced"} <= set(
        related("Port strike enters second week")
    )
    assert related("Railway strike ends")[:1] == ["Port strike enters second week"]
    # Wind farms.
    assert related("Wind farm approved")[:1] == ["Leaders meet in Geneva"]


@pytest.mark.parametrize("query", ["", "strike", "rotterdam", "wind OR budget", "zeppelin"])
def test_facet_counts_are_consistent_with_the_hits(indexed, query):
    results = _search_or_refuse(indexed, query)
    if results is None:
        return
    facets = indexed.facets(query, limit=3)
    assert {facet.field for facet in facets} <= {"person", "org", "place", "source"}
    for facet in facets:
        counts = [count for _, count in facet.values]
        assert len(counts) <= 3
        assert counts == sorted(counts, reverse=True)
        for value, count in facet.values:
            assert 1 <= count <= results.total
            if facet.field != "source":
                entity_type = {"person": "PERSON", "org": "ORG", "place": "PLACE"}[facet.field]
                assert count <= len(_naming(indexed, entity_type, value) & _ids(results))


def test_facets_of_everything_count_the_corpus_names(indexed):
    places = next(facet for facet in indexed.facets("") if facet.field == "place")
    assert dict(places.values).get("Rotterdam") == len(_naming(indexed, "PLACE", "Rotterdam"))
    sources = next(facet for facet in indexed.facets("") if facet.field == "source")
    assert dict(sources.values) == {"Harbour Gazette": 1}


def test_entity_spans_point_into_the_body(indexed):
    named = set()
    for summary in indexed.articles():
        body = indexed.article(summary.id).body
        spans = indexed.entities(summary.id)
        assert [s.start for s in spans] == sorted(s.start for s in spans)
        for span in spans:
            assert body[span.start : span.end] == span.text
            assert span.type in ENTITY_TYPES
            named.add((span.type, span.canonical))
    assert ("PERSON", "Emmanuel Macron") in named


@pytest.mark.parametrize(
    ("canonical", "entity_type"),
    [("Emmanuel Macron", "PERSON"), ("Rotterdam", "PLACE"), ("Bank of England", "ORG")],
)
def test_mentions_point_into_existing_articles(indexed, canonical, entity_type):
    mentions = indexed.mentions(canonical, entity_type)
    assert mentions
    assert {m.article_id for m in mentions} == _naming(indexed, entity_type, canonical)
    for mention in mentions:
        article = indexed.article(mention.article_id)
        assert article is not None and mention.title == article.title
        assert 0 <= mention.start < mention.end <= len(article.body)
        assert article.body[mention.start : mention.end] == mention.text
    assert len(indexed.mentions(canonical, entity_type, limit=1)) == 1


def test_mentions_of_an_unknown_entity_are_none(indexed):
    assert indexed.mentions("Nobody Atall", "PERSON") == []


# Across backends --------------------------------------------------------------------


def test_every_backend_gives_an_article_the_same_id(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    listings = {}
    for name, make in BACKENDS.items():
        service = make(corpus)
        service.update()
        listings[name] = {s.id: (s.path, s.position, s.title) for s in service.articles()}
    first, *others = listings.values()
    assert all(other == first for other in others)


@pytest.fixture(scope="module")
def every_backend(tmp_path_factory) -> dict[str, SearchService]:
    """Each backend over one shared corpus, updated once."""
    root = tmp_path_factory.mktemp("every-backend")
    corpus = write_corpus(root / "corpus")
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(root / "cache"))
        patch.setenv("BRIEFING_CONFIG_DIR", str(root / "config"))
        for name, make in BACKENDS.items():
            built[name] = make(corpus)
            built[name].update()
    return built


@pytest.mark.parametrize(
    "query",
    [
        "rotterdam OR geneva",
        "strike -railway",
        "strike NOT railway",
        "port ANDNOT strike",
        "(strike OR cranes) AND rotterdam",
        '"wind farm"',
        'title:"wind farm"',
        "wind*",
        "rott?rdam",
        "genva~",
        "rotterdm~2",
        "title:strike",
        "source:harbour",
        "author:ostrova",
        'person:"Emmanuel Macron"',
        "person:macron",
        "people:scholz",
        "place:rotterdam OR place:london",
        "date:2024",
        "date:2024-06",
        "date:[2024-03 to 2024-05]",
        "date:{2024-03 to 2024-05}",
        "date:>2024-05",
        "date:<2024-05",
        "published:2024-03-14",
        "date:[to]",
        "budget AND NOT date:2024-03",
        "*",
        "()",
    ],
)
def test_every_backend_reads_the_language_the_same_way(every_backend, query):
    # Only the neutral tree crosses from the parser to an engine: what it means cannot
    # depend on the engine (these queries avoid words a stemmer would widen).
    found = {
        name: _ids(service.search(query, limit=ALL)) for name, service in every_backend.items()
    }
    first, *others = found.values()
    assert all(other == first for other in others), found


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(person=("Emmanuel Macron",)),
        SearchFilters(place=("Rotterdam",), date_from="2024-05"),
        SearchFilters(source=("Harbour Gazette",), date_to="2024"),
        SearchFilters(date_from="2024-03-14", date_to="2024-05-12"),
    ],
)
def test_every_backend_narrows_by_filters_the_same_way(every_backend, filters):
    for query in ("", "rotterdam OR geneva OR budget", "port -strike"):
        found = {
            name: _ids(service.search(query, filters=filters, limit=ALL))
            for name, service in every_backend.items()
        }
        first, *others = found.values()
        assert all(other == first for other in others), (query, found)


def test_timelines_and_entity_pages_are_the_same_from_every_backend(indexed):
    events = indexed.timeline("budget")
    assert [(e.date, e.resolved, e.sentence) for e in events] == [
        (
            "2024-03-13",
            True,
            "Finance Minister Rachel Reeves presented the budget in London on Wednesday.",
        )
    ]
    assert indexed.timeline("budget", date_from="2024-04") == []
    page = indexed.entity("reeves")
    assert (page.name, page.type, page.articles) == ("Rachel Reeves", "PERSON", 1)
    assert indexed.statements("nobody at all") == []
