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
