"""The till's journal operations: shifts, cash movements, tenders, receipt numbers, and the
settling of a sale that every completion (QR, cash, split) ends in.

`JournalDB` inherits `TillStore`; each operation is one committed transaction, so a kill
leaves a cash sale or a close complete or absent. `settle_sale` is the single place a sale
becomes paid: its tenders, its receipt number (per register, MAX + 1 inside the writing
transaction: never reused, never skipped), its shift, and its original receipt.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from qrcashier.checkout.errors import NotChargeable, TillRefused, UnknownRecord
from qrcashier.checkout.journal.codec import from_ts, money_text, to_ts
from qrcashier.checkout.journal.records import MovementRecord, ReceiptRecord, ShiftRecord, TenderRecord
from qrcashier.domain.card import CardInfo
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site
from qrcashier.domain.sale import Attempt, build_reference
from qrcashier.domain.tender import Tender
from qrcashier.domain.till import Movement, MovementKind, difference, expected_cash, needs_authorization

T = TypeVar("T")
BLOCKING_STATES = ("created", "publishing", "waiting", "unknown", "cancel_requested", "needs_review")


def settle_sale(
    db: sqlite3.Connection, sale_id: int, attempt_id: int, now: datetime, operator: str, *, qr_amount: Decimal | None,
    kind: str = "qr", card: CardInfo | None = None,
) -> int:
    """Inside the caller's transaction: the sale paid (its `kind` tender, qr or point, added when
    `qr_amount`, with its `card` details), numbered, put in its register's open shift, with the
    attempt's original receipt. A sale already paid (a second payment on another attempt) keeps
    its number and tenders."""
    sale = db.execute("SELECT register_id, receipt_no FROM sales WHERE id = ?", (sale_id,)).fetchone()
    if sale["receipt_no"] is None:
        if qr_amount is not None:
            cur = db.execute(
                "INSERT INTO tenders (sale_id, kind, amount, attempt_id, at) VALUES (?, ?, ?, ?, ?)",
                (sale_id, kind, money_text(qr_amount), attempt_id, to_ts(now)),
            )
            if card is not None:
                insert_card(db, cur.lastrowid, card)  # type: ignore[arg-type]
        number = db.execute(
            "SELECT COALESCE(MAX(receipt_no), 0) + 1 FROM sales WHERE register_id = ?", (sale["register_id"],)
        ).fetchone()[0]
        shift = db.execute(
            "SELECT id FROM shifts WHERE register_id = ? AND closed_at IS NULL", (sale["register_id"],)
        ).fetchone()
        db.execute(
            "UPDATE sales SET status = 'paid', receipt_no = ?, paid_at = ?, shift_id = ? WHERE id = ?",
            (number, to_ts(now), None if shift is None else shift[0], sale_id),
        )
    cur = db.execute(
        "INSERT INTO receipts (attempt_id, kind, issued_at, operator) VALUES (?, 'original', ?, ?)",
        (attempt_id, to_ts(now), operator),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


# --- a split's electronic part: a QR or Point attempt for part of what is due (issue 20) ---

def part_total(due: Decimal, amount: Decimal | None) -> Decimal:
    """The total of a new attempt: what is due, or `amount`, a part of it (a QR part before a
    Point rest, or the other way round), which must leave something to pay."""
    if amount is None:
        return due
    if amount <= 0 or amount >= due:
        raise TillRefused(f"A part of {amount} must be more than zero and less than the {due} left to pay.")
    return amount


def settle_or_part(
    db: sqlite3.Connection, sale_id: int, attempt_id: int, now: datetime, operator: str, *, amount: Decimal,
    kind: str, card: CardInfo | None,
) -> int | None:
    """Inside `complete_paid`'s transaction, for an attempt just marked paid: when its `amount`
    covers what is left of the sale, `settle_sale` (the receipt id); when it is only a part, its
    tender (with its card) and nothing else: the sale stays open for the rest, no receipt (None)."""
    sale = db.execute("SELECT total, receipt_no FROM sales WHERE id = ?", (sale_id,)).fetchone()
    settled = sum((Decimal(r[0]) for r in db.execute("SELECT amount FROM tenders WHERE sale_id = ?", (sale_id,))),
                  Decimal(0))
    if sale["receipt_no"] is not None or amount >= Decimal(sale["total"]) - settled:
        return settle_sale(db, sale_id, attempt_id, now, operator, qr_amount=amount, kind=kind, card=card)
    cur = db.execute("INSERT INTO tenders (sale_id, kind, amount, attempt_id, at) VALUES (?, ?, ?, ?, ?)",
                     (sale_id, kind, money_text(amount), attempt_id, to_ts(now)))
    if card is not None:
        insert_card(db, cur.lastrowid, card)  # type: ignore[arg-type]
    return None


def insert_card(db: sqlite3.Connection, tender_id: int, card: CardInfo) -> None:
    db.execute(
        "INSERT OR REPLACE INTO tender_cards (tender_id, brand, last_four, installments, authorization, payment_ref,"
        " terminal) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (tender_id, card.brand, card.last_four, card.installments, card.authorization, card.payment_ref,
         card.terminal),
    )


class TillStore:
    """The till's operations on the journal (mixed into `JournalDB`)."""

    # JournalDB provides these
    def transaction(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def insert_sale(self, register_id: str, site: Site, lines: Sequence[CartLine], total: Decimal,
                    now: datetime) -> int:
        raise NotImplementedError

    def attempt(self, attempt_id: int) -> Attempt:
        raise NotImplementedError

    def receipt(self, receipt_id: int) -> ReceiptRecord:
        raise NotImplementedError

    def refundable(self, mp_payment_id: int) -> Decimal:
        raise NotImplementedError

    # a split's electronic parts (issue 20)

    def unsettled_parts(self, register_id: str, sale_id: int | None = None) -> list[str]:
        """The references of the paid QR / Point parts of the register's open sales (or of
        `sale_id`) not refunded in full: money taken for a sale whose rest is not paid yet."""
        rows = self.query(
            "SELECT a.reference, a.sale_id, p.mp_payment_id FROM tenders t JOIN sales s ON s.id = t.sale_id"
            " JOIN attempts a ON a.id = t.attempt_id JOIN payments p ON p.attempt_id = a.id"
            " WHERE s.register_id = ? AND s.status = 'open' AND t.kind IN ('qr', 'point') ORDER BY t.id",
            (register_id,))
        return list(dict.fromkeys(r[0] for r in rows
                                  if (sale_id is None or r[1] == sale_id) and self.refundable(r[2]) > 0))

    def refuse_unsettled_part(self, register_id: str, sale_id: int) -> None:
        """A sale with a paid part is not discarded: charge the rest, or refund the part first."""
        parts = self.unsettled_parts(register_id, sale_id)
        if parts:
            raise NotChargeable(f"Part of this sale is paid ({parts[0]}): charge the rest, or refund that part "
                                "before discarding the sale.")

    # shifts

    def open_shift(
        self, register_id: str, float_amount: Decimal, now: datetime, *, actor: str = "",
        counts: Mapping[Decimal, int] | None = None, pos_number: int | None = None, store_name: str | None = None,
    ) -> ShiftRecord:
        """Open the register's next shift with its float (and the register's point-of-sale number
        and the store's name, for its report). Refused while one is open."""

        def work(db: sqlite3.Connection) -> int:
            if self.current_shift(register_id) is not None:
                raise TillRefused("A shift is already open on this register: close it first.")
            number = db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM shifts WHERE register_id = ?", (register_id,)
            ).fetchone()[0]
            cur = db.execute(
                "INSERT INTO shifts (register_id, number, opened_at, opened_by, float, float_counts, pos_number,"
                " store_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (register_id, number, to_ts(now), actor, money_text(float_amount), _counts_json(counts), pos_number,
                 store_name),
            )
            return cur.lastrowid  # type: ignore[return-value]

        return self.shift(self.transaction(work))

    def shift(self, shift_id: int) -> ShiftRecord:
        rows = self.query("SELECT * FROM shifts WHERE id = ?", (shift_id,))
        if not rows:
            raise UnknownRecord(f"There is no shift {shift_id} in the journal.")
        return _shift(rows[0])

    def current_shift(self, register_id: str) -> ShiftRecord | None:
        rows = self.query("SELECT * FROM shifts WHERE register_id = ? AND closed_at IS NULL", (register_id,))
        return _shift(rows[0]) if rows else None

    def shift_by_number(self, register_id: str, number: int | None = None) -> ShiftRecord | None:
        """Shift `number` of the register, or its last one (None: no shift yet)."""
        if number is None:
            rows = self.query("SELECT * FROM shifts WHERE register_id = ? ORDER BY number DESC LIMIT 1", (register_id,))
        else:
            rows = self.query("SELECT * FROM shifts WHERE register_id = ? AND number = ?", (register_id, number))
        return _shift(rows[0]) if rows else None

    def registers_with_shifts(self) -> list[str]:
        return [r[0] for r in self.query("SELECT DISTINCT register_id FROM shifts ORDER BY register_id")]

    def expected_cash(self, shift_id: int) -> Decimal:
        """float + cash tender amounts + cash in - cash out - cash refunds, from the journal."""
        shift = self.shift(shift_id)
        cash = [Decimal(r[0]) for r in self.query(
            "SELECT t.amount FROM tenders t JOIN sales s ON s.id = t.sale_id"
            " WHERE s.shift_id = ? AND s.status = 'paid' AND t.kind = 'cash'", (shift_id,))]
        moves = self.movements(shift_id)
        return expected_cash(
            shift.float_amount, cash,
            [Movement(MovementKind(m.kind), m.amount, m.reason) for m in moves if m.kind != "refund"],
            [m.amount for m in moves if m.kind == "refund"],
        )

    def blocking_attempts(self, register_id: str) -> list[Attempt]:
        """Charges that are live or await review on the register: they block a close."""
        marks = ", ".join("?" for _ in BLOCKING_STATES)
        rows = self.query(
            f"SELECT id FROM attempts WHERE register_id = ? AND state IN ({marks}) ORDER BY id",
            (register_id, *BLOCKING_STATES),
        )
        return [self.attempt(r[0]) for r in rows]

    def close_shift(
        self, shift_id: int, counted: Decimal, now: datetime, *, threshold: Decimal, actor: str = "",
        counts: Mapping[Decimal, int] | None = None, authorized_by: str | None = None, reason: str = "",
    ) -> ShiftRecord:
        """Close with the counted cash, in one transaction. Refused when already closed, while a
        charge is live or awaits review, and when the difference is over `threshold` without a
        supervisor and a reason."""

        def work(db: sqlite3.Connection) -> None:
            shift = self.shift(shift_id)
            if not shift.open:
                raise TillRefused(f"Shift {shift.number} is already closed.")
            blocking = self.blocking_attempts(shift.register_id)
            if blocking:
                a = blocking[0]
                raise TillRefused(
                    f"Sale {a.reference} is {a.state}: wait for it to finish, cancel it, or have a supervisor "
                    "review it before closing the shift."
                )
            parts = self.unsettled_parts(shift.register_id)
            if parts:
                raise TillRefused(f"Part of sale {parts[0]} is paid and the rest is not: charge the rest, or refund "
                                  "that part and discard the sale, before closing the shift.")
            expected = self.expected_cash(shift_id)
            diff = difference(counted, expected)
            if needs_authorization(diff, threshold) and not (authorized_by and reason.strip()):
                raise TillRefused(
                    f"The count differs from the expected cash by {diff}: a supervisor must authorize it, "
                    "with a reason."
                )
            db.execute(
                "UPDATE shifts SET closed_at = ?, closed_by = ?, counted = ?, counts = ?, expected = ?,"
                " difference = ?, authorized_by = ?, reason = ? WHERE id = ? AND closed_at IS NULL",
                (to_ts(now), actor, money_text(counted), _counts_json(counts), money_text(expected),
                 money_text(diff), authorized_by, reason, shift_id),
            )

        self.transaction(work)
        return self.shift(shift_id)

    # cash movements

    def add_movement(
        self, shift_id: int, kind: str, amount: Decimal, reason: str, now: datetime, *, actor: str = "",
        authorized_by: str | None = None, sale_id: int | None = None,
    ) -> MovementRecord:
        """Cash in, cash out, or a cash refund, on an open shift."""
        if kind not in ("in", "out", "refund"):
            raise ValueError(f"unknown movement kind {kind!r}")
        Movement(MovementKind.IN, amount, reason)  # the same checks: positive, a reason

        def work(db: sqlite3.Connection) -> int:
            if not self.shift(shift_id).open:
                raise TillRefused("This shift is closed: open a new one first.")
            cur = db.execute(
                "INSERT INTO cash_movements (shift_id, kind, amount, reason, at, actor, authorized_by, sale_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (shift_id, kind, money_text(amount), reason.strip(), to_ts(now), actor, authorized_by, sale_id),
            )
            return cur.lastrowid  # type: ignore[return-value]

        new_id = self.transaction(work)
        return next(m for m in self.movements(shift_id) if m.id == new_id)

    def refund_cash(
        self, sale_id: int, amount: Decimal, now: datetime, *, supervisor: str, reason: str
    ) -> MovementRecord:
        """Cash given back for a paid sale: a "refund" movement on the open shift, never more than
        the sale's cash tenders less what was already refunded in cash, with its audit row."""

        def work(db: sqlite3.Connection) -> int:
            sale = db.execute("SELECT register_id, status FROM sales WHERE id = ?", (sale_id,)).fetchone()
            if sale is None or sale["status"] != "paid":
                raise TillRefused("Only a paid sale can be refunded.")
            shift = self.current_shift(sale["register_id"])
            if shift is None:
                raise TillRefused("Open a shift before giving cash back.")
            paid = sum((t.amount for t in self.tenders(sale_id) if t.kind == "cash"), Decimal(0))
            given = sum((Decimal(r[0]) for r in db.execute(
                "SELECT amount FROM cash_movements WHERE kind = 'refund' AND sale_id = ?", (sale_id,))), Decimal(0))
            if amount <= 0 or amount > paid - given:
                raise TillRefused(f"At most {paid - given} of this sale was paid in cash and not yet given back.")
            cur = db.execute(
                "INSERT INTO cash_movements (shift_id, kind, amount, reason, at, actor, authorized_by, sale_id)"
                " VALUES (?, 'refund', ?, ?, ?, ?, ?, ?)",
                (shift.id, money_text(amount), reason.strip(), to_ts(now), supervisor, supervisor, sale_id),
            )
            db.execute(
                "INSERT INTO audit (at, actor, action, sale_id, reason, details) VALUES (?, ?, 'cash_refund', ?, ?, ?)",
                (to_ts(now), supervisor, sale_id, reason, json.dumps({"amount": money_text(amount)})),
            )
            return cur.lastrowid  # type: ignore[return-value]

        new_id = self.transaction(work)
        shift = self.current_shift(self.query("SELECT register_id FROM sales WHERE id = ?", (sale_id,))[0][0])
        assert shift is not None
        return next(m for m in self.movements(shift.id) if m.id == new_id)

    def movements(self, shift_id: int) -> list[MovementRecord]:
        return [
            MovementRecord(r["id"], r["shift_id"], r["kind"], Decimal(r["amount"]), r["reason"], from_ts(r["at"]),  # type: ignore[arg-type]
                           r["actor"], r["authorized_by"], r["sale_id"])
            for r in self.query("SELECT * FROM cash_movements WHERE shift_id = ? ORDER BY id", (shift_id,))
        ]

    # tenders and cash completion

    def tenders(self, sale_id: int) -> list[TenderRecord]:
        return [_tender(r) for r in self.query("SELECT * FROM tenders WHERE sale_id = ? ORDER BY id", (sale_id,))]

    def tender_cards(self, sale_id: int) -> dict[int, CardInfo]:
        """The card details of a sale's tenders, by tender id."""
        return {r["tender_id"]: CardInfo(r["brand"], r["last_four"], r["installments"], r["authorization"],
                                         r["payment_ref"], r["terminal"])
                for r in self.query("SELECT c.* FROM tender_cards c JOIN tenders t ON t.id = c.tender_id"
                                    " WHERE t.sale_id = ?", (sale_id,))}

    def shift_tenders(self, shift_id: int) -> list[TenderRecord]:
        """The tenders of every paid sale of the shift, in order."""
        return [_tender(r) for r in self.query(
            "SELECT t.* FROM tenders t JOIN sales s ON s.id = t.sale_id WHERE s.shift_id = ? AND s.status = 'paid'"
            " ORDER BY t.id", (shift_id,))]

    def add_cash_part(self, sale_id: int, tender: Tender, now: datetime) -> None:
        """The cash part of a split sale, written before its QR part is published."""

        def work(db: sqlite3.Connection) -> None:
            self._check_payable(db, sale_id, tender.amount, final=False)
            _insert_tender(db, sale_id, tender, now)

        self.transaction(work)

    def due(self, sale_id: int) -> Decimal:
        """What is left to settle on an open sale after its cash parts."""
        row = self.query("SELECT total FROM sales WHERE id = ?", (sale_id,))
        if not row:
            raise UnknownRecord(f"There is no sale {sale_id} in the journal.")
        return Decimal(row[0][0]) - sum((t.amount for t in self.tenders(sale_id)), Decimal(0))

    def complete_cash(
        self, tender: Tender, now: datetime, *, operator: str = "", sale_id: int | None = None,
        new_sale: tuple[str, Site, Sequence[CartLine], Decimal] | None = None, card: CardInfo | None = None,
    ) -> tuple[Attempt, ReceiptRecord]:
        """A sale (new, or an open one's remainder) settled in cash, in one transaction: its
        cash tender, a paid `cash` attempt (the receipt hangs off it), and `settle_sale`. The
        same for a `card` tender typed from another terminal (its attempt's gateway is `card`,
        its `card` details kept with the tender)."""
        gateway = str(tender.kind)
        if gateway not in ("cash", "card"):
            raise ValueError("only a cash or card tender is completed by hand")
        said = "Paid in cash." if gateway == "cash" else "Paid by card (other terminal)."
        if (sale_id is None) == (new_sale is None):
            raise ValueError("give either an existing sale id or a new sale")

        def work(db: sqlite3.Connection) -> tuple[int, int]:
            sid = sale_id if new_sale is None else self.insert_sale(*new_sale, now)
            assert sid is not None
            self._check_payable(db, sid, tender.amount, final=True)
            sale = db.execute("SELECT register_id, code FROM sales WHERE id = ?", (sid,)).fetchone()
            number = db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM attempts WHERE sale_id = ?",
                                (sid,)).fetchone()[0]
            cur = db.execute(
                "INSERT INTO attempts (sale_id, number, register_id, reference, idempotency_key, gateway, total,"
                " state, created_at, updated_at, expires_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, 'paid',"
                " ?, ?, ?, ?)",
                (sid, number, sale["register_id"], build_reference(sale["register_id"], sale["code"], number),
                 secrets.token_hex(16), gateway, money_text(tender.amount), to_ts(now), to_ts(now), to_ts(now), said),
            )
            attempt_id = cur.lastrowid
            assert attempt_id is not None
            db.execute(
                "INSERT INTO transitions (attempt_id, from_state, to_state, at, message)"
                " VALUES (?, NULL, 'paid', ?, ?)", (attempt_id, to_ts(now), said),
            )
            tender_id = _insert_tender(db, sid, tender, now, attempt_id)
            if card is not None:
                insert_card(db, tender_id, card)
            return attempt_id, settle_sale(db, sid, attempt_id, now, operator, qr_amount=None)

        attempt_id, receipt_id = self.transaction(work)
        return self.attempt(attempt_id), self.receipt(receipt_id)

    def _check_payable(self, db: sqlite3.Connection, sale_id: int, amount: Decimal, *, final: bool) -> None:
        sale = db.execute("SELECT register_id, status, total FROM sales WHERE id = ?", (sale_id,)).fetchone()
        if sale is None:
            raise UnknownRecord(f"There is no sale {sale_id} in the journal.")
        if sale["status"] != "open":
            raise NotChargeable(f"This sale is {sale['status']} and cannot be charged again.")
        if self.current_shift(sale["register_id"]) is None:
            raise TillRefused("Open a shift before charging.")
        marks = ", ".join("?" for _ in BLOCKING_STATES)
        if db.execute(f"SELECT 1 FROM attempts WHERE sale_id = ? AND state IN ({marks})",
                      (sale_id, *BLOCKING_STATES)).fetchone():
            raise NotChargeable("This sale has an order on the QR or awaiting review: settle that first.")
        left = self.due(sale_id)
        if (amount != left) if final else (amount >= left):
            raise TillRefused(
                f"{amount} in cash does not match the {left} left to pay." if final
                else "The cash part covers the whole sale: take it as a cash sale."
            )

    # receipt numbers

    def receipt_number(self, sale_id: int) -> int | None:
        rows = self.query("SELECT receipt_no FROM sales WHERE id = ?", (sale_id,))
        return rows[0][0] if rows else None

    def sale_by_receipt(self, register_id: str, number: int) -> int | None:
        rows = self.query("SELECT id FROM sales WHERE register_id = ? AND receipt_no = ?", (register_id, number))
        return rows[0][0] if rows else None


