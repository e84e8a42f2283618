"""The app names the files its index update skipped, with their reasons."""

from __future__ import annotations

from textual.notifications import Notify

from tests.tui.conftest import ready, screen_text, wait_for
from tui.app import make_app

STORY = "Oil prices climb in Baku\n\nOil prices rose sharply on Monday.\n"


def notices(seen: list) -> list[str]:
    return [str(m.notification.message) for m in seen if isinstance(m, Notify)]


async def test_skipped_files_are_named_with_their_reasons_and_a_bad_ignore_file_first(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "drafts").mkdir(parents=True)
    for name in ("oil.txt", "README.TXT", "yarn.lock", "drafts/a.txt", "notes.pptx"):
        (corpus / name).write_text(STORY, encoding="utf-8")
    (corpus / ".briefingignore").write_text("drafts/\n!\n", encoding="utf-8")
    seen: list = []
    app = make_app(corpus)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: any("skipped" in n for n in notices(seen)))
        (notice,) = [n for n in notices(seen) if "skipped" in n]
        assert notice.splitlines() == [
            "4 files skipped:",
            ".briefingignore: not applied (line 2: invalid pattern '!'); "
            "only the default rule applies",
            "README.TXT: not an article: README at the corpus root",
            "notes.pptx: unsupported file type .pptx",
            "and 1 more: `briefing index` lists every one",
        ]
        # The default rule still applies: drafts/ is read, README.TXT is not.
        assert "2 articles" in screen_text(app)
