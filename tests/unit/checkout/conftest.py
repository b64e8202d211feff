"""Fixtures for the engine's tests: a fast poll policy, a manual clock, the in-memory gateway and
an engine harness over a temporary journal (the sandbox rig is in tests/integration/checkout)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from qrcashier.checkout import CheckoutEngine, Journal, PollPolicy, RegisterConfig
from qrcashier.checkout.events import Event, StateChanged
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from tests.support.waiting import wait_until as _wait_until
from tests.unit.checkout.fakes import FakeGateway, ManualClock

FAST = PollPolicy(interval=0.01, idle_interval=0.02, idle_after=90, max_backoff=0.05, tick=0.02, expiry_grace=0,
                  min_gap=0.005)


def register_config(site: str = "MLA", register_id: str = "CAJA1", **kwargs: Any) -> RegisterConfig:
    kwargs.setdefault("poll", FAST)
    return RegisterConfig(
        register_id=register_id, user_id=123456, external_store_id="STORE1", external_pos_id="POS1",
        site=SITES[site], **kwargs,
    )


async def until(condition: Callable[[], bool | Awaitable[bool]], timeout: float = 3.0, what: str = "condition") -> None:
    """Wait for `condition()` to hold, checking every few milliseconds."""
    await _wait_until(condition, timeout, what)


@dataclass
class Harness:
    engine: CheckoutEngine
    journal: Journal
    gateway: Any
    clock: Any
    events: list[Event] = field(default_factory=list)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    def states(self, attempt_id: int) -> list[AttemptState]:
        return [e.new for e in self.of(StateChanged) if e.attempt_id == attempt_id]

    def watching(self, attempt_id: int) -> bool:
        """Whether the engine still has a task that may read this attempt (its watch or its
        late watch, by the names the engine gives them): when not, nothing more can change."""
        names = {f"watch-attempt-{attempt_id}", f"late-{attempt_id}"}
        return any(task.get_name() in names and not task.done() for task in asyncio.all_tasks())

    async def state(self, attempt_id: int) -> AttemptState:
        return (await self.engine.attempt(attempt_id)).state

    async def wait_state(self, attempt_id: int, *states: AttemptState, timeout: float = 3.0) -> None:
        async def check() -> bool:
            return (await self.state(attempt_id)) in states

        await until(check, timeout, f"attempt {attempt_id} to be {'/'.join(states)}")

    def db(self, op):
        return self.journal.run(op)


HarnessFactory = Callable[..., Awaitable[Harness]]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def fake() -> FakeGateway:
    return FakeGateway()


@pytest_asyncio.fixture
async def make_harness(tmp_path: Path, clock: ManualClock):
    """Open engines on one journal file (a second call simulates a restart)."""
    opened: list[Harness] = []

    async def make(gateway: Any, *, config: RegisterConfig | None = None, start: bool = True, clock_=None) -> Harness:
        journal = await Journal.open(tmp_path / "journal.sqlite3")
        engine = CheckoutEngine(journal, gateway, config or register_config(), clock=clock_ or clock)
        harness = Harness(engine, journal, gateway, clock_ or clock)
        engine.subscribe(harness.events.append)
        opened.append(harness)
        if start:
            await engine.start()
        return harness

    yield make
    for harness in opened:
        await harness.engine.close()
        await harness.journal.close()


@pytest_asyncio.fixture
async def h(make_harness: HarnessFactory, fake: FakeGateway) -> Harness:
    return await make_harness(fake)
