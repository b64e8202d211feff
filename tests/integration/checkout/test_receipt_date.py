"""Issue 14.3 against the sandbox over loopback, on every API: the customer pays at a moment the
sandbox's clock sets (five minutes after the register's now), and the receipt prints that moment,
Mercado Pago's `date_approved` (the processed order's `last_updated_date` for the Orders API), in
the site's time zone, not when the register learnt of it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader
from qrcashier.domain.sale import AttemptState as S

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]
AHEAD = 300  # seconds the sandbox's clock runs ahead of the register's when the customer pays


async def test_the_receipt_prints_mercado_pagos_approval_time(rig):
    h = await rig.engine()
    cart = Cart(MLA)
    cart.add("Yerba 1kg", "1500.50", 2)
    attempt = await h.engine.charge(cart)
    assert attempt.state == S.WAITING
    rig.server.state.clock.advance(AHEAD)  # the sandbox's controllable clock: its date_approved is later
    assert await rig.pay()
    await h.wait_state(attempt.id, S.PAID)
    (sandbox_payment,) = rig.sandbox_payments(attempt.reference)
    approved = sandbox_payment.date_approved
    (issued,) = await h.db(lambda db: db.receipts(attempt_id=attempt.id, kind="original"))
    receipt = await h.engine.receipt_for(issued, StoreHeader("Kiosco", "Caja 1", MLA))

    assert abs(receipt.paid_at - approved) < timedelta(seconds=1)  # Mercado Pago's, as it wrote it (ms)
    assert receipt.paid_at - issued.issued_at > timedelta(seconds=AHEAD - 10)  # not when the app learnt of it
    assert receipt.paid_at.utcoffset() == timedelta(hours=-3)  # Buenos Aires, whatever this machine's zone
    assert receipt.paid_at.strftime("%d/%m/%Y %H:%M") in receipt.to_text()
    (payment,) = await h.engine.payments(attempt_id=attempt.id)
    assert payment.approved_at is not None and payment.paid_at == payment.approved_at
