"""A split with two electronic parts, end to end on the sandbox: a QR part then the rest on the
card terminal, or the other way round. A paid part records its tender and leaves the sale open;
the receipt is issued once, when the whole is paid; each part is paid once. A part paid and the
other cancelled leaves the sale open with the paid part, which blocks the close and the discard
until the rest is paid or the part is refunded."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from qrcashier.checkout import ReceiptIssued
from qrcashier.checkout.errors import NotChargeable, TillRefused
from qrcashier.checkout.journal import RefundState
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader
from qrcashier.domain.sale import AttemptState as S
from tests.integration.checkout.conftest import POS
from tests.integration.point.conftest import PointRig

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]
HEADER = StoreHeader("Kiosco", "Caja 1", MLA)


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba 1kg", "1500.50", 2)
    c.add("Bizcochos", "899.99", 1)
    return c  # 3900.99


async def pay_qr(rig: PointRig) -> Any:
    """The customer scans the register's QR and pays what it shows."""
    return await rig.control("POST", f"/sandbox/pos/{POS}/pay", {"status": "approved"})


async def started(rig: PointRig):
    h = await rig.engine(till=TillConfig.for_site(MLA))
    await h.engine.open_shift("0")
    return h


async def test_a_qr_part_then_the_rest_on_the_terminal_is_one_sale_one_receipt(point_rig: PointRig):
    h = await started(point_rig)
    qr = await h.engine.charge(cart(), amount="1000")
    assert qr.gateway == "instore_v2" and qr.total == Decimal("1000.00") and qr.state == S.WAITING
    await pay_qr(point_rig)
    await h.wait_state(qr.id, S.PAID)
    part = await h.engine.attempt(qr.id)
    assert "1000.00 of this sale is paid; 2900.99 is left to pay" in part.message
    assert (await h.engine.sale(qr.sale_id)).status == "open" and h.of(ReceiptIssued) == []
    assert await h.engine.due(qr.sale_id) == Decimal("2900.99")

    rest = await h.engine.charge(qr.sale_id, tender="point")
    assert rest.gateway == "point" and rest.total == Decimal("2900.99")
    assert point_rig.creates()[-1].body["transactions"] == {"payments": [{"amount": "2900.99"}]}
    await point_rig.tap("approve", brand="visa", installments=1, last_four="4242")
    await h.wait_state(rest.id, S.PAID)
    assert (await h.engine.sale(qr.sale_id)).status == "paid"
    tenders = await h.db(lambda db: db.tenders(qr.sale_id))
    assert [(t.kind, t.amount, t.attempt_id) for t in tenders] == [
        ("qr", Decimal("1000.00"), qr.id), ("point", Decimal("2900.99"), rest.id)]
    # each part paid once, one receipt for the whole, printing both payments
    qr_pay = await h.engine.payments(attempt_id=qr.id)
    card_pay = await h.engine.payments(attempt_id=rest.id)
    assert [p.amount for p in qr_pay] == [Decimal("1000.00")] and [p.amount for p in card_pay] == [Decimal("2900.99")]
    await point_rig.advance(5)  # more reads and webhooks change nothing
    (issued,) = h.of(ReceiptIssued)
    assert issued.receipt.attempt_id == rest.id
    text = (await h.engine.receipt_for(issued.receipt, HEADER)).to_text()
    assert str(qr_pay[0].mp_payment_id) in text and str(card_pay[0].mp_payment_id) in text
    assert "Visa **** 4242" in text
    report = await h.engine.shift_report()
    assert report["tenders"]["qr"] == {"count": 1, "total": "1000.00",
                                       "by_api": {"instore_v2": {"count": 1, "total": "1000.00"}}}
    assert report["sales"][0]["api"] == "instore_v2"  # the QR part's API, not the card's
    assert report["tenders"]["point"] == {"count": 1, "total": "2900.99"}
    assert len(point_rig.creates()) == 1  # the Point order; the QR part went on the QR
    await h.engine.close_shift("0")


