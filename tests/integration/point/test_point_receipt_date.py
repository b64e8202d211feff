"""Issue 14.3 on Point: the receipt's date is when the terminal's payment was processed, as the
sandbox's frozen clock (months away from the register's now) wrote it in the order's
`last_updated_date`, printed in the site's zone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader
from qrcashier.domain.sale import AttemptState as S
from tests.integration.point.conftest import START, PointRig

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]


async def test_a_point_receipt_prints_when_the_order_was_processed(point_rig: PointRig):
    h = await point_rig.engine()
    cart = Cart(MLA)
    cart.add("Yerba 1kg", "1500.50", 2)
    attempt = await h.engine.charge(cart, tender="point")
    await point_rig.advance(90)  # the customer pays 90 s (sandbox time) after the order was made
    await point_rig.tap("approve")
    await h.wait_state(attempt.id, S.PAID)
    (order,) = point_rig.point_orders(attempt.reference)
    (issued,) = await h.db(lambda db: db.receipts(attempt_id=attempt.id, kind="original"))
    receipt = await h.engine.receipt_for(issued, StoreHeader("Kiosco", "Caja 1", MLA))
    assert abs(receipt.paid_at - order.last_updated_date) < timedelta(milliseconds=1)
    assert START + timedelta(seconds=90) <= receipt.paid_at < START + timedelta(seconds=120)
    assert abs(issued.issued_at - receipt.paid_at) > timedelta(days=1)  # the register's own now is far away
    assert receipt.paid_at.utcoffset() == timedelta(hours=-3)
    assert receipt.paid_at.strftime("%d/%m/%Y %H:%M:%S") in receipt.to_text()
