"""The one way tests wait for a condition: poll it on the running loop.

Never qtbot.waitUntil inside a coroutine (qt-notes §2.3): that nests a Qt event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def wait_until(
    condition: Callable[[], bool | Awaitable[bool]],
    timeout: float = 5.0,
    what: str = "the condition",
    interval: float = 0.005,
) -> None:
    """Return once `condition()` (a plain or async callable) is true; fail the test after `timeout`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(interval)


def wait_until_sync(condition: Callable[[], bool], timeout: float = 5.0, what: str = "the condition",
                    interval: float = 0.05) -> None:
    """The same for a plain test driving a worker thread (no event loop): poll, fail after `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)
