"""A journal written by the schema-3 release (tests/fixtures/journal_v3.sqlite3) opens in this one
with every sale, attempt, payment, refund, receipt and audit row intact."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.checkout.journal import SCHEMA_VERSION, JournalDB
from qrcashier.domain.sale import AttemptState as S

FIXTURE = Path(__file__).parents[2] / "fixtures" / "journal_v3.sqlite3"
STATES = ["created", "publishing", "waiting", "unknown", "cancel_requested", "cancelled", "expired", "failed",
          "needs_review", "voided", "paid"]


@pytest.fixture
def old(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURE, path)
    db = JournalDB(path)
    yield db
    db.close()


def test_the_fixture_is_a_schema_3_file():
    import sqlite3

    db = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    finally:
        db.close()


def test_every_sale_and_attempt_survives_the_migration(old):
    assert old.version == SCHEMA_VERSION
    sales = sorted(old.sales(limit=100), key=lambda s: s.id)
    assert len(sales) == 12
    for n, sale in enumerate(sales[:11]):
        assert sale.register_id == f"CAJA{n}" and sale.site_id == "MLA"
        assert sale.total == Decimal("3801.00") and sale.code == f"{sale.id}_{old.tag}"
        assert [(line.title, line.unit_price, line.quantity, line.sku) for line in sale.lines] == [
            (f"Yerba {n}", Decimal("1500.50"), 2, f"SKU{n}"), ("Mate", Decimal("800.00"), 1, None)]
        (attempt,) = old.attempts(sale_id=sale.id)
        assert attempt.state == S(STATES[n])
        assert old.transitions(attempt.id)[-1].to_state == S(STATES[n])
        assert sale.status == ("paid" if STATES[n] == "paid" else "open")
    assert sales[11].status == "discarded" and sales[11].total == Decimal("100.00")
    failed = old.attempts(states=[S.FAILED])[0]
    assert str(failed.failure) == "refused"
    # a live attempt still blocks its register after the migration
    assert old.live_attempt("CAJA2") is not None and old.live_attempt("CAJA10") is None


def test_payments_refunds_receipts_and_audit_survive(old):
    paid = old.attempts(states=[S.PAID])[0]
    (payment,) = old.payments(attempt_id=paid.id)
    assert (payment.mp_payment_id, payment.amount, payment.merchant_order_id) == (9010, Decimal("3801.00"), 7010)
    (refund,) = old.refunds(mp_payment_id=9010)
    assert (refund.amount, refund.state, refund.mp_refund_id) == (Decimal("500.00"), "approved", 555)
    assert old.refundable(9010) == Decimal("3301.00")
    assert [r.kind for r in old.receipts(attempt_id=paid.id)] == ["original", "copy"]
    actions = {entry.action for entry in old.audit_log()}
    assert {"refund_requested", "sale_discarded", "settings_changed"} <= actions


def test_the_migration_numbers_old_paid_sales_and_gives_them_their_qr_tender(old):
    paid = old.attempts(states=[S.PAID])[0]
    assert old.receipt_number(paid.sale_id) == 1
    assert old.sale_by_receipt("CAJA10", 1) == paid.sale_id
    (tender,) = old.tenders(paid.sale_id)
    assert (tender.kind, tender.amount, tender.attempt_id) == ("qr", Decimal("3801.00"), paid.id)
    assert all(old.receipt_number(s.id) is None for s in old.sales(status="open"))
    assert old.current_shift("CAJA10") is None
