"""One deadline for an offscreen scenario (`--self-test`), shared by every wait inside it.

The scenario as a whole runs under `seconds`; each inner wait (the order on the QR, paid, the
receipt at the printer) gets its own timeout cut to the time left before the deadline, less a
reserve for closing the window and the services. So a slow step fails with its own name ("the
receipt did not reach printer ...") before the overall deadline can fire, and when the deadline
fires anyway (a step that is not a wait, or closing took longer) the report still names the step
it was in, and the first failure if one came before.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import Any

RESERVE_SECONDS = 2.0  # kept after a failed wait for closing the window and the services
MIN_WAIT_SECONDS = 0.1  # a wait whose budget is gone still looks at its condition once
POLL_SECONDS = 0.02


class StepFailed(Exception):
    """A step of an offscreen scenario failed (explicit, so `python -O` cannot skip it)."""


class Deadline:
    """`seconds` from `start()` on `clock` (monotonic; tests pass a controllable one)."""

    def __init__(self, seconds: float, *, reserve: float = RESERVE_SECONDS,
                 clock: Callable[[], float] = time.monotonic, error: type[Exception] = StepFailed) -> None:
        self.seconds = seconds
        self.reserve = reserve
        self.error = error
        self._clock = clock
        self._end = clock() + seconds
        self.step = ""  # what the scenario is doing now (set by its waits, and by the scenario between them)
        self.failure: str | None = None  # the first failure's line, kept for the report

    def start(self) -> None:
        self._end = self._clock() + self.seconds
        self.step = ""
        self.failure = None

    def remaining(self) -> float:
        return self._end - self._clock()

    def budget(self, timeout: float) -> float:
        """How long a wait of `timeout` may take: its own timeout, cut to what is left before the
        deadline less the reserve (never below zero)."""
        return max(0.0, min(timeout, self.remaining() - self.reserve))

    def fail(self, failure: str) -> Exception:
        """The exception to raise for `failure`, recorded (see `note`)."""
        exc = self.error(failure)
        self.note(exc)
        return exc

    def note(self, exc: BaseException) -> None:
        """Record `exc` as the scenario's failure (the first one stays): if the deadline then passes
        while the scenario closes, the report still says what failed."""
        if self.failure is None:
            self.failure = _line(exc)

    async def wait(self, predicate: Callable[[], Any], what: str, timeout: float, *,
                   failure: str | None = None, poll: float = POLL_SECONDS) -> Any:
        """Poll `predicate` (sync or async) until it returns something true, and return that.
        Fails with `failure` (default "timed out waiting for WHAT") after `budget(timeout)`."""
        self.step = what
        budget = self.budget(timeout)
        limit = self._clock() + budget
        try:
            async with asyncio.timeout(max(budget, MIN_WAIT_SECONDS)):  # also bounds a predicate that hangs
                while True:
                    result = predicate()
                    if inspect.isawaitable(result):
                        result = await result
                    if result:
                        return result
                    if self._clock() >= limit:
                        break
                    await asyncio.sleep(poll)  # polling a condition, under the timeout above
        except TimeoutError:
            pass
        cut = " (all the time left before the deadline)" if budget < timeout else ""
        raise self.fail(f"{failure or f'timed out waiting for {what}'} within {budget:.1f} s{cut}")

    def report(self, exc: BaseException) -> str:
        """The one-line summary of `exc` raised out of the scenario."""
        if isinstance(exc, TimeoutError) and not isinstance(exc, self.error):
            late = f"the {self.seconds:g} s deadline passed" + (f" during {self.step}" if self.step else "")
            return f"{self.failure}; then {late}" if self.failure else f"TimeoutError: {late}"
        return _line(exc)


def _line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
