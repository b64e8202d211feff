"""A Point charge end to end: the engine, the PointGateway and the sandbox's terminal over
loopback. Each outcome is written to the journal before the create leaves, and a sale is paid
(and its receipt issued) exactly once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout import ReceiptIssued
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader
from qrcashier.domain.sale import AttemptState as S
from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from tests.integration.point.conftest import PointRig
from tests.unit.checkout.conftest import until

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]
SMART = "PAX_A910__SMARTPOS"


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba 1kg", "1500.50", 2)
    c.add("Bizcochos", "899.99", 1)
    return c  # 3900.99


def assert_journal_first(rig: PointRig) -> None:
    creates = rig.creates()
    assert creates, "no create was sent"
    assert all(s.journal_state == "publishing" for s in creates), [s.journal_state for s in creates]


async def test_approved_on_the_terminal_is_paid_once_with_the_card_on_the_tender(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    assert attempt.state == S.WAITING and attempt.gateway == "point"
    create = point_rig.creates()[0]
    assert create.body["type"] == "point" and create.body["config"]["point"]["terminal_id"] == VIRTUAL_TERMINAL
    assert create.body["transactions"] == {"payments": [{"amount": "3900.99"}]}
    assert create.body["external_reference"] == attempt.reference and create.body["expiration_time"] == "PT10M"
    assert_journal_first(point_rig)
    await point_rig.tap("approve", brand="visa", installments=3, last_four="4242")
    await h.wait_state(attempt.id, S.PAID)
    payments = await h.engine.payments(attempt_id=attempt.id)
    assert [p.amount for p in payments] == [Decimal("3900.99")]
    tenders = await h.db(lambda db: db.tenders(attempt.sale_id))
    cards = await h.db(lambda db: db.tender_cards(attempt.sale_id))
    assert [(t.kind, t.amount) for t in tenders] == [("point", Decimal("3900.99"))]
    card = next(iter(cards.values()))
    assert (card.brand, card.last_four, card.installments, card.terminal) == ("visa", "4242", 3, VIRTUAL_TERMINAL)
    assert card.payment_ref == str(payments[0].mp_payment_id)
    await point_rig.advance(5)  # more reads and webhooks change nothing
    await until(lambda: point_rig.reads() >= 1, what="a read")
    assert len(h.of(ReceiptIssued)) == 1 and len(point_rig.point_orders(attempt.reference)) == 1
    assert len(point_rig.creates()) == 1


async def test_declined_on_the_terminal_ends_the_attempt_and_the_sale_can_be_charged_again(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.tap("reject", status_detail="insufficient_amount")
    await h.wait_state(attempt.id, S.CANCELLED)
    ended = await h.engine.attempt(attempt.id)
    assert "declined" in ended.message and "insufficient funds" in ended.message
    assert await h.engine.payments(attempt_id=attempt.id) == []
    again = await h.engine.charge(attempt.sale_id, tender="point")  # a second card: a new order
    assert again.id != attempt.id and again.state == S.WAITING
    await point_rig.tap("approve")
    await h.wait_state(again.id, S.PAID)
    assert len(h.of(ReceiptIssued)) == 1
    assert [o.status for o in point_rig.point_orders(attempt.reference)] == ["failed"]
    assert [o.status for o in point_rig.point_orders(again.reference)] == ["processed"]
    assert_journal_first(point_rig)


async def test_cancelled_at_the_terminal_by_the_customer(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.tap("cancel")
    await h.wait_state(attempt.id, S.CANCELLED)
    assert "Cancelled on the card terminal" in (await h.engine.attempt(attempt.id)).message
    assert await h.engine.payments(attempt_id=attempt.id) == [] and h.of(ReceiptIssued) == []


async def test_cancelled_from_the_register_while_the_order_waits_for_the_terminal(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")  # frozen sandbox clock: still `created`
    ended = await h.engine.cancel(attempt.id, "Ana", "customer changed her mind")
    assert ended.state == S.CANCELLED
    assert [o.status for o in point_rig.point_orders(attempt.reference)] == ["canceled"]
    cancels = [s for s in point_rig.sent if s.path.endswith("/cancel")]
    assert len(cancels) == 1 and cancels[0].journal_state == "cancel_requested"  # the request recorded first


async def test_cancel_from_the_register_once_on_the_terminal_waits_for_it_and_paid_wins(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.tap("show")  # the virtual terminal shows it: the API cannot cancel it any more
    pending = await h.engine.cancel(attempt.id, "Ana")
    assert pending.state == S.CANCEL_REQUESTED and "cancel it on the terminal" in pending.message
    await point_rig.tap("approve")  # the customer paid before anyone cancelled on the terminal
    await h.wait_state(attempt.id, S.PAID)
    assert len(await h.engine.payments(attempt_id=attempt.id)) == 1 and len(h.of(ReceiptIssued)) == 1
    assert len([s for s in point_rig.sent if s.path.endswith("/cancel")]) == 2  # plain, then at_terminal: once


async def test_cancel_from_the_register_on_a_point_smart_is_confirmed_by_the_terminal(point_rig: PointRig):
    terminals = await point_rig.control("GET", "/sandbox/point/terminals")
    smart = next(t["id"] for t in terminals["terminals"] if t["id"].startswith(SMART))
    await point_rig.client.http.request("PATCH", "/terminals/v1/setup",
                                        json_body={"terminals": [{"id": smart, "operating_mode": "PDV"}]})
    h = await point_rig.engine(smart)
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.tap("show", smart)
    pending = await h.engine.cancel(attempt.id, "Ana")
    assert pending.state == S.CANCEL_REQUESTED and "terminal is confirming" in pending.message
    await point_rig.advance(2)  # the terminal confirms the 202
    await h.wait_state(attempt.id, S.CANCELLED)
    assert [o.status for o in point_rig.point_orders(attempt.reference)] == ["canceled"]


async def test_a_lost_create_answer_is_resolved_by_reading_the_order_again_and_paid_once(point_rig: PointRig):
    # The create reaches Mercado Pago but every answer is lost: the outcome is unknown.
    await point_rig.faults({"path": "/v1/orders", "method": "POST", "kind": "drop", "after": True, "times": 3})
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    assert attempt.state == S.UNKNOWN
    assert len(point_rig.point_orders(attempt.reference)) == 1  # made once, whatever the client heard
    await h.wait_state(attempt.id, S.WAITING)  # the replay under the same key finds that order
    await point_rig.tap("approve")
    await h.wait_state(attempt.id, S.PAID)
    assert len(point_rig.point_orders(attempt.reference)) == 1
    assert {s.body["external_reference"] for s in point_rig.creates()} == {attempt.reference}
    assert len({str(s.body) for s in point_rig.creates()}) == 1  # the same body every time
    assert len(await h.engine.payments(attempt_id=attempt.id)) == 1 and len(h.of(ReceiptIssued)) == 1
    # the first create left with the attempt `publishing` in the journal, the replays with it `unknown`
    assert [s.journal_state for s in point_rig.creates()][:1] == ["publishing"]
    assert {s.journal_state for s in point_rig.creates()[1:]} <= {"unknown", "publishing"}


async def test_reads_timing_out_while_the_customer_pays_end_paid_once(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.faults({"path": "/v1/orders/*", "method": "GET", "kind": "latency", "seconds": 0.5,
                            "times": 4})
    await point_rig.tap("approve")
    await h.wait_state(attempt.id, S.PAID, timeout=8.0)
    assert len(await h.engine.payments(attempt_id=attempt.id)) == 1 and len(h.of(ReceiptIssued)) == 1
    assert len(point_rig.creates()) == 1


async def test_action_required_goes_to_review_and_is_never_paid_by_itself(point_rig: PointRig):
    h = await point_rig.engine()
    attempt = await h.engine.charge(cart(), tender="point")
    await point_rig.tap("insert_card")
    await point_rig.advance(41)  # processing without an answer for 40 s: check on the terminal
    await h.wait_state(attempt.id, S.NEEDS_REVIEW)
    assert "terminal" in (await h.engine.attempt(attempt.id)).message
    assert await h.engine.payments(attempt_id=attempt.id) == [] and h.of(ReceiptIssued) == []


async def test_cash_and_point_split_sends_the_remainder_to_the_terminal_and_prints_the_card(point_rig: PointRig):
    h = await point_rig.engine(till=TillConfig.for_site(MLA))
    await h.engine.open_shift("0")
    attempt = await h.engine.charge_split(cart(), "900.99", "1000", tender="point")
    assert attempt.gateway == "point" and attempt.total == Decimal("3000.00")
    assert point_rig.creates()[0].body["transactions"] == {"payments": [{"amount": "3000.00"}]}
    await point_rig.tap("approve", brand="master", installments=6, last_four="0604")
    await h.wait_state(attempt.id, S.PAID)
    tenders = await h.db(lambda db: db.tenders(attempt.sale_id))
    assert [(t.kind, t.amount) for t in tenders] == [("cash", Decimal("900.99")), ("point", Decimal("3000.00"))]
    (issued,) = h.of(ReceiptIssued)
    text = (await h.engine.receipt_for(issued.receipt, StoreHeader("Kiosco", "Caja 1", MLA))).to_text()
    assert "Tarjeta (Mercado Pago Point)" in text and "Mastercard **** 0604" in text and "6 cuotas" in text
    payment = (await h.engine.payments(attempt_id=attempt.id))[0]
    assert str(payment.mp_payment_id) in text  # the payment id, under "Pagado con Mercado Pago"
    assert await h.engine.expected_cash() == Decimal("900.99")
    report = await h.engine.shift_report()
    assert report["tenders"]["point"] == {"count": 1, "total": "3000.00"}
