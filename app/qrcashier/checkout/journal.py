"""The journal: every sale, line, attempt, state change, payment, refund, receipt and
supervisor action, in SQLite, durable before the network call that depends on it.

- WAL with `synchronous=FULL`: a committed transaction survives a kill or a power cut.
- Each state change is one committed transaction (`transition`, `complete_paid`, ...).
- Guards live in the schema too, not only in code: `UNIQUE(mp_payment_id)`, one
  original receipt per attempt, one live attempt per register, unique references and
  idempotency keys.
- Schema versions are tracked with `PRAGMA user_version` and applied by the ordered
  `MIGRATIONS`; a file from a newer app is refused, never downgraded.

Threading: `JournalDB` is synchronous and bound to the thread that opened it. `Journal`
owns one worker thread (a single-thread executor) that opens the connection and runs
every operation, so fsyncs never stall the event loop (which later is Qt's):
`await journal.run(lambda db: db.attempt(7))`. `run_sync` is the same for code without
an event loop (scripts, the crash-recovery tests).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import sqlite3
import string
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from qrcashier.checkout.errors import JournalVersionError, NotChargeable, RefundRefused, RegisterBusy, UnknownRecord
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site
from qrcashier.domain.sale import (
    LIVE_STATES,
    Attempt,
    AttemptState,
    PaymentInfo,
    Sale,
    build_reference,
    check_transition,
    refundable,
)
from qrcashier.paths import private_file

T = TypeVar("T")
S = AttemptState
APP_DIR = "QRCashier"
JOURNAL_FILE = "journal.sqlite3"


def default_journal_path() -> Path:
    """Where the journal lives when the caller has no better idea (no Qt needed).

    Windows `%LOCALAPPDATA%\\QRCashier`, macOS `~/Library/Application Support/QRCashier`,
    elsewhere `$XDG_DATA_HOME/QRCashier` or `~/.local/share/QRCashier`. The GUI passes
    QStandardPaths' AppDataLocation instead; this is for scripts and the sandbox CLI.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR / JOURNAL_FILE


# --- records the journal returns (besides the domain's Sale and Attempt) ----------------------

@dataclass(frozen=True)
class TransitionRecord:
    attempt_id: int
    from_state: AttemptState | None
    to_state: AttemptState
    at: datetime
    message: str


@dataclass(frozen=True)
class PaymentRecord:
    id: int
    mp_payment_id: int
    attempt_id: int
    merchant_order_id: int | None
    amount: Decimal
    status: str
    status_detail: str | None
    recorded_at: datetime


class RefundState:
    REQUESTED = "requested"  # written before the call; in flight, or its outcome is unknown
    APPROVED = "approved"
    PENDING = "pending"  # Mercado Pago accepted it but has not finished it
    FAILED = "failed"  # Mercado Pago refused it: nothing was refunded
    HELD = ("requested", "approved", "pending")  # count against what may still be refunded


@dataclass(frozen=True)
class RefundRecord:
    id: int
    payment_id: int  # the journal's payment row
    mp_payment_id: int
    amount: Decimal
    full: bool
    idempotency_key: str
    state: str
    mp_refund_id: int | None
    message: str
    supervisor: str
    reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Receipt:
    id: int
    attempt_id: int
    sale_id: int
    kind: str  # "original" (exactly one per paid attempt) or "copy" (a reprint)
    issued_at: datetime
    printed_at: datetime | None
    operator: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str  # the supervisor (or "system" for the engine's own decisions)
    action: str
    sale_id: int | None
    attempt_id: int | None
    payment_id: int | None
    refund_id: int | None
    reason: str
    details: Any  # parsed JSON


@dataclass(frozen=True)
class Audit:
    """An audit row to write in the same transaction as the change it explains."""

    actor: str
    action: str
    reason: str = ""
    details: Any = None


class StaleState(RuntimeError):
    """The attempt is no longer in the state the caller read: re-read and decide again."""


# --- schema and migrations -------------------------------------------------------------------

