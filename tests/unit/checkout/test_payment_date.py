"""Issue 14.3: the receipt's date is when Mercado Pago approved the payment (its `date_approved`; the
processed order's `last_updated_date` for the Orders API and Point), kept in the journal and
printed in the site's time zone; payments recorded before the journal kept it fall back to
when they were recorded."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.checkout.gateway_orders import decide_order
from qrcashier.checkout.gateway_point import decide_point
from qrcashier.checkout.journal import JournalDB
from qrcashier.checkout.journal.records import PaymentRecord, paid_time
from qrcashier.checkout.journal.schema import MIGRATIONS, _migration_payment_approved, migrate
from qrcashier.checkout.merchant_orders import order_snapshot
from qrcashier.domain.cart import Cart, CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import StoreHeader, build_receipt
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import PaymentInfo
from qrcashier.domain.zones import site_zone
from qrcashier.mercadopago.models import MerchantOrder
from qrcashier.mercadopago.orders import Order
from qrcashier.mercadopago.point import PointOrder

MLA, MLM = SITES["MLA"], SITES["MLM"]
NOW = datetime(2030, 1, 15, 12, 0, tzinfo=UTC)
APPROVED = datetime(2030, 1, 15, 11, 53, 20, tzinfo=UTC)  # 6 min 40 s before the app learnt of it
FIXTURE = Path(__file__).parents[2] / "fixtures" / "journal_v5.sqlite3"
HEADER = StoreHeader("Kiosco", "Caja 1", MLA)


def _paid(db: JournalDB, payment: PaymentInfo):
    lines = (CartLine("Yerba", Decimal("1500.50"), 2),)
    attempt = db.create_attempt(gateway="fake", now=NOW - timedelta(minutes=8), expires_at=NOW + timedelta(minutes=2),
                                message="saved", new_sale=("CAJA1", MLA, lines, Decimal("3001.00")))
    db.transition(attempt.id, S.PUBLISHING, NOW, "sending")
    db.transition(attempt.id, S.WAITING, NOW, "on the QR")
    return db.complete_paid(attempt.id, [payment], NOW, "Paid.")


def test_the_journal_keeps_mercado_pagos_approval_and_the_receipt_prints_it_in_the_sites_zone(tmp_path):
    db = JournalDB(tmp_path / "j.sqlite3")
    try:
        attempt, issued = _paid(db, PaymentInfo(77, "approved", Decimal("3001.00"), "accredited", 5, APPROVED))
        (payment,) = db.payments(attempt_id=attempt.id)
        assert (payment.approved_at, payment.recorded_at, payment.paid_at) == (APPROVED, NOW, APPROVED)
        assert issued is not None and issued.issued_at == NOW
        when = paid_time(db.payments(attempt_id=attempt.id), issued.issued_at)
        receipt = build_receipt(db.sale(attempt.sale_id), issued, db.payments(attempt_id=attempt.id), HEADER,
                                paid_at=when)
    finally:
        db.close()
    assert receipt.paid_at == APPROVED and receipt.paid_at.utcoffset() == timedelta(hours=-3)
    assert "15/01/2030 08:53:20" in receipt.to_text()  # Buenos Aires, not the app's 12:00 UTC


def test_a_payment_without_a_date_falls_back_to_when_it_was_recorded(tmp_path):
    db = JournalDB(tmp_path / "j.sqlite3")
    try:
        attempt, issued = _paid(db, PaymentInfo(78, "approved", Decimal("3001.00")))
        (payment,) = db.payments(attempt_id=attempt.id)
        assert (payment.approved_at, payment.paid_at) == (None, NOW)
        assert issued is not None and paid_time([payment], issued.issued_at) == NOW
    finally:
        db.close()


def _record(pid: int, status: str, recorded: datetime, approved: datetime | None) -> PaymentRecord:
    return PaymentRecord(pid, pid, 1, None, Decimal("10"), status, None, recorded, approved)


def test_paid_time_is_the_last_approval_that_paid_the_sale_not_a_later_second_payment():
    first, second = APPROVED - timedelta(minutes=1), APPROVED
    payments = [
        _record(1, "rejected", NOW, first - timedelta(minutes=1)),
        _record(2, "approved", NOW, first),
        _record(3, "approved", NOW, second),  # two payments that together paid the total
        _record(4, "approved", NOW + timedelta(hours=1), NOW + timedelta(minutes=30)),  # paid twice, later
    ]
    assert paid_time(payments, NOW) == second
    assert paid_time([], NOW) == NOW  # a cash sale: when its receipt was issued


def test_each_api_gives_its_approval_date():
    mo = MerchantOrder.from_json({
        "id": 5, "status": "closed", "external_reference": "R", "total_amount": 100,
        "payments": [{"id": 9, "status": "approved", "transaction_amount": 100,
                      "date_approved": "2030-01-15T08:53:20.000-03:00"}],
    })
    assert order_snapshot(mo, MLA).payments[0].approved_at == APPROVED
    processed = {
        "id": "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ", "type": "qr", "external_reference": "R", "total_amount": "100.00",
        "total_paid_amount": "100.00", "status": "processed", "status_detail": "accredited",
        "created_date": "2030-01-15T11:50:00.000Z", "last_updated_date": "2030-01-15T11:53:20.000Z",
        "transactions": {"payments": [{"id": "PAY01KC220W64G2BQFHHEY4M74MGJ", "amount": "100.00",
                                       "paid_amount": "100.00", "reference_id": "137159042654",
                                       "status": "processed", "status_detail": "accredited"}]},
    }
    (payment,) = decide_order(Order.from_json(processed), Decimal("100.00"), "R", MLA).payments
    assert (payment.mp_payment_id, payment.approved_at) == (137159042654, APPROVED)
    point = PointOrder.from_json({**processed, "type": "point",
                                  "config": {"point": {"terminal_id": "NEWLAND_N950__SBX0000001"}}})
    (payment,) = decide_point(point, Decimal("100.00"), "R", MLA).payments
    assert payment.approved_at == APPROVED


def test_the_receipts_zone_is_the_sites_whatever_the_machines():
    assert APPROVED.astimezone(site_zone(MLM)).strftime("%H:%M") == "05:53"  # Mexico City, UTC-6
    assert APPROVED.astimezone(site_zone(MLA)).strftime("%H:%M") == "08:53"


def test_the_migration_adds_the_column_and_old_payments_keep_their_recorded_time(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURE, path)
    step = MIGRATIONS.index(_migration_payment_approved)
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(raw, target=step)
        assert "approved_at" not in {r[1] for r in raw.execute("PRAGMA table_info(payments)")}
        before = raw.execute("SELECT mp_payment_id, recorded_at FROM payments ORDER BY id").fetchall()
    finally:
        raw.close()
    assert before
    db = JournalDB(path)
    try:
        old = [db.payment(pid) for pid, _ in before]
    finally:
        db.close()
    assert [(p.approved_at, p.paid_at) for p in old] == [(None, datetime.fromisoformat(at)) for _, at in before]


@pytest.mark.asyncio
async def test_the_engine_carries_the_approval_from_the_gateway_to_the_receipt(h, fake, clock):
    cart = Cart(MLA)
    cart.add("Yerba", "1500.50", 2)
    attempt = await h.engine.charge(cart)
    clock.advance(400)  # the app learns of the payment 400 s after the customer paid
    payment = fake.pay()
    approved = clock.now() - timedelta(seconds=400)
    fake.mos[-1].payments[-1] = dataclasses.replace(payment, approved_at=approved)
    h.engine.notify("merchant_order", "1")
    await h.wait_state(attempt.id, S.PAID)
    (issued,) = await h.db(lambda db: db.receipts(attempt_id=attempt.id, kind="original"))
    receipt = await h.engine.receipt_for(issued, HEADER)
    assert issued.issued_at == clock.now() != approved
    assert receipt.paid_at == approved and receipt.paid_at.tzinfo == site_zone(MLA)
    copy = await h.db(lambda db: db.issue_copy(attempt.id, clock.now() + timedelta(days=1)))
    assert (await h.engine.receipt_for(copy, HEADER)).paid_at == approved  # a reprint keeps it
