"""Enter acts on the text in the box, even when pressed before that text's answer is in.

Keys are delivered as the terminal driver delivers them, without waiting for the app to
settle between them (Pilot's ``press`` waits, which would hide the race), and Enter
follows the last key at once: the stale list on screen must not be what opens.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from search.service import open_search_service
from tests.tui.conftest import ready, screen_text, wait_for
from tests.tui.test_startup_listing import HeldIndexService
from tui.app import make_app
from tui.widgets.search.view import SearchView

# Queries whose best hits differ from one to the next, with that best hit's title.
QUERIES = [
    ("Pakistan rice", "The Azerbaijan-Pakistan-Türkiye trilateral partnership"),
    ("Washington document", "Yerevan and Washington set to sign partnership document"),
    ("Airbus", "No Airbus plane deal between EU and China"),
    ("scorpions", "Radically changing situation – scorpions in Baku"),
    ("Shusha forum", "Key Takeaways from Q&A session with President Ilham Aliyev"),
    ("Albanese", "Albanese’s approach to China"),
]


def send_keys(app, text: str) -> None:
    for char in text:
        event = events.Key("space" if char == " " else char, char)
        event.set_sender(app)
        app._driver.send_message(event)


def send_enter(app) -> None:
    event = events.Key("enter", "\r")
    event.set_sender(app)
    app._driver.send_message(event)


async def test_enter_right_after_typing_opens_the_best_hit_of_the_typed_text(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        workspace = app.screen.workspace
        for query, title in QUERIES:
            before = workspace.current_article_id()
            await pilot.press("slash")
            app.screen.query_one("#query", Input).value = ""
            await pilot.pause()
            send_keys(app, query)
            send_enter(app)
            # Each query's best hit is another article than the one before.
            await wait_for(pilot, lambda before=before: workspace.current_article_id() != before)
            opened = workspace.reader(workspace.current_article_id())
            assert opened is not None and opened.article.title.startswith(title), query


async def test_enter_on_a_query_with_no_answer_yet_waits_then_opens_nothing_for_no_hits(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        send_keys(app, "Albanese")
        await pilot.pause()
        view = app.screen.query_one(SearchView)
        await wait_for(pilot, lambda: view.answered_query == "Albanese")
        send_keys(app, " zzxqv")
        send_enter(app)
        await wait_for(pilot, lambda: view.answered_query == "Albanese zzxqv")
        assert "No article matches" in screen_text(app)
        assert app.screen.workspace.current_article_id() is None


async def test_enter_before_the_index_opens_opens_the_hit_once_it_does(seeds):
    open_search_service(seeds).update()
    service = HeldIndexService(open_search_service(seeds))
    app = make_app(seeds, service=service)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "12 articles" in screen_text(app))
            send_keys(app, "Airbus")
            send_enter(app)
            await pilot.pause(0.2)
            assert app.screen.workspace.current_article_id() is None
            service.gate.set()
            await wait_for(pilot, lambda: app.screen.workspace.current_article_id() is not None)
            assert "No Airbus plane deal between EU and China" in screen_text(app)
    finally:
        service.gate.set()
