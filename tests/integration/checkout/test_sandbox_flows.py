"""The engine against the sandbox over loopback: the flows of the payment design."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from aiohttp import web

from qrcashier.checkout import PaymentRejected, ReceiptIssued, RefundRefused, Scanned
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import POS
from tests.unit.checkout.conftest import until

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba 1kg", "1500.50", 2)
    c.add("Bizcochos", "899.99", 1)
    return c  # 3900.99


def assert_publish_body(api: str, body: dict) -> None:
    """The cart as each API takes it: numbers (v2), decimal strings (Orders), v1 items."""
    if api == "instore_v2":
        assert body["total_amount"] == 3900.99 and len(body["items"]) == 2
        assert body["expiration_date"].endswith("+00:00")
    elif api == "orders":
        assert body["type"] == "qr" and body["total_amount"] == "3900.99"
        assert body["transactions"] == {"payments": [{"amount": "3900.99"}]} and len(body["items"]) == 2
        assert body["config"]["qr"] == {"external_pos_id": POS, "mode": "static"}
        assert body["expiration_time"] == "PT10M" and "notification_url" not in body
    else:
        assert [(i["currency_id"], i["quantity"]) for i in body["items"]] == [("ARS", 2), ("ARS", 1)]
        assert sum(Decimal(str(i["unit_price"])) * i["quantity"] for i in body["items"]) == Decimal("3900.99")


async def test_happy_path(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.WAITING
    put = next(s for s in rig.sent if rig.api.is_("publish", s))
    assert put.body["external_reference"] == attempt.reference
    assert_publish_body(rig.api.name, put.body)
    assert await rig.scan()
    payment = (await rig.pay())["payment"]
    await h.wait_state(attempt.id, S.PAID)
    recorded = await h.engine.payments(attempt_id=attempt.id)
    assert [(p.mp_payment_id, p.amount) for p in recorded] == [(payment["id"], Decimal("3900.99"))]
    assert len(h.of(ReceiptIssued)) == 1 and len(h.of(Scanned)) == (1 if rig.api.reports_scans else 0)
    assert h.states(attempt.id) == [S.CREATED, S.PUBLISHING, S.WAITING, S.PAID]
    assert set(rig.puts()) == {attempt.reference}


async def test_reject_then_pay(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    await rig.pay("rejected")
    await until(lambda: h.of(PaymentRejected), what="the rejection")
    await rig.read_again()
    assert await h.state(attempt.id) == S.WAITING  # the order stays on the QR: the customer may retry
    await rig.pay("approved")
    await h.wait_state(attempt.id, S.PAID)
    assert [p.status for p in await h.engine.payments(attempt_id=attempt.id)] == ["approved"]


async def test_partial_payment_needs_review(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    if not rig.api.partial_payments:  # an Orders API QR order is paid in full or not at all
        refused = await rig.http.post(f"{rig.server.base_url}/sandbox/pos/{POS}/pay", json={"amount": 1000},
                                      headers={"Authorization": f"Bearer {rig.token}"})
        assert refused.status_code == 400 and rig.sandbox_payments(attempt.reference) == []
        await rig.read_again()
        assert await h.state(attempt.id) == S.WAITING
        await rig.pay()
        await h.wait_state(attempt.id, S.PAID)
        return
    await rig.pay("approved", amount="1000")
    await h.wait_state(attempt.id, S.NEEDS_REVIEW)
    review = json.loads((await h.engine.attempt(attempt.id)).review)
    assert review["reason"] == "partial" and review["lookup"]["approved_total"] == "1000.00"
    assert [p.amount for p in await h.engine.payments(attempt_id=attempt.id)] == [Decimal("1000.00")]
    pos = next(p for p in rig.server.state.pos.values() if p.external_id == POS)
    # Withdrawn right after the move to needs_review: nobody can pay more on it.
    await until(lambda: pos.order is None, what="the order to be withdrawn")
    assert await h.engine.live_attempt() is None  # the register is free for the next customer


async def test_a_restart_leaves_the_next_sale_on_the_qr_while_an_earlier_one_needs_review(rig):
    if not rig.api.partial_payments:
        pytest.skip("an Orders API QR order is paid in full or not at all: no partial payment to review")
    h = await rig.engine()
    first = await h.engine.charge(cart())
    await rig.pay("approved", amount="1000")
    await h.wait_state(first.id, S.NEEDS_REVIEW)
    pos = next(p for p in rig.server.state.pos.values() if p.external_id == POS)
    await until(lambda: pos.order is None, what="the first order to be withdrawn")
    second = await h.engine.charge(cart())  # the register is free: the next customer
    assert second.state == S.WAITING
    rig.opened.remove(h)
    await h.engine.close()
    await h.journal.close()
    again = await rig.engine()  # a restart on the same journal: the unresolved sale is checked
    assert (await again.engine.attempt(first.id)).state == S.NEEDS_REVIEW
    assert (await again.engine.attempt(second.id)).state == S.WAITING
    assert pos.order is not None and pos.order.draft.external_reference == second.reference  # still on the QR
    await rig.pay()
    await again.wait_state(second.id, S.PAID)


async def test_two_scans(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    first = await rig.scan()
    await rig.scan()
    await rig.pay(merchant_order_id=first["id"])
    await h.wait_state(attempt.id, S.PAID)
    if rig.api.reports_scans:
        await until(lambda: len(h.of(Scanned)) == 2, what="both scans")
    assert len(h.of(ReceiptIssued)) == 1


async def test_expiry(rig):
    # 30 s, the Orders API's shortest; the engine and the sandbox share a clock that jumps past it.
    clock = rig.server.state.clock
    h = await rig.engine(rig.config(order_expiry=timedelta(seconds=30)), clock=clock)
    attempt = await h.engine.charge(cart())
    await rig.scan()
    clock.advance(30)
    await h.wait_state(attempt.id, S.EXPIRED, timeout=4)
    assert [m.status for m in rig.server.state.merchant_orders.values()] == ["expired"]
    assert any(rig.api.is_("read", s) for s in rig.sent[-2:])  # the final read (and the withdraw, if it was still up)
    again = await h.engine.charge(attempt.sale_id)  # the sale is kept and can be charged again
    assert again.state == S.WAITING and again.number == 2


async def test_cancel(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    await rig.scan()
    result = await h.engine.cancel(attempt.id, "Marta", "customer left")
    assert result.state == S.CANCELLED
    placing = [s for s in rig.sent if rig.api.is_("publish", s) or rig.api.is_("withdraw", s)]
    assert rig.api.is_("withdraw", placing[-1])  # the last word on the QR was the withdraw
    assert await rig.pay() is None  # nothing left on the QR to pay
    audit = await h.engine.audit_log(attempt_id=attempt.id)
    assert (audit[0].actor, audit[0].action) == ("Marta", "cancel_requested")


async def test_a_customer_already_in_the_app_pays_after_the_cancel(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    mo = await rig.scan()
    if rig.api.reports_scans:
        await until(lambda: h.of(Scanned))
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED
    if rig.api.cancel_is_final:  # an Orders API cancel closes the order: the open scan cannot pay it
        assert await rig.pay(merchant_order_id=mo["id"]) is None
        # Nothing was paid anywhere, so nothing the engine reads later can make it a sale.
        assert rig.sandbox_payments(attempt.reference) == []
        assert await h.state(attempt.id) == S.CANCELLED and h.of(ReceiptIssued) == []
        return
    await rig.pay(merchant_order_id=mo["id"])  # the merchant_order outlived the withdrawn order
    await h.wait_state(attempt.id, S.PAID)
    assert len(h.of(ReceiptIssued)) == 1


async def test_refunds_full_partial_and_too_much(rig):
    h = await rig.engine()
    first = await h.engine.charge(cart())
    p1 = (await rig.pay())["payment"]["id"]
    await h.wait_state(first.id, S.PAID)
    second = await h.engine.charge(cart())
    p2 = (await rig.pay())["payment"]["id"]
    await h.wait_state(second.id, S.PAID)

    full = await h.engine.refund(p1, None, "Marta", "wrong item")
    assert (full.state, full.amount, full.full) == ("approved", Decimal("3900.99"), True)
    part = await h.engine.refund(p2, "900.99", "Marta")
    assert (part.state, part.amount) == ("approved", Decimal("900.99"))
    sent_before = len(rig.sent)
    with pytest.raises(RefundRefused, match="only 3000.00"):
        await h.engine.refund(p2, "3000.01", "Marta")
    assert len(rig.sent) == sent_before  # refused before any call
    rest = await h.engine.refund(p2, None, "Marta")
    assert rest.amount == Decimal("3000.00") and not rest.full

    sandbox = rig.server.state.payments
    assert sandbox[p1].status == "refunded" and [r.amount for r in sandbox[p1].refunds] == [Decimal("3900.99")]
    assert [r.amount for r in sandbox[p2].refunds] == [Decimal("900.99"), Decimal("3000.00")]


async def test_a_notification_triggers_an_immediate_reread(rig):
    """With a slow poll, the sandbox's IPN makes the engine see the payment at once."""
    received: list[str] = []
    holder = {}

    async def ipn(request: web.Request) -> web.Response:
        topic = request.query.get("topic") or request.query.get("type", "")  # an IPN, or a webhook (Orders API)
        received.append(topic)
        holder["engine"].notify(topic, request.query.get("id") or request.query.get("data.id"))
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/ipn", ipn)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        slow = rig.config(notification_url=f"http://127.0.0.1:{port}/ipn")
        # The Orders API takes no notification_url: its webhooks are set per account.
        await rig.control("PUT", "/sandbox/webhooks", {"url": f"http://127.0.0.1:{port}/ipn"})
        slow = type(slow)(**{**slow.__dict__, "poll": type(slow.poll)(interval=30, idle_interval=30, tick=0.05)})
        h = await rig.engine(slow)
        holder["engine"] = h.engine
        attempt = await h.engine.charge(cart())
        reads = rig.reads()  # none due for 30 s: only a notification can bring one forward
        await rig.pay()
        await h.wait_state(attempt.id, S.PAID, timeout=2)
        assert rig.api.push_topic in received
        assert rig.reads() > reads
    finally:
        await runner.cleanup()


