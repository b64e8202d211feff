"""Shift report dicts shaped as `build_shift_report` returns them (README, "Shift report JSON").

`z_report()` is one realistic closed shift in Buenos Aires: cash with change, QR on two API
families, a split sale, a QR and a cash refund, a cash in and out, a cancellation, a sale to
review, and a counted drawer 150 short. `generated_report(n)` is a long shift of n sales for the
benchmark and the multi-page PDF. Every total is computed here, so the dict is self-consistent.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal

BA = timezone(timedelta(hours=-3))
OPENED = datetime(2026, 12, 7, 8, 2, 11, tzinfo=BA)


def _cash(amount: str, received: str) -> dict:
    change = Decimal(received) - Decimal(amount)
    return {"kind": "cash", "amount": amount, "received": received, "change": f"{change:.2f}"}


def _qr(amount: str) -> dict:
    return {"kind": "qr", "amount": amount, "received": None, "change": None}


def _assemble(sales: list[dict], *, kind: str = "Z", float_: str = "20000.00",
              movements: list[dict] | None = None, refunds: list[dict] | None = None,
              counted_short: str = "150.00", closed: datetime | None = None) -> dict:
    movements = movements or []
    refunds = refunds or []
    tenders: dict[str, dict] = {"cash": {"count": 0, "total": Decimal(0)}, "qr": {"count": 0, "total": Decimal(0)}}
    by_api: dict[str, dict] = {}
    hours: dict[str, dict] = defaultdict(lambda: {"count": 0, "total": Decimal(0)})
    for sale in sales:
        for t in sale["tenders"]:
            tenders[t["kind"]]["count"] += 1
            tenders[t["kind"]]["total"] += Decimal(t["amount"])
            if t["kind"] == "qr":
                api = by_api.setdefault(sale["api"], {"count": 0, "total": Decimal(0)})
                api["count"] += 1
                api["total"] += Decimal(t["amount"])
        hour = hours[sale["paid_at"][11:13]]
        hour["count"] += 1
        hour["total"] += Decimal(sale["total"])
    cash_in = sum((Decimal(m["amount"]) for m in movements if m["kind"] == "in"), Decimal(0))
    cash_out = sum((Decimal(m["amount"]) for m in movements if m["kind"] == "out"), Decimal(0))
    cash_refunds = sum((Decimal(r["amount"]) for r in refunds if r["kind"] == "cash"), Decimal(0))
    expected = Decimal(float_) + tenders["cash"]["total"] + cash_in - cash_out - cash_refunds
    counted = expected - Decimal(counted_short)
    closed = closed or (OPENED + timedelta(hours=10, minutes=5))

    def money(d: dict) -> dict:
        return {"count": d["count"], "total": f"{d['total']:.2f}"}

    qr = money(tenders["qr"]) | {"by_api": {api: money(v) for api, v in sorted(by_api.items())}}
    return {
        "shift": {
            "number": 12, "register": "Caja 1", "opened_at": OPENED.isoformat(),
            "closed_at": closed.isoformat() if kind == "Z" else None,
            "float": float_, "expected_cash": f"{expected:.2f}",
            "counted_cash": f"{counted:.2f}" if kind == "Z" else None,
            "difference": f"{counted - expected:.2f}" if kind == "Z" else None,
            "store": "Almacén Ñandú", "cashier": "María José Núñez", "kind": kind,
            "first_receipt": sales[0]["receipt"] if sales else None,
            "last_receipt": sales[-1]["receipt"] if sales else None,
            "cancellations": 1, "needs_review": 1, "currency": "ARS", "site": "MLA",
        },
        "tenders": {"cash": money(tenders["cash"]), "qr": qr},
        "sales": sales,
        "cash_movements": movements,
        "refunds": refunds,
        "sales_by_hour": [{"hour": h, "count": v["count"], "total": f"{v['total']:.2f}"}
                          for h, v in sorted(hours.items())],
        "reconciliation": {"status": "discrepancies" if kind == "Z" else "not_reconciled",
                           "missing_in_journal": [{"payment_id": "1319208876", "amount": "2500.00"}] if kind == "Z"
                           else [],
                           "unconfirmed": []},
    }


def _sale(n: int, at: datetime, tenders: list[dict], api: str | None) -> dict:
    total = sum((Decimal(t["amount"]) for t in tenders), Decimal(0))
    return {"receipt": f"00003-{n:08d}", "state": "paid", "total": f"{total:.2f}",
            "paid_at": at.isoformat(), "api": api, "tenders": tenders}


def z_report(kind: str = "Z") -> dict:
    """A closed (or, with kind="X", running) shift of seven sales."""
    at = OPENED
    sales = [
        _sale(41, at + timedelta(minutes=20), [_cash("1850.00", "2000.00")], None),
        _sale(42, at + timedelta(minutes=47), [_qr("12345.50")], "instore_v2"),
        _sale(43, at + timedelta(hours=1, minutes=5), [_cash("3000.00", "5000.00"), _qr("4999.99")], "orders"),
        _sale(44, at + timedelta(hours=3, minutes=12), [_qr("780.00")], "v1"),
        _sale(45, at + timedelta(hours=3, minutes=40), [_cash("15999.90", "16000.00")], None),
        _sale(46, at + timedelta(hours=6, minutes=2), [_qr("2100.00")], "instore_v2"),
        _sale(47, at + timedelta(hours=9, minutes=31), [_cash("640.00", "640.00")], None),
    ]
    movements = [{"kind": "in", "amount": "5000.00", "reason": "Cambio del banco"},
                 {"kind": "out", "amount": "10000.00", "reason": "Retiro para depósito ¿señor López?"}]
    refunds = [{"kind": "qr", "amount": "780.00"}, {"kind": "cash", "amount": "640.00"}]
    return _assemble(sales, kind=kind, movements=movements, refunds=refunds)


def generated_report(n: int) -> dict:
    """A Z report of n sales spread over 14 hours: cash, QR (three API families) and split."""
    apis = ("instore_v2", "orders", "v1")
    sales = []
    for i in range(n):
        at = OPENED + timedelta(seconds=i * 50400 // max(n, 1))
        base = Decimal(500 + (i * 7919) % 25000) + Decimal(i % 100) / 100
        if i % 3 == 0:
            tenders = [_cash(f"{base:.2f}", f"{base + (-base % 1000):.2f}")]
            api = None
        elif i % 3 == 1:
            tenders, api = [_qr(f"{base:.2f}")], apis[i % 9 // 3]
        else:
            tenders, api = [_cash("1000.00", "1000.00"), _qr(f"{base:.2f}")], apis[i % 9 // 3]
        sales.append(_sale(i + 1, at, tenders, api))
    return _assemble(sales, movements=[{"kind": "out", "amount": "50000.00", "reason": "Depósito"}],
                     refunds=[{"kind": "qr", "amount": "500.00"}], closed=OPENED + timedelta(hours=14, minutes=30))


def without(report: dict, *path: str | int) -> dict:
    """A deep copy of report with the field at path removed (for the validation tests)."""
    out = copy.deepcopy(report)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out
