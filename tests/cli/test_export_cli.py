"""`briefing export`: Markdown to stdout or a file, every note checked against the corpus."""

from __future__ import annotations

import re
import shutil

import pytest
from markdown_it import MarkdownIt

from briefings.anchoring import quote_article
from briefings.markdown import render_briefing
from briefings.models import ArticleRef, new_note
from briefings.resolver import ARTICLE_GONE, PASSAGE_GONE, resolve_notes
from briefings.store import BriefingStore
from search.locations import seeds_dir
from search.service import open_search_service
from tests.briefing_data import BODY
from tui.cli import main
from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE


def _quoting(service, corpus, title: str, passage: str | None, text: str = "", tags=()):
    """A note taken in ``corpus`` on the article ``title``, quoting ``passage``."""
    [summary] = [s for s in service.articles() if s.title.startswith(title)]
    article = service.article(summary.id)
    quote = None
    if passage is not None:
        start = article.body.index(passage)
        quote = quote_article(article, start, start + len(passage))
    ref = ArticleRef.from_article(article, str(corpus))
    return new_note(ref, text=text, tags=tags, quote=quote)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rates.txt").write_text("Rates rise\n\n" + BODY + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def store(corpus):
    service = open_search_service(corpus)
    service.update()
    note = _quoting(service, corpus, "Rates rise", "Markets fell sharply", "*Why?*", ("mkt",))
    store = BriefingStore()
    store.add_note(store.create("Rates watch").slug, note)
    return store


def _without_date(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if not line.startswith("*Generated ")]


def test_export_to_stdout(store, corpus, capsys):
    assert main(["export", "Rates watch"]) == EXIT_OK
    captured = capsys.readouterr()
    briefing = store.load("rates-watch")
    resolved = resolve_notes(briefing.notes, open_search_service(corpus), corpus_name="corpus")
    expected = render_briefing(briefing, resolved)
    assert _without_date(captured.out) == _without_date(expected)
    assert captured.err == ""  # every quote is where it was: nothing to warn about
    tokens = MarkdownIt("commonmark").parse(captured.out)
    assert tokens[0].tag == "h1" and tokens[1].content == "Rates watch"
    assert "The source now reads:" not in captured.out and "Orphaned" not in captured.out


