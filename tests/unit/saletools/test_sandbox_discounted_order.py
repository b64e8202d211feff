"""A discounted sale's order passes the sandbox's copy of Mercado Pago's v2 validation; a negative item does not."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.domain.cart import Cart
from qrcashier.domain.discount import Discount
from qrcashier.domain.money import site
from qrcashier.domain.payable import payable_lines
from qrcashier.mercadopago.models.orders import InstoreOrder, OrderItem
from qrcashier.sandbox import validation
from qrcashier.sandbox.errors import ApiError

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def _body(items, total, s):
    order = InstoreOrder("CAJA1-1_abc-1", "Compra", total, tuple(items), expiration_date=NOW + timedelta(minutes=10))
    return json.loads(json.dumps(order.to_json(s)), parse_float=Decimal)


@pytest.mark.parametrize("site_id", ["MLA", "MLC", "MLM"])
def test_a_discounted_order_is_accepted_and_adds_up(site_id):
    s = site(site_id)
    cart = Cart(s)
    cart.add("Alfajor", "40" if s.decimals else "400", 3)
    cart.add("Yerba", "3000", 1)
    cart.set_line_discount(0, Discount.create("amount", "20" if s.decimals else "200", "promo", s))
    cart.set_cart_discount(Discount.create("percent", "7.5", "staff", s))
    items = [OrderItem(title=line.title, unit_price=line.unit_price, quantity=line.quantity, unit_measure="unit")
             for line in payable_lines(cart.lines, s)]
    draft = validation.v2_order(_body(items, cart.total, s), site=s, collector_id=1, now=NOW)
    assert draft.total_amount == cart.total
    assert sum(i.total_amount for i in draft.items) == cart.total


def test_a_negative_discount_item_is_refused_as_mercado_pago_does():
    s = site("MLA")
    items = [OrderItem(title="Yerba", unit_price=Decimal("100"), quantity=1, unit_measure="unit"),
             OrderItem(title="Descuento", unit_price=Decimal("-10"), quantity=1, unit_measure="unit")]
    with pytest.raises(ApiError) as info:
        validation.v2_order(_body(items, Decimal("90"), s), site=s, collector_id=1, now=NOW)
    assert "invalid_items.unit_price" in str(info.value.__dict__)
