"""The engine on a legacy dynamic QR (`POST .../qrs`, api §1.5), against the sandbox.

A dynamic QR cannot be withdrawn (there is no DELETE for it): after a cancel it stays payable
until its expiration_date. So the cancel says so, and the engine keeps reading the cancelled
attempt until it expires, well past `late_window`: a payment then still wins.

The engine runs on the sandbox's clock: moving it forward passes the late window, or the
expiry, on both sides at once, without waiting for it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from qrcashier.checkout import CheckoutEngine, Journal, ReceiptIssued
from qrcashier.checkout.engine_base import CANCELLED_STILL_PAYABLE
from qrcashier.checkout.gateway_v1 import InstoreQrGateway
from qrcashier.checkout.gateways import make_gateway
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import STATE_MESSAGES
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import FAST_RETRY, POS, SANDBOX_POLL
from tests.unit.checkout.conftest import Harness, until

# Only the Instore family has the legacy /qrs dynamic QR.
pytestmark = [pytest.mark.asyncio, pytest.mark.parametrize("rig", ["instore_v2"], indirect=True)]
MLA = SITES["MLA"]
# The late window is short, so a watch that outlives it can only be the one until expiry.
POLL = replace(SANDBOX_POLL, late_window=0.3)


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba 1kg", "1500.50", 2)
    return c


EXPIRY = 20  # seconds on the shared clock: far beyond the late window


async def dynamic_engine(rig, expiry: float = EXPIRY, *, journal: str = "journal.sqlite3") -> Harness:
    config = rig.config(order_expiry=timedelta(seconds=expiry), poll=POLL)
    gateway = make_gateway("instore_v2", rig.client, config, qr_mode="dynamic", publish_retry=FAST_RETRY)
    assert isinstance(gateway, InstoreQrGateway) and gateway.withdraw_is_final is False
    journal_ = await Journal.open(rig.tmp / journal)
    clock = rig.server.state.clock
    engine = CheckoutEngine(journal_, gateway, config, clock=clock)
    harness = Harness(engine, journal_, gateway, clock)
    engine.subscribe(harness.events.append)
    rig.opened.append(harness)  # closed by the fixture
    await engine.start()
    return harness


def pos(rig):
    return next(p for p in rig.server.state.pos.values() if p.external_id == POS)


def dynamic_qrs(rig) -> dict:
    return rig.server.state.dynamic_orders(pos(rig))


def reads(rig) -> int:
    return len([s for s in rig.sent if rig.api.is_("read", s)])


async def pay_dynamic(rig, order_id: str, **body) -> dict | None:
    body = {"status": "approved", "in_store_order_id": order_id, **body}
    return await rig.control("POST", f"/sandbox/pos/{POS}/pay", body)



async def test_a_payment_on_the_dynamic_qr_after_the_cancel_wins(rig):
    h = await dynamic_engine(rig)
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.WAITING and attempt.qr_data and attempt.gateway_order_id
    assert pos(rig).order is None  # the static QR carries nothing: the order is the dynamic QR's

    cancelled = await h.engine.cancel(attempt.id, "Marta", "customer left")
    assert cancelled.state == S.CANCELLED
    assert cancelled.message == CANCELLED_STILL_PAYABLE != STATE_MESSAGES[S.CANCELLED]  # no claim the QR is gone
    assert not [s for s in rig.sent if s.method == "DELETE"]  # nothing to send: there is no DELETE for it
    assert list(dynamic_qrs(rig)) == [attempt.gateway_order_id]  # still payable

    h.clock.advance(POLL.late_window * 3)  # well past the late window
    before = reads(rig)
    await until(lambda: reads(rig) > before, what="the engine still reading the cancelled attempt")
    # A customer who has the QR (a photo, an app left open) pays it: paid wins.
    assert await pay_dynamic(rig, attempt.gateway_order_id)
    await h.wait_state(attempt.id, S.PAID)
    assert h.states(attempt.id)[-2:] == [S.CANCELLED, S.PAID]
    assert len(h.of(ReceiptIssued)) == 1
    assert [p.amount for p in await h.engine.payments(attempt_id=attempt.id)] == [attempt.total]


async def test_a_customer_in_the_app_pays_after_the_cancel(rig):
    h = await dynamic_engine(rig)
    attempt = await h.engine.charge(cart())
    mo = await pay_dynamic(rig, attempt.gateway_order_id, status="rejected")  # scanned, first card refused
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED
    h.clock.advance(POLL.late_window * 2)
    await rig.pay(merchant_order_id=mo["merchant_order"]["id"])
    await h.wait_state(attempt.id, S.PAID)


async def test_unpaid_it_stays_cancelled_and_the_watch_ends_at_expiry(rig):
    h = await dynamic_engine(rig)
    attempt = await h.engine.charge(cart())
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED
    order_id = attempt.gateway_order_id
    await rig.read_again()  # the cancelled attempt is still read: its QR is payable
    assert h.watching(attempt.id)
    # The sandbox expires the dynamic QR at its expiration_date (the attempt's expires_at)...
    h.clock.advance(EXPIRY)
    await until(lambda: not dynamic_qrs(rig), timeout=4, what="the dynamic QR to expire")
    assert await pay_dynamic(rig, order_id) is None  # 409: nothing left to pay
    # ...and the engine stops reading once it has: no task is left that could read it.
    await until(lambda: not h.watching(attempt.id), what="the engine to stop reading the attempt")
    assert await h.state(attempt.id) == S.CANCELLED and h.of(ReceiptIssued) == []


async def test_a_cancelled_dynamic_qr_is_watched_again_after_a_restart(rig):
    h = await dynamic_engine(rig)
    attempt = await h.engine.charge(cart())
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED
    await h.engine.close()
    h.clock.advance(POLL.late_window * 2)  # the restart comes after the late window
    again = await dynamic_engine(rig)  # the same journal
    assert await pay_dynamic(rig, attempt.gateway_order_id)
    await again.wait_state(attempt.id, S.PAID)
    assert len(again.of(ReceiptIssued)) == 1


async def test_a_dynamic_qr_expires_unpaid(rig):
    h = await dynamic_engine(rig)
    attempt = await h.engine.charge(cart())
    await pay_dynamic(rig, attempt.gateway_order_id, status="rejected")
    h.clock.advance(EXPIRY)
    await h.wait_state(attempt.id, S.EXPIRED, timeout=4)
    assert not [s for s in rig.sent if s.method == "DELETE"]
    assert dynamic_qrs(rig) == {}
