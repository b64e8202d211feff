"""The cart model keeps discounts as the cashier gave them when a line is repriced (F7): a percent
stays a percent of the new price, the cart's percent follows the new total, and the lines still add
up to the total (issue 17: the rebuild used to freeze every discount into an amount)."""

from __future__ import annotations

from decimal import Decimal

from qrcashier.domain.discount import Discount, DiscountKind
from qrcashier.domain.money import SITES
from qrcashier.ui.sale.cart_view import CartModel

MLA = SITES["MLA"]


def test_a_percent_line_discount_stays_a_percent_after_a_new_price(qapp):
    model = CartModel(MLA)
    model.add_item("Yerba", Decimal("2000"), 2, sku="Y1")
    model.add_item("Mate", Decimal("500"), 1, sku="M1")
    model.cart.set_line_discount(0, Discount.create(DiscountKind.PERCENT, "10", "promo", MLA))
    assert model.cart.lines[0].discount == Decimal("400.00")
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.set_price(0, "3000")
    line = model.cart.lines[0]
    assert (line.unit_price, line.discount, line.discount_reason) == (Decimal("3000.00"), Decimal("600.00"), "promo")
    assert model.cart.line_discount(0) == Discount.create(DiscountKind.PERCENT, "10", "promo", MLA)
    assert model.total == Decimal("5900.00") == sum(x.total(MLA) for x in model.cart.lines)
    assert changed == [(0, 0)]


def test_a_percent_cart_discount_follows_a_repriced_line_on_every_row(qapp):
    model = CartModel(MLA)
    model.add_item("Yerba", Decimal("2000"), 1, sku="Y1")
    model.add_item("Mate", Decimal("1000"), 1, sku="M1")
    model.cart.set_cart_discount(Discount.create(DiscountKind.PERCENT, "10", "cliente", MLA))
    assert model.total == Decimal("2700.00")
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.set_price(1, "4000")
    assert model.cart.cart_discount is not None and model.cart.cart_discount.kind is DiscountKind.PERCENT
    assert model.total == Decimal("5400.00") == sum(x.total(MLA) for x in model.cart.lines)
    assert [x.discount for x in model.cart.lines] == [Decimal("200.00"), Decimal("400.00")]
    assert changed == [(0, 1)]  # both rows show their new share


def test_an_amount_line_discount_stays_that_amount(qapp):
    model = CartModel(MLA)
    model.add_item("Yerba", Decimal("2000"), 1, sku="Y1")
    model.cart.set_line_discount(0, Discount.create(DiscountKind.AMOUNT, "150", "golpe", MLA))
    model.set_price(0, "2500")
    assert model.cart.lines[0].discount == Decimal("150.00") and model.total == Decimal("2350.00")


def test_a_resumed_cart_is_shown_as_it_is_with_its_specs(qapp):
    from qrcashier.domain.cart import Cart

    cart = Cart(MLA)
    cart.add("Yerba", "2000", 1)
    cart.set_cart_discount(Discount.create(DiscountKind.PERCENT, "10", "cliente", MLA))
    model = CartModel(MLA)
    model.set_cart(cart)
    assert model.cart is cart and model.rowCount() == 1 and model.total == Decimal("1800.00")
    model.set_quantity(0, 2)
    assert model.total == Decimal("3600.00")  # still 10 %, of the new amount
