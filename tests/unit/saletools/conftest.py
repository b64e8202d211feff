"""An engine with a till over a temporary journal and the in-memory gateway."""

from __future__ import annotations

from decimal import Decimal

import pytest_asyncio

from qrcashier.checkout import CheckoutEngine, Journal
from qrcashier.checkout.till_config import TillConfig
from tests.unit.checkout.conftest import Harness, register_config
from tests.unit.checkout.fakes import FakeGateway, ManualClock

TILL = TillConfig(difference_threshold=Decimal("100"), movement_threshold=Decimal("5000"),
                  cash_ceiling=Decimal("1000000"), quick_notes=(Decimal(1000), Decimal(10000)))


@pytest_asyncio.fixture
async def till(tmp_path):
    journal = await Journal.open(tmp_path / "journal.sqlite3")
    fake, clock = FakeGateway(), ManualClock()
    engine = CheckoutEngine(journal, fake, register_config(), clock=clock, operator="ana", till=TILL)
    harness = Harness(engine, journal, fake, clock)
    engine.subscribe(harness.events.append)
    await engine.start()
    yield harness
    await engine.close()
    await journal.close()