async def test_a_point_part_then_the_rest_by_qr(point_rig: PointRig):
    h = await started(point_rig)
    card = await h.engine.charge(cart(), tender="point", amount="2000")
    assert point_rig.creates()[0].body["transactions"] == {"payments": [{"amount": "2000.00"}]}
    await point_rig.tap("approve", brand="master", installments=3, last_four="0604")
    await h.wait_state(card.id, S.PAID)
    assert (await h.engine.sale(card.sale_id)).status == "open" and h.of(ReceiptIssued) == []
    cards = await h.db(lambda db: db.tender_cards(card.sale_id))
    assert [(c.brand, c.last_four, c.installments) for c in cards.values()] == [("master", "0604", 3)]

    rest = await h.engine.charge(card.sale_id)
    assert rest.total == Decimal("1900.99")
    await pay_qr(point_rig)
    await h.wait_state(rest.id, S.PAID)
    tenders = await h.db(lambda db: db.tenders(card.sale_id))
    assert [(t.kind, t.amount) for t in tenders] == [("point", Decimal("2000.00")), ("qr", Decimal("1900.99"))]
    (issued,) = h.of(ReceiptIssued)
    text = (await h.engine.receipt_for(issued.receipt, HEADER)).to_text()
    assert "Mastercard **** 0604" in text and "3 cuotas" in text
    assert len(await h.engine.payments(sale_id=card.sale_id)) == 2


async def test_a_paid_part_and_the_rest_cancelled_keeps_the_sale_open_until_refunded(point_rig: PointRig):
    h = await started(point_rig)
    qr = await h.engine.charge(cart(), amount="1000")
    await pay_qr(point_rig)
    await h.wait_state(qr.id, S.PAID)
    rest = await h.engine.charge(qr.sale_id, tender="point")
    await point_rig.tap("cancel")  # the customer gives up at the terminal
    await h.wait_state(rest.id, S.CANCELLED)
    sale = await h.engine.sale(qr.sale_id)
    assert sale.status == "open" and await h.engine.due(qr.sale_id) == Decimal("2900.99")
    assert h.of(ReceiptIssued) == []
    with pytest.raises(TillRefused, match="Part of sale .* is paid"):
        await h.engine.close_shift("0")
    with pytest.raises(NotChargeable, match="Part of this sale is paid"):
        await h.engine.discard_sale(qr.sale_id, "Ana", "customer left")
    (payment,) = await h.engine.payments(attempt_id=qr.id)
    refund = await h.engine.refund(payment.mp_payment_id, None, "Sup", "the rest was not paid")
    assert refund.state == RefundState.APPROVED and refund.amount == Decimal("1000.00")
    assert (await h.engine.discard_sale(qr.sale_id, "Ana", "customer left")).status == "discarded"
    report = await h.engine.shift_report()
    assert report["tenders"].get("qr", {"count": 0})["count"] == 0  # a discarded sale's part is not takings
    await h.engine.close_shift("0")
    assert len(await h.engine.payments(attempt_id=qr.id)) == 1


async def test_a_point_part_then_the_qr_rest_cancelled_is_settled_in_cash(point_rig: PointRig):
    h = await started(point_rig)
    card = await h.engine.charge(cart(), tender="point", amount="3000")
    await point_rig.tap("approve")
    await h.wait_state(card.id, S.PAID)
    qr = await h.engine.charge(card.sale_id)
    await h.engine.cancel(qr.id, "Ana")
    await h.wait_state(qr.id, S.CANCELLED)
    paid = await h.engine.settle_in_cash(card.sale_id, "1000")
    assert paid.state == S.PAID and paid.total == Decimal("900.99")
    tenders = await h.db(lambda db: db.tenders(card.sale_id))
    assert [(t.kind, t.amount) for t in tenders] == [("point", Decimal("3000.00")), ("cash", Decimal("900.99"))]
    assert len(h.of(ReceiptIssued)) == 1 and await h.engine.expected_cash() == Decimal("900.99")


async def test_a_part_that_covers_the_whole_sale_is_refused_before_anything_is_sent(point_rig: PointRig):
    h = await started(point_rig)
    with pytest.raises(TillRefused, match="less than the 3900.99 left"):
        await h.engine.charge(cart(), tender="point", amount="3900.99")
    assert point_rig.creates() == []
