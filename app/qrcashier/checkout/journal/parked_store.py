"""Parked carts in the journal: park, list, resume, discard (audited). Functions over a JournalDB.

A parked cart is its priced lines (each with its final discount and VAT rate) as JSON, with a
number per register, a note, and the shift it was parked in. Each change is one committed
transaction, so a kill at any moment loses nothing: a cart is parked or it is not.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.checkout.errors import CheckoutError, UnknownRecord
from qrcashier.checkout.journal.codec import from_ts, money_text, to_ts
from qrcashier.checkout.journal.records import Audit
from qrcashier.domain.cart import CartLine


class ParkRefused(CheckoutError):
    """A park, resume or discard that cannot be done; `str()` is one sentence for the cashier."""


@dataclass(frozen=True)
class ParkedCart:
    id: int
    register_id: str
    number: int
    note: str
    lines: tuple[CartLine, ...]
    total: Decimal
    shift_id: int | None
    parked_at: datetime
    parked_by: str
    state: str  # parked | resumed | discarded
    ended_at: datetime | None = None
    ended_by: str | None = None


def _line_json(line: CartLine) -> dict[str, Any]:
    return {
        "title": line.title, "unit_price": str(line.unit_price), "quantity": line.quantity, "sku": line.sku,
        "unit_measure": line.unit_measure, "discount": str(line.discount), "discount_reason": line.discount_reason,
        "vat_rate": None if line.vat_rate is None else str(line.vat_rate),
    }


def _line(d: dict[str, Any]) -> CartLine:
    return CartLine(
        d["title"], Decimal(d["unit_price"]), int(d["quantity"]), d.get("sku"), d.get("unit_measure") or "unit",
        Decimal(d.get("discount") or "0"), d.get("discount_reason"),
        None if d.get("vat_rate") is None else Decimal(d["vat_rate"]),
    )


def _parked(r: sqlite3.Row) -> ParkedCart:
    return ParkedCart(
        r["id"], r["register_id"], r["number"], r["note"], tuple(_line(d) for d in json.loads(r["lines"])),
        Decimal(r["total"]), r["shift_id"], from_ts(r["parked_at"]), r["parked_by"], r["state"],  # type: ignore[arg-type]
        from_ts(r["ended_at"]), r["ended_by"],
    )


def park(db: Any, register_id: str, lines: tuple[CartLine, ...], total: Decimal, note: str, now: datetime,
         *, actor: str = "", shift_id: int | None = None) -> ParkedCart:
    def work(c: sqlite3.Connection) -> int:
        number = c.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM parked_carts WHERE register_id = ?",
                           (register_id,)).fetchone()[0]
        cur = c.execute(
            "INSERT INTO parked_carts (register_id, number, note, lines, total, shift_id, parked_at, parked_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (register_id, number, note, json.dumps([_line_json(line) for line in lines]), money_text(total),
             shift_id, to_ts(now), actor),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    return parked_cart(db, db.transaction(work))


def parked_cart(db: Any, parked_id: int) -> ParkedCart:
    rows = db.query("SELECT * FROM parked_carts WHERE id = ?", (parked_id,))
    if not rows:
        raise UnknownRecord(f"There is no parked cart {parked_id}.")
    return _parked(rows[0])


def parked_carts(db: Any, register_id: str, *, state: str = "parked") -> list[ParkedCart]:
    rows = db.query("SELECT * FROM parked_carts WHERE register_id = ? AND state = ? ORDER BY number",
                    (register_id, state))
    return [_parked(r) for r in rows]


def end_parked(db: Any, parked_id: int, state: str, now: datetime, *, actor: str, reason: str = "",
               shift_id: int | None = None) -> ParkedCart:
    """Mark a parked cart resumed or discarded (a discard is audited), once."""
    def work(c: sqlite3.Connection) -> None:
        cur = c.execute(
            "UPDATE parked_carts SET state = ?, ended_at = ?, ended_by = ?, ended_shift_id = ?"
            " WHERE id = ? AND state = 'parked'",
            (state, to_ts(now), actor, shift_id, parked_id),
        )
        if cur.rowcount != 1:
            raise ParkRefused("This cart is no longer parked: another resume or discard got there first.")
        if state == "discarded":
            row = c.execute("SELECT number, note, total FROM parked_carts WHERE id = ?", (parked_id,)).fetchone()
            db._audit(Audit(actor, "parked_discarded", reason,
                            {"parked_id": parked_id, "number": row[0], "note": row[1], "total": row[2]}), now)

    db.transaction(work)
    return parked_cart(db, parked_id)


def discarded_in_shift(db: Any, shift_id: int) -> int:
    return db.query("SELECT COUNT(*) AS n FROM parked_carts WHERE state = 'discarded' AND ended_shift_id = ?",
                    (shift_id,))[0]["n"]
