"""Item 7: symlinks whose target leaves the corpus are skipped and reported unless the user
opts in with ``briefing index --follow-outside``; the choice stays with the index, so a
later search or listing (which may update the index) neither drops nor adds them on its
own. Symlinks inside the corpus are read, and a link cycle is walked once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import briefing, write_corpus

SECRET = "Private key material\n\nThe passphrase is swordfish and nobody may read it.\n"
OUTSIDE_REASON = "outside the corpus (not followed without --follow-outside)"

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus with a file link and a folder link to a private folder beside it."""
    private = tmp_path / "private"
    (private / "keys").mkdir(parents=True)
    (private / "id_rsa.txt").write_text(SECRET, encoding="utf-8")
    (private / "keys" / "more.txt").write_text(SECRET.replace("swordfish", "marlin"), "utf-8")
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "key.txt").symlink_to(private / "id_rsa.txt")
    (corpus / "keys").symlink_to(private / "keys", target_is_directory=True)
    return corpus, private


def index_json(*args: str) -> dict:
    result = briefing("index", *args, "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def paths(corpus: Path) -> set[str]:
    result = briefing("articles", "--corpus", str(corpus), "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    return {article["path"] for article in json.loads(result.stdout)}


def hits(corpus: Path, query: str) -> int:
    result = briefing("search", query, "--corpus", str(corpus), "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def test_links_out_of_the_corpus_are_skipped_and_reported(world):
    corpus, private = world
    report = index_json(str(corpus))
    assert report["follow_outside"] is False
    assert {(s["path"], s["reason"]) for s in report["skipped"]} == {
        (str(corpus / "key.txt"), f"symlink to {private / 'id_rsa.txt'}, {OUTSIDE_REASON}"),
        (str(corpus / "keys"), f"symlink to {private / 'keys'}, {OUTSIDE_REASON}"),
    }
    assert paths(corpus) == {"oil.txt", "bank.txt", "sport.md"}
    assert hits(corpus, "swordfish OR marlin") == 0
    text = briefing("index", str(corpus), timeout=60).stdout
    assert f"  {corpus / 'key.txt'}: symlink to {private / 'id_rsa.txt'}, {OUTSIDE_REASON}" in text


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="no /etc/passwd on this system")
def test_links_to_etc_put_nothing_of_it_in_the_index(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "x.txt").symlink_to("/etc/passwd")
    (corpus / "etc").symlink_to("/etc", target_is_directory=True)
    report = index_json(str(corpus))
    assert sorted(s["path"] for s in report["skipped"]) == [
        str(corpus / "etc"),
        str(corpus / "x.txt"),
    ]
    assert paths(corpus) == {"oil.txt", "bank.txt", "sport.md"}
    assert hits(corpus, "root") == 0


def test_follow_outside_reads_them_and_the_choice_stays_with_the_index(world):
    corpus, _ = world
    index_json(str(corpus))
    report = index_json(str(corpus), "--follow-outside")
    assert report["follow_outside"] is True
    assert report["skipped"] == []
    everything = {"oil.txt", "bank.txt", "sport.md", "key.txt", "keys/more.txt"}
    assert paths(corpus) == everything
    # A later search updates the index after a change, and keeps the user's choice.
    (corpus / "bank.txt").write_text("Central bank cuts rates\n\nRates fell.\n", "utf-8")
    assert hits(corpus, "swordfish") == 1
    assert paths(corpus) == everything
    assert "followed out of the corpus" in briefing("index", str(corpus), timeout=60).stdout
    back = index_json(str(corpus), "--no-follow-outside")
    assert back["follow_outside"] is False
    assert back["removed"] == 2
    assert paths(corpus) == {"oil.txt", "bank.txt", "sport.md"}


def test_links_inside_the_corpus_are_read_and_a_cycle_is_walked_once(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "desk").mkdir()
    (corpus / "desk" / "wire.txt").write_text("Wire story\n\nA wire story.\n", "utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "desk" / "wire.txt")
    (corpus / "desk" / "up").symlink_to(corpus, target_is_directory=True)
    (corpus / "relative").symlink_to("desk", target_is_directory=True)
    report = index_json(str(corpus))
    assert report["articles"] == 4
    assert sorted((s["path"], s["reason"]) for s in report["skipped"]) == [
        (str(corpus / "desk" / "up"), "folder already read (symlink loop or duplicate link)"),
        (str(corpus / "desk" / "wire.txt"), "same file already read through another link"),
        (str(corpus / "relative"), "folder already read (symlink loop or duplicate link)"),
    ]
    assert paths(corpus) == {"oil.txt", "bank.txt", "sport.md", "alias.txt"}


def test_a_file_swapped_for_a_link_out_after_the_walk_is_refused(world, tmp_path):
    corpus, private = world
    script = textwrap.dedent(
        """
        import json, os, sys
        from pathlib import Path
        from search.index.indexer import Indexer
        from search.reading.reader import walk_corpus

        corpus, folder, target = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

        def walk_then_swap(root):
            found = list(walk_corpus(root))
            os.remove(root / "oil.txt")
            os.symlink(target, root / "oil.txt")
            return found

        report = Indexer(corpus, folder, walk=walk_then_swap, extract=lambda body: []).update()
        print(json.dumps([[s.path, s.reason] for s in report.skipped]))
        """
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(corpus),
            str(tmp_path / "index"),
            str(private / "id_rsa.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    skipped = dict(json.loads(result.stdout))
    assert skipped[str(corpus / "oil.txt")] == (
        f"leads outside the corpus (to {private / 'id_rsa.txt'})"
    )


def test_index_help_documents_the_option():
    result = briefing("index", "--help", timeout=60)
    assert "--follow-outside" in result.stdout
    assert "--no-follow-outside" in result.stdout


async def test_the_app_counts_the_skipped_links_and_lists_none_of_their_text(world):
    from textual.notifications import Notify

    from tests.tui.conftest import ready, screen_text, wait_for
    from tui.app import make_app

    corpus, _ = world
    seen: list = []
    app = make_app(corpus)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)

        def told() -> list[str]:
            return [m.notification.message for m in seen if isinstance(m, Notify)]

        await wait_for(pilot, lambda: told())
        shown = screen_text(app)
    (notice,) = told()
    assert notice.startswith("2 files skipped")
    assert "key.txt: symlink to" in notice and "outside the corpus" in notice
    assert "3 articles" in shown
    assert "Private key material" not in shown + notice
