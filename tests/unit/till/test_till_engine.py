"""The engine's till: shifts, cash and split sales through the one completion path, the close."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout import ReceiptIssued, RegisterBusy
from qrcashier.checkout.errors import TillRefused
from qrcashier.checkout.gateway import NotDelivered
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES, InvalidAmount
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.tender import TenderRefused
from qrcashier.mercadopago.errors import Unreachable

MLA = SITES["MLA"]
pytestmark = pytest.mark.asyncio


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba", "1500.50", 2)
    return c  # 3001.00


async def tenders(h, sale_id):
    return [(t.kind, t.amount) for t in await h.db(lambda db: db.tenders(sale_id))]


async def test_charging_is_refused_until_a_shift_is_open(till):
    with pytest.raises(TillRefused, match="Open a shift"):
        await till.engine.charge(cart())
    with pytest.raises(TillRefused, match="Open a shift"):
        await till.engine.sell_cash(cart(), "5000")
    assert till.gateway.published == [] and await till.db(lambda db: db.sales()) == []


async def test_a_cash_sale_with_change(till):
    await till.engine.open_shift("10.000")
    attempt = await till.engine.sell_cash(cart(), "5.000")
    assert attempt.state == S.PAID and attempt.gateway == "cash"
    (issued,) = till.of(ReceiptIssued)
    assert issued.receipt.attempt_id == attempt.id
    (t,) = await till.db(lambda db: db.tenders(attempt.sale_id))
    assert (t.received, t.change) == (Decimal("5000.00"), Decimal("1999.00"))
    assert await till.engine.expected_cash() == Decimal("13001.00")
    assert till.gateway.calls == []  # no network for cash


@pytest.mark.parametrize("received", ["3000", "-1", "abc", "3001,555", "2000000"])
async def test_bad_cash_is_refused_and_nothing_recorded(till, received):
    await till.engine.open_shift("0")
    with pytest.raises(InvalidAmount):
        await till.engine.sell_cash(cart(), received)
    assert await till.db(lambda db: db.sales()) == []


async def test_split_sale_qr_part_paid(till):
    await till.engine.open_shift("0")
    qr = await till.engine.charge_split(cart(), "1000", "2000")
    assert qr.state == S.WAITING and qr.total == Decimal("2001.00")
    order = till.gateway.on_pos
    assert order.total == sum(line.total(MLA) for line in order.lines) == Decimal("2001.00")
    till.gateway.pay()
    till.engine.notify("merchant_order", "1")
    await till.wait_state(qr.id, S.PAID)
    assert await tenders(till, qr.sale_id) == [("cash", Decimal("1000.00")), ("qr", Decimal("2001.00"))]
    assert len(till.of(ReceiptIssued)) == 1
    assert await till.engine.expected_cash() == Decimal("1000.00")


@pytest.mark.parametrize("fault", ["rejected", "expired", "offline"])
async def test_split_sale_whose_qr_part_fails_is_settled_in_cash(till, fault):
    await till.engine.open_shift("0")
    if fault == "offline":
        till.gateway.fail("publish", NotDelivered(Unreachable("down")))
    qr = await till.engine.charge_split(cart(), "1000", "1000")
    if fault == "rejected":
        till.gateway.pay("rejected")
        await till.engine.cancel(qr.id, supervisor="sup", reason="card refused")
    elif fault == "expired":
        till.gateway.expire()
        till.clock.advance(3600)
    await till.wait_state(qr.id, S.FAILED, S.CANCELLED, S.EXPIRED, timeout=5)
    with pytest.raises(TenderRefused):
        await till.engine.settle_in_cash(qr.sale_id, "2000")
    paid = await till.engine.settle_in_cash(qr.sale_id, "2001")
    assert paid.state == S.PAID
    assert await tenders(till, qr.sale_id) == [("cash", Decimal("1000.00")), ("cash", Decimal("2001.00"))]
    assert (await till.engine.sale(qr.sale_id)).status == "paid"
    assert len(till.of(ReceiptIssued)) == 1


async def test_a_cash_sale_waits_for_a_live_qr(till):
    await till.engine.open_shift("0")
    await till.engine.charge(cart())
    with pytest.raises(RegisterBusy):
        await till.engine.sell_cash(cart(), "5000")


async def test_movements_and_close(till):
    await till.engine.open_shift(None, counts={Decimal(1000): 2, Decimal(100): 5})  # 2500
    await till.engine.sell_cash(cart(), "3001")
    await till.engine.move_cash("in", "1000", "coins")
    with pytest.raises(TillRefused, match="supervisor"):
        await till.engine.move_cash("out", "6000", "bank")
    await till.engine.move_cash("out", "6000", "bank", authorized_by="sup")
    assert await till.engine.expected_cash() == Decimal("501.00")
    with pytest.raises(TillRefused, match="supervisor"):
        await till.engine.close_shift("300")
    assert (await till.engine.current_shift()) is not None
    closed = await till.engine.close_shift("450")  # 51 short: under the threshold
    assert (closed.difference, closed.number) == (Decimal("-51.00"), 1)
    with pytest.raises(TillRefused, match="Open a shift"):
        await till.engine.close_shift("450")


async def test_the_receipt_lists_the_tenders_and_a_copy_keeps_number_and_date(till):
    from qrcashier.domain.receipt import StoreHeader

    await till.engine.open_shift("0")
    await till.engine.sell_cash(cart(), "3001")
    second = await till.engine.sell_cash(cart(), "5000")
    (original,) = [e.receipt for e in till.of(ReceiptIssued) if e.receipt.attempt_id == second.id]
    header = StoreHeader("Kiosco", "CAJA1", MLA)
    receipt = await till.engine.receipt_for(original, header)
    text = receipt.to_text()
    assert receipt.sale_number == "00001-00000002"
    assert "Efectivo" in text and "Recibido" in text and "VUELTO" in text and "$ 1.999,00" in text
    till.clock.advance(86400)
    copy = await till.db(lambda db: db.issue_copy(second.id, till.clock.now()))
    reprint = await till.engine.receipt_for(copy, header)
    assert reprint.copy and reprint.sale_number == receipt.sale_number and reprint.paid_at == receipt.paid_at
    assert await till.db(lambda db: db.sale_by_receipt("CAJA1", 2)) == second.sale_id


async def test_receipt_numbers_are_searchable_and_shown_in_the_sales_of_the_day(till):
    from datetime import timedelta

    await till.engine.open_shift("0")
    first = await till.engine.sell_cash(cart(), "3001")
    second = await till.engine.sell_cash(cart(), "3001")
    assert await till.engine.find_receipt("00001-00000002") == second.sale_id
    assert await till.engine.find_receipt("1") == first.sale_id
    assert await till.engine.find_receipt("00002-00000001") is None  # another point of sale
    assert await till.engine.find_receipt("abc") is None
    rows = await till.engine.sales_of_the_day(till.clock.now() - timedelta(hours=1))
    assert sorted(r.receipt for r in rows) == ["00001-00000001", "00001-00000002"]


async def test_a_cash_refund_is_capped_by_the_cash_paid_and_counts_against_the_drawer(till):
    await till.engine.open_shift("1000")
    sale = await till.engine.sell_cash(cart(), "3001")
    with pytest.raises(TillRefused, match="supervisor"):
        await till.engine.refund_cash(sale.sale_id, "100", supervisor="", reason="broken")
    await till.engine.refund_cash(sale.sale_id, "1000", supervisor="sup", reason="broken")
    with pytest.raises(TillRefused, match="At most 2001.00"):
        await till.engine.refund_cash(sale.sale_id, "2500", supervisor="sup", reason="again")
    assert await till.engine.expected_cash() == Decimal("3001.00")  # 1000 + 3001 - 1000
    log = await till.db(lambda db: db.audit_log())
    assert [(e.action, e.actor) for e in log][:1] == [("cash_refund", "sup")]


async def test_the_engine_reports_the_shift_x_then_z(till):
    await till.engine.open_shift("1000")
    await till.engine.sell_cash(cart(), "5000")
    x = await till.engine.shift_report(store="Kiosco")
    assert (x["shift"]["kind"], x["shift"]["store"], x["shift"]["expected_cash"]) == ("X", "Kiosco", "4001.00")
    await till.engine.close_shift("4001")
    z = await till.engine.shift_report(1)
    assert (z["shift"]["kind"], z["shift"]["difference"]) == ("Z", "0.00")
    assert z["sales"][0]["tenders"] == [{"kind": "cash", "amount": "3001.00", "received": "5000.00",
                                         "change": "1999.00"}]
    with pytest.raises(Exception, match="no shift 2"):
        await till.engine.shift_report(2)
