"""Tenders, change and expected cash in Decimal, with the site's rules; hypothesis for the arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qrcashier.domain.money import SITES, InvalidAmount
from qrcashier.domain.tender import (
    Tender,
    TenderKind,
    TenderRefused,
    cash_tender,
    check_tenders,
    exact_cash,
    quick_amounts,
    split,
)
from qrcashier.domain.till import Movement, MovementKind, count_total, difference, expected_cash, needs_authorization

MLA, CLP, COP = SITES["MLA"], SITES["MLC"], SITES["MCO"]
CEILING = Decimal("1000000")


def test_change_for_a_cash_sale():
    t = cash_tender(Decimal("3801.50"), "5.000", MLA, ceiling=CEILING)
    assert (t.kind, t.amount, t.received, t.change) == (TenderKind.CASH, Decimal("3801.50"), Decimal("5000.00"),
                                                         Decimal("1198.50"))
    assert exact_cash(Decimal("10"), MLA) == Tender(TenderKind.CASH, Decimal("10.00"), Decimal("10.00"),
                                                    Decimal("0.00"))


@pytest.mark.parametrize("site", [CLP, COP])
def test_clp_and_cop_take_whole_units(site):
    assert cash_tender(Decimal("4990"), "10000", site, ceiling=CEILING).change == Decimal("5010")
    with pytest.raises(InvalidAmount, match="whole numbers"):
        cash_tender(Decimal("4990"), Decimal("5000.50"), site, ceiling=CEILING)


@pytest.mark.parametrize(("received", "message"), [
    ("3000", "less than"), ("-5000", "negative"), ("abc", "not a number"), ("5000,555", "at most 2 decimals"),
    ("2000000", "limit"), ("0", "zero"),
])
def test_refusals(received, message):
    with pytest.raises(InvalidAmount, match=message):
        cash_tender(Decimal("3801.50"), received, MLA, ceiling=CEILING)


def test_less_than_due_is_a_tender_refusal():
    with pytest.raises(TenderRefused):
        cash_tender(Decimal("100"), "99.99", MLA, ceiling=CEILING)


def test_quick_amounts_and_split():
    notes = [Decimal(n) for n in (1000, 2000, 10000, 20000)]
    assert quick_amounts(Decimal("3801.50"), notes) == [Decimal(4000), Decimal(10000), Decimal(20000)]
    assert split(Decimal("3801.50"), Decimal("1000"), MLA) == Decimal("2801.50")
    with pytest.raises(TenderRefused):
        split(Decimal("100"), Decimal("100"), MLA)


def test_tenders_must_add_up_and_cash_has_received_and_change():
    check_tenders(Decimal("10.00"), [exact_cash(Decimal("4"), MLA), Tender(TenderKind.QR, Decimal("6.00"))])
    with pytest.raises(InvalidAmount):
        check_tenders(Decimal("10.00"), [Tender(TenderKind.QR, Decimal("6.00"))])
    with pytest.raises(InvalidAmount):
        Tender(TenderKind.CASH, Decimal("5"))
    with pytest.raises(InvalidAmount):
        Tender(TenderKind.CASH, Decimal("5"), Decimal("10"), Decimal("4"))


def test_count_by_denomination_and_threshold():
    assert count_total({Decimal(1000): 3, Decimal("0.50"): 3}, MLA) == Decimal("3001.50")
    with pytest.raises(InvalidAmount):
        count_total({Decimal(1000): -1}, MLA)
    assert needs_authorization(Decimal("-600"), Decimal("500")) and not needs_authorization(Decimal("500"),
                                                                                             Decimal("500"))


cents = st.integers(min_value=1, max_value=10_000_000).map(lambda c: Decimal(c).scaleb(-2))
pesos = st.integers(min_value=1, max_value=10_000_000).map(Decimal)


@given(due=cents, extra=st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c).scaleb(-2)))
def test_change_is_exact_for_any_amounts(due, extra):
    t = cash_tender(due, due + extra, MLA, ceiling=Decimal("999999999"))
    assert t.change == extra and t.received - t.change == t.amount == due and t.change.as_tuple().exponent == -2


@given(due=pesos, extra=st.integers(min_value=0, max_value=10_000_000))
def test_clp_change_is_whole(due, extra):
    t = cash_tender(due, due + extra, CLP, ceiling=Decimal("999999999"))
    assert t.change == extra and t.change.as_tuple().exponent == 0


event = st.one_of(
    st.tuples(st.just("sale"), cents, cents),  # a sale with a cash part and a QR part
    st.tuples(st.just("in"), cents, st.just(Decimal(0))),
    st.tuples(st.just("out"), cents, st.just(Decimal(0))),
    st.tuples(st.just("refund"), cents, st.just(Decimal(0))),
)


@given(float_amount=cents, events=st.lists(event, max_size=40), counted=cents)
def test_expected_cash_equals_the_formula_for_any_day(float_amount, events, counted):
    cash, movements, refunds, qr = [], [], [], []
    drawer = float_amount  # a cash drawer simulated note by note
    for kind, a, b in events:
        if kind == "sale":
            tenders = [cash_tender(a, a + b, MLA, ceiling=Decimal("999999999")), Tender(TenderKind.QR, b)]
            check_tenders(a + b, tenders)
            cash.append(tenders[0].amount)
            qr.append(b)
            drawer += tenders[0].received - tenders[0].change
        elif kind == "refund":
            refunds.append(a)
            drawer -= a
        else:
            movements.append(Movement(MovementKind(kind), a, "why"))
            drawer += a if kind == "in" else -a
    expected = expected_cash(float_amount, cash, movements, refunds)
    assert expected == drawer
    assert expected == (float_amount + sum(cash, Decimal(0)) + sum(m.amount for m in movements if m.kind == "in")
                        - sum(m.amount for m in movements if m.kind == "out") - sum(refunds, Decimal(0)))
    assert difference(counted, expected) + expected == counted