def _migration_1(db: sqlite3.Connection) -> None:
    """The first schema: sales, lines, attempts, transitions, payments, refunds, receipts, audit."""
    for stmt in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE sales (
            id INTEGER PRIMARY KEY,
            code TEXT UNIQUE,
            register_id TEXT NOT NULL,
            site_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            total TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'discarded')),
            created_at TEXT NOT NULL)""",
        """CREATE TABLE sale_lines (
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            title TEXT NOT NULL,
            sku TEXT,
            unit_price TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_measure TEXT NOT NULL,
            total TEXT NOT NULL,
            PRIMARY KEY (sale_id, line_no))""",
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            number INTEGER NOT NULL,
            register_id TEXT NOT NULL,
            reference TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            gateway TEXT NOT NULL,
            total TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            gateway_order_id TEXT,
            review TEXT,
            UNIQUE (sale_id, number))""",
        "CREATE INDEX attempts_state ON attempts(state)",
        """CREATE TABLE transitions (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            from_state TEXT,
            to_state TEXT NOT NULL,
            at TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX transitions_attempt ON transitions(attempt_id)",
        """CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            mp_payment_id INTEGER NOT NULL UNIQUE,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            merchant_order_id INTEGER,
            amount TEXT NOT NULL,
            status TEXT NOT NULL,
            status_detail TEXT,
            recorded_at TEXT NOT NULL)""",
        """CREATE TABLE refunds (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES payments(id),
            amount TEXT NOT NULL,
            full INTEGER NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            mp_refund_id INTEGER UNIQUE,
            message TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE receipts (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            kind TEXT NOT NULL CHECK (kind IN ('original', 'copy')),
            issued_at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '')""",
        "CREATE UNIQUE INDEX receipts_one_original ON receipts(attempt_id) WHERE kind = 'original'",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            sale_id INTEGER,
            attempt_id INTEGER,
            payment_id INTEGER,
            refund_id INTEGER,
            reason TEXT NOT NULL DEFAULT '',
            details TEXT)""",
    ):
        db.execute(stmt)
    tag = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(5))
    db.execute("INSERT INTO meta (key, value) VALUES ('tag', ?)", (tag,))


def _migration_2(db: sqlite3.Connection) -> None:
    """Dynamic-QR payloads on attempts, receipt print confirmation, and the schema-level
    guard that a register has at most one live attempt."""
    db.execute("ALTER TABLE attempts ADD COLUMN qr_data TEXT")
    db.execute("ALTER TABLE receipts ADD COLUMN printed_at TEXT")
    live = ", ".join(f"'{s}'" for s in sorted(LIVE_STATES))
    db.execute(f"CREATE UNIQUE INDEX attempts_one_live_per_register ON attempts(register_id) WHERE state IN ({live})")


# Ordered: MIGRATIONS[n] takes a file from user_version n to n + 1. Append only.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migration_1, _migration_2)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the file to `target`, one committed transaction per migration. Returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise JournalVersionError(
            f"The journal was written by a newer QR Cashier (schema {version}, this one knows {SCHEMA_VERSION}): "
            "update the app; the file was left untouched."
        )
    while version < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version += 1
    return version


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with the journal's pragmas (WAL, synchronous=FULL, foreign keys)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    private_file(path)  # 0600 before SQLite writes a byte (its -wal/-shm copy the mode)
    db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


# --- conversions -----------------------------------------------------------------------------

