"""Work off the UI thread: run a call in a thread, hand its result back on the UI thread.

Every background job of the app is one of these. The result goes straight to a function
on the UI thread, so no message class is needed to carry it; a newer job in an
exclusive group cancels the older one, whose result is then dropped unseen.

A thread cannot be stopped from outside, and Python waits for the threads of
``asyncio.to_thread`` before a program ends; so a job that only reads (a search, an
article being opened) may say ``quit_waits=False`` and run in a daemon thread the app
walks away from when the user quits. A job that writes keeps the default: quitting
waits for it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import threading
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.worker import Worker

T = TypeVar("T")


def in_thread(
    owner: DOMNode,
    call: Callable[[], T],
    then: Callable[[T], object],
    *,
    group: str,
    exclusive: bool = True,
    failed: Callable[[Exception], object] | None = None,
    quit_waits: bool = True,
) -> Worker:
    """Run ``call()`` in a thread, then ``then(result)`` on the UI thread.

    Args:
        owner: the widget, screen or app whose work this is (it ends with its owner).
        call: the work; it must not touch widgets.
        then: gets the result, on the UI thread (it may be a coroutine function).
        group: the worker group.
        exclusive: whether a newer job in ``group`` cancels this one.
        failed: gets any exception ``call`` raised (default: it is dropped).
        quit_waits: False for work that only reads: quitting then does not wait for it.

    Returns:
        The worker.
    """

    async def work() -> None:
        try:
            result = await (asyncio.to_thread(call) if quit_waits else _in_daemon(call))
        except Exception as error:  # noqa: BLE001 - background work never crashes the app
            if failed is not None:
                failed(error)
            return
        outcome = then(result)
        if inspect.isawaitable(outcome):
            await outcome

    return owner.run_worker(work(), group=group, exclusive=exclusive, exit_on_error=False)


async def _in_daemon(call: Callable[[], T]) -> T:
    """``call()`` in a daemon thread: a program that ends does not wait for it."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():  # the job was cancelled first
            return
        try:
            future.set_result(call())
        except Exception as error:  # noqa: BLE001 - handed to the awaiting job
            future.set_exception(error)

    threading.Thread(target=run, name="briefing-reader", daemon=True).start()
    # wrap_future drops the answer of a cancelled job, and of one whose loop has closed.
    return await asyncio.wrap_future(future)
