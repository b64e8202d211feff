"""The synchronous store: every journal operation, in SQLite, durable before the network
call that depends on it.

- WAL with `synchronous=FULL`: a committed transaction survives a kill or a power cut.
- Each state change is one committed transaction (`transition`, `complete_paid`, ...).
- Guards live in the schema too, not only in code: `UNIQUE(mp_payment_id)`, one
  original receipt per attempt, one live attempt per register, unique references and
  idempotency keys.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from qrcashier.checkout.errors import NotChargeable, RefundRefused, RegisterBusy, UnknownRecord
from qrcashier.checkout.journal.codec import (
    attempt_from_row,
    from_ts,
    money_text,
    payment_from_row,
    receipt_from_row,
    refund_from_row,
    to_json,
    to_ts,
)
from qrcashier.checkout.journal.records import (
    Audit,
    AuditEntry,
    PaymentRecord,
    ReceiptRecord,
    RefundRecord,
    RefundState,
    StaleState,
    TransitionRecord,
)
from qrcashier.checkout.journal.schema import connect, migrate
from qrcashier.checkout.journal.till_store import TillStore, part_total, settle_or_part
from qrcashier.domain.card import CardInfo
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site
from qrcashier.domain.sale import (
    LIVE_STATES,
    Attempt,
    AttemptState,
    FailureKind,
    PaymentInfo,
    Sale,
    build_reference,
    check_transition,
    refundable,
)

T = TypeVar("T")
S = AttemptState


class JournalDB(TillStore):
    """Every journal operation, synchronous. Use it only from the thread that created it."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._db = connect(self.path)
        try:
            self.version = migrate(self._db)
            self.tag = self._db.execute("SELECT value FROM meta WHERE key = 'tag'").fetchone()[0]
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    # transactions

    def _tx(self, fn: Callable[[], T]) -> T:
        """Run `fn` in one immediate transaction, committed (and fsynced) before returning."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            result = fn()
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return result

    def transaction(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """`fn(connection)` in one committed transaction (the till's operations run through it)."""
        return self._tx(lambda: fn(self._db))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._all(sql, params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        return self._db.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, params).fetchall()

    # sales and attempts: reading

    def sale(self, sale_id: int) -> Sale:
        row = self._one("SELECT * FROM sales WHERE id = ?", (sale_id,))
        if row is None:
            raise UnknownRecord(f"There is no sale {sale_id} in the journal.")
        lines = tuple(
            CartLine(r["title"], Decimal(r["unit_price"]), r["quantity"], r["sku"], r["unit_measure"],
                     Decimal(r["discount"]), r["discount_reason"],
                     None if r["vat_rate"] is None else Decimal(r["vat_rate"]))
            for r in self._all("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (sale_id,))
        )
        return Sale(
            id=row["id"], code=row["code"], register_id=row["register_id"], site_id=row["site_id"],
            lines=lines, total=Decimal(row["total"]), status=row["status"], created_at=from_ts(row["created_at"]),  # type: ignore[arg-type]
        )

    def sales(self, *, register_id: str | None = None, status: str | None = None, limit: int = 100) -> list[Sale]:
        where, params = _where(register_id=register_id, status=status)
        rows = self._all(f"SELECT id FROM sales {where} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [self.sale(r["id"]) for r in rows]

    def attempt(self, attempt_id: int) -> Attempt:
        row = self._one("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if row is None:
            raise UnknownRecord(f"There is no payment attempt {attempt_id} in the journal.")
        return attempt_from_row(row)

    def attempt_by_reference(self, reference: str) -> Attempt | None:
        row = self._one("SELECT * FROM attempts WHERE reference = ?", (reference,))
        return None if row is None else attempt_from_row(row)

    def attempts(
        self,
        *,
        register_id: str | None = None,
        sale_id: int | None = None,
        states: Iterable[AttemptState] | None = None,
        updated_after: datetime | None = None,
        limit: int = 1000,
    ) -> list[Attempt]:
        where, params = _where(register_id=register_id, sale_id=sale_id)
        if updated_after is not None:
            where += (" AND " if where else "WHERE ") + "updated_at > ?"
            params.append(to_ts(updated_after))
        if states is not None:
            states = list(states)
            marks = ", ".join("?" for _ in states)
            where += (" AND " if where else "WHERE ") + f"state IN ({marks})"
            params += [str(s) for s in states]
        rows = self._all(f"SELECT * FROM attempts {where} ORDER BY id LIMIT ?", (*params, limit))
        return [attempt_from_row(r) for r in rows]

    def live_attempt(self, register_id: str) -> Attempt | None:
        found = self.attempts(register_id=register_id, states=LIVE_STATES)
        return found[0] if found else None

    def transitions(self, attempt_id: int) -> list[TransitionRecord]:
        return [
            TransitionRecord(
                r["attempt_id"], None if r["from_state"] is None else S(r["from_state"]), S(r["to_state"]),
                from_ts(r["at"]), r["message"],  # type: ignore[arg-type]
            )
            for r in self._all("SELECT * FROM transitions WHERE attempt_id = ? ORDER BY id", (attempt_id,))
        ]

    # sales and attempts: writing

    def insert_sale(
        self, register_id: str, site: Site, lines: Sequence[CartLine], total: Decimal, now: datetime
    ) -> int:
        """An open sale and its lines, inside the caller's transaction."""
        cur = self._db.execute(
            "INSERT INTO sales (register_id, site_id, currency, total, status, created_at)"
            " VALUES (?, ?, ?, ?, 'open', ?)",
            (register_id, site.id, site.currency, money_text(total), to_ts(now)),
        )
        sale_id = cur.lastrowid
        assert sale_id is not None
        # The journal's random tag keeps references unique even if the file is ever replaced:
        # an old merchant_order must never match a new sale.
        self._db.execute("UPDATE sales SET code = ? WHERE id = ?", (f"{sale_id}_{self.tag}", sale_id))
        for n, line in enumerate(lines, start=1):
            self._db.execute(
                "INSERT INTO sale_lines (sale_id, line_no, title, sku, unit_price, quantity, unit_measure, total,"
                " discount, discount_reason, vat_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sale_id, n, line.title, line.sku, money_text(line.unit_price), line.quantity, line.unit_measure,
                 money_text(line.total(site)), money_text(line.discount), line.discount_reason,
                 None if line.vat_rate is None else str(line.vat_rate)),
            )
        return sale_id

    def _insert_attempt(
        self, sale_id: int, gateway: str, now: datetime, expires_at: datetime, message: str,
        amount: Decimal | None = None,
    ) -> int:
        sale = self.sale(sale_id)
        if sale.status != "open":
            raise NotChargeable(f"This sale is {sale.status} and cannot be charged again.")
        review = self._one(
            "SELECT id FROM attempts WHERE sale_id = ? AND state = ?", (sale_id, str(S.NEEDS_REVIEW))
        )
        if review is not None:
            raise NotChargeable(
                "A supervisor must first review this sale's earlier payment attempt: it may have been paid."
            )
        live = self.live_attempt(sale.register_id)
        if live is not None:
            raise RegisterBusy(
                "Another order is still on this register's QR: wait for it to finish or cancel it first.",
                live.id,
            )
        number = self._one("SELECT COALESCE(MAX(number), 0) + 1 AS n FROM attempts WHERE sale_id = ?", (sale_id,))["n"]  # type: ignore[index]
        reference = build_reference(sale.register_id, sale.code, number)
        cur = self._db.execute(
            "INSERT INTO attempts (sale_id, number, register_id, reference, idempotency_key, gateway, total, state,"
            " created_at, updated_at, expires_at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sale_id, number, sale.register_id, reference, secrets.token_hex(16), gateway,
             money_text(part_total(self.due(sale_id), amount)), str(S.CREATED), to_ts(now), to_ts(now),
             to_ts(expires_at), message),
        )
        attempt_id = cur.lastrowid
        assert attempt_id is not None
        self._db.execute(
            "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, NULL, ?, ?, ?)",
            (attempt_id, str(S.CREATED), to_ts(now), message),
        )
        return attempt_id

    def create_sale(
        self, register_id: str, site: Site, lines: Sequence[CartLine], total: Decimal, now: datetime
    ) -> Sale:
        """Freeze validated lines into an open sale (no attempt yet)."""
        return self.sale(self._tx(lambda: self.insert_sale(register_id, site, lines, total, now)))

    def create_attempt(
        self,
        *,
        gateway: str,
        now: datetime,
        expires_at: datetime,
        message: str,
        sale_id: int | None = None,
        new_sale: tuple[str, Site, Sequence[CartLine], Decimal] | None = None,
        amount: Decimal | None = None,
    ) -> Attempt:
        """Write an attempt in state `created` (and the sale with its lines, for `new_sale`),
        in one transaction, for what is due (or `amount`, a part of it). Refuses a sale that is
        not open or awaits review, and a second live attempt on the register (RegisterBusy)."""
        if (sale_id is None) == (new_sale is None):
            raise ValueError("give either an existing sale id or a new sale")

        def work() -> int:
            sid = sale_id if new_sale is None else self.insert_sale(*new_sale, now)
            return self._insert_attempt(sid, gateway, now, expires_at, message, amount)  # type: ignore[arg-type]

        try:
            attempt_id = self._tx(work)
        except sqlite3.IntegrityError as exc:
            if "attempts.register_id" in str(exc):  # the one-live-attempt index, if a second process raced us
                raise RegisterBusy("Another order is still on this register's QR.", -1) from None
            raise
        return self.attempt(attempt_id)

    def transition(
        self,
        attempt_id: int,
        to: AttemptState,
        now: datetime,
        message: str,
        *,
        expect: Iterable[AttemptState] | None = None,
        review: Any = None,
        gateway_order_id: str | None = None,
        qr_data: str | None = None,
        audit: Audit | None = None,
        failure: FailureKind | None = None,
    ) -> Attempt:
        """Move an attempt to `to` in one committed transaction, with its transitions row.

        `expect`: the states the caller believes it is in; anything else raises StaleState.
        `review`: JSON-able details stored with needs_review. `audit`: written in the same
        transaction. `failure`: why, for a move to FAILED. Moving to `paid` goes through `complete_paid` instead.
        """
        if to == S.PAID:
            raise ValueError("use complete_paid to mark an attempt paid")

        def work() -> None:
            current = self.attempt(attempt_id)
            if expect is not None and current.state not in set(expect):
                raise StaleState(f"attempt {attempt_id} is {current.state}, not one of {sorted(map(str, expect))}")
            check_transition(current.state, to)
            self._db.execute(
                "UPDATE attempts SET state = ?, updated_at = ?, message = ?,"
                " review = COALESCE(?, review), gateway_order_id = COALESCE(?, gateway_order_id),"
                " qr_data = COALESCE(?, qr_data), failure = ? WHERE id = ?",
                (str(to), to_ts(now), message, None if review is None else to_json(review), gateway_order_id, qr_data,
                 None if failure is None else str(failure), attempt_id),
            )
            self._db.execute(
                "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, ?, ?, ?, ?)",
                (attempt_id, str(current.state), str(to), to_ts(now), message),
            )
            if audit is not None:
                self._audit(audit, now, sale_id=current.sale_id, attempt_id=attempt_id)

        self._tx(work)
        return self.attempt(attempt_id)

    def update_gateway_data(
        self, attempt_id: int, now: datetime, *, gateway_order_id: str | None, qr_data: str | None
    ) -> Attempt:
        """Keep what a (re)publish returned without changing the state."""
        self._tx(lambda: self._db.execute(
            "UPDATE attempts SET gateway_order_id = COALESCE(?, gateway_order_id), qr_data = COALESCE(?, qr_data),"
            " updated_at = ? WHERE id = ?",
            (gateway_order_id, qr_data, to_ts(now), attempt_id),
        ))
        return self.attempt(attempt_id)

    def set_message(self, attempt_id: int, message: str) -> None:
        self._tx(lambda: self._db.execute("UPDATE attempts SET message = ? WHERE id = ?", (message, attempt_id)))

    def complete_paid(
        self,
        attempt_id: int,
        payments: Sequence[PaymentInfo],
        now: datetime,
        message: str,
        *,
        audit: Audit | None = None,
        operator: str = "",
        card: CardInfo | None = None,
    ) -> tuple[Attempt, ReceiptRecord | None]:
        """The transition to paid, in one transaction: payments recorded, sale paid, and the
        original receipt issued. Idempotent: on an attempt already paid it changes nothing
        and returns (attempt, None). An attempt for a part of the sale (`settle_or_part`)
        records its tender and leaves the sale open: (attempt, None) too, the sale `open`."""

        def work() -> int | None:
            current = self.attempt(attempt_id)
            if current.state == S.PAID:
                return None
            check_transition(current.state, S.PAID)
            self._record_payments(attempt_id, payments, now)
            self._db.execute(
                "UPDATE attempts SET state = ?, updated_at = ?, message = ? WHERE id = ?",
                (str(S.PAID), to_ts(now), message, attempt_id),
            )
            self._db.execute(
                "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, ?, ?, ?, ?)",
                (attempt_id, str(current.state), str(S.PAID), to_ts(now), message),
            )
            if audit is not None:
                self._audit(audit, now, sale_id=current.sale_id, attempt_id=attempt_id)
            kind = "point" if current.gateway == "point" else "qr"
            return settle_or_part(self._db, current.sale_id, attempt_id, now, operator, amount=current.total,
                                  kind=kind, card=card)

        receipt_id = self._tx(work)
        receipt = None if receipt_id is None else self.receipt(receipt_id)
        return self.attempt(attempt_id), receipt

    # payments

    def _record_payments(self, attempt_id: int, payments: Sequence[PaymentInfo], now: datetime) -> None:
        for p in payments:
            existing = self._one("SELECT attempt_id FROM payments WHERE mp_payment_id = ?", (p.mp_payment_id,))
            if existing is not None:
                if existing["attempt_id"] != attempt_id:
                    raise StaleState(
                        f"payment {p.mp_payment_id} is already recorded for attempt {existing['attempt_id']}"
                    )
                continue
            self._db.execute(
                "INSERT INTO payments (mp_payment_id, attempt_id, merchant_order_id, amount, status, status_detail,"
                " recorded_at, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # approved_at: Mercado Pago's (14.3)
                (p.mp_payment_id, attempt_id, p.merchant_order_id, money_text(p.amount), p.status, p.status_detail,
                 to_ts(now), None if p.approved_at is None else to_ts(p.approved_at)),
            )

    def record_payments(self, attempt_id: int, payments: Sequence[PaymentInfo], now: datetime) -> None:
        """Record approved payments seen for an attempt (e.g. a partial payment under review).
        A payment id already recorded for this attempt is skipped: never recorded twice."""
        self._tx(lambda: self._record_payments(attempt_id, payments, now))

    def payments(self, *, attempt_id: int | None = None, sale_id: int | None = None) -> list[PaymentRecord]:
        if sale_id is not None:
            rows = self._all(
                "SELECT p.* FROM payments p JOIN attempts a ON a.id = p.attempt_id WHERE a.sale_id = ? ORDER BY p.id",
                (sale_id,),
            )
        else:
            where, params = _where(attempt_id=attempt_id)
            rows = self._all(f"SELECT * FROM payments {where} ORDER BY id", params)
        return [payment_from_row(r) for r in rows]

    def payment(self, mp_payment_id: int) -> PaymentRecord:
        row = self._one("SELECT * FROM payments WHERE mp_payment_id = ?", (mp_payment_id,))
        if row is None:
            raise UnknownRecord(f"Payment {mp_payment_id} is not recorded for any sale of this register.")
        return payment_from_row(row)

    # refunds

    def refundable(self, mp_payment_id: int) -> Decimal:
        payment = self.payment(mp_payment_id)
        held = [r.amount for r in self.refunds(mp_payment_id=mp_payment_id) if r.state in RefundState.HELD]
        return refundable(payment.amount, held)

    def create_refund(
        self,
        mp_payment_id: int,
        amount: Decimal,
        *,
        full: bool,
        now: datetime,
        supervisor: str,
        reason: str,
    ) -> RefundRecord:
        """Write a refund in state `requested`, with its stable idempotency key and its audit
        row, before any call. The check against what is left to refund happens inside the
        same transaction, so two refunds cannot both take the last of the money."""

        def work() -> int:
            payment = self.payment(mp_payment_id)
            left = self.refundable(mp_payment_id)
            if amount <= 0:
                raise RefundRefused("A refund must be greater than zero.")
            if amount > left:
                raise RefundRefused(
                    f"Cannot refund {amount}: only {left} of payment {mp_payment_id} is paid and not yet refunded."
                )
            cur = self._db.execute(
                "INSERT INTO refunds (payment_id, amount, full, idempotency_key, state, message, supervisor, reason,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (payment.id, money_text(amount), int(full), secrets.token_hex(16), RefundState.REQUESTED,
                 "Refund requested.", supervisor, reason, to_ts(now), to_ts(now)),
            )
            refund_id = cur.lastrowid
            assert refund_id is not None
            attempt = self.attempt(payment.attempt_id)
            self._audit(
                Audit(supervisor, "refund_requested", reason, {"amount": amount, "full": full}), now,
                sale_id=attempt.sale_id, attempt_id=attempt.id, payment_id=mp_payment_id, refund_id=refund_id,
            )
            return refund_id

        return self.refund(self._tx(work))

    def finish_refund(
        self, refund_id: int, state: str, now: datetime, message: str, *, mp_refund_id: int | None = None
    ) -> RefundRecord:
        def work() -> None:
            current = self.refund(refund_id)
            if current.state in (RefundState.APPROVED, RefundState.FAILED):
                return  # already settled: never recorded twice
            self._db.execute(
                "UPDATE refunds SET state = ?, message = ?, mp_refund_id = COALESCE(?, mp_refund_id), updated_at = ?"
                " WHERE id = ?",
                (state, message, mp_refund_id, to_ts(now), refund_id),
            )

        self._tx(work)
        return self.refund(refund_id)

    def refund(self, refund_id: int) -> RefundRecord:
        row = self._one(
            "SELECT r.*, p.mp_payment_id FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = ?",
            (refund_id,),
        )
        if row is None:
            raise UnknownRecord(f"There is no refund {refund_id} in the journal.")
        return refund_from_row(row)

    def refunds(self, *, mp_payment_id: int | None = None, states: Iterable[str] | None = None) -> list[RefundRecord]:
        sql = "SELECT r.*, p.mp_payment_id FROM refunds r JOIN payments p ON p.id = r.payment_id"
        clauses, params = [], []
        if mp_payment_id is not None:
            clauses.append("p.mp_payment_id = ?")
            params.append(mp_payment_id)
        if states is not None:
            states = list(states)
            clauses.append(f"r.state IN ({', '.join('?' for _ in states)})")
            params += states
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return [refund_from_row(r) for r in self._all(sql + " ORDER BY r.id", params)]

    # receipts

    def receipt(self, receipt_id: int) -> ReceiptRecord:
        row = self._one(
            "SELECT r.*, a.sale_id FROM receipts r JOIN attempts a ON a.id = r.attempt_id WHERE r.id = ?", (receipt_id,)
        )
        if row is None:
            raise UnknownRecord(f"There is no receipt {receipt_id} in the journal.")
        return receipt_from_row(row)

    def receipts(
        self, *, attempt_id: int | None = None, kind: str | None = None, unprinted: bool = False
    ) -> list[ReceiptRecord]:
        sql = "SELECT r.*, a.sale_id FROM receipts r JOIN attempts a ON a.id = r.attempt_id"
        clauses, params = [], []
        if attempt_id is not None:
            clauses.append("r.attempt_id = ?")
            params.append(attempt_id)
        if kind is not None:
            clauses.append("r.kind = ?")
            params.append(kind)
        if unprinted:
            clauses.append("r.printed_at IS NULL")
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return [receipt_from_row(r) for r in self._all(sql + " ORDER BY r.id", params)]

    def issue_copy(self, attempt_id: int, now: datetime, operator: str = "") -> ReceiptRecord:
        def work() -> int:
            if not self.receipts(attempt_id=attempt_id, kind="original"):
                raise NotChargeable("Only a paid sale has a receipt to reprint.")
            cur = self._db.execute(
                "INSERT INTO receipts (attempt_id, kind, issued_at, operator) VALUES (?, 'copy', ?, ?)",
                (attempt_id, to_ts(now), operator),
            )
            return cur.lastrowid  # type: ignore[return-value]

        return self.receipt(self._tx(work))

    def mark_printed(self, receipt_id: int, now: datetime) -> ReceiptRecord:
        self._tx(lambda: self._db.execute(
            "UPDATE receipts SET printed_at = COALESCE(printed_at, ?) WHERE id = ?", (to_ts(now), receipt_id)
        ))
        return self.receipt(receipt_id)

    # sales

    def discard_sale(self, sale_id: int, now: datetime, audit: Audit) -> Sale:
        def work() -> None:
            sale = self.sale(sale_id)
            if sale.status != "open":
                raise NotChargeable(f"This sale is {sale.status}: it cannot be discarded.")
            blocking = [
                a for a in self.attempts(sale_id=sale_id) if a.live or a.state == S.NEEDS_REVIEW
            ]
            if blocking:
                raise NotChargeable("This sale has an order on the QR or awaiting review: it cannot be discarded.")
            self.refuse_unsettled_part(sale.register_id, sale_id)
            self._db.execute("UPDATE sales SET status = 'discarded' WHERE id = ?", (sale_id,))
            self._audit(audit, now, sale_id=sale_id)

        self._tx(work)
        return self.sale(sale_id)

    # audit

    def _audit(
        self,
        entry: Audit,
        now: datetime,
        *,
        sale_id: int | None = None,
        attempt_id: int | None = None,
        payment_id: int | None = None,
        refund_id: int | None = None,
    ) -> None:
        self._db.execute(
            "INSERT INTO audit (at, actor, action, sale_id, attempt_id, payment_id, refund_id, reason, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (to_ts(now), entry.actor, entry.action, sale_id, attempt_id, payment_id, refund_id, entry.reason,
             None if entry.details is None else to_json(entry.details)),
        )

    def add_audit(self, entry: Audit, now: datetime, **ids: int | None) -> None:
        self._tx(lambda: self._audit(entry, now, **ids))

    def audit_log(self, *, attempt_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        where, params = _where(attempt_id=attempt_id)
        rows = self._all(f"SELECT * FROM audit {where} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [
            AuditEntry(
                r["id"], from_ts(r["at"]), r["actor"], r["action"], r["sale_id"], r["attempt_id"],  # type: ignore[arg-type]
                r["payment_id"], r["refund_id"], r["reason"],
                None if r["details"] is None else json.loads(r["details"]),
            )
            for r in rows
        ]


def _where(**filters: Any) -> tuple[str, list[Any]]:
    clauses = [f"{k} = ?" for k, v in filters.items() if v is not None]
    params = [v for v in filters.values() if v is not None]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
