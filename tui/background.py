"""Work off the UI thread: run a call in a thread, hand its result back on the UI thread.

Every background job of the app is one of these. The result goes straight to a function
on the UI thread, so no message class is needed to carry it; a newer job in an
exclusive group cancels the older one, whose result is then dropped unseen.
"""

from __future__ import annotations

import asyncio
import inspect
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
) -> Worker:
    """Run ``call()`` in a thread, then ``then(result)`` on the UI thread.

    Args:
        owner: the widget, screen or app whose work this is (it ends with its owner).
        call: the work; it must not touch widgets.
        then: gets the result, on the UI thread (it may be a coroutine function).
        group: the worker group.
        exclusive: whether a newer job in ``group`` cancels this one.
        failed: gets any exception ``call`` raised (default: it is dropped).

    Returns:
        The worker.
    """

    async def work() -> None:
        try:
            result = await asyncio.to_thread(call)
        except Exception as error:  # noqa: BLE001 - background work never crashes the app
            if failed is not None:
                failed(error)
            return
        outcome = then(result)
        if inspect.isawaitable(outcome):
            await outcome

    return owner.run_worker(work(), group=group, exclusive=exclusive, exit_on_error=False)
