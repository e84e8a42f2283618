"""Item 13 (queries): a query never answers with the engine's internals.

``NOT NOT NOT`` used to say "list index out of range", and ``path:*`` searched a field
only the index itself knows. Each is now what a reader can act on: one line saying
what is wrong (exit 2), or an ordinary search of the words typed.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.cli.index_cli_helpers import write_corpus
from tests.commands import required_command

INTERNALS = ("index out of range", "Traceback", "KeyError", "IndexError", "whoosh")


def _search(corpus, query: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [required_command("briefing"), "search", query, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("queries") / "corpus"
    return write_corpus(folder, {"harbour.txt": "Harbour news\n\nShips left the harbour.\n"})


@pytest.mark.parametrize(
    ("query", "told"),
    [
        ("NOT NOT NOT", "NOT needs something after it"),
        ("title:", "write what to look for after title:"),
    ],
)
def test_a_broken_query_is_one_line_saying_what_to_change(corpus, query, told):
    result = _search(corpus, query)
    assert result.returncode == 2
    assert told in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not any(word in result.stderr for word in INTERNALS)


@pytest.mark.parametrize("query", ["path:*", "id:*", "url:harbour", "((", '"'])
def test_the_index_s_own_fields_and_stray_marks_are_searched_as_typed(corpus, query):
    result = _search(corpus, query)
    assert result.returncode in (0, 1)
    assert not any(word in result.stdout + result.stderr for word in INTERNALS)
