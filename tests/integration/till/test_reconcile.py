"""Reconciling a shift against the sandbox: a payment made behind the register's back is listed,
a journal payment Mercado Pago does not know is unconfirmed, unreachable is "not_reconciled"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout.shift_reconcile import reconcile_shift
from qrcashier.checkout.shift_report import build_shift_report
from qrcashier.domain.cart import Cart, CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import PaymentInfo
from qrcashier.mercadopago.models import InstoreOrder, OrderItem
from tests.integration.checkout.conftest import POS, STORE

MLA = SITES["MLA"]
pytestmark = pytest.mark.asyncio


async def test_reconciliation_lists_what_the_journal_lacks_and_what_mercado_pago_does_not_confirm(rig):
    h = await rig.engine()
    now = datetime.now(UTC)
    shift = await h.db(lambda db: db.open_shift("CAJA1", Decimal("0"), now))
    cart = Cart(MLA)
    cart.add("Yerba", "1500.00", 1)
    attempt = await h.engine.charge(cart)
    await rig.scan()
    await rig.pay()
    await h.wait_state(attempt.id, S.PAID, timeout=10)

    # behind the register's back: an order placed on the same POS by something else, and paid
    await rig.client.put_instore_order(rig.user_id, STORE, POS, InstoreOrder(
        "BACKDOOR-1", "Sale", Decimal("700"), (OrderItem("Something", Decimal("700"), 1),)), MLA)
    await rig.scan()
    await rig.pay()

    # a sale the journal has as paid with a payment Mercado Pago never made
    def phantom(db):
        a = db.create_attempt(gateway="instore_v2", now=now, expires_at=now + timedelta(minutes=5), message="m",
                              new_sale=("CAJA1", MLA, (CartLine("Mate", Decimal("300"), 1),), Decimal("300")))
        db.transition(a.id, S.PUBLISHING, now, "m")
        db.transition(a.id, S.WAITING, now, "m")
        db.complete_paid(a.id, [PaymentInfo(987654321, "approved", Decimal("300"))], now, "paid")

    await h.db(phantom)
    result = await reconcile_shift(rig.client, h.journal, await h.db(lambda db: db.shift(shift.id)),
                                   rig.config(), now=datetime.now(UTC), pos_number=2)
    assert result["status"] == "differences"
    assert [(m["external_reference"], m["amount"]) for m in result["missing_in_journal"]] == [("BACKDOOR-1",
                                                                                                "700.00")]
    assert [(u["receipt"], u["payment_id"]) for u in result["unconfirmed"]] == [("00002-00000002", 987654321)]
    report = await h.db(lambda db: build_shift_report(db, db.shift(shift.id), MLA, now=datetime.now(UTC),
                                                      reconciliation=result))
    assert report["reconciliation"]["status"] == "differences"


async def test_unreachable_mercado_pago_is_not_reconciled_and_the_close_goes_on(rig):
    h = await rig.engine()
    now = datetime.now(UTC)
    shift = await h.db(lambda db: db.open_shift("CAJA1", Decimal("0"), now))
    await rig.faults({"path": "*", "method": "GET", "kind": "drop"})  # Mercado Pago unreachable
    result = await reconcile_shift(rig.client, h.journal, shift, rig.config(), now=now)
    assert result == {"status": "not_reconciled", "missing_in_journal": [], "unconfirmed": []}
    closed = await h.db(lambda db: db.close_shift(shift.id, Decimal("0"), now, threshold=Decimal("0")))
    assert not closed.open


async def _paid_behind_the_back(rig, h, reference: str) -> datetime:
    now = datetime.now(UTC)
    await h.db(lambda db: db.open_shift("CAJA1", Decimal("0"), now))
    await rig.client.put_instore_order(rig.user_id, STORE, POS, InstoreOrder(
        reference, "Sale", Decimal("450"), (OrderItem("Something", Decimal("450"), 1),)), MLA)
    await rig.scan()
    await rig.pay()
    return now


@pytest.mark.parametrize("broken", [None, "/v1/payments/search", "/merchant_orders/search"])
async def test_an_order_paid_behind_the_registers_back_is_found_by_either_search(rig, broken):
    h = await rig.engine()
    await _paid_behind_the_back(rig, h, "CAJA1-77-1")  # looks like ours; the journal never made it
    if broken is not None:
        await rig.faults({"path": broken, "method": "GET", "kind": "status", "status": 400})
    shift = await h.db(lambda db: db.current_shift("CAJA1"))
    result = await reconcile_shift(rig.client, h.journal, shift, rig.config(), now=datetime.now(UTC))
    assert result["status"] == "differences"
    assert [(m["external_reference"], m["amount"]) for m in result["missing_in_journal"]] == [("CAJA1-77-1", "450.00")]
    expected = {None: ["payments", "merchant_orders"], "/v1/payments/search": ["merchant_orders"],
                "/merchant_orders/search": ["payments"]}[broken]
    assert result["sources"] == expected


async def test_both_searches_down_is_not_reconciled(rig):
    h = await rig.engine()
    await _paid_behind_the_back(rig, h, "CAJA1-78-1")
    await rig.faults({"path": "/v1/payments/search", "method": "GET", "kind": "status", "status": 400},
                     {"path": "/merchant_orders/search", "method": "GET", "kind": "status", "status": 400})
    shift = await h.db(lambda db: db.current_shift("CAJA1"))
    result = await reconcile_shift(rig.client, h.journal, shift, rig.config(), now=datetime.now(UTC))
    assert result["status"] == "not_reconciled"


async def test_the_merchant_orders_search_honours_the_window_and_pages(rig):
    from qrcashier.checkout import shift_reconcile

    h = await rig.engine()
    now = await _paid_behind_the_back(rig, h, "CAJA1-79-1")
    await _paid_behind_the_back_again(rig)
    inside = await shift_reconcile.search_merchant_orders(rig.client, now - timedelta(minutes=5),
                                                           datetime.now(UTC) + timedelta(minutes=5))
    assert {"CAJA1-79-1", "CAJA1-80-1"} <= {mo["external_reference"] for mo in inside}
    before = await shift_reconcile.search_merchant_orders(rig.client, now - timedelta(days=2), now - timedelta(days=1))
    assert before == []  # the sandbox filters by last_updated_from/_to as sent
    old_page = shift_reconcile.PAGE
    shift_reconcile.PAGE = 1  # one order a page: the loop follows the offsets to the end
    try:
        paged = await shift_reconcile.search_merchant_orders(rig.client, now - timedelta(minutes=5),
                                                              datetime.now(UTC) + timedelta(minutes=5))
    finally:
        shift_reconcile.PAGE = old_page
    assert [mo["id"] for mo in paged] == [mo["id"] for mo in inside]


async def _paid_behind_the_back_again(rig) -> None:
    await rig.client.put_instore_order(rig.user_id, STORE, POS, InstoreOrder(
        "CAJA1-80-1", "Sale", Decimal("20"), (OrderItem("Other", Decimal("20"), 1),)), MLA)
    await rig.scan()
    await rig.pay()
