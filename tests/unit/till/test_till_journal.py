"""The till in the journal: shifts, movements, cash and split completion, receipt numbers, the close."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout.errors import NotChargeable, TillRefused
from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import PaymentInfo
from qrcashier.domain.tender import Tender, TenderKind, cash_tender

MLA = SITES["MLA"]
NOW = datetime(2030, 1, 1, 12, tzinfo=UTC)
LINES = (CartLine("Yerba", Decimal("1500.50"), 2), CartLine("Mate", Decimal("800.00"), 1))
TOTAL = Decimal("3801.00")
CEIL = Decimal("1000000")


@pytest.fixture
def db(tmp_path):
    store = JournalDB(tmp_path / "j.sqlite3")
    yield store
    store.close()


def cash_sale(db: JournalDB, received: str = "5000", register: str = "CAJA1"):
    return db.complete_cash(cash_tender(TOTAL, received, MLA, ceiling=CEIL), NOW, operator="ana",
                            new_sale=(register, MLA, LINES, TOTAL))


def test_one_open_shift_per_register_and_numbers_never_reused(db):
    first = db.open_shift("CAJA1", Decimal("10000"), NOW, actor="ana", counts={Decimal(1000): 10})
    assert (first.number, first.float_amount, first.open, first.float_counts) == (1, Decimal("10000"), True,
                                                                                  {"1000": 10})
    with pytest.raises(TillRefused, match="already open"):
        db.open_shift("CAJA1", Decimal("0"), NOW)
    assert db.open_shift("CAJA2", Decimal("0"), NOW).number == 1  # another register counts on its own
    db.close_shift(first.id, Decimal("10000"), NOW, threshold=Decimal("0"))
    assert db.open_shift("CAJA1", Decimal("500"), NOW).number == 2
    assert db.shift_by_number("CAJA1").number == 2 and db.shift_by_number("CAJA1", 1).closed_at == NOW


def test_charging_cash_is_refused_without_an_open_shift_and_nothing_is_written(db):
    with pytest.raises(TillRefused, match="Open a shift"):
        cash_sale(db)
    assert db.sales() == []


def test_a_cash_sale_completes_once_with_its_tender_number_and_receipt(db):
    shift = db.open_shift("CAJA1", Decimal("1000"), NOW)
    attempt, receipt = cash_sale(db)
    assert (attempt.gateway, attempt.state, attempt.total) == ("cash", S.PAID, TOTAL)
    assert receipt.kind == "original" and receipt.attempt_id == attempt.id
    assert db.sale(attempt.sale_id).status == "paid" and db.receipt_number(attempt.sale_id) == 1
    (tender,) = db.tenders(attempt.sale_id)
    assert (tender.kind, tender.amount, tender.received, tender.change) == ("cash", TOTAL, Decimal("5000.00"),
                                                                            Decimal("1199.00"))
    assert db.expected_cash(shift.id) == Decimal("1000") + TOTAL
    second, _ = cash_sale(db)
    assert db.receipt_number(second.sale_id) == 2
    with pytest.raises(NotChargeable):
        db.complete_cash(Tender(TenderKind.CASH, TOTAL, TOTAL, Decimal(0)), NOW, sale_id=second.sale_id)


def test_a_split_sale_publishes_the_remainder_and_the_qr_completion_settles_it(db):
    db.open_shift("CAJA1", Decimal("0"), NOW)
    sale = db.create_sale("CAJA1", MLA, LINES, TOTAL, NOW)
    db.add_cash_part(sale.id, cash_tender(Decimal("1000"), "1000", MLA, ceiling=CEIL), NOW)
    assert db.due(sale.id) == Decimal("2801.00")
    attempt = db.create_attempt(gateway="fake", now=NOW, expires_at=NOW + timedelta(minutes=5), message="m",
                                sale_id=sale.id)
    assert attempt.total == Decimal("2801.00")
    with pytest.raises(NotChargeable):  # the QR part is live: no cash settlement meanwhile
        db.complete_cash(Tender(TenderKind.CASH, Decimal("2801.00"), Decimal("2801.00"), Decimal(0)), NOW,
                         sale_id=sale.id)
    db.transition(attempt.id, S.PUBLISHING, NOW, "m")
    db.transition(attempt.id, S.WAITING, NOW, "m")
    db.complete_paid(attempt.id, [PaymentInfo(77, "approved", Decimal("2801.00"))], NOW, "paid")
    assert [(t.kind, t.amount) for t in db.tenders(sale.id)] == [("cash", Decimal("1000.00")),
                                                                  ("qr", Decimal("2801.00"))]
    assert db.receipt_number(sale.id) == 1


def test_a_split_sale_whose_qr_part_failed_is_settled_in_cash(db):
    shift = db.open_shift("CAJA1", Decimal("0"), NOW)
    sale = db.create_sale("CAJA1", MLA, LINES, TOTAL, NOW)
    db.add_cash_part(sale.id, cash_tender(Decimal("1000"), "1000", MLA, ceiling=CEIL), NOW)
    attempt = db.create_attempt(gateway="fake", now=NOW, expires_at=NOW, message="m", sale_id=sale.id)
    db.transition(attempt.id, S.FAILED, NOW, "offline")
    with pytest.raises(TillRefused, match="does not match"):
        db.complete_cash(cash_tender(Decimal("2000"), "2000", MLA, ceiling=CEIL), NOW, sale_id=sale.id)
    db.complete_cash(cash_tender(db.due(sale.id), "3000", MLA, ceiling=CEIL), NOW, sale_id=sale.id)
    assert sum(t.amount for t in db.tenders(sale.id)) == TOTAL
    assert db.expected_cash(shift.id) == TOTAL


def test_movements_and_the_close(db):
    shift = db.open_shift("CAJA1", Decimal("1000"), NOW)
    cash_sale(db)
    db.add_movement(shift.id, "in", Decimal("500"), "change from the bank", NOW)
    db.add_movement(shift.id, "out", Decimal("200"), "supplier", NOW, authorized_by="sup")
    db.add_movement(shift.id, "refund", Decimal("100"), "broken mate", NOW)
    with pytest.raises(ValueError):
        db.add_movement(shift.id, "out", Decimal("200"), "  ", NOW)
    expected = Decimal("1000") + TOTAL + 500 - 200 - 100
    assert db.expected_cash(shift.id) == expected
    with pytest.raises(TillRefused, match="supervisor"):
        db.close_shift(shift.id, expected - 50, NOW, threshold=Decimal("10"))
    assert db.shift(shift.id).open  # a refused close changes nothing
    closed = db.close_shift(shift.id, expected - 50, NOW, threshold=Decimal("10"), authorized_by="sup",
                            reason="coins missing", counts={Decimal(1000): 4})
    assert (closed.open, closed.expected, closed.counted, closed.difference) == (False, expected, expected - 50,
                                                                                 Decimal(-50))
    with pytest.raises(TillRefused, match="already closed"):
        db.close_shift(shift.id, expected, NOW, threshold=Decimal("10"))
    with pytest.raises(TillRefused, match="closed"):
        db.add_movement(shift.id, "in", Decimal("1"), "late", NOW)


def test_a_live_charge_blocks_the_close_and_says_which(db):
    shift = db.open_shift("CAJA1", Decimal("0"), NOW)
    attempt = db.create_attempt(gateway="fake", now=NOW, expires_at=NOW, message="m",
                                new_sale=("CAJA1", MLA, LINES, TOTAL))
    with pytest.raises(TillRefused, match=attempt.reference):
        db.close_shift(shift.id, Decimal("0"), NOW, threshold=Decimal("0"))