def _ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("journal times carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _money(value: Decimal) -> str:
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(value, default=_json_default, sort_keys=True, separators=(",", ":"))


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


# --- the synchronous store -------------------------------------------------------------------

class JournalDB:
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
            CartLine(r["title"], Decimal(r["unit_price"]), r["quantity"], r["sku"], r["unit_measure"])
            for r in self._all("SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no", (sale_id,))
        )
        return Sale(
            id=row["id"], code=row["code"], register_id=row["register_id"], site_id=row["site_id"],
            lines=lines, total=Decimal(row["total"]), status=row["status"], created_at=_dt(row["created_at"]),  # type: ignore[arg-type]
        )

    def sales(self, *, register_id: str | None = None, status: str | None = None, limit: int = 100) -> list[Sale]:
        where, params = _where(register_id=register_id, status=status)
        rows = self._all(f"SELECT id FROM sales {where} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [self.sale(r["id"]) for r in rows]

    def attempt(self, attempt_id: int) -> Attempt:
        row = self._one("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if row is None:
            raise UnknownRecord(f"There is no payment attempt {attempt_id} in the journal.")
        return _attempt(row)

    def attempt_by_reference(self, reference: str) -> Attempt | None:
        row = self._one("SELECT * FROM attempts WHERE reference = ?", (reference,))
        return None if row is None else _attempt(row)

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
            params.append(_ts(updated_after))
        if states is not None:
            states = list(states)
            marks = ", ".join("?" for _ in states)
            where += (" AND " if where else "WHERE ") + f"state IN ({marks})"
            params += [str(s) for s in states]
        rows = self._all(f"SELECT * FROM attempts {where} ORDER BY id LIMIT ?", (*params, limit))
        return [_attempt(r) for r in rows]

    def live_attempt(self, register_id: str) -> Attempt | None:
        found = self.attempts(register_id=register_id, states=LIVE_STATES)
        return found[0] if found else None

    def transitions(self, attempt_id: int) -> list[TransitionRecord]:
        return [
            TransitionRecord(
                r["attempt_id"], None if r["from_state"] is None else S(r["from_state"]), S(r["to_state"]),
                _dt(r["at"]), r["message"],  # type: ignore[arg-type]
            )
            for r in self._all("SELECT * FROM transitions WHERE attempt_id = ? ORDER BY id", (attempt_id,))
        ]

    # sales and attempts: writing

    def _insert_sale(self, register_id: str, site: Site, lines: Sequence[CartLine], total: Decimal, now: datetime) -> int:
        cur = self._db.execute(
            "INSERT INTO sales (register_id, site_id, currency, total, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)",
            (register_id, site.id, site.currency, _money(total), _ts(now)),
        )
        sale_id = cur.lastrowid
        assert sale_id is not None
        # The journal's random tag keeps references unique even if the file is ever replaced:
        # an old merchant_order must never match a new sale.
        self._db.execute("UPDATE sales SET code = ? WHERE id = ?", (f"{sale_id}_{self.tag}", sale_id))
        for n, line in enumerate(lines, start=1):
            self._db.execute(
                "INSERT INTO sale_lines (sale_id, line_no, title, sku, unit_price, quantity, unit_measure, total)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (sale_id, n, line.title, line.sku, _money(line.unit_price), line.quantity, line.unit_measure,
                 _money(line.total(site))),
            )
        return sale_id

    def _insert_attempt(
        self, sale_id: int, gateway: str, now: datetime, expires_at: datetime, message: str
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
            (sale_id, number, sale.register_id, reference, secrets.token_hex(16), gateway, _money(sale.total),
             str(S.CREATED), _ts(now), _ts(now), _ts(expires_at), message),
        )
        attempt_id = cur.lastrowid
        assert attempt_id is not None
        self._db.execute(
            "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, NULL, ?, ?, ?)",
            (attempt_id, str(S.CREATED), _ts(now), message),
        )
        return attempt_id

    def create_sale(self, register_id: str, site: Site, lines: Sequence[CartLine], total: Decimal, now: datetime) -> Sale:
        """Freeze validated lines into an open sale (no attempt yet)."""
        return self.sale(self._tx(lambda: self._insert_sale(register_id, site, lines, total, now)))

    def create_attempt(
        self,
        *,
        gateway: str,
        now: datetime,
        expires_at: datetime,
        message: str,
        sale_id: int | None = None,
        new_sale: tuple[str, Site, Sequence[CartLine], Decimal] | None = None,
    ) -> Attempt:
        """Write an attempt in state `created` (and the sale with its lines, for `new_sale`),
        in one transaction. Refuses a sale that is not open or awaits review, and a second
        live attempt on the register (RegisterBusy)."""
        if (sale_id is None) == (new_sale is None):
            raise ValueError("give either an existing sale id or a new sale")

        def work() -> int:
            sid = sale_id if new_sale is None else self._insert_sale(*new_sale, now)
            return self._insert_attempt(sid, gateway, now, expires_at, message)  # type: ignore[arg-type]

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
    ) -> Attempt:
        """Move an attempt to `to` in one committed transaction, with its transitions row.

        `expect`: the states the caller believes it is in; anything else raises StaleState.
        `review`: JSON-able details stored with needs_review. `audit`: written in the same
        transaction. Moving to `paid` goes through `complete_paid` instead.
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
                " qr_data = COALESCE(?, qr_data) WHERE id = ?",
                (str(to), _ts(now), message, None if review is None else to_json(review), gateway_order_id, qr_data,
                 attempt_id),
            )
            self._db.execute(
                "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, ?, ?, ?, ?)",
                (attempt_id, str(current.state), str(to), _ts(now), message),
            )
            if audit is not None:
                self._audit(audit, now, sale_id=current.sale_id, attempt_id=attempt_id)

        self._tx(work)
        return self.attempt(attempt_id)

    def update_gateway_data(self, attempt_id: int, now: datetime, *, gateway_order_id: str | None, qr_data: str | None) -> Attempt:
        """Keep what a (re)publish returned without changing the state."""
        self._tx(lambda: self._db.execute(
            "UPDATE attempts SET gateway_order_id = COALESCE(?, gateway_order_id), qr_data = COALESCE(?, qr_data),"
            " updated_at = ? WHERE id = ?",
            (gateway_order_id, qr_data, _ts(now), attempt_id),
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
    ) -> tuple[Attempt, Receipt | None]:
        """The transition to paid, in one transaction: payments recorded, sale paid, and the
        original receipt issued. Idempotent: on an attempt already paid it changes nothing
        and returns (attempt, None)."""

        def work() -> int | None:
            current = self.attempt(attempt_id)
            if current.state == S.PAID:
                return None
            check_transition(current.state, S.PAID)
            self._record_payments(attempt_id, payments, now)
            self._db.execute(
                "UPDATE attempts SET state = ?, updated_at = ?, message = ? WHERE id = ?",
                (str(S.PAID), _ts(now), message, attempt_id),
            )
            self._db.execute(
                "INSERT INTO transitions (attempt_id, from_state, to_state, at, message) VALUES (?, ?, ?, ?, ?)",
                (attempt_id, str(current.state), str(S.PAID), _ts(now), message),
            )
            self._db.execute("UPDATE sales SET status = 'paid' WHERE id = ?", (current.sale_id,))
            if audit is not None:
                self._audit(audit, now, sale_id=current.sale_id, attempt_id=attempt_id)
            cur = self._db.execute(
                "INSERT INTO receipts (attempt_id, kind, issued_at, operator) VALUES (?, 'original', ?, ?)",
                (attempt_id, _ts(now), operator),
            )
            return cur.lastrowid

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
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (p.mp_payment_id, attempt_id, p.merchant_order_id, _money(p.amount), p.status, p.status_detail,
                 _ts(now)),
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
        return [_payment(r) for r in rows]

    def payment(self, mp_payment_id: int) -> PaymentRecord:
        row = self._one("SELECT * FROM payments WHERE mp_payment_id = ?", (mp_payment_id,))
        if row is None:
            raise UnknownRecord(f"Payment {mp_payment_id} is not recorded for any sale of this register.")
        return _payment(row)

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
                (payment.id, _money(amount), int(full), secrets.token_hex(16), RefundState.REQUESTED,
                 "Refund requested.", supervisor, reason, _ts(now), _ts(now)),
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
                (state, message, mp_refund_id, _ts(now), refund_id),
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
        return _refund(row)

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
        return [_refund(r) for r in self._all(sql + " ORDER BY r.id", params)]

    # receipts

    def receipt(self, receipt_id: int) -> Receipt:
        row = self._one(
            "SELECT r.*, a.sale_id FROM receipts r JOIN attempts a ON a.id = r.attempt_id WHERE r.id = ?", (receipt_id,)
        )
        if row is None:
            raise UnknownRecord(f"There is no receipt {receipt_id} in the journal.")
        return _receipt(row)

    def receipts(self, *, attempt_id: int | None = None, kind: str | None = None, unprinted: bool = False) -> list[Receipt]:
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
        return [_receipt(r) for r in self._all(sql + " ORDER BY r.id", params)]

    def issue_copy(self, attempt_id: int, now: datetime, operator: str = "") -> Receipt:
        def work() -> int:
            if not self.receipts(attempt_id=attempt_id, kind="original"):
                raise NotChargeable("Only a paid sale has a receipt to reprint.")
            cur = self._db.execute(
                "INSERT INTO receipts (attempt_id, kind, issued_at, operator) VALUES (?, 'copy', ?, ?)",
                (attempt_id, _ts(now), operator),
            )
            return cur.lastrowid  # type: ignore[return-value]

        return self.receipt(self._tx(work))

    def mark_printed(self, receipt_id: int, now: datetime) -> Receipt:
        self._tx(lambda: self._db.execute(
            "UPDATE receipts SET printed_at = COALESCE(printed_at, ?) WHERE id = ?", (_ts(now), receipt_id)
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
            (_ts(now), entry.actor, entry.action, sale_id, attempt_id, payment_id, refund_id, entry.reason,
             None if entry.details is None else to_json(entry.details)),
        )

    def add_audit(self, entry: Audit, now: datetime, **ids: int | None) -> None:
        self._tx(lambda: self._audit(entry, now, **ids))

    def audit_log(self, *, attempt_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        where, params = _where(attempt_id=attempt_id)
        rows = self._all(f"SELECT * FROM audit {where} ORDER BY id DESC LIMIT ?", (*params, limit))
        return [
            AuditEntry(
                r["id"], _dt(r["at"]), r["actor"], r["action"], r["sale_id"], r["attempt_id"],  # type: ignore[arg-type]
                r["payment_id"], r["refund_id"], r["reason"], None if r["details"] is None else json.loads(r["details"]),
            )
            for r in rows
        ]


def _where(**filters: Any) -> tuple[str, list[Any]]:
    clauses = [f"{k} = ?" for k, v in filters.items() if v is not None]
    params = [v for v in filters.values() if v is not None]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _attempt(row: sqlite3.Row) -> Attempt:
    return Attempt(
        id=row["id"], sale_id=row["sale_id"], number=row["number"], register_id=row["register_id"],
        reference=row["reference"], idempotency_key=row["idempotency_key"], gateway=row["gateway"],
        total=Decimal(row["total"]), state=S(row["state"]), created_at=_dt(row["created_at"]),  # type: ignore[arg-type]
        updated_at=_dt(row["updated_at"]), expires_at=_dt(row["expires_at"]), message=row["message"],  # type: ignore[arg-type]
        gateway_order_id=row["gateway_order_id"], qr_data=row["qr_data"], review=row["review"],
    )


def _payment(row: sqlite3.Row) -> PaymentRecord:
    return PaymentRecord(
        row["id"], row["mp_payment_id"], row["attempt_id"], row["merchant_order_id"], Decimal(row["amount"]),
        row["status"], row["status_detail"], _dt(row["recorded_at"]),  # type: ignore[arg-type]
    )


def _refund(row: sqlite3.Row) -> RefundRecord:
    return RefundRecord(
        row["id"], row["payment_id"], row["mp_payment_id"], Decimal(row["amount"]), bool(row["full"]),
        row["idempotency_key"], row["state"], row["mp_refund_id"], row["message"], row["supervisor"], row["reason"],
        _dt(row["created_at"]), _dt(row["updated_at"]),  # type: ignore[arg-type]
    )


def _receipt(row: sqlite3.Row) -> Receipt:
    return Receipt(
        row["id"], row["attempt_id"], row["sale_id"], row["kind"], _dt(row["issued_at"]),  # type: ignore[arg-type]
        _dt(row["printed_at"]), row["operator"],
    )


# --- the async facade ------------------------------------------------------------------------

class Journal:
    """The journal for async code: one worker thread owns the connection and runs every operation.

    Open with `await Journal.open(path)` (or `Journal.open_sync(path)` without a loop); run
    operations with `await journal.run(lambda db: db.attempt(7))`; close with `await journal.close()`.
    """

    def __init__(self, executor: ThreadPoolExecutor, db: JournalDB) -> None:
        self._executor = executor
        self._db = db
        self.path = db.path
        self.tag = db.tag

    @classmethod
    async def open(cls, path: Path | str) -> Journal:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-journal")
        try:
            db = await asyncio.get_running_loop().run_in_executor(executor, JournalDB, path)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, db)

    @classmethod
    def open_sync(cls, path: Path | str) -> Journal:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-journal")
        try:
            db = executor.submit(JournalDB, path).result()
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, db)

    async def run(self, op: Callable[[JournalDB], T]) -> T:
        """Run `op(db)` on the journal's thread and return its result (or raise its error)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, op, self._db)

    def run_sync(self, op: Callable[[JournalDB], T]) -> T:
        """The same, blocking: for scripts and tests, never on the event loop's thread."""
        return self._executor.submit(op, self._db).result()

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self._db.close)
        self._executor.shutdown(wait=True)

    def close_sync(self) -> None:
        self._executor.submit(self._db.close).result()
        self._executor.shutdown(wait=True)
