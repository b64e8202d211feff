"""The engine's watch under notifications: within the register's budget, only while an order is live."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from qrcashier.checkout import PollPolicy
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from tests.unit.checkout.conftest import register_config, until
from tests.unit.checkout.fakes import FakeGateway

# No gap between notification reads: only the budget (one request per 50 ms, burst 2) holds a flood back.
BUDGETED = PollPolicy(interval=0.05, first_read=0.05, idle_interval=0.05, tick=0.05, min_gap=0.0, expiry_grace=0,
                      max_backoff=0.1)


def cart() -> Cart:
    c = Cart(SITES["MLA"])
    c.add("Café", "1500.50", 2)
    return c


@pytest.mark.asyncio
async def test_a_notification_flood_stays_within_the_budget(make_harness, fake):
    h = await make_harness(fake, config=register_config(poll=BUDGETED))
    loop = asyncio.get_running_loop()
    attempt = await h.engine.charge(cart())
    published = loop.time()

    def requests() -> int:
        return sum(1 for method, _ in fake.calls if method in ("publish", "lookup"))

    def flood() -> bool:
        for _ in range(20):  # every check of the wait is 20 more notifications
            h.engine.notify("merchant_order", "1")
        return requests() >= 15

    await until(flood, timeout=20, what="15 requests under the flood")
    elapsed = loop.time() - published
    assert requests() <= BUDGETED.burst + 1 + elapsed / BUDGETED.refill_every
    fake.pay()
    h.engine.notify("payment", "1")
    await h.wait_state(attempt.id, S.PAID)


@pytest.mark.asyncio
async def test_a_notification_without_a_live_order_wakes_nothing(make_harness, fake):
    h = await make_harness(fake, config=register_config(poll=BUDGETED))
    h.engine.notify("merchant_order", "1")
    assert h.engine._pushed(asyncio.get_running_loop().time()) is False  # noqa: SLF001 - the engine's own state
    assert not any(method == "lookup" for method, _ in fake.calls)


def test_unsigned_ipns_are_refused_unless_the_register_accepts_them():
    assert register_config().accept_ipn is False
    assert register_config(accept_ipn=True).accept_ipn is True


# The first seconds brisk for no time at all: only an open merchant_order keeps the 10 ms cadence.
CADENCE = PollPolicy(interval=0.01, first_read=0.01, brisk_for=0, waiting_interval=0.5, idle_interval=0.5, tick=0.05,
                     expiry_grace=0, max_backoff=0.05)


class StillPayableGateway(FakeGateway):
    """As the Orders API gateway reads an unscanned order: "still payable" in open_orders, no merchant_order."""

    async def lookup(self, order, *, check_published: bool = False):
        found = await super().lookup(order, check_published=check_published)
        return replace(found, decision=replace(found.decision, open_orders=(0,)))


def lookups(gateway) -> int:
    return sum(1 for method, _ in gateway.calls if method == "lookup")


@pytest.mark.asyncio
async def test_an_unscanned_order_marked_still_payable_is_read_at_the_slower_pace(make_harness):
    gateway = StillPayableGateway()
    h = await make_harness(gateway, config=register_config(poll=CADENCE))
    loop = asyncio.get_running_loop()
    await h.engine.charge(cart())
    started = loop.time()
    await until(lambda: lookups(gateway) >= 3, timeout=5, what="three reads")
    assert loop.time() - started >= 2 * CADENCE.waiting_interval * 0.9  # not the 10 ms of a scanned order


@pytest.mark.asyncio
async def test_a_scanned_open_merchant_order_is_read_every_interval(make_harness, fake):
    h = await make_harness(fake, config=register_config(poll=CADENCE))
    await h.engine.charge(cart())
    fake.scan()
    await until(lambda: lookups(fake) >= 12, timeout=3, what="reads at the scanned pace")  # 0.5 s apart: 6 s
