"""Parked carts survive a restart and block the close; returns by line give back exactly those lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout import CheckoutEngine, Journal, RegisterBusy
from qrcashier.checkout.journal.parked_store import ParkRefused
from qrcashier.domain.cart import Cart
from qrcashier.domain.discount import Discount
from qrcashier.domain.money import SITES
from qrcashier.domain.returns import InvalidReturn
from qrcashier.domain.sale import AttemptState as S
from tests.unit.checkout.conftest import register_config
from tests.unit.checkout.fakes import FakeGateway, ManualClock
from tests.unit.saletools.conftest import TILL

MLA = SITES["MLA"]
pytestmark = pytest.mark.asyncio


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba", "1500", 2, vat_rate=Decimal(21))
    c.add("Pan", "1000", 3, vat_rate=Decimal("10.5"))
    c.set_line_discount(1, Discount.create("amount", "100", "ayer", MLA))
    return c  # 3000 + 2900 = 5900.00


async def test_park_several_resume_after_a_restart_with_discounts_kept(till, tmp_path):
    await till.engine.open_shift("0")
    first = await till.engine.park(cart(), "vuelve con la billetera")
    second = await till.engine.park(cart())
    assert (first.number, second.number) == (1, 2)
    # a restart (or a kill): a second engine on the same file, sharing nothing in memory
    journal = await Journal.open(tmp_path / "journal.sqlite3")
    engine = CheckoutEngine(journal, FakeGateway(), register_config(), clock=ManualClock(), till=TILL)
    await engine.start()
    try:
        held = await engine.parked()
        assert [(p.number, p.note) for p in held] == [(1, "vuelve con la billetera"), (2, "")]
        resumed = await engine.resume(held[0].id)
        assert resumed.total == Decimal("5900.00") and resumed.lines == cart().lines
        assert [p.number for p in await engine.parked()] == [2]
        with pytest.raises(ParkRefused, match="already resumed"):
            await engine.resume(held[0].id)
    finally:
        await engine.close()
        await journal.close()


async def test_parking_is_refused_while_a_charge_is_live(till):
    await till.engine.open_shift("0")
    attempt = await till.engine.charge(cart())
    assert attempt.state == S.WAITING
    with pytest.raises(RegisterBusy, match="locked"):
        await till.engine.park(cart())
    assert await till.engine.parked() == []


async def test_the_close_lists_parked_carts_and_counts_the_discarded(till):
    await till.engine.open_shift("0")
    held = await till.engine.park(cart(), "mesa 3")
    with pytest.raises(ParkRefused, match="#1"):
        await till.engine.close_shift("0")
    with pytest.raises(ParkRefused, match="supervisor"):
        await till.engine.discard_parked(held.id, supervisor="", reason="se fue")
    await till.engine.discard_parked(held.id, supervisor="sup", reason="se fue")
    log = await till.db(lambda db: db.audit_log())
    assert log[0].action == "parked_discarded" and log[0].actor == "sup"
    await till.engine.close_shift("0")
    report = await till.engine.shift_report()
    assert report["shift"]["parked_discarded"] == 1


async def test_the_pan_line_of_the_sale_is_returned_in_cash_once(till):
    await till.engine.open_shift("10000")
    attempt = await till.engine.sell_cash(cart(), "6000")
    result = await till.engine.return_lines(attempt.sale_id, {2: 2}, supervisor="sup", reason="vencido")
    assert result.kind == "cash" and result.amount == Decimal("1933.33")  # 2 of 3 of 2900.00
    last = await till.engine.return_lines(attempt.sale_id, {2: 1}, supervisor="sup")
    assert last.amount == Decimal("966.67")  # the line comes back to exactly what was paid
    with pytest.raises(InvalidReturn, match="already returned"):
        await till.engine.return_lines(attempt.sale_id, {2: 1}, supervisor="sup")
    with pytest.raises(InvalidReturn, match="only 2"):
        await till.engine.return_lines(attempt.sale_id, {1: 3}, supervisor="sup")
    assert await till.engine.returned_quantities(attempt.sale_id) == {2: 3}
    assert await till.engine.expected_cash() == Decimal("10000") + Decimal("5900") - Decimal("2900")


async def test_a_qr_sale_gets_a_partial_refund_of_exactly_the_lines(till):
    await till.engine.open_shift("0")
    attempt = await till.engine.charge(cart())
    order = till.gateway.on_pos
    assert sum(line.unit_price * line.quantity for line in order.lines) == order.total == Decimal("5900.00")
    till.gateway.pay()
    till.engine.notify("merchant_order", "1")
    await till.wait_state(attempt.id, S.PAID)
    result = await till.engine.return_lines(attempt.sale_id, {1: 1}, supervisor="sup")
    assert result.kind == "qr" and result.amount == Decimal("1500.00") and result.refund_state == "approved"
    assert list(till.gateway.refunded.values()) == [Decimal("1500.00")]


async def test_a_return_on_an_unpaid_sale_is_refused(till):
    await till.engine.open_shift("0")
    attempt = await till.engine.charge(cart())
    with pytest.raises(InvalidReturn, match="paid"):
        await till.engine.return_lines(attempt.sale_id, {1: 1}, supervisor="sup")
    with pytest.raises(InvalidReturn):
        await till.engine.return_lines(attempt.sale_id, {1: -1}, supervisor="sup")


async def test_the_report_has_each_sales_discount_and_taxes_by_rate(till):
    await till.engine.open_shift("0")
    await till.engine.sell_cash(cart(), "6000")
    await till.engine.sell_cash(cart(), "6000")
    report = await till.engine.shift_report()
    sale = report["sales"][0]
    assert sale["discount"] == "100.00"
    assert sale["taxes"] == [{"rate": "21", "net": "2479.34", "tax": "520.66"},
                             {"rate": "10.5", "net": "2624.43", "tax": "275.57"}]
    assert sum(Decimal(t["net"]) + Decimal(t["tax"]) for t in sale["taxes"]) == Decimal(sale["total"])
    assert report["shift"]["taxes"] == [{"rate": "21", "net": "4958.68", "tax": "1041.32"},
                                        {"rate": "10.5", "net": "5248.86", "tax": "551.14"}]
    assert report["shift"]["parked_discarded"] == 0


async def test_the_z_text_shows_the_discounts_and_the_vat_by_rate(till):
    from qrcashier.reports.model import parse_report
    from qrcashier.reports.text import render_text

    await till.engine.open_shift("0")
    await till.engine.sell_cash(cart(), "6000")
    held = await till.engine.park(cart())
    await till.engine.discard_parked(held.id, supervisor="sup", reason="se fue")
    await till.engine.close_shift("5900")
    report = parse_report(await till.engine.shift_report())
    assert [t.rate for t in report.shift.taxes] == ["21", "10.5"] and report.sales[0].discount == Decimal("100.00")
    text = render_text(report)
    assert "IVA 21 %" in text and "IVA 10.5 %: neto" in text and "Descuentos" in text
    assert "Ventas en espera descartadas" in text
