"""The `card` tender (a card on another acquirer's terminal, typed by the cashier), the split
cash + card, and the receipt's card lines. Nothing is sent to Mercado Pago for a card tender."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout import ReceiptIssued
from qrcashier.checkout.errors import NotChargeable, TillRefused
from qrcashier.domain.card import CardInfo, CardRefused
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader, card_rows, tender_label
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.tender import TenderRefused

MLA = SITES["MLA"]
pytestmark = pytest.mark.asyncio
HEADER = StoreHeader("Kiosco Demo", "Caja 1", MLA)


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba", "1500.50", 2)
    return c  # 3001.00


async def test_a_card_sale_typed_from_another_terminal_is_paid_with_its_slip_details(till):
    await till.engine.open_shift("1000")
    attempt = await till.engine.sell_card(cart(), authorization=" ab12c9 ", last_four="4242")
    assert attempt.state == S.PAID and attempt.gateway == "card"
    assert till.gateway.calls == []  # nothing sent anywhere
    (t,) = await till.db(lambda db: db.tenders(attempt.sale_id))
    assert (t.kind, t.amount, t.received, t.change) == ("card", Decimal("3001.00"), None, None)
    cards = await till.db(lambda db: db.tender_cards(attempt.sale_id))
    assert cards[t.id] == CardInfo(last_four="4242", authorization="AB12C9")
    assert await till.engine.expected_cash() == Decimal("1000.00")  # a card never counts in the drawer
    (issued,) = till.of(ReceiptIssued)
    receipt = await till.engine.receipt_for(issued.receipt, HEADER)
    text = receipt.to_text()
    assert "Tarjeta" in text and "**** 4242" in text and "Autorización: AB12C9" in text
    report = await till.engine.shift_report()
    assert report["tenders"]["card"] == {"count": 1, "total": "3001.00"}


@pytest.mark.parametrize(("auth", "last"), [("AB-12", None), (None, "42"), (None, "42a4"), ("X" * 13, None)])
async def test_a_mistyped_slip_is_refused_before_anything_is_written(till, auth, last):
    await till.engine.open_shift("0")
    with pytest.raises(CardRefused):
        await till.engine.sell_card(cart(), authorization=auth, last_four=last)
    with pytest.raises(CardRefused):
        await till.engine.split_card(cart(), "1000", "1000", authorization=auth, last_four=last)
    assert await till.db(lambda db: db.sales()) == []


async def test_a_card_sale_needs_an_open_shift_and_both_details_are_optional(till):
    with pytest.raises(TillRefused):
        await till.engine.sell_card(cart())
    await till.engine.open_shift("0")
    attempt = await till.engine.sell_card(cart())
    assert attempt.state == S.PAID
    assert await till.db(lambda db: db.tender_cards(attempt.sale_id)) != {}  # recorded, empty


async def test_cash_and_card_split(till):
    await till.engine.open_shift("0")
    attempt = await till.engine.split_card(cart(), "1000", "2000", last_four="0604")
    assert attempt.state == S.PAID and attempt.gateway == "card" and attempt.total == Decimal("2001.00")
    tenders = await till.db(lambda db: db.tenders(attempt.sale_id))
    assert [(t.kind, t.amount, t.change) for t in tenders] == [("cash", Decimal("1000.00"), Decimal("1000.00")),
                                                               ("card", Decimal("2001.00"), None)]
    assert await till.engine.expected_cash() == Decimal("1000.00")
    (issued,) = till.of(ReceiptIssued)
    text = (await till.engine.receipt_for(issued.receipt, HEADER)).to_text()
    assert "Efectivo" in text and "VUELTO" in text and "**** 0604" in text
    with pytest.raises(TenderRefused, match="Nothing is due"):  # paid: the remainder cannot be settled twice
        await till.engine.settle_by_card(attempt.sale_id)


async def test_a_failed_qr_remainder_is_settled_by_card(till):
    await till.engine.open_shift("0")
    qr = await till.engine.charge_split(cart(), "1000", "1000")
    await till.engine.cancel(qr.id, "Ana")
    await till.wait_state(qr.id, S.CANCELLED)
    paid = await till.engine.settle_by_card(qr.sale_id, authorization="777")
    assert paid.state == S.PAID and paid.total == Decimal("2001.00")
    assert len(till.of(ReceiptIssued)) == 1


async def test_a_split_to_a_terminal_the_register_does_not_have_is_refused_before_the_cash_part(till):
    await till.engine.open_shift("0")
    with pytest.raises(NotChargeable, match="no card terminal"):
        await till.engine.charge_split(cart(), "1000", "1000", tender="point")
    assert await till.db(lambda db: db.sales()) == []


async def test_the_card_rows_in_each_language():
    card = CardInfo(brand="master", last_four="0604", installments=3, authorization=None, payment_ref="123")
    assert card_rows(card, "es") == ["Mastercard **** 0604", "3 cuotas"]
    assert card_rows(card, "pt") == ["Mastercard **** 0604", "3 parcelas"]
    assert card_rows(CardInfo(brand="visa", installments=1, authorization="A1"), "en") == [
        "Visa", "1 payment", "Authorization: A1"]
    assert card_rows(None, "es") == [] and card_rows(CardInfo(), "es") == []
    assert tender_label("point", "es") == "Tarjeta (Mercado Pago Point)" and tender_label("card", "pt") == "Cartão"
