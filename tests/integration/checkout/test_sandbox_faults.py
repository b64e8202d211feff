"""Every sandbox fault at each step of a sale (publish, poll, cancel, refund).

Each fault hits more requests than the HTTP layer retries (so the engine's own recovery
runs), then clears. Whatever happened: the final state is right, one attempt never has a
second order published under another reference, no payment or refund is recorded twice
(in the journal or at Mercado Pago), and the cashier was told something readable.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest

from qrcashier.checkout import Notice, StateChanged
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import POS

pytestmark = pytest.mark.asyncio

# The request each step hits comes from the API under test: rig.api.publish / read /
# withdraw / refund (conftest.API_KINDS).

# Three hits use up the HTTP layer's three tries, so the engine's own recovery runs. A 429's
# one-second Retry-After is longer than the test client sleeps through: the engine honours it.
FAULTS = {
    "5xx": ({"kind": "status", "status": 503}, 3),
    "5xx-after-performing": ({"kind": "status", "status": 502, "after": True}, 3),
    "drop": ({"kind": "drop"}, 3),
    "drop-after-performing": ({"kind": "drop", "after": True}, 3),
    "malformed": ({"kind": "malformed", "after": True}, 3),
    "timeout": ({"kind": "latency", "seconds": 0.4}, 3),
    "timeout-after-performing": ({"kind": "latency", "seconds": 0.4, "after": True}, 3),
    "429": ({"kind": "rate_limit", "retry_after": 1}, 1),
}


def fault(step: dict, name: str) -> dict:
    rule, times = FAULTS[name]
    return {**step, **rule, "times": times}


def cart() -> Cart:
    c = Cart(SITES["MLA"])
    c.add("Alfajor", "450.25", 4)
    return c  # 1801.00


def told(h) -> list[str]:
    """What the cashier read: notices, and the messages of moves into a trouble state."""
    notices = [e.message for e in h.of(Notice)]
    trouble = [e.message for e in h.of(StateChanged) if e.new in (S.UNKNOWN, S.CANCEL_REQUESTED, S.FAILED)]
    return notices + trouble


def assert_told_clearly(h) -> None:
    messages = told(h)
    assert messages, "the cashier was told nothing"
    for message in messages:
        assert message[0].isupper() and message.rstrip().endswith("."), message
        assert "Traceback" not in message and "Error(" not in message


async def assert_paid_once(rig, h, attempt, earlier: tuple[str, ...] = ()) -> None:
    await h.wait_state(attempt.id, S.PAID, timeout=8)
    approved = rig.sandbox_payments(attempt.reference)
    recorded = await h.engine.payments(attempt_id=attempt.id)
    assert len(approved) == 1 and [p.mp_payment_id for p in recorded] == [approved[0].id]
    assert len(await h.engine.receipts(attempt_id=attempt.id)) == 1
    # Every order PUT for this attempt carried its own reference: never a second order.
    puts = rig.puts()
    assert puts[: len(earlier)] == list(earlier) and set(puts[len(earlier):]) == {attempt.reference}


@pytest.mark.parametrize("name", FAULTS)
async def test_publish(rig, name):
    h = await rig.engine()
    await rig.faults(fault(rig.api.publish, name))
    attempt = await h.engine.charge(cart())
    assert attempt.state in (S.WAITING, S.UNKNOWN)
    await h.wait_state(attempt.id, S.WAITING, timeout=8)
    assert_told_clearly(h)
    await rig.pay()
    await assert_paid_once(rig, h, attempt)


@pytest.mark.parametrize(
    ("status", "words"), [(401, "access token was refused"), (403, "QR product"), (400, "rejected the request")]
)
async def test_publish_refused_for_good(rig, status, words):
    h = await rig.engine()
    await rig.faults({**rig.api.publish, "kind": "status", "status": status, "times": 1})
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.FAILED and words in attempt.message
    assert len(rig.puts()) == 1  # a definitive refusal is not retried
    again = await h.engine.charge(attempt.sale_id)  # the sale was kept
    assert again.state == S.WAITING and again.reference != attempt.reference
    await rig.pay()
    await assert_paid_once(rig, h, again, earlier=(attempt.reference,))


async def test_offline_at_charge_time(rig):
    await rig.server.close()  # nothing listens any more: the connection is refused
    h = await rig.engine(start=False)
    await h.engine.reconcile()
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.FAILED
    assert "internet connection" in attempt.message and "sale is kept" in attempt.message
    assert (await h.engine.sale(attempt.sale_id)).status == "open"


@pytest.mark.parametrize("name", [*FAULTS, "unauthorized"])
async def test_poll(rig, name):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    rule = (
        {**rig.api.read, "kind": "status", "status": 401, "times": 6}
        if name == "unauthorized"
        else fault(rig.api.read, name)
    )
    await rig.faults(rule)
    await rig.pay()
    await assert_paid_once(rig, h, attempt)
    assert_told_clearly(h)
    if name == "unauthorized":
        assert any("access token" in m for m in told(h))
    if name == "429":  # the next read waited for the Retry-After
        reads = [s.at for s in rig.sent if rig.api.is_("read", s)]
        gaps = [b - a for a, b in pairwise(reads)]
        assert max(gaps) >= 0.95


@pytest.mark.parametrize("name", FAULTS)
async def test_cancel(rig, name):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    await rig.faults(fault(rig.api.withdraw, name))
    result = await h.engine.cancel(attempt.id, "Marta", "customer left")
    assert result.state in (S.CANCEL_REQUESTED, S.CANCELLED)
    if result.state == S.CANCEL_REQUESTED:
        assert "keeps trying" in result.message
    await h.wait_state(attempt.id, S.CANCELLED, timeout=8)
    assert_told_clearly(h)
    pos = next(p for p in rig.server.state.pos.values() if p.external_id == POS)
    assert pos.order is None and rig.sandbox_payments(attempt.reference) == []
    assert await h.engine.receipts(attempt_id=attempt.id) == []


@pytest.mark.parametrize("name", FAULTS)
async def test_cancel_racing_a_payment_under_faults(rig, name):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    await rig.pay()  # the customer pays just before the supervisor cancels
    await rig.faults(fault(rig.api.withdraw, name))
    await h.engine.cancel(attempt.id, "Marta")
    await assert_paid_once(rig, h, attempt)


@pytest.mark.parametrize("name", [*FAULTS, "refused"])
async def test_refund(rig, name):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    pid = (await rig.pay())["payment"]["id"]
    await h.wait_state(attempt.id, S.PAID)
    rule = (
        {**rig.api.refund, "kind": "status", "status": 400, "times": 1}
        if name == "refused"
        else fault(rig.api.refund, name)
    )
    await rig.faults(rule)
    record = await h.engine.refund(pid, "801.00", "Marta", "returned")
    for _ in range(6):  # the supervisor presses Retry until it is settled (same key every time)
        if record.state != "requested":
            break
        assert "never be refunded twice" in record.message
        record = await h.engine.retry_refund(record.id)
    refunds = rig.server.state.payments[pid].refunds
    recorded = await h.engine.refunds(pid)
    assert len(recorded) == 1 and recorded[0].idempotency_key == record.idempotency_key
    if name == "refused":
        assert record.state == "failed" and "refused the refund" in record.message
        assert refunds == [] and await h.engine.refundable(pid) == Decimal("1801.00")
    else:
        assert record.state == "approved"
        assert [(r.id, r.amount) for r in refunds] == [(record.mp_refund_id, Decimal("801.00"))]
        assert await h.engine.refundable(pid) == Decimal("1000.00")


async def test_a_cancel_answered_404_settles_nothing_while_the_order_can_still_be_paid(rig):
    """Issue 13.1: a 404 (or 409) from the Orders API's cancel is "withdrawn" only when the order
    itself says it can no longer be paid; here it is still `created`, so a later payment wins."""
    if rig.api.name != "orders":
        pytest.skip("the Orders API's cancel answers 404/409 for an order it will not cancel")
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    await rig.faults({**rig.api.withdraw, "kind": "status", "status": 404, "times": 1000})
    result = await h.engine.cancel(attempt.id, "Marta", "customer left")
    assert result.state == S.CANCEL_REQUESTED and "keeps trying" in result.message
    await rig.pay()
    await h.wait_state(attempt.id, S.PAID, timeout=8)
    assert len(await h.engine.receipts(attempt_id=attempt.id)) == 1
