"""Item 6: a FIFO in the corpus, even one swapped in for a file after the folder was
listed, is skipped and reported; the update never waits for someone to write to it.

Each case runs in its own process with a timeout: a regression hangs, it does not pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import briefing, write_corpus

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

# The real indexer and reader, with a walk that lists the folder and then, before any
# file is opened, puts a FIFO where oil.txt was (as another process could at any moment).
SWAP_AFTER_WALK = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from search.index.indexer import Indexer
    from search.reading.reader import walk_corpus

    corpus, folder = Path(sys.argv[1]), Path(sys.argv[2])

    def walk_then_swap(root):
        found = list(walk_corpus(root))
        os.remove(root / "oil.txt")
        os.mkfifo(root / "oil.txt")
        return found

    report = Indexer(corpus, folder, walk=walk_then_swap, extract=lambda body: []).update()
    print(json.dumps({
        "read": report.files_read,
        "articles": report.articles,
        "skipped": [[s.path, s.reason] for s in report.skipped],
    }))
    """
)


def run_swap(corpus: Path, index: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SWAP_AFTER_WALK, str(corpus), str(index)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fifo_in_the_corpus_is_skipped_and_reported(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    result = briefing("index", str(corpus), "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 3
    assert report["skipped"] == [{"path": str(corpus / "pipe.txt"), "reason": "not a regular file"}]


def test_a_file_swapped_for_a_fifo_before_the_first_build_reads_is_skipped(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    report = run_swap(corpus, tmp_path / "index")
    assert report["articles"] == 2
    assert report["skipped"] == [[str(corpus / "oil.txt"), "not a regular file (a FIFO)"]]


def test_a_changed_file_swapped_for_a_fifo_leaves_the_index(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    assert briefing("index", str(corpus), timeout=60).returncode == 0
    (corpus / "oil.txt").write_text("Oil prices fall\n\nPrices fell on Tuesday.\n", "utf-8")
    cache = Path(os.environ["BRIEFING_CACHE_DIR"])
    (index,) = (cache / "indexes").iterdir()
    report = run_swap(corpus, index)
    assert report["articles"] == 2
    assert report["skipped"] == [[str(corpus / "oil.txt"), "not a regular file (a FIFO)"]]
    listed = briefing("articles", "--corpus", str(corpus), "--json", timeout=60)
    assert "oil.txt" not in {article["path"] for article in json.loads(listed.stdout)}


def test_reading_a_fifo_directly_answers_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from search.models import UnreadableFile\n"
        "from search.reading.reader import read_articles\n"
        "try:\n"
        "    read_articles(Path(sys.argv[1]))\n"
        "except UnreadableFile as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(fifo)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "not a regular file (a FIFO)"
