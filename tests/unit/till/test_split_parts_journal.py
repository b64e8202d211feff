"""A split's two electronic parts in the journal (issue 20): an attempt for part of what is due,
its paid completion recording only its tender (the sale open, no receipt, no number), the rest
settling the sale once; an unrefunded paid part blocks the close and the discard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.checkout.errors import NotChargeable, TillRefused
from qrcashier.checkout.journal import Audit, JournalDB, RefundState
from qrcashier.domain.card import CardInfo
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import PaymentInfo

MLA = SITES["MLA"]
NOW = datetime(2030, 1, 1, 12, tzinfo=UTC)
LINES = (CartLine("Yerba", Decimal("1500.50"), 2), CartLine("Mate", Decimal("800.00"), 1))
TOTAL = Decimal("3801.00")


@pytest.fixture
def db(tmp_path):
    store = JournalDB(tmp_path / "j.sqlite3")
    store.open_shift("CAJA1", Decimal("0"), NOW)
    yield store
    store.close()


def live(db: JournalDB, sale_id: int, gateway: str, amount: Decimal | None = None):
    attempt = db.create_attempt(gateway=gateway, now=NOW, expires_at=NOW + timedelta(minutes=5), message="m",
                                sale_id=sale_id, amount=amount)
    db.transition(attempt.id, S.PUBLISHING, NOW, "m")
    db.transition(attempt.id, S.WAITING, NOW, "m")
    return attempt


def test_a_paid_part_records_its_tender_and_the_rest_settles_the_sale_once(db):
    sale = db.create_sale("CAJA1", MLA, LINES, TOTAL, NOW)
    qr = live(db, sale.id, "instore_v2", Decimal("1000"))
    assert qr.total == Decimal("1000.00")
    paid, receipt = db.complete_paid(qr.id, [PaymentInfo(1, "approved", Decimal("1000"))], NOW, "part")
    assert paid.state == S.PAID and receipt is None
    assert db.sale(sale.id).status == "open" and db.receipt_number(sale.id) is None
    assert [(t.kind, t.amount, t.attempt_id) for t in db.tenders(sale.id)] == [("qr", Decimal("1000.00"), qr.id)]
    assert db.due(sale.id) == Decimal("2801.00")
    assert db.complete_paid(qr.id, [PaymentInfo(1, "approved", Decimal("1000"))], NOW, "again") == (paid, None)
    assert len(db.tenders(sale.id)) == 1  # a replayed completion records nothing twice

    card = CardInfo("visa", "4242", 1, None, "2", "SBX0000001")
    rest = live(db, sale.id, "point")
    assert rest.total == Decimal("2801.00")
    _, receipt = db.complete_paid(rest.id, [PaymentInfo(2, "approved", Decimal("2801"))], NOW, "paid", card=card)
    assert receipt is not None and receipt.attempt_id == rest.id
    assert db.sale(sale.id).status == "paid" and db.receipt_number(sale.id) == 1
    assert [(t.kind, t.amount) for t in db.tenders(sale.id)] == [("qr", Decimal("1000.00")),
                                                                  ("point", Decimal("2801.00"))]
    assert [c.last_four for c in db.tender_cards(sale.id).values()] == ["4242"]
    assert db.unsettled_parts("CAJA1") == []


@pytest.mark.parametrize("amount", ["0", "3801.00", "5000"])
def test_a_part_must_leave_something_to_pay(db, amount):
    sale = db.create_sale("CAJA1", MLA, LINES, TOTAL, NOW)
    with pytest.raises(TillRefused, match="less than the 3801.00 left"):
        db.create_attempt(gateway="point", now=NOW, expires_at=NOW, message="m", sale_id=sale.id,
                          amount=Decimal(amount))
    assert db.attempts(sale_id=sale.id) == []


def test_an_unrefunded_part_blocks_the_close_and_the_discard_until_refunded(db):
    sale = db.create_sale("CAJA1", MLA, LINES, TOTAL, NOW)
    part = live(db, sale.id, "point", Decimal("1000"))
    db.complete_paid(part.id, [PaymentInfo(5, "approved", Decimal("1000"))], NOW, "part")
    rest = live(db, sale.id, "instore_v2")
    db.transition(rest.id, S.CANCEL_REQUESTED, NOW, "m")
    db.transition(rest.id, S.CANCELLED, NOW, "m")
    assert db.unsettled_parts("CAJA1") == [part.reference]
    shift = db.current_shift("CAJA1")
    with pytest.raises(TillRefused, match=f"Part of sale {part.reference} is paid"):
        db.close_shift(shift.id, Decimal("0"), NOW, threshold=Decimal("0"))
    with pytest.raises(NotChargeable, match="refund that part"):
        db.discard_sale(sale.id, NOW, Audit("Ana", "sale_discarded", "left"))
    refund = db.create_refund(5, Decimal("1000"), full=True, now=NOW, supervisor="Sup", reason="rest unpaid")
    db.finish_refund(refund.id, RefundState.APPROVED, NOW, "Refunded 1000.")
    assert db.unsettled_parts("CAJA1") == []
    assert db.discard_sale(sale.id, NOW, Audit("Ana", "sale_discarded", "left")).status == "discarded"
    assert db.close_shift(shift.id, Decimal("0"), NOW, threshold=Decimal("0")).closed_at == NOW