def _insert_tender(db: sqlite3.Connection, sale_id: int, tender: Tender, now: datetime,
                   attempt_id: int | None = None) -> int:
    cur = db.execute(
        "INSERT INTO tenders (sale_id, kind, amount, received, change, attempt_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sale_id, str(tender.kind), money_text(tender.amount),
         None if tender.received is None else money_text(tender.received),
         None if tender.change is None else money_text(tender.change), attempt_id, to_ts(now)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def _tender(r: sqlite3.Row) -> TenderRecord:
    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return TenderRecord(r["id"], r["sale_id"], r["kind"], Decimal(r["amount"]), dec(r["received"]), dec(r["change"]),
                        r["attempt_id"], from_ts(r["at"]))  # type: ignore[arg-type]


def _counts_json(counts: Mapping[Decimal, int] | None) -> str | None:
    return None if counts is None else json.dumps({str(k): v for k, v in counts.items()}, sort_keys=True)


def _shift(r: sqlite3.Row) -> ShiftRecord:
    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return ShiftRecord(
        r["id"], r["register_id"], r["number"], from_ts(r["opened_at"]), r["opened_by"], Decimal(r["float"]),  # type: ignore[arg-type]
        None if r["float_counts"] is None else json.loads(r["float_counts"]), from_ts(r["closed_at"]),
        r["closed_by"], dec(r["counted"]), None if r["counts"] is None else json.loads(r["counts"]),
        dec(r["expected"]), dec(r["difference"]), r["authorized_by"], r["reason"],
        r["pos_number"], r["store_name"],
    )

