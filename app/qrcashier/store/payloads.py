"""What each outbox row sends: the journal row it names, read now, as idempotent upserts.

Keys are stable ids (never the journal's order of arrival): a sale is (register, sale code) (the
code is the journal's `<id>_<tag>`, unique per journal file), a tender (register, sale, position)
with the attempt number it came from, a payment (register, Mercado Pago payment id), a shift
(register, number), a refund, a cash movement and an audit row (register, journal id). A sale, its
tenders, payments, movements and audit rows are inserted once (`ON CONFLICT DO NOTHING`: a replay
is a no-op); a shift and a refund are upserted (a shift closes, a refund settles). Every row is
written as the sender's register: row-level security refuses any other.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

Statement = tuple[str, tuple[Any, ...]]

SHIFT_UPSERT = (
    "INSERT INTO shifts (register, number, opened_at, opened_by, float, closed_at, closed_by, counted, expected,"
    " difference, authorized_by, reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (register, number) DO UPDATE SET closed_at = EXCLUDED.closed_at, closed_by = EXCLUDED.closed_by,"
    " counted = EXCLUDED.counted, expected = EXCLUDED.expected, difference = EXCLUDED.difference,"
    " authorized_by = EXCLUDED.authorized_by, reason = EXCLUDED.reason"
    " WHERE shifts.closed_at IS NULL AND EXCLUDED.closed_at IS NOT NULL"
)
SALE_INSERT = (
    "INSERT INTO sales (register, code, receipt_no, shift_number, site, currency, total, created_at, paid_at, lines)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (register, code) DO NOTHING"
)
TENDER_INSERT = (
    "INSERT INTO tenders (register, sale_code, position, kind, amount, received, change, attempt, reference)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
PAYMENT_INSERT = (
    "INSERT INTO payments (register, mp_payment_id, sale_code, attempt, merchant_order_id, amount, status)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
REFUND_UPSERT = (
    "INSERT INTO refunds (register, refund_id, mp_payment_id, sale_code, amount, full_refund, state, supervisor,"
    " reason, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (register, refund_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at"
)
MOVEMENT_INSERT = (
    "INSERT INTO movements (register, movement_id, shift_number, kind, amount, reason, at, actor, authorized_by,"
    " sale_code) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
AUDIT_INSERT = (
    "INSERT INTO audit (register, audit_id, at, actor, action, sale_code, reason, details)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)


def statements(db: sqlite3.Connection, register: str, kind: str, ref: int, *,
               invoices: bool = False) -> Iterator[Statement]:
    """The upserts for one outbox row (none when the row is gone from the journal); `invoices`:
    the store has the ARCA invoices table, so a sale's row carries its invoices (issue 21)."""
    yield from _BUILDERS[kind](db, register, ref)
    if invoices and kind == "sale":
        from qrcashier.store.invoice_payloads import invoice_statements

        code = db.execute("SELECT code FROM sales WHERE id = ? AND status = 'paid'", (ref,)).fetchone()
        if code is not None:
            yield from invoice_statements(db, register, ref, code[0])


def _shift(db: sqlite3.Connection, register: str, ref: int) -> Iterator[Statement]:
    r = db.execute("SELECT * FROM shifts WHERE id = ?", (ref,)).fetchone()
    if r is None:
        return
    yield SHIFT_UPSERT, (register, r["number"], r["opened_at"], r["opened_by"], r["float"], r["closed_at"],
                         r["closed_by"], r["counted"], r["expected"], r["difference"], r["authorized_by"], r["reason"])


def _sale(db: sqlite3.Connection, register: str, ref: int) -> Iterator[Statement]:
    s = db.execute(
        "SELECT s.*, sh.number AS shift_number FROM sales s LEFT JOIN shifts sh ON sh.id = s.shift_id WHERE s.id = ?",
        (ref,)).fetchone()
    if s is None or s["status"] != "paid":
        return
    lines = [
        {"line": r["line_no"], "title": r["title"], "sku": r["sku"], "unit_price": r["unit_price"],
         "quantity": r["quantity"], "unit_measure": r["unit_measure"], "total": r["total"]}
        for r in db.execute("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (ref,))
    ]
    yield SALE_INSERT, (register, s["code"], s["receipt_no"], s["shift_number"], s["site_id"], s["currency"],
                        s["total"], s["created_at"], s["paid_at"] or s["created_at"], json.dumps(lines))
    tenders = db.execute(
        "SELECT t.*, a.number AS attempt, a.reference FROM tenders t LEFT JOIN attempts a ON a.id = t.attempt_id"
        " WHERE t.sale_id = ? ORDER BY t.id", (ref,)).fetchall()
    for position, t in enumerate(tenders, start=1):
        yield TENDER_INSERT, (register, s["code"], position, t["kind"], t["amount"], t["received"], t["change"],
                              t["attempt"], t["reference"])
    for p in db.execute(
        "SELECT p.*, a.number AS attempt FROM payments p JOIN attempts a ON a.id = p.attempt_id WHERE a.sale_id = ?"
        " ORDER BY p.id", (ref,)):
        yield PAYMENT_INSERT, (register, p["mp_payment_id"], s["code"], p["attempt"], p["merchant_order_id"],
                               p["amount"], p["status"])


def _refund(db: sqlite3.Connection, register: str, ref: int) -> Iterator[Statement]:
    r = db.execute(
        "SELECT r.*, p.mp_payment_id, s.code FROM refunds r JOIN payments p ON p.id = r.payment_id"
        " JOIN attempts a ON a.id = p.attempt_id JOIN sales s ON s.id = a.sale_id WHERE r.id = ?", (ref,)).fetchone()
    if r is None:
        return
    yield REFUND_UPSERT, (register, r["id"], r["mp_payment_id"], r["code"], r["amount"], bool(r["full"]), r["state"],
                          r["supervisor"], r["reason"], r["created_at"], r["updated_at"])


def _movement(db: sqlite3.Connection, register: str, ref: int) -> Iterator[Statement]:
    m = db.execute(
        "SELECT m.*, sh.number AS shift_number, s.code FROM cash_movements m JOIN shifts sh ON sh.id = m.shift_id"
        " LEFT JOIN sales s ON s.id = m.sale_id WHERE m.id = ?", (ref,)).fetchone()
    if m is None:
        return
    yield MOVEMENT_INSERT, (register, m["id"], m["shift_number"], m["kind"], m["amount"], m["reason"], m["at"],
                            m["actor"], m["authorized_by"], m["code"])


def _audit(db: sqlite3.Connection, register: str, ref: int) -> Iterator[Statement]:
    a = db.execute("SELECT a.*, s.code FROM audit a LEFT JOIN sales s ON s.id = a.sale_id WHERE a.id = ?",
                   (ref,)).fetchone()
    if a is None:
        return
    yield AUDIT_INSERT, (register, a["id"], a["at"], a["actor"], a["action"], a["code"], a["reason"], a["details"])


_BUILDERS = {"shift": _shift, "sale": _sale, "refund": _refund, "movement": _movement, "audit": _audit}
