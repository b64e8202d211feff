"""The window's background tasks: kept referenced until done, failures logged (and shown through
`errors.report`), every one cancelled and awaited at shutdown.

    tasks = TaskKeeper("main window")
    tasks.spawn(coro)            # from a plain callback (an engine event, a signal)
    await tasks.cancel_all()     # shutdown

A feature binder that keeps its own set of tasks (failures only logged) and shows a refusal as a
sentence under the item line uses `spawn_logged` and `shown_on_item_line`.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from typing import Any

from qrcashier.ui.shell import errors

log = logging.getLogger("qrcashier.ui.tasks")


class TaskKeeper:
    def __init__(self, context: str = "background task") -> None:
        self.context = context
        self.tasks: set[asyncio.Task] = set()

    def __len__(self) -> int:
        return len(self.tasks)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
        """Run `coro` on the loop; a failure is reported (an unexpected one goes to sys.excepthook)."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if task.cancelled() or task.exception() is None:
            return
        exc = task.exception()
        errors.report(exc, self.context)
        if not errors.is_expected(exc):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    async def cancel_all(self) -> None:
        """Cancel every task and wait for each to finish (their errors are dropped: shutting down)."""
        pending = list(self.tasks)
        for task in pending:
            task.cancel()
        for task in pending:
            try:
                await task
            except (asyncio.CancelledError, Exception):
                pass


def spawn_logged(tasks: set[asyncio.Task], coro: Coroutine[Any, Any, Any], logger: logging.Logger,
                 failure: str) -> asyncio.Task:
    """Run `coro` on the loop, kept referenced in `tasks` until done; a failure is logged as `failure`
    (with its traceback)."""
    task = asyncio.ensure_future(coro)
    tasks.add(task)

    def done(t: asyncio.Task) -> None:
        tasks.discard(t)
        if not t.cancelled() and t.exception() is not None:
            logger.error(failure, exc_info=t.exception())

    task.add_done_callback(done)
    return task


async def shown_on_item_line(window: Any, coro: Coroutine[Any, Any, Any], context: str) -> Any:
    """Await `coro` and return its result; a refusal is shown under the window's item line as a
    sentence for the cashier (`errors.report`, logged under `context`) and gives None."""
    try:
        return await coro
    except Exception as exc:  # every refusal is a sentence for the cashier
        window.item_error(errors.report(exc, context))
        return None