def test_the_only_briefing_needs_no_name(store, capsys):
    assert main(["export"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("# Rates watch\n")


def test_several_briefings_need_a_name(store, capsys):
    store.create("Bonds")
    assert main(["export"]) == EXIT_USAGE
    assert "several briefings (bonds, rates-watch)" in capsys.readouterr().err


def test_no_briefing_at_all(capsys):
    assert main(["export"]) == EXIT_NOT_FOUND
    assert "no briefings yet" in capsys.readouterr().err


def test_export_to_a_file_twice_differs_only_in_the_date_line(store, tmp_path, capsys):
    target = tmp_path / "out" / "rates.md"
    assert main(["export", "rates-watch", "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().err.strip() == f"briefing: wrote {target}"
    first = target.read_text(encoding="utf-8")
    assert main(["export", "rates-watch", "-o", str(target), "--force"]) == EXIT_OK
    second = target.read_text(encoding="utf-8")
    assert _without_date(first) == _without_date(second)
    assert len(first.splitlines()) == len(_without_date(first)) + 1
    assert "\\*Why?\\*" in first


def test_corrupt_briefing_is_one_line_exit_1_and_untouched(store, capsys):
    path = store.path_for("rates-watch")
    raw = path.read_bytes().replace(b"notes:", b"notes: [", 1)
    path.write_bytes(raw)
    assert main(["export", "rates-watch"]) == EXIT_ERROR
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"briefing: {path}:") and "not valid YAML" in line
    assert captured.out == ""
    assert path.read_bytes() == raw


def test_unwritable_output_is_a_message(store, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "rates-watch", "-o", str(blocker / "out.md")]) == EXIT_ERROR
    assert capsys.readouterr().err.startswith("briefing: cannot write")


def test_export_with_corpus_finds_moved_quotes_and_lists_lost_ones(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    doc = corpus / "rates.txt"
    doc.write_text(
        "Rates rise again\n\n"
        "The central bank raised its key rate by half a point on Tuesday.\n\n"
        "The governor warned that further rises could follow in the spring. "
        "Markets fell sharply after the announcement.\n",
        encoding="utf-8",
    )
    service = open_search_service(corpus)
    service.update()
    store = BriefingStore()
    slug = store.create("Rates").slug
    for passage, text in (("further rises could follow", "kept"), ("by half a point", "lost")):
        store.add_note(slug, _quoting(service, corpus, "Rates rise again", passage, text))
    before = store.path_for(slug).read_bytes()

    doc.write_text(
        "Rates rise again\n\n"
        "Updated with market reaction.\n\n"
        "The central bank raised its key rate on Tuesday.\n\n"
        "The governor warned that further rises could follow in the spring. "
        "Markets fell sharply after the announcement.\n",
        encoding="utf-8",
    )
    assert main(["export", "rates", "--corpus", str(corpus)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "briefing: warning: 1 note orphaned (article or passage gone); see the export"
    ]
    before_orphans, orphans = captured.out.split("## Orphaned notes")
    assert "> further rises could follow [1]" in before_orphans
    assert f"*Not found: {PASSAGE_GONE}.*" in orphans
    assert "> by half a point [1]" in orphans and "lost" in orphans
    # Export reads the briefing; it does not rewrite it.
    assert store.path_for(slug).read_bytes() == before


# A copy of the seeds, changed after the notes were taken.

RELATIONS = "Relations between Russia and Azerbaijan"
SHOT_DOWN = "Azerbaijan alleges the plane was shot down by a Russian surface-to-air missile"
SUMMIT = "European Commission President Ursula von der Leyen met with Chinese Foreign Minister"
SIGN = "The United States and Armenia are set to sign a strategic partnership document."
TAKEAWAYS = "President Ilham Aliyev of the Republic of Azerbaijan attended the event"


@pytest.fixture
def seeds_copy(tmp_path):
    return shutil.copytree(seeds_dir(), tmp_path / "seeds-copy")


@pytest.fixture
def caucasus(seeds_copy):
    """A briefing of notes on the seeds copy, then the copy edited and a post deleted."""
    service = open_search_service(seeds_copy)
    service.update()
    notes = [
        _quoting(service, seeds_copy, "Yerevan and Washington", SIGN, "signed?"),
        _quoting(service, seeds_copy, RELATIONS, SHOT_DOWN, "the crash", ("aviation",)),
        _quoting(service, seeds_copy, "Key Takeaways", TAKEAWAYS, "bulletin"),
        _quoting(service, seeds_copy, "China EU Summit", SUMMIT, "summit"),
        _quoting(service, seeds_copy, RELATIONS, None, "whole post"),
    ]
    store = BriefingStore()
    slug = store.create("Caucasus").slug
    for note in notes:
        store.add_note(slug, note)
    feed = next(seeds_copy.glob("001_*.txt"))
    text = feed.read_text(encoding="utf-8").replace("shot down by", "downed by")
    post = re.search(r"China EU Summit\n.*?\nhttps://[^\n]*\n+", text, re.S).group()
    feed.write_text(text.replace(post, ""), encoding="utf-8")
    return store


def test_export_warns_once_with_the_counts_and_flags_changed_and_orphaned(caucasus, capsys):
    assert main(["export", "caucasus"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "briefing: warning: 1 quote changed in the source; "
        "1 note orphaned (article or passage gone); see the export"
    ]
    markdown = captured.out
    found, orphans = markdown.split("## Orphaned notes")
    now = SHOT_DOWN.replace("shot down by", "downed by")
    assert f"> {SHOT_DOWN} [2]\n\n*The source now reads:* “{now}”\n" in found
    assert markdown.count("The source now reads:") == 1
    assert f"*Not found: {ARTICLE_GONE}.*" in orphans and "summit" in orphans
    assert "### China EU Summit" in orphans


def test_export_keeps_the_briefings_order_by_default(caucasus, capsys):
    assert main(["export", "caucasus"]) == EXIT_OK
    markdown = capsys.readouterr().out.split("## Orphaned notes")[0]
    at = [markdown.index(text) for text in ("signed?", "the crash", "bulletin", "whole post")]
    assert at == sorted(at)
    assert not re.search(r"^## ", markdown, re.M)


def test_export_by_article_groups_notes_under_their_articles(caucasus, capsys):
    assert main(["export", "caucasus", "--by-article"]) == EXIT_OK
    markdown = capsys.readouterr().out
    sections = re.split(r"^## ", markdown, flags=re.M)[1:]
    titles = [s.splitlines()[0] for s in sections]
    assert titles[1] == RELATIONS and titles[-2:] == ["Orphaned notes", "Sources"]
    assert titles[0].startswith("Yerevan and Washington") and titles[2].startswith("Key Takeaways")
    relations = sections[1]
    assert "the crash" in relations and "whole post" in relations and "signed?" not in relations
    assert "Caliber.Az" in sections[0] and "14 January 2025" in sections[0]


def test_no_absolute_local_path_in_any_export(caucasus, tmp_path, capsys):
    store = caucasus
    [gone] = [n for n in store.load("caucasus").notes if n.text == "summit"]
    old = ArticleRef(
        "0123456789abcdef", "Old post", path=str(tmp_path / "corpus" / "old.txt"), corpus=None
    )
    store.add_note("caucasus", new_note(old, text="schema 1", quote=gone.quote))
    for extra in ([], ["--by-article"]):
        target = tmp_path / "out" / "caucasus.md"
        assert main(["export", "caucasus", "-o", str(target), "--force", *extra]) == EXIT_OK
        assert main(["export", "caucasus", *extra]) == EXIT_OK
        for markdown in (target.read_text(encoding="utf-8"), capsys.readouterr().out):
            assert str(tmp_path) not in markdown
            assert str(seeds_dir()) not in markdown
            assert "/home/" not in markdown and "/tmp/" not in markdown
            assert "Old post. old.txt" in markdown
            assert re.search(r"^\d\. Relations between Russia and Azerbaijan\. ", markdown, re.M)


def test_export_with_the_notes_own_corpus_gone_checks_against_the_seeds(store, corpus, capsys):
    shutil.rmtree(corpus)
    assert main(["export", "rates-watch"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "1 note orphaned" in captured.err
    assert "*Not found: it was taken in another corpus, not found here.*" in captured.out
