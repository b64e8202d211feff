"""Amounts typed as the site writes them read back as the same amount; what could mean two things is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qrcashier.domain.money import MAX_AMOUNT, SITES, InvalidAmount, parse_amount
from qrcashier.domain.receipt import format_money

MLA, MLM, MLC, MPE = SITES["MLA"], SITES["MLM"], SITES["MLC"], SITES["MPE"]


@st.composite
def site_and_amount(draw):
    site = draw(st.sampled_from(sorted(SITES.values(), key=lambda s: s.id)))
    units = draw(st.integers(min_value=1, max_value=int(MAX_AMOUNT) * 10**site.decimals))
    return site, Decimal(units).scaleb(-site.decimals)


@given(site_and_amount())
def test_every_amount_the_app_shows_reads_back_as_itself(case):
    site, amount = case
    shown = format_money(amount, site)
    assert parse_amount(shown, site) == amount
    assert parse_amount(shown.replace(" ", "\u00a0"), site) == amount  # as the supervisor dialogs show it
    number = shown.removeprefix(site.symbol).strip()  # typed without the symbol
    assert parse_amount(number, site) == amount


@pytest.mark.parametrize(
    ("site", "text", "amount"),
    [
        (MLA, "1.000", "1000"),  # how the app writes a thousand pesos: once read as 1.00
        (MLA, "12.000", "12000"),
        (MLA, "1.234.567,89", "1234567.89"),
        (MLA, "3500,50", "3500.50"),
        (MLA, "2.50", "2.50"),  # a "." not followed by three digits cannot group thousands: the plain form
        (MLA, "$ 1.000,00", "1000.00"),
        (MLC, "5.200", "5200"),
        (MLM, "1,000", "1000"),
        (MLM, "$1,234.50", "1234.50"),
        (MPE, "S/ 1,234.50", "1234.50"),
    ],
)
def test_text_is_read_with_the_sites_separators(site, text, amount):
    assert parse_amount(text, site) == Decimal(amount)


@pytest.mark.parametrize(
    ("site", "text", "message"),
    [
        (MLM, "1.000", r"reads as 1 with 3 decimals after '\.'.*1,000"),  # an es-style thousand in Mexico
        (MLM, "2.500", "at most 2 decimals"),
        (MLA, "1,000", r"reads as 1 with 3 decimals after ','.*1\.000"),
        (MLM, "1,5", "ambiguous.*','.*thousands"),
        (MLM, "1.000.000", "ambiguous"),
        (MLA, "1.234.5", "ambiguous"),
        (MLA, "1,000.50", "ambiguous"),
        (MLA, "1.00,5", "ambiguous"),
        (MLC, "1.000,5", "whole numbers"),
    ],
)
def test_ambiguous_text_is_refused_saying_how_it_was_read(site, text, message):
    with pytest.raises(InvalidAmount, match=message):
        parse_amount(text, site)


@pytest.mark.parametrize("text", ["1e-999999999", "1E3", "1e12", "2.5e2", "-1e-2"])
def test_exponents_are_refused(text):
    with pytest.raises(InvalidAmount, match="exponent"):
        parse_amount(text, MLA)


def test_a_decimal_too_small_to_normalize_is_refused_not_rounded_to_zero():
    with pytest.raises(InvalidAmount, match="at most 2 decimals"):
        parse_amount(Decimal("1e-999999999"), MLA, allow_zero=True)
    assert parse_amount(Decimal("1E+3"), MLA) == Decimal("1000.00")
