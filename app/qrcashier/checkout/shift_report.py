"""The X / Z report of a shift as a JSON-ready dict (../shared/contracts.md, "qrcashier-admin
report --format json"): amounts as decimal strings, times ISO 8601 with their offset.

X: the open shift, as it stands (nothing is changed). Z: a closed shift, final, reprintable.
`build_shift_report` reads the journal synchronously (run it on the journal's thread);
`reconciliation` is what `shift_reconcile.reconcile_shift` found, or "not_reconciled".
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from qrcashier.checkout.errors import UnknownRecord
from qrcashier.checkout.journal import JournalDB, ShiftRecord, TenderRecord
from qrcashier.checkout.journal.codec import from_ts, to_ts
from qrcashier.checkout.sale_taxes import parked_discarded, sale_extras, shift_taxes
from qrcashier.domain.money import Site, to_json_string
from qrcashier.domain.receipt import receipt_number
from qrcashier.domain.tender import TenderKind

NOT_RECONCILED: dict[str, Any] = {"status": "not_reconciled", "missing_in_journal": [], "unconfirmed": []}


def find_shift(db: JournalDB, register_id: str | None, number: int | None) -> ShiftRecord:
    """Shift `number` (None: the last) of the register (None: the register with the latest shift)."""
    if register_id is None:
        rows = db.query("SELECT register_id FROM shifts ORDER BY opened_at DESC, id DESC LIMIT 1")
        if not rows:
            raise UnknownRecord("This journal has no shift yet.")
        register_id = rows[0][0]
    shift = db.shift_by_number(register_id, number)
    if shift is None:
        raise UnknownRecord(f"Register {register_id} has no shift {number}." if number is not None
                            else f"Register {register_id} has no shift yet.")
    return shift


def shift_pos_number(shift: ShiftRecord, default: int = 1) -> int:
    """The point-of-sale number the shift's receipts carry (recorded at its open; else `default`)."""
    return shift.pos_number or default


def shift_store(shift: ShiftRecord, default: str = "") -> str:
    """The store's name the shift recorded at its open (else `default`)."""
    return shift.store_name or default


def shift_window(shift: ShiftRecord, now: datetime) -> tuple[datetime, datetime]:
    return shift.opened_at, shift.closed_at or now


