"""Attempt states, references, and the paid decision, without any I/O."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qrcashier.domain.sale import (
    FINAL_STATES,
    LIVE_STATES,
    TRANSITIONS,
    AttemptState,
    IllegalTransition,
    InvalidReference,
    OrderSnapshot,
    Outcome,
    PaymentInfo,
    build_reference,
    check_transition,
    decide,
    parse_reference,
    refundable,
)

S = AttemptState
REF = "CAJA1-42_ab3xy-1"
TOTAL = Decimal("100.00")


def mo(mo_id, status="opened", *payments, ref=REF, total=TOTAL):
    return OrderSnapshot(mo_id, status, ref, total, tuple(payments))


def pay(pid, status="approved", amount=TOTAL, detail=None):
    return PaymentInfo(pid, status, Decimal(amount), detail)


# --- states ------------------------------------------------------------------------------------

def test_every_state_has_its_transitions_and_finals_go_nowhere():
    assert set(TRANSITIONS) == set(AttemptState)
    for state in FINAL_STATES - {S.CANCELLED, S.EXPIRED}:
        assert TRANSITIONS[state] == frozenset()
    for state in (S.CANCELLED, S.EXPIRED):  # a payment that lands late still wins
        assert TRANSITIONS[state] == {S.PAID}
    assert not LIVE_STATES & FINAL_STATES
    assert S.NEEDS_REVIEW not in LIVE_STATES | FINAL_STATES  # settled only by a supervisor or a payment


def test_paid_is_reachable_from_every_state_where_money_can_arrive():
    for state in (S.WAITING, S.UNKNOWN, S.CANCEL_REQUESTED, S.NEEDS_REVIEW):
        check_transition(state, S.PAID)


@pytest.mark.parametrize(
    ("old", "new"),
    [(S.PAID, S.CANCELLED), (S.VOIDED, S.PAID), (S.CREATED, S.PAID), (S.EXPIRED, S.WAITING), (S.FAILED, S.PUBLISHING),
     (S.CANCEL_REQUESTED, S.WAITING)],
)
def test_forbidden_moves_raise(old, new):
    with pytest.raises(IllegalTransition):
        check_transition(old, new)


# --- references --------------------------------------------------------------------------------

def test_reference_round_trip():
    ref = build_reference("CAJA_1", "42_ab3xy", 3)
    assert ref == "CAJA_1-42_ab3xy-3"
    assert parse_reference(ref) == ("CAJA_1", "42_ab3xy", 3)


@pytest.mark.parametrize(
    ("register", "sale", "attempt"),
    [("CAJA-1", "1", 1), ("", "1", 1), ("CAJA 1", "1", 1), ("C" * 25, "1", 1), ("C", "a-b", 1), ("C", "1", 0),
     ("C", "1", 10_000), ("C", "1" * 61, 1), ("CAJA", "1", True)],
)
def test_bad_reference_parts_are_refused(register, sale, attempt):
    with pytest.raises(InvalidReference):
        build_reference(register, sale, attempt)


@pytest.mark.parametrize("ref", ["", "a-b", "a-b-c", "a-b-1-2", "a b-c-1", "a-b-1" + "x" * 64, "á-b-1"])
def test_bad_references_do_not_parse(ref):
    with pytest.raises(InvalidReference):
        parse_reference(ref)


@settings(max_examples=80, deadline=None)
@given(
    st.from_regex(r"[A-Za-z0-9_]{1,24}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9_]{1,20}", fullmatch=True),
    st.integers(1, 9999),
)
def test_every_built_reference_is_valid_and_parses_back(register, sale, attempt):
    ref = build_reference(register, sale, attempt)
    assert len(ref) <= 64
    assert parse_reference(ref) == (register, sale, attempt)


# --- the paid decision -------------------------------------------------------------------------

def test_nothing_then_scanned():
    assert decide(TOTAL, REF, []).outcome == Outcome.NOTHING
    assert decide(TOTAL, REF, [mo(1)]).outcome == Outcome.SCANNED


def test_closed_and_covered_is_paid():
    d = decide(TOTAL, REF, [mo(1, "closed", pay(10))])
    assert d.outcome == Outcome.PAID
    assert [p.mp_payment_id for p in d.payments] == [10]
    assert d.warnings == ()


def test_opened_with_approved_payment_is_not_paid():
    # "opened" is never final, even with money on it: the order is not closed.
    assert decide(TOTAL, REF, [mo(1, "opened", pay(10, amount="40"))]).outcome == Outcome.PARTIAL


def test_rejected_keeps_waiting_and_a_later_approval_pays():
    rejected = decide(TOTAL, REF, [mo(1, "opened", pay(10, "rejected", detail="cc_rejected_insufficient_amount"))])
    assert rejected.outcome == Outcome.REJECTED
    assert rejected.rejected[0].status_detail == "cc_rejected_insufficient_amount"
    paid = decide(TOTAL, REF, [mo(1, "closed", pay(10, "rejected"), pay(11))])
    assert paid.outcome == Outcome.PAID and [p.mp_payment_id for p in paid.payments] == [11]


def test_partial_payment_needs_review():
    d = decide(TOTAL, REF, [mo(1, "opened", pay(10, amount="60"))])
    assert d.outcome == Outcome.PARTIAL and d.approved_total == Decimal("60")


def test_closed_but_short_is_a_mismatch():
    d = decide(TOTAL, REF, [mo(1, "closed", pay(10, amount="90"), total=Decimal("90"))])
    assert d.outcome == Outcome.MISMATCH


def test_other_references_are_ignored():
    other = mo(1, "closed", pay(10), ref="CAJA1-42_ab3xy-2")
    assert decide(TOTAL, REF, [other]).outcome == Outcome.NOTHING


def test_two_scans_one_paid():
    d = decide(TOTAL, REF, [mo(1, "opened"), mo(2, "closed", pay(20))])
    assert d.outcome == Outcome.PAID and d.merchant_order_ids == (1, 2)
    assert d.open_orders == (1,)


def test_paid_twice_is_paid_with_a_warning():
    d = decide(TOTAL, REF, [mo(1, "closed", pay(10)), mo(2, "closed", pay(20))])
    assert d.outcome == Outcome.PAID
    assert {p.mp_payment_id for p in d.payments} == {10, 20}
    assert "paid 2 times" in d.warnings[0]


def test_expired_only_when_every_order_expired():
    assert decide(TOTAL, REF, [mo(1, "expired")]).outcome == Outcome.EXPIRED
    assert decide(TOTAL, REF, [mo(1, "expired"), mo(2, "opened")]).outcome == Outcome.SCANNED


def test_pending_payment_is_only_scanned():
    assert decide(TOTAL, REF, [mo(1, "opened", pay(10, "in_process"))]).outcome == Outcome.SCANNED


statuses = st.sampled_from(["approved", "rejected", "pending", "in_process", "cancelled", "refunded"])
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("300"), places=2)


@settings(max_examples=200, deadline=None)
@given(st.lists(
    st.tuples(st.sampled_from(["opened", "closed", "expired"]), st.booleans(),
              st.lists(st.tuples(statuses, amounts), max_size=3)),
    max_size=4,
))
def test_paid_exactly_when_a_closed_order_of_ours_covers_the_total(raw):
    orders, pid = [], 0
    for n, (status, ours, payments) in enumerate(raw):
        infos = []
        for st_, amount in payments:
            pid += 1
            infos.append(PaymentInfo(pid, st_, amount))
        orders.append(mo(n, status, *infos, ref=REF if ours else "OTHER-1-1"))
    d = decide(TOTAL, REF, orders)
    covered = any(o.external_reference == REF and o.status == "closed" and o.approved_total >= TOTAL for o in orders)
    assert (d.outcome == Outcome.PAID) == covered
    if d.outcome != Outcome.PAID and any(o.external_reference == REF and o.approved_total > 0 for o in orders):
        assert d.outcome in (Outcome.PARTIAL, Outcome.MISMATCH)  # money we cannot account for is never ignored


def test_refundable():
    assert refundable(Decimal("100"), [Decimal("30"), Decimal("20")]) == Decimal("50")
    assert refundable(Decimal("100"), [Decimal("100")]) == 0
