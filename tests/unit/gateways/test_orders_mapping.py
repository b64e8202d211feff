"""decide_order: every Orders API status and status_detail mapped onto the engine's outcomes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.checkout.gateway_orders import ORDER_STILL_PAYABLE, decide_order
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import Outcome
from qrcashier.mercadopago.orders import Order

MLA = SITES["MLA"]
REF = "CAJA1-S1-1"
TOTAL = Decimal("5200.00")


def order(status: str, detail: str | None = None, *, tx_status: str | None = None, tx_detail: str | None = None,
          paid: str | None = None, reference_id: str | None = "137159042654", reference: str = REF,
          total_paid: str | None = None) -> Order:
    tx = {"id": "PAY01KC220W64G2BQFHHEY4M74MGJ", "amount": "5200.00", "status": tx_status or status,
          "status_detail": tx_detail or detail or status}
    if paid is not None:
        tx["paid_amount"] = paid
    if reference_id is not None:
        tx["reference_id"] = reference_id
    body = {"id": "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ", "status": status, "status_detail": detail or status,
            "external_reference": reference, "total_amount": "5200.00", "transactions": {"payments": [tx]}}
    if total_paid is not None:
        body["total_paid_amount"] = total_paid
    return Order.from_json(body)


# (order status, status_detail, tx status, tx detail, paid) -> engine outcome
TABLE = [
    ("created", "created", "created", "ready_to_process", None, Outcome.NOTHING),
    ("created", "created", "failed", "rejected_by_issuer", None, Outcome.REJECTED),
    ("processed", "accredited", "processed", "accredited", "5200.00", Outcome.PAID),
    ("processed", "partially_refunded", "processed", "partially_refunded", "5200.00", Outcome.PAID),
    ("refunded", "refunded", "refunded", "refunded", "5200.00", Outcome.PAID),
    ("processed", "accredited", "processed", "accredited", "5000.00", Outcome.MISMATCH),
    ("expired", "expired", "expired", "expired", None, Outcome.EXPIRED),
    ("canceled", "canceled", "canceled", "canceled_by_api", None, Outcome.CANCELLED),
    ("failed", "failed", "failed", "insufficient_amount", None, Outcome.CANCELLED),
    ("action_required", "waiting_payment", "action_required", "waiting_payment", None, Outcome.SCANNED),
    ("processing", "in_process", "processing", "in_process", None, Outcome.SCANNED),
    ("charged_back", "charged_back", "processed", "accredited", "5200.00", Outcome.MISMATCH),
    ("something_new", "whatever", "something_new", "whatever", None, Outcome.SCANNED),
    ("something_new", "whatever", "something_new", "whatever", "100.00", Outcome.PARTIAL),
]


@pytest.mark.parametrize(("status", "detail", "tx_status", "tx_detail", "paid", "outcome"), TABLE,
                         ids=[f"{r[0]}/{r[1]}/{r[2]}" for r in TABLE])
def test_status_table(status, detail, tx_status, tx_detail, paid, outcome):
    decision = decide_order(order(status, detail, tx_status=tx_status, tx_detail=tx_detail, paid=paid), TOTAL, REF, MLA)
    assert decision.outcome == outcome


def test_paid_records_the_classic_payment_id_and_amount():
    decision = decide_order(order("processed", "accredited", paid="5200.00"), TOTAL, REF, MLA)
    assert [(p.mp_payment_id, p.status, p.amount) for p in decision.payments] == [(137159042654, "approved", TOTAL)]
    assert decision.approved_total == TOTAL and decision.warnings == () and decision.open_orders == ()


def test_total_paid_amount_counts_when_payments_lack_paid_amount():
    decision = decide_order(order("processed", "accredited", total_paid="5200.00"), TOTAL, REF, MLA)
    assert decision.outcome == Outcome.PAID and decision.payments[0].amount == TOTAL


def test_overpaid_and_refunded_carry_warnings():
    over = decide_order(order("processed", "accredited", paid="5300.00"), TOTAL, REF, MLA)
    assert over.outcome == Outcome.PAID and "100.00 more" in over.warnings[0]
    refunded = decide_order(order("refunded", "refunded", paid="5200.00"), TOTAL, REF, MLA)
    assert any("refund" in w for w in refunded.warnings)


def test_a_rejection_reports_the_rejected_payment():
    decision = decide_order(order("created", tx_status="failed", tx_detail="rejected_by_issuer"), TOTAL, REF, MLA)
    assert [(p.mp_payment_id, p.status_detail) for p in decision.rejected] == [(137159042654, "rejected_by_issuer")]
    assert decision.payments == ()


def test_processed_without_a_payment_id_is_reviewed_not_paid():
    decision = decide_order(order("processed", "accredited", paid="5200.00", reference_id=None), TOTAL, REF, MLA)
    assert decision.outcome == Outcome.MISMATCH


def test_an_order_of_another_reference_is_a_mismatch():
    decision = decide_order(order("processed", "accredited", paid="5200.00", reference="CAJA1-S9-1"), TOTAL, REF, MLA)
    assert decision.outcome == Outcome.MISMATCH


def test_only_a_created_order_is_still_payable():
    assert decide_order(order("created"), TOTAL, REF, MLA).open_orders == (ORDER_STILL_PAYABLE,)
    for status in ("canceled", "expired", "failed"):
        assert decide_order(order(status), TOTAL, REF, MLA).open_orders == ()


def test_amounts_are_in_the_site_unit():
    clp = SITES["MLC"]
    decision = decide_order(order("processed", "accredited", paid="5200"), Decimal("5200"), REF, clp)
    assert decision.outcome == Outcome.PAID and decision.payments[0].amount == Decimal("5200")