def build_shift_report(
    db: JournalDB,
    shift: ShiftRecord,
    site: Site,
    *,
    now: datetime,
    store: str = "",
    pos_number: int = 1,
    reconciliation: dict[str, Any] | None = None,
    tz: tzinfo | None = None,
) -> dict[str, Any]:
    """The report of `shift` (X while open, Z once closed). `tz`: the shop's zone for times and
    the hours of the chart (default: this machine's). The point-of-sale number and the store's
    name are the ones the shift recorded when it opened; `pos_number` and `store` only stand in
    for a shift opened before the journal kept them."""
    pos_number, store = shift_pos_number(shift, pos_number), shift_store(shift, store)

    def money(value: Decimal | None) -> str | None:
        return None if value is None else to_json_string(value, site)

    def when(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(tz).isoformat()

    start, end = shift_window(shift, now)
    sales, totals, by_api, hours = [], _totals(), {}, {}
    numbers: list[int] = []
    rows = db.query("SELECT id, receipt_no, total, paid_at FROM sales WHERE shift_id = ? AND status = 'paid'"
                    " ORDER BY receipt_no", (shift.id,))
    paid_attempts = db.query(
        "SELECT a.id, a.sale_id, a.gateway FROM attempts a JOIN sales s ON s.id = a.sale_id"
        " WHERE s.shift_id = ? AND a.state = 'paid' AND a.gateway != 'cash' ORDER BY a.id", (shift.id,))
    apis = {r["sale_id"]: r["gateway"] for r in paid_attempts}
    api_of = {r["id"]: r["gateway"] for r in paid_attempts}  # a split's two electronic parts: each its own API
    by_sale: dict[int, list[TenderRecord]] = {}
    for t in db.shift_tenders(shift.id):  # one query for the whole shift, not one per sale
        by_sale.setdefault(t.sale_id, []).append(t)
    extras = sale_extras(db, [r["id"] for r in rows], site)  # issue 17: discount, taxes by rate
    for row in rows:
        tenders = by_sale.get(row["id"], [])
        qr_parts = [api_of.get(t.attempt_id) for t in tenders if t.kind == TenderKind.QR]
        api = next((a for a in qr_parts if a), None) or apis.get(row["id"])  # the QR part's API, in a split
        paid_at = from_ts(row["paid_at"])
        assert paid_at is not None
        numbers.append(row["receipt_no"])
        total = Decimal(row["total"])
        for t in tenders:
            bucket = totals.setdefault(t.kind, {"count": 0, "total": Decimal(0)})
            bucket["count"] += 1
            bucket["total"] += t.amount
            if t.kind == TenderKind.QR:
                family = api_of.get(t.attempt_id) or api or "unknown"
                fam = by_api.setdefault(family, {"count": 0, "total": Decimal(0)})
                fam["count"] += 1
                fam["total"] += t.amount
        hour = paid_at.astimezone(tz).strftime("%H")
        slot = hours.setdefault(hour, {"count": 0, "total": Decimal(0)})
        slot["count"] += 1
        slot["total"] += total
        sales.append({
            "receipt": receipt_number(pos_number, row["receipt_no"]),
            "state": "paid",
            "total": money(total),
            "discount": extras[row["id"]]["discount"],
            "taxes": extras[row["id"]]["taxes"],
            "paid_at": when(paid_at),
            "api": api if any(t.kind == TenderKind.QR for t in tenders) else None,
            "tenders": [{"kind": t.kind, "amount": money(t.amount), "received": money(t.received),
                         "change": money(t.change)} for t in tenders],
        })
    moves = db.movements(shift.id)
    window = (shift.register_id, to_ts(start), to_ts(end))
    cancelled = db.query("SELECT COUNT(*) FROM attempts WHERE register_id = ? AND state = 'cancelled'"
                         " AND updated_at BETWEEN ? AND ?", window)[0][0]
    review = db.query("SELECT COUNT(*) FROM attempts WHERE register_id = ? AND state = 'needs_review'"
                      " AND created_at BETWEEN ? AND ?", window)[0][0]
    qr_refunds = db.query(
        "SELECT r.amount FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN attempts a ON a.id = p.attempt_id"
        " WHERE a.register_id = ? AND r.state = 'approved' AND r.updated_at BETWEEN ? AND ? ORDER BY r.id", window)
    expected = shift.expected if not shift.open else db.expected_cash(shift.id)
    return {
        "shift": {
            "number": shift.number,
            "register": shift.register_id,
            "store": store,
            "cashier": shift.opened_by,
            "kind": "X" if shift.open else "Z",
            "opened_at": when(shift.opened_at),
            "closed_at": when(shift.closed_at),
            "float": money(shift.float_amount),
            "expected_cash": money(expected),
            "counted_cash": money(shift.counted),
            "difference": money(shift.difference),
            "first_receipt": receipt_number(pos_number, min(numbers)) if numbers else None,
            "last_receipt": receipt_number(pos_number, max(numbers)) if numbers else None,
            "cancellations": cancelled,
            "needs_review": review,
            "currency": site.currency,
            "site": site.id,
            "taxes": shift_taxes(extras, site),
            "parked_discarded": parked_discarded(db, shift.id),
        },
        "tenders": {
            kind: {"count": v["count"], "total": money(v["total"])}
            | ({"by_api": {k: {"count": f["count"], "total": money(f["total"])} for k, f in sorted(by_api.items())}}
               if kind == TenderKind.QR else {})
            for kind, v in totals.items()
        },
        "sales": sales,
        "cash_movements": [{"kind": m.kind, "amount": money(m.amount), "reason": m.reason}
                           for m in moves if m.kind != "refund"],
        "refunds": [{"kind": "cash", "amount": money(m.amount)} for m in moves if m.kind == "refund"]
        + [{"kind": "qr", "amount": money(Decimal(r[0]))} for r in qr_refunds],
        "sales_by_hour": [{"hour": h, "count": v["count"], "total": money(v["total"])}
                          for h, v in sorted(hours.items())],
        "reconciliation": reconciliation or dict(NOT_RECONCILED),
    } | _invoices(db, shift, site, window, pos_number)


def _invoices(db: JournalDB, shift: ShiftRecord, site: Site, window: tuple, pos_number: int) -> dict[str, Any]:
    """Argentina's ARCA invoices of the shift (issue 21), when the journal has any."""
    from qrcashier.checkout.shift_invoices import shift_invoices

    section = shift_invoices(db, shift, site, window, pos_number)
    return {"invoices": section} if section is not None else {}


def _totals() -> dict[str, dict[str, Any]]:
    """Every tender kind appears, with zero when unused, so renderers need no special case."""
    return {str(kind): {"count": 0, "total": Decimal(0)} for kind in TenderKind}
