"""Parked carts in the journal: park, list, resume, discard (audited). Functions over a JournalDB.

A parked cart is its priced lines (each with its final discount and VAT rate) as JSON, with a
number per register, a note, and the shift it was parked in. Each change is one committed
transaction, so a kill at any moment loses nothing: a cart is parked or it is not.

Its discounts are kept too as the cashier gave them (`discounts`: each line's and the cart's
kind, value, reason and approver), so `resume_cart` gives back the same working cart: a 10 %
stays 10 % of whatever the line or the cart becomes after a change. A cart parked before the
journal kept them (NULL), or whose specs no longer price to the parked total, resumes with its
discounts as the amounts it was parked with.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.checkout.errors import CheckoutError, UnknownRecord
from qrcashier.checkout.journal.codec import from_ts, money_text, to_ts
from qrcashier.checkout.journal.records import Audit
from qrcashier.domain.cart import Cart, CartLine
from qrcashier.domain.discount import Discount
from qrcashier.domain.money import Site

log = logging.getLogger("qrcashier.checkout")


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
    discounts: dict[str, Any] | None = None  # the discounts' specs (`discount_specs`); None: parked before them


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
        from_ts(r["ended_at"]), r["ended_by"], None if r["discounts"] is None else json.loads(r["discounts"]),
    )


def park(db: Any, register_id: str, lines: tuple[CartLine, ...], total: Decimal, note: str, now: datetime,
         *, actor: str = "", shift_id: int | None = None, discounts: dict[str, Any] | None = None) -> ParkedCart:
    """Hold priced `lines` (and, from `discount_specs`, the discounts as given) under the next number."""
    def work(c: sqlite3.Connection) -> int:
        number = c.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM parked_carts WHERE register_id = ?",
                           (register_id,)).fetchone()[0]
        cur = c.execute(
            "INSERT INTO parked_carts (register_id, number, note, lines, total, shift_id, parked_at, parked_by,"
            " discounts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (register_id, number, note, json.dumps([_line_json(line) for line in lines]), money_text(total),
             shift_id, to_ts(now), actor, None if discounts is None else json.dumps(discounts)),
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


# --- the discounts as the cashier gave them (issue 17) ----------------------------------------

def _spec(discount: Discount | None) -> dict[str, Any] | None:
    if discount is None:
        return None
    return {"kind": str(discount.kind), "value": str(discount.value), "reason": discount.reason,
            "approved_by": discount.approved_by}


def _discount(spec: dict[str, Any] | None, site: Site) -> Discount | None:
    if spec is None:
        return None
    return Discount.create(spec["kind"], spec["value"], spec["reason"], site, approved_by=spec.get("approved_by"))


def discount_specs(cart: Cart) -> dict[str, Any]:
    """The cart's discounts as given: per line its own (or the amount a resumed line kept) and the cart's."""
    lines = []
    for i in range(len(cart)):
        kept, kept_reason = cart.kept_discount(i)
        lines.append({"discount": _spec(cart.line_discount(i)), "kept": str(kept), "kept_reason": kept_reason})
    return {"lines": lines, "cart": _spec(cart.cart_discount)}


def resume_cart(site: Site, held: ParkedCart) -> Cart:
    """The working cart a parked one was: its lines with their discounts' specs (see the module
    docstring); without specs, or if they no longer price to what was parked, the amounts."""
    if held.discounts is not None:
        try:
            cart = _with_specs(site, held.lines, held.discounts)
            if cart.total == held.total and cart.lines == held.lines:
                return cart
            log.warning("parked cart %s: its discounts price to %s, not %s; resumed as amounts",
                        held.id, cart.total, held.total)
        except (ValueError, KeyError, TypeError, ArithmeticError) as exc:  # InvalidDiscount/InvalidCart are ValueErrors
            log.warning("parked cart %s: its discounts could not be read (%s); resumed as amounts", held.id, exc)
    return Cart(site, held.lines)


def _with_specs(site: Site, lines: tuple[CartLine, ...], specs: dict[str, Any]) -> Cart:
    given = specs["lines"]
    if len(given) != len(lines):
        raise ValueError(f"{len(given)} discount specs for {len(lines)} lines")
    cart = Cart(site)
    for i, (line, spec) in enumerate(zip(lines, given, strict=True)):
        kept = Decimal(spec.get("kept") or "0")
        cart.append(replace(line, discount=kept, discount_reason=spec.get("kept_reason") if kept else None))
        own = _discount(spec.get("discount"), site)
        if own is not None:
            cart.set_line_discount(i, own)
    whole = _discount(specs.get("cart"), site)
    if whole is not None:
        cart.set_cart_discount(whole)
    return cart
