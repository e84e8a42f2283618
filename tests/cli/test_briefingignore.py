"""`briefing index` skips files that are not articles and follows the corpus's .briefingignore.

Each skipped file is listed with its reason; editing the ignore file takes effect on
the next update (newly ignored files leave the index, files taken back come in).
"""

from __future__ import annotations

import json

from tests.cli.index_cli_helpers import briefing, write_corpus

STORIES = {
    "oil.txt": "Oil prices climb in Baku\n\nOil prices rose sharply on Monday.\n",
    "README.TXT": "About this folder\n\nThese are the news files we collected in July.\n",
    "LICENSE": "Copyright\n\nAll rights reserved by the collectors of this folder.\n",
    "yarn.lock": "lock\n",
    "~$draft.txt": "owner\n",
    "drafts/bank.txt": "Central bank holds rates\n\nThe central bank kept rates unchanged.\n",
    "drafts/sport.md": "# Late goal settles the final\n\nA late goal decided the cup final.\n",
}


def make_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "drafts").mkdir(parents=True)
    return write_corpus(corpus, STORIES)


def index(corpus) -> dict:
    out = briefing("index", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def skipped(report: dict, corpus) -> dict[str, str]:
    prefix = f"{corpus}/"
    return {s["path"].removeprefix(prefix): s["reason"] for s in report["skipped"]}


def titles(corpus) -> list[str]:
    out = briefing("articles", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return sorted(a["title"] for a in json.loads(out.stdout))


def test_report_lists_files_that_are_not_articles_with_their_reasons(tmp_path):
    corpus = make_corpus(tmp_path)
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Skipped:   4 files" in out.stdout
    assert "README.TXT: not an article: README at the corpus root" in out.stdout
    assert "LICENSE: not an article: LICENSE at the corpus root" in out.stdout
    assert "yarn.lock: not an article: a lock file" in out.stdout
    assert "~$draft.txt: not an article: an Office lock file" in out.stdout
    assert titles(corpus) == [
        "Central bank holds rates",
        "Late goal settles the final",
        "Oil prices climb in Baku",
    ]


def test_editing_the_ignore_file_takes_effect_on_the_next_update(tmp_path):
    corpus = make_corpus(tmp_path)
    index(corpus)

    (corpus / ".briefingignore").write_text("# work in progress\ndrafts/\n", encoding="utf-8")
    report = index(corpus)
    assert (report["removed"], report["articles"]) == (2, 1)
    assert skipped(report, corpus)["drafts"] == "ignored by .briefingignore line 2: drafts/"
    assert (
        skipped(report, corpus)[".briefingignore"] == "the ignore rules for this corpus (applied)"
    )
    assert titles(corpus) == ["Oil prices climb in Baku"]

    (corpus / ".briefingignore").write_text("drafts/*.md\n!README.TXT\n", encoding="utf-8")
    report = index(corpus)
    assert (report["added"], report["articles"]) == (2, 3)
    assert "README.TXT" not in skipped(report, corpus)
    assert skipped(report, corpus)["drafts/sport.md"] == (
        "ignored by .briefingignore line 1: drafts/*.md"
    )
    assert titles(corpus) == [
        "About this folder",
        "Central bank holds rates",
        "Oil prices climb in Baku",
    ]

    (corpus / ".briefingignore").unlink()
    report = index(corpus)
    assert (report["added"], report["removed"], report["articles"]) == (1, 1, 3)
    assert "About this folder" not in titles(corpus)


def test_malformed_ignore_file_is_reported_in_one_line_and_the_default_rule_applies(tmp_path):
    corpus = make_corpus(tmp_path)
    (corpus / ".briefingignore").write_text("drafts/\n!\n", encoding="utf-8")
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert (
        ".briefingignore: not applied (line 2: invalid pattern '!'); "
        "only the default rule applies\n"
    ) in out.stdout
    assert "README.TXT: not an article: README at the corpus root" in out.stdout
    assert "Articles:  3 in the index" in out.stdout
    assert "Traceback" not in out.stderr