async def test_a_notification_alone_changes_nothing(rig):
    h = await rig.engine()
    attempt = await h.engine.charge(cart())
    h.engine.notify("payment", "999999")  # forged, or about someone else's payment
    await rig.read_again()
    assert await h.state(attempt.id) == S.WAITING


async def test_bad_input_is_refused_before_any_request(rig):
    from qrcashier.domain.cart import CartLine, InvalidCart
    from qrcashier.domain.money import InvalidAmount

    h = await rig.engine()
    before = len(rig.sent)
    bad_lines = [
        CartLine("Negative", Decimal("-10"), 1),
        CartLine("Zero", Decimal("0"), 1),
        CartLine("NaN", Decimal("NaN"), 1),
        CartLine("Huge", Decimal("1000000000"), 1),
        CartLine("Too precise", Decimal("1.001"), 1),
        CartLine("x" * 500, Decimal("1"), 1),
        CartLine("Zero quantity", Decimal("1"), 0),
    ]
    for line in bad_lines:
        c = Cart(MLA)
        c._lines.append(line)  # as a buggy screen could, skipping Cart.add's checks
        with pytest.raises((InvalidAmount, InvalidCart)) as refused:
            await h.engine.charge(c)
        assert str(refused.value)  # a sentence for the cashier
    with pytest.raises(InvalidCart, match="cart is empty"):
        await h.engine.charge(Cart(MLA))
    assert len(rig.sent) == before and await h.engine.attempts() == []
