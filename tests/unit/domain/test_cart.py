"""The cart refuses bad input with a clear sentence, and its total is always the sum of its lines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qrcashier.domain.cart import MAX_LINES, MAX_TITLE, Cart, CartLine, InvalidCart, cart_total, validate_lines
from qrcashier.domain.money import MAX_AMOUNT, SITES, InvalidAmount

MLA = SITES["MLA"]
MLC = SITES["MLC"]


def test_add_lines_and_total():
    cart = Cart(MLA)
    cart.add("Yerba 1kg", "3500,50", 2, sku="7790387000014")
    cart.add("Galletitas", Decimal("1200"))
    assert cart.total == Decimal("8201.00")
    assert [line.total(MLA) for line in cart.lines] == [Decimal("7001.00"), Decimal("1200.00")]
    assert cart.lines[0].sku == "7790387000014"


@pytest.mark.parametrize(
    ("price", "message"),
    [
        ("-1", "cannot be negative"),
        ("0", "greater than zero"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("1000000000", "above the limit"),
        ("1e12", "exponent"),
        ("1,001", "at most 2 decimals"),  # "1.001" is 1001 pesos, as the app writes it
        ("abc", "not a number"),
        ("", "enter an amount"),
    ],
)
def test_bad_prices_are_refused_with_a_clear_message(price, message):
    with pytest.raises(InvalidAmount, match=message):
        Cart(MLA).add("Item", price)


def test_float_prices_are_refused():
    with pytest.raises(InvalidAmount, match="not float"):
        Cart(MLA).add("Item", 1.5)  # type: ignore[arg-type]


def test_whole_unit_sites_refuse_decimals():
    with pytest.raises(InvalidAmount, match="CLP amounts are whole numbers"):
        Cart(MLC).add("Pan", "990.5")
    assert Cart(MLC, [CartLine.create(MLC, "Pan", "990")]).total == Decimal("990")


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "item name is empty"),
        ("   ", "item name is empty"),
        ("x" * (MAX_TITLE + 1), "too long"),
        ("bad\x00name", "cannot be printed"),
        (None, "item name is missing"),
    ],
)
def test_bad_titles_are_refused(title, message):
    with pytest.raises(InvalidCart, match=message):
        Cart(MLA).add(title, "10")  # type: ignore[arg-type]


def test_whitespace_in_titles_is_collapsed():
    assert Cart(MLA).add("  Dulce \t de\nleche ", "10").title == "Dulce de leche"


@pytest.mark.parametrize(
    ("quantity", "message"), [(0, "at least 1"), (-2, "at least 1"), (10_000, "above"), (1.5, "whole"), (True, "whole")]
)
def test_bad_quantities_are_refused(quantity, message):
    with pytest.raises(InvalidCart, match=message):
        Cart(MLA).add("Item", "10", quantity)


def test_oversized_sku_and_too_many_lines():
    with pytest.raises(InvalidCart, match="item code is too long"):
        Cart(MLA).add("Item", "1", sku="9" * 41)
    cart = Cart(MLA)
    for n in range(MAX_LINES):
        cart.add(f"Item {n}", "1")
    with pytest.raises(InvalidCart, match="full"):
        cart.add("One more", "1")


def test_total_above_the_limit_is_refused():
    cart = Cart(MLA)
    cart.add("Car", str(MAX_AMOUNT))
    with pytest.raises(InvalidAmount, match="above the limit"):
        cart.add("Another car", "1")
    with pytest.raises(InvalidAmount, match="above the limit"):
        Cart(MLA).add("Many cars", str(MAX_AMOUNT), 2)


def test_empty_cart_cannot_be_charged():
    with pytest.raises(InvalidCart, match="cart is empty"):
        validate_lines([], MLA)


def test_validate_lines_rechecks_hand_built_lines():
    bad = CartLine("Item", Decimal("-5"), 1)  # built without create(): skipped every check
    with pytest.raises(InvalidAmount, match="negative"):
        validate_lines([bad], MLA)


def test_quantity_changes_and_removal():
    cart = Cart(MLA)
    cart.add("A", "2.50")
    cart.add("B", "1")
    cart.set_quantity(0, 4)
    assert cart.total == Decimal("11.00")
    assert cart.remove(1).title == "B"
    assert cart.total == Decimal("10.00")
    with pytest.raises(InvalidCart, match="no line 5"):
        cart.remove(4)


prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(SITES)), st.lists(st.tuples(prices, st.integers(1, 50)), min_size=1, max_size=12))
def test_the_total_always_equals_the_sum_of_the_lines(site_id, items):
    site = SITES[site_id]
    cart = Cart(site)
    for n, (price, quantity) in enumerate(items):
        if site.decimals == 0:
            price = price.to_integral_value() or Decimal(1)
        cart.add(f"Item {n}", price, quantity)
    assert cart.total == sum((line.unit_price * line.quantity for line in cart.lines), Decimal(0))
    assert cart.total == cart_total(cart.lines, site)
    assert cart.total.as_tuple().exponent == -site.decimals
    lines, total = validate_lines(cart.lines, site)
    assert total == cart.total and lines == cart.lines
