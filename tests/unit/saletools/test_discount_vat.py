"""Discounts, VAT by rate and Mercado Pago items: exact Decimal arithmetic for any cart (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qrcashier.domain.cart import Cart
from qrcashier.domain.discount import Discount, InvalidDiscount, allocate, approval_needed
from qrcashier.domain.money import SITES, site
from qrcashier.domain.payable import payable_lines
from qrcashier.domain.returns import InvalidReturn, return_amount
from qrcashier.domain.vat import InvalidRate, breakdown, parse_rate, rates

SITE_IDS = sorted(SITES)


@st.composite
def carts(draw):
    s = SITES[draw(st.sampled_from(SITE_IDS))]
    cart = Cart(s)
    known = rates(s) or (None,)
    for _ in range(draw(st.integers(1, 6))):
        units = draw(st.integers(1, 500_000))
        price = Decimal(units) * s.quantum
        rate = draw(st.sampled_from(known))
        cart.add("item", price, draw(st.integers(1, 12)), vat_rate=rate)
    for i in range(len(cart)):
        if draw(st.booleans()):
            if draw(st.booleans()):
                pct = Decimal(draw(st.integers(1, 10000))) / 100
                cart.set_line_discount(i, Discount.create("percent", pct, "promo", s))
            else:
                gross = cart.lines[i].gross(s)
                units = draw(st.integers(1, int(gross / s.quantum)))
                cart.set_line_discount(i, Discount.create("amount", Decimal(units) * s.quantum, "damaged", s))
    if draw(st.booleans()):
        pct = Decimal(draw(st.integers(1, 10000))) / 100
        cart.set_cart_discount(Discount.create("percent", pct, "staff", s))
    return cart


@settings(max_examples=300, deadline=None)
@given(carts())
def test_lines_add_up_to_the_total_and_the_discount(cart):
    s = cart.site
    lines = cart.lines
    assert sum((line.total(s) for line in lines), Decimal(0)) == cart.total
    assert all(0 <= line.discount <= line.gross(s) for line in lines)
    assert cart.subtotal - sum((line.discount for line in lines), Decimal(0)) == cart.total
    assert all(line.total(s) == line.total(s).quantize(s.quantum) for line in lines)


@settings(max_examples=300, deadline=None)
@given(carts())
def test_tax_by_rate_adds_up_to_the_total_and_the_total_tax(cart):
    s = cart.site
    taxes = breakdown(((line.vat_rate, line.total(s)) for line in cart.lines), s)
    assert sum((t.net + t.tax for t in taxes), Decimal(0)) == cart.total
    assert len({t.rate for t in taxes}) == len(taxes)
    for t in taxes:  # each rate's tax is its gross split once, within one unit of the exact value
        exact = (t.gross - t.gross / (1 + t.rate / 100))
        assert abs(t.tax - exact) <= s.quantum
        assert t.tax == t.tax.quantize(s.quantum)


@settings(max_examples=300, deadline=None)
@given(carts())
def test_mercado_pago_items_are_positive_and_add_up(cart):
    s = cart.site
    items = payable_lines(cart.lines, s)
    assert all(item.unit_price > 0 and item.quantity >= 1 for item in items)
    assert all(item.unit_price == item.unit_price.quantize(s.quantum) for item in items)
    total = sum((item.unit_price * item.quantity for item in items), Decimal(0))
    assert total == cart.total


@settings(max_examples=300, deadline=None)
@given(carts(), st.data())
def test_a_return_never_exceeds_what_was_paid(cart, data):
    s = cart.site
    paid_back = Decimal(0)
    for line in cart.lines:
        done = 0
        while done < line.quantity:
            k = data.draw(st.integers(1, line.quantity - done))
            paid_back += return_amount(line, done, k, s)
            done += k
        assert done == line.quantity
        with pytest.raises(InvalidReturn):
            return_amount(line, done, 1, s)
    assert paid_back == cart.total  # everything returned: exactly what was paid, never more


def test_allocation_is_exact_and_bounded():
    s = site("MLA")
    shares = allocate(Decimal("10.00"), [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")], s)
    assert sum(shares) == Decimal("10.00") and shares == [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")]
    with pytest.raises(InvalidDiscount):
        allocate(Decimal("10.01"), [Decimal("10.00")], s)


def test_bad_discounts_are_refused_with_a_sentence_and_change_nothing():
    s = site("MLA")
    cart = Cart(s)
    cart.add("Yerba 1kg", "3000", 1)
    with pytest.raises(InvalidDiscount, match="more than 100"):
        Discount.create("percent", "100.5", "x", s)
    with pytest.raises(InvalidDiscount, match="reason"):
        Discount.create("percent", "5", "  ", s)
    with pytest.raises(InvalidDiscount, match="above"):
        cart.set_line_discount(0, Discount.create("amount", "3000.01", "x", s))
    assert cart.total == Decimal("3000.00") and cart.line_discount(0) is None


def test_supervisor_limit_is_a_percent_of_what_the_discount_is_taken_from():
    s = site("MLA")
    assert not approval_needed(Discount.create("percent", "10", "x", s), Decimal("100"))
    assert approval_needed(Discount.create("percent", "10.01", "x", s), Decimal("100"))
    assert approval_needed(Discount.create("amount", "11", "x", s), Decimal("100"))
    assert not approval_needed(Discount.create("amount", "11", "x", s), Decimal("100"), Decimal("15"))


def test_a_three_for_one_hundred_line_becomes_two_items():
    s = site("MLA")
    cart = Cart(s)
    cart.add("Alfajor", "40", 3)
    cart.set_line_discount(0, Discount.create("amount", "20", "promo", s))
    items = payable_lines(cart.lines, s)
    assert [(i.unit_price, i.quantity) for i in items] == [(Decimal("33.33"), 2), (Decimal("33.34"), 1)]


def test_rates_are_the_sites_own():
    assert parse_rate("10,5", site("MLA")) == Decimal("10.5")
    with pytest.raises(InvalidRate, match="not a tax rate in AR"):
        parse_rate("19", site("MLA"))
    with pytest.raises(InvalidRate):
        parse_rate("abc", site("MLU"))
    taxes = breakdown([(Decimal(21), Decimal("121.00")), (Decimal("10.5"), Decimal("110.50"))], site("MLA"))
    assert [(t.rate, t.net, t.tax) for t in taxes] == [
        (Decimal(21), Decimal("100.00"), Decimal("21.00")), (Decimal("10.5"), Decimal("100.00"), Decimal("10.50"))]
    off = breakdown([(Decimal(21), Decimal("121.00"))], site("MLA"), enabled=False)
    assert [(t.rate, t.net, t.tax) for t in off] == [(Decimal(0), Decimal("121.00"), Decimal("0.00"))]


def test_a_percent_discount_follows_the_quantity_and_a_resumed_cart_keeps_its_amounts():
    s = site("MLA")
    cart = Cart(s)
    cart.add("Alfajor", "40", 3)
    cart.set_line_discount(0, Discount.create("percent", "10", "promo", s))
    cart.set_quantity(0, 5)
    assert cart.total == Decimal("180.00")
    resumed = Cart(s, cart.lines)  # as a parked cart comes back
    assert resumed.lines == cart.lines and resumed.total == Decimal("180.00")
