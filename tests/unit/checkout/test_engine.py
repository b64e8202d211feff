"""The engine against the in-memory gateway: every rule of the payment flow, fast."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest

from qrcashier.checkout import (
    Contact,
    Countdown,
    Notice,
    NotReady,
    PaymentRejected,
    ReceiptIssued,
    RefundRefused,
    RegisterBusy,
    Scanned,
    StateChanged,
)
from qrcashier.checkout.errors import NotChargeable
from qrcashier.checkout.gateway import NotDelivered
from qrcashier.domain.cart import Cart, InvalidCart
from qrcashier.domain.money import SITES, InvalidAmount
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import FailureKind, parse_reference
from qrcashier.mercadopago.errors import RateLimited, ServerError, Timeout, Unauthorized, Unreachable
from tests.unit.checkout.conftest import register_config, until

MLA = SITES["MLA"]
pytestmark = pytest.mark.asyncio


def cart(*items: tuple[str, str, int]) -> Cart:
    c = Cart(MLA)
    for title, price, qty in items or (("Yerba", "1500.50", 2),):
        c.add(title, price, qty)
    return c


async def test_happy_path(h, fake):
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.WAITING
    assert attempt.total == Decimal("3001.00")
    register, sale_code, number = parse_reference(attempt.reference)
    assert (register, number) == ("CAJA1", 1) and sale_code.startswith(f"{attempt.sale_id}_")
    assert fake.published == [attempt.reference]

    fake.scan()
    await until(lambda: h.of(Scanned), what="a scanned event")
    fake.pay()
    h.engine.notify("merchant_order", "1")
    await h.wait_state(attempt.id, S.PAID)

    assert h.states(attempt.id) == [S.CREATED, S.PUBLISHING, S.WAITING, S.PAID]
    receipts = h.of(ReceiptIssued)
    assert len(receipts) == 1 and receipts[0].receipt.kind == "original"
    payments = await h.engine.payments(attempt_id=attempt.id)
    assert [p.amount for p in payments] == [Decimal("3001.00")]
    assert (await h.engine.sale(attempt.sale_id)).status == "paid"
    history = await h.engine.history(attempt.id)
    assert [t.to_state for t in history] == [S.CREATED, S.PUBLISHING, S.WAITING, S.PAID]
    assert all(t.at.tzinfo is not None for t in history)
    assert h.of(Contact) and h.of(Countdown)


async def test_invalid_input_is_refused_before_any_call(h, fake):
    with pytest.raises(InvalidCart, match="empty"):
        await h.engine.charge(Cart(MLA))
    assert fake.calls == []
    assert await h.engine.attempts() == []


async def test_a_second_press_returns_the_live_attempt(h, fake):
    first, second = await asyncio.gather(h.engine.charge(cart()), h.engine.charge(cart()))
    assert first.id == second.id
    again = await h.engine.charge(first.sale_id)
    assert again.id == first.id
    assert len(fake.published) == 1
    with pytest.raises(RegisterBusy) as busy:
        await h.engine.charge(cart(("Other", "10", 1)))
    assert busy.value.live_attempt_id == first.id


async def test_definitive_refusal_fails_and_the_sale_can_be_charged_again(h, fake):
    fake.fail("publish", Unauthorized(status=401))
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.FAILED
    assert "access token was refused" in attempt.message and "charge it again" in attempt.message
    retry = await h.engine.charge(attempt.sale_id)
    assert retry.state == S.WAITING and retry.number == 2
    assert retry.reference != attempt.reference and retry.idempotency_key != attempt.idempotency_key


async def test_offline_at_charge_time_keeps_the_sale(h, fake):
    fake.fail("publish", NotDelivered("Cannot reach Mercado Pago: check the internet connection."))
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.FAILED
    assert "internet connection" in attempt.message and "sale is kept" in attempt.message
    assert (await h.engine.sale(attempt.sale_id)).status == "open"
    assert await h.engine.live_attempt() is None


async def test_a_failure_says_its_kind_as_a_typed_field(h, fake):
    fake.fail("publish", NotDelivered("Cannot reach Mercado Pago: check the internet connection."))
    offline = await h.engine.charge(cart())
    assert offline.failure is FailureKind.OFFLINE
    assert (await h.engine.attempt(offline.id)).failure is FailureKind.OFFLINE  # persisted, not parsed
    failed = [e for e in h.of(StateChanged) if e.attempt_id == offline.id and e.new == S.FAILED]
    assert [e.failure for e in failed] == [FailureKind.OFFLINE]
    fake.fail("publish", Unauthorized(status=401))
    refused = await h.engine.charge(offline.sale_id)
    assert refused.state == S.FAILED and refused.failure is FailureKind.REFUSED


@pytest.mark.parametrize("landed", [False, True])
async def test_unknown_publish_is_resolved_by_reference_never_with_a_new_one(h, fake, landed):
    fake.fail("publish", Timeout("no answer", method="PUT"), after=landed)
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.UNKNOWN
    await h.wait_state(attempt.id, S.WAITING)
    # Republished only when the order was certainly not on the QR; always the same reference.
    assert fake.published == [attempt.reference]  # on the QR exactly once
    assert {ref for _, ref in fake.calls} == {attempt.reference}
    assert [c for c in fake.calls if c[0] == "publish"] == [("publish", attempt.reference)] * (1 if landed else 2)
    fake.pay()
    h.engine.notify()
    await h.wait_state(attempt.id, S.PAID)


async def test_rate_limited_publish_waits_and_retries_the_same_attempt(h, fake):
    fake.fail("publish", RateLimited(status=429, retry_after=0.05))
    attempt = await h.engine.charge(cart())
    assert attempt.state == S.UNKNOWN
    await h.wait_state(attempt.id, S.WAITING)
    assert fake.published == [attempt.reference]


async def test_reject_then_pay(h, fake):
    attempt = await h.engine.charge(cart())
    fake.pay(status="rejected")
    await until(lambda: h.of(PaymentRejected), what="a rejection")
    assert await h.state(attempt.id) == S.WAITING
    assert "may try again" in h.of(PaymentRejected)[0].message
    fake.pay()
    await h.wait_state(attempt.id, S.PAID)
    assert len(h.of(PaymentRejected)) == 1


async def test_partial_payment_needs_review_and_a_supervisor_voids_it(h, fake):
    attempt = await h.engine.charge(cart())
    fake.pay(amount="1000")
    await h.wait_state(attempt.id, S.NEEDS_REVIEW)
    current = await h.engine.attempt(attempt.id)
    review = json.loads(current.review)
    assert review["reason"] == "partial" and review["lookup"]["outcome"] == "partial"
    assert fake.on_pos is None  # withdrawn so nobody pays more
    assert [p.amount for p in await h.engine.payments(attempt_id=attempt.id)] == [Decimal("1000")]
    with pytest.raises(NotChargeable, match="review"):
        await h.engine.charge(attempt.sale_id)
    voided = await h.engine.resolve_review(attempt.id, "Marta", "void", "customer paid the rest in cash")
    assert voided.state == S.VOIDED and "1000 was received" in voided.message
    audit = await h.engine.audit_log(attempt_id=attempt.id)
    assert audit[0].action == "review_resolved_void" and audit[0].actor == "Marta"
    assert audit[0].reason == "customer paid the rest in cash"


async def test_two_scans_one_payment(h, fake):
    attempt = await h.engine.charge(cart())
    first = fake.scan()
    fake.scan()
    fake.pay(mo=first)
    await h.wait_state(attempt.id, S.PAID)
    assert len(h.of(Scanned)) == 2
    assert len(h.of(ReceiptIssued)) == 1


async def test_paid_twice_warns_the_supervisor(h, fake):
    attempt = await h.engine.charge(cart())
    a, b = fake.scan(), fake.scan()
    fake.pay(mo=a)
    fake.pay(mo=b)
    await h.wait_state(attempt.id, S.PAID)
    assert len(await h.engine.payments(attempt_id=attempt.id)) == 2
    assert any("paid 2 times" in n.message and n.level == "error" for n in h.of(Notice))


async def test_expiry_after_a_final_read(h, fake, clock):
    attempt = await h.engine.charge(cart())
    clock.advance(601)
    h.engine.notify()
    await h.wait_state(attempt.id, S.EXPIRED)
    # The final read found the order still on the QR (this fake never expires it by itself):
    # it was withdrawn so that nobody pays an expired sale.
    assert fake.calls[-2:] == [("lookup", attempt.reference), ("withdraw", attempt.reference)]
    assert fake.on_pos is None
    assert (await h.engine.sale(attempt.sale_id)).status == "open"


async def test_a_late_payment_after_expiry_wins(h, fake, clock):
    attempt = await h.engine.charge(cart())
    mo = fake.scan()
    clock.advance(601)
    h.engine.notify()
    await h.wait_state(attempt.id, S.EXPIRED)
    fake.pay(mo=mo)  # the customer was confirming when it expired
    await h.wait_state(attempt.id, S.PAID)
    assert "after the order was expired" in (await h.engine.attempt(attempt.id)).message


async def test_paid_at_the_last_second_wins_over_expiry(h, fake, clock):
    attempt = await h.engine.charge(cart())
    fake.fail("lookup", ServerError(status=503), times=50)  # the poll sees nothing...
    await until(lambda: any(c[0] == "lookup" for c in fake.calls))
    fake.pay()
    fake._faults["lookup"].clear()  # ...but the final read does
    clock.advance(601)
    h.engine.notify()
    await h.wait_state(attempt.id, S.PAID)


async def test_unreadable_at_expiry_needs_review_with_the_error_attached(h, fake, clock):
    attempt = await h.engine.charge(cart())
    fake.fail("lookup", Unreachable("connection refused or no route", maybe_sent=False), times=1000)
    clock.advance(601)
    h.engine.notify()
    await h.wait_state(attempt.id, S.NEEDS_REVIEW)
    review = json.loads((await h.engine.attempt(attempt.id)).review)
    assert review["reason"] == "unreachable" and "internet connection" in review["message"]
    fake._faults["lookup"].clear()
    live = await h.engine.review_lookup(attempt.id)  # what the supervisor sees before deciding
    assert live.outcome == "nothing"
    paid = await h.engine.resolve_review(attempt.id, "Marta", "paid", "customer showed the approved payment")
    assert paid.state == S.PAID and len(h.of(ReceiptIssued)) == 1


async def test_cancel(h, fake):
    attempt = await h.engine.charge(cart())
    fake.scan()
    cancelled = await h.engine.cancel(attempt.id, "Marta", "customer left")
    assert cancelled.state == S.CANCELLED
    assert h.states(attempt.id)[-2:] == [S.CANCEL_REQUESTED, S.CANCELLED]
    assert fake.on_pos is None
    audit = await h.engine.audit_log(attempt_id=attempt.id)
    assert [(a.actor, a.action, a.reason) for a in audit] == [("Marta", "cancel_requested", "customer left")]
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED  # a second press changes nothing


async def test_cancel_when_the_customer_already_paid(h, fake):
    attempt = await h.engine.charge(cart())
    fake.fail("lookup", ServerError(status=503), times=1000)  # the watcher is blind
    fake.pay()
    fake._faults["lookup"].clear()
    result = await h.engine.cancel(attempt.id, "Marta")
    assert result.state == S.PAID and "paid before the cancel" in result.message
    assert len(h.of(ReceiptIssued)) == 1


async def test_a_payment_after_the_cancel_still_wins(h, fake):
    attempt = await h.engine.charge(cart())
    mo = fake.scan()
    await until(lambda: h.of(Scanned))
    assert (await h.engine.cancel(attempt.id, "Marta")).state == S.CANCELLED
    fake.pay(mo=mo)  # the customer was already confirming in the app
    await h.wait_state(attempt.id, S.PAID)
    assert "after the order was cancelled" in (await h.engine.attempt(attempt.id)).message
    assert len(h.of(ReceiptIssued)) == 1


async def test_cancel_while_offline_keeps_trying(h, fake):
    attempt = await h.engine.charge(cart())
    fake.fail("withdraw", Unreachable("the connection was dropped"), times=3)
    result = await h.engine.cancel(attempt.id, "Marta")
    assert result.state == S.CANCEL_REQUESTED and "keeps trying" in result.message
    await h.wait_state(attempt.id, S.CANCELLED)


async def test_refunds(h, fake):
    attempt = await h.engine.charge(cart())
    payment = fake.pay()
    await h.wait_state(attempt.id, S.PAID)
    pid = payment.mp_payment_id
    with pytest.raises(RefundRefused, match="only 3001.00"):
        await h.engine.refund(pid, "3001.01", "Marta")
    with pytest.raises(InvalidAmount):
        await h.engine.refund(pid, "-1", "Marta")
    assert not [c for c in fake.calls if c[0] == "refund"]
    part = await h.engine.refund(pid, "1000", "Marta", "one item returned")
    assert part.state == "approved" and part.amount == Decimal("1000.00") and not part.full
    assert await h.engine.refundable(pid) == Decimal("2001.00")
    rest = await h.engine.refund(pid, None, "Marta")
    assert rest.amount == Decimal("2001.00") and rest.state == "approved"
    with pytest.raises(RefundRefused, match="already refunded in full"):
        await h.engine.refund(pid, None, "Marta")
    assert fake.refunded[pid] == Decimal("3001.00")


async def test_refund_with_an_unknown_outcome_is_retried_with_the_same_key(h, fake):
    attempt = await h.engine.charge(cart())
    payment = fake.pay()
    await h.wait_state(attempt.id, S.PAID)
    fake.fail("refund", Timeout("no answer"), after=True)
    first = await h.engine.refund(payment.mp_payment_id, None, "Marta")
    assert first.state == "requested" and "never be refunded twice" in first.message
    with pytest.raises(RefundRefused):  # the money in flight is held
        await h.engine.refund(payment.mp_payment_id, "1", "Marta")
    again = await h.engine.retry_refund(first.id)
    assert again.state == "approved" and again.idempotency_key == first.idempotency_key
    assert len(fake.refunds) == 1 and fake.refunded[payment.mp_payment_id] == Decimal("3001.00")


async def test_complete_is_idempotent_under_concurrency(h, fake):
    attempt = await h.engine.charge(cart())
    fake.pay()
    order = await h.engine._order(attempt)
    lookups = [await fake.lookup(order) for _ in range(8)]
    results = await asyncio.gather(*(h.engine.complete(attempt.id, lk) for lk in lookups))
    assert {r.state for r in results} == {S.PAID}
    await until(lambda: not h.watching(attempt.id), what="the watch to end")  # no read left to complete it again
    assert len(h.of(ReceiptIssued)) == 1
    assert len(await h.engine.receipts(attempt_id=attempt.id)) == 1
    assert len(await h.engine.payments(attempt_id=attempt.id)) == 1


async def test_reprint_is_a_copy(h, fake):
    attempt = await h.engine.charge(cart())
    fake.pay()
    await h.wait_state(attempt.id, S.PAID)
    original = h.of(ReceiptIssued)[0].receipt
    copy = await h.engine.reprint(attempt.id, "Ana")
    assert copy.kind == "copy" and copy.operator == "Ana"
    await h.engine.receipt_printed(original.id)
    assert [r.kind for r in await h.engine.receipts(unprinted=True)] == ["copy"]


async def test_no_charge_before_reconcile(make_harness, fake):
    h = await make_harness(fake, start=False)
    with pytest.raises(NotReady):
        await h.engine.charge(cart())
    await h.engine.start()
    assert (await h.engine.charge(cart())).state == S.WAITING


async def test_events_as_an_async_iterator(h, fake):
    seen = []
    listening = asyncio.Event()

    async def consume():
        listening.set()  # the loop below subscribes before this task first waits
        async for event in h.engine.events():
            if isinstance(event, StateChanged):
                seen.append(event.new)
                if event.new == S.PAID:
                    return

    consumer = asyncio.create_task(consume())
    await listening.wait()
    attempt = await h.engine.charge(cart())
    fake.pay()
    await asyncio.wait_for(consumer, 3)
    assert seen == [S.CREATED, S.PUBLISHING, S.WAITING, S.PAID]
    assert attempt.state == S.WAITING


async def test_a_failing_listener_does_not_stop_the_engine(h, fake):
    def broken(event):
        raise RuntimeError("listener bug")

    h.engine.subscribe(broken)
    attempt = await h.engine.charge(cart())
    fake.pay()
    await h.wait_state(attempt.id, S.PAID)


async def test_whole_unit_sites(make_harness, fake):
    h = await make_harness(fake, config=register_config("MLC"))
    c = Cart(SITES["MLC"])
    c.add("Pan", "990", 3)
    attempt = await h.engine.charge(c)
    assert attempt.total == Decimal("2970")
    with pytest.raises(NotChargeable, match="CLP"):
        await h.engine.charge(cart())


async def test_a_second_payment_on_a_paid_sale_is_recorded_for_a_refund(h, fake):
    attempt = await h.engine.charge(cart())
    first, second = fake.scan(), fake.scan()
    fake.pay(mo=first)
    await h.wait_state(attempt.id, S.PAID)
    extra = fake.pay(mo=second)  # the other phone still had the order open
    await until(lambda: any("paid again" in n.message for n in h.of(Notice)), what="the paid-twice notice")
    recorded = {p.mp_payment_id for p in await h.engine.payments(attempt_id=attempt.id)}
    assert extra.mp_payment_id in recorded and len(recorded) == 2
    assert len(h.of(ReceiptIssued)) == 1
    refund = await h.engine.refund(extra.mp_payment_id, None, "Marta", "paid twice")
    assert refund.state == "approved"


@pytest.mark.parametrize("site_id", sorted(SITES))
async def test_every_site_charges_in_its_currency_and_unit(make_harness, fake, site_id):
    site = SITES[site_id]
    h = await make_harness(fake, config=register_config(site_id, register_id=f"R_{site_id}"))
    c = Cart(site)
    c.add("Item", "1234" if site.decimals == 0 else "12.34", 3)
    attempt = await h.engine.charge(c)
    assert attempt.total == c.total == sum(line.total(site) for line in c.lines)
    assert attempt.total.as_tuple().exponent == -site.decimals
    assert fake.on_pos.site is site
    fake.pay()
    await h.wait_state(attempt.id, S.PAID)


async def test_reconcile_past_expiry_while_offline_needs_review(make_harness, fake, clock):
    first = await make_harness(fake)
    attempt = await first.engine.charge(cart())
    await first.engine.close()  # the app stops with the order on the QR
    clock.advance(3600)  # ...and comes back an hour later, offline
    fake.fail("lookup", Unreachable("connection refused or no route", maybe_sent=False), times=1000)
    second = await make_harness(fake)
    after = await second.engine.attempt(attempt.id)
    assert after.state == S.NEEDS_REVIEW
    review = json.loads(after.review)
    assert review["reason"] == "unreachable" and "internet connection" in review["message"]
    assert second.engine.ready  # other sales can be charged; this one waits for a supervisor
    with pytest.raises(NotChargeable, match="review"):
        await second.engine.charge(attempt.sale_id)


async def test_discard_an_unpaid_sale(h, fake):
    fake.fail("publish", Unauthorized(status=401))
    attempt = await h.engine.charge(cart())
    sale = await h.engine.discard_sale(attempt.sale_id, "Ana", "customer paid cash")
    assert sale.status == "discarded"
    with pytest.raises(NotChargeable):
        await h.engine.charge(attempt.sale_id)
    assert (await h.engine.audit_log())[0].action == "sale_discarded"
