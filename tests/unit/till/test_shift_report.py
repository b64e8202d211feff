"""The X / Z report dict: the contract's fields, the totals equal the sum of the sales."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qrcashier.checkout.journal import JournalDB
from qrcashier.checkout.shift_report import build_shift_report, find_shift
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState as S
from qrcashier.domain.sale import PaymentInfo
from qrcashier.domain.tender import cash_tender

MLA = SITES["MLA"]
T0 = datetime(2030, 1, 1, 12, 30, tzinfo=UTC)
BA = timezone(timedelta(hours=-3))
CEIL = Decimal("999999999")


def sale_lines(total: Decimal) -> tuple[str, object, tuple[CartLine, ...], Decimal]:
    return ("CAJA1", MLA, (CartLine("Item", total, 1),), total)


def qr_sale(db: JournalDB, total: Decimal, now: datetime, cash_part: Decimal | None = None, pid: int = 1) -> None:
    sale = db.create_sale(*sale_lines(total), now)
    if cash_part:
        db.add_cash_part(sale.id, cash_tender(cash_part, cash_part, MLA, ceiling=CEIL), now)
    a = db.create_attempt(gateway="orders", now=now, expires_at=now + timedelta(minutes=5), message="m",
                          sale_id=sale.id)
    db.transition(a.id, S.PUBLISHING, now, "m")
    db.transition(a.id, S.WAITING, now, "m")
    db.complete_paid(a.id, [PaymentInfo(pid, "approved", a.total, None, 500 + pid)], now, "paid")


@pytest.fixture
def db(tmp_path):
    store = JournalDB(tmp_path / "j.sqlite3")
    yield store
    store.close()


def test_x_then_z_report_of_a_day(db):
    shift = db.open_shift("CAJA1", Decimal("5000"), T0, actor="ana")
    db.complete_cash(cash_tender(Decimal("1200"), "2000", MLA, ceiling=CEIL), T0, new_sale=sale_lines(Decimal(1200)))
    qr_sale(db, Decimal("3000"), T0 + timedelta(hours=1), pid=1)
    qr_sale(db, Decimal("2500"), T0 + timedelta(hours=1, minutes=5), cash_part=Decimal("500"), pid=2)
    db.add_movement(shift.id, "out", Decimal("1000"), "supplier", T0)
    db.add_movement(shift.id, "refund", Decimal("100"), "broken", T0)
    refund = db.create_refund(1, Decimal("300"), full=False, now=T0, supervisor="sup", reason="r")
    db.finish_refund(refund.id, "approved", T0 + timedelta(minutes=1), "ok", mp_refund_id=9)
    x = build_shift_report(db, find_shift(db, None, None), MLA, now=T0 + timedelta(hours=2), store="Kiosco",
                           pos_number=3, tz=BA)
    json.dumps(x)  # JSON-ready
    s = x["shift"]
    assert (s["kind"], s["number"], s["register"], s["store"], s["cashier"]) == ("X", 1, "CAJA1", "Kiosco", "ana")
    assert (s["float"], s["expected_cash"], s["counted_cash"], s["difference"]) == ("5000.00", "5600.00", None, None)
    assert (s["first_receipt"], s["last_receipt"]) == ("00003-00000001", "00003-00000003")
    assert (s["currency"], s["site"], s["opened_at"]) == ("ARS", "MLA", "2030-01-01T09:30:00-03:00")
    assert x["tenders"]["cash"] == {"count": 2, "total": "1700.00"}
    assert x["tenders"]["qr"] == {"count": 2, "total": "5000.00", "by_api": {"orders": {"count": 2,
                                                                                         "total": "5000.00"}}}
    assert x["tenders"]["point"] == {"count": 0, "total": "0.00"}
    assert [(v["receipt"], v["total"], v["api"]) for v in x["sales"]] == [
        ("00003-00000001", "1200.00", None), ("00003-00000002", "3000.00", "orders"),
        ("00003-00000003", "2500.00", "orders")]
    assert x["sales"][0]["tenders"] == [{"kind": "cash", "amount": "1200.00", "received": "2000.00",
                                         "change": "800.00"}]
    assert x["cash_movements"] == [{"kind": "out", "amount": "1000.00", "reason": "supplier"}]
    assert x["refunds"] == [{"kind": "cash", "amount": "100.00"}, {"kind": "qr", "amount": "300.00"}]
    assert x["sales_by_hour"] == [{"hour": "09", "count": 1, "total": "1200.00"},
                                  {"hour": "10", "count": 2, "total": "5500.00"}]
    assert x["reconciliation"]["status"] == "not_reconciled"
    assert db.shift(shift.id).open  # an X report changes nothing

    db.close_shift(shift.id, Decimal("5590"), T0 + timedelta(hours=3), threshold=Decimal("50"))
    z = build_shift_report(db, find_shift(db, "CAJA1", 1), MLA, now=T0 + timedelta(hours=9), tz=BA)
    assert (z["shift"]["kind"], z["shift"]["counted_cash"], z["shift"]["difference"]) == ("Z", "5590.00", "-10.00")
    assert z["shift"]["closed_at"] == "2030-01-01T12:30:00-03:00"


amounts = st.integers(min_value=1, max_value=1_000_000).map(lambda c: Decimal(c).scaleb(-2))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.lists(st.tuples(amounts, st.sampled_from(["cash", "qr", "split"])), min_size=1, max_size=8),
       float_amount=amounts)
def test_z_totals_equal_the_sum_of_the_sales(tmp_path_factory, day, float_amount):
    db = JournalDB(tmp_path_factory.mktemp("z") / "j.sqlite3")
    try:
        shift = db.open_shift("CAJA1", float_amount, T0)
        cash = Decimal(0)
        for n, (total, kind) in enumerate(day):
            total = total + 1  # room for a cash part
            if kind == "cash":
                db.complete_cash(cash_tender(total, total, MLA, ceiling=CEIL), T0, new_sale=sale_lines(total))
                cash += total
            else:
                qr_sale(db, total, T0, cash_part=Decimal(1) if kind == "split" else None, pid=n + 1)
                cash += 1 if kind == "split" else 0
        db.close_shift(shift.id, float_amount + cash, T0, threshold=Decimal(0))
        z = build_shift_report(db, db.shift(shift.id), MLA, now=T0)
        sale_total = sum(Decimal(s["total"]) for s in z["sales"])
        assert sale_total == sum(Decimal(v["total"]) for v in z["tenders"].values())
        for s in z["sales"]:
            assert sum(Decimal(t["amount"]) for t in s["tenders"]) == Decimal(s["total"])
        assert Decimal(z["shift"]["expected_cash"]) == float_amount + Decimal(z["tenders"]["cash"]["total"])
        assert z["shift"]["difference"] == "0.00" and len(z["sales"]) == len(day)
        assert sum(h["count"] for h in z["sales_by_hour"]) == len(day)
    finally:
        db.close()
