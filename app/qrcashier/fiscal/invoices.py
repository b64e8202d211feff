"""The invoice queue: every paid sale gets one invoice row in the journal, sent to ARCA in the
background with backoff; the counter never waits.

Exactly one number per sale: the number is written to the row (status `requesting`) before
FECAESolicitar; a row that already has a number (a timeout, a kill after ARCA recorded it) is
first looked up with FECompConsultar and adopted when it is there and matches; otherwise it is
resent with the same number if that is still the next one, or renumbered. Rows go in journal
order, one at a time, so a sequence never gets a gap or a duplicate. Paid sales without a row
(a kill between the sale and the row) are found by `enqueue_missing`, run on every round.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from qrcashier.checkout.journal.codec import to_ts
from qrcashier.checkout.journal.schema import connect, migrate
from qrcashier.fiscal.amounts import InvoiceAmounts, VatLine, document_type, invoice_amounts
from qrcashier.fiscal.errors import ArcaError, ArcaRejected, SequenceMismatch
from qrcashier.fiscal.qr import QrData, qr_url
from qrcashier.fiscal.wsfe import ArcaClient, InvoiceRequest

log = logging.getLogger("qrcashier.fiscal")
T = TypeVar("T")
ARGENTINA = timezone(timedelta(hours=-3))  # no daylight saving time since 2009


@dataclass(frozen=True)
class FiscalConfig:
    cuit: int
    point_of_sale: int
    category: str  # amounts.RESPONSABLE_INSCRIPTO or amounts.MONOTRIBUTO
    default_vat_rate: Decimal = Decimal("21")  # for sale lines that carry no rate
    pending_text: str = "CAE pendiente"  # what the receipt says until authorized


@dataclass(frozen=True)
class Backoff:
    first: float = 2.0
    factor: float = 2.0
    most: float = 300.0

    def delay(self, attempts: int) -> float:
        return min(self.most, self.first * self.factor ** max(0, attempts - 1))


@dataclass(frozen=True)
class InvoiceRecord:
    id: int
    sale_id: int
    kind: str
    cuit: int
    point_of_sale: int
    doc_type: int
    issued: date
    buyer_doc_type: int
    buyer_doc_number: int
    amounts: InvoiceAmounts
    status: str
    number: int | None
    cae: str | None
    cae_due: date | None
    attempts: int
    last_error: str | None
    next_try_at: datetime | None
    related_invoice_id: int | None = None  # a credit note's invoice (fiscal.credit_notes)

    @property
    def qr_url(self) -> str | None:
        if self.status != "authorized" or self.number is None or not self.cae:
            return None
        return qr_url(QrData(self.issued, self.cuit, self.point_of_sale, self.doc_type, self.number,
                             self.amounts.total, self.cae, self.buyer_doc_type, self.buyer_doc_number))

    def as_report(self) -> dict:
        """The report JSON's `invoice` object (contracts.md)."""
        return {"type": self.doc_type, "point_of_sale": self.point_of_sale, "number": self.number,
                "cae": self.cae, "cae_due": self.cae_due.isoformat() if self.cae_due else None,
                "qr_url": self.qr_url, "status": "authorized" if self.status == "authorized" else self.status}


def _amounts_json(a: InvoiceAmounts) -> str:
    return json.dumps({"total": str(a.total), "net": str(a.net), "vat": str(a.vat),
                       "vat_lines": [[v.vat_id, str(v.base), str(v.amount)] for v in a.vat_lines]})


def _amounts_from(text: str) -> InvoiceAmounts:
    d = json.loads(text)
    return InvoiceAmounts(Decimal(d["total"]), Decimal(d["net"]), Decimal(d["vat"]),
                          tuple(VatLine(i, Decimal(b), Decimal(v)) for i, b, v in d["vat_lines"]))


def _record(row: sqlite3.Row) -> InvoiceRecord:
    return InvoiceRecord(
        row["id"], row["sale_id"], row["kind"], int(row["cuit"]), row["point_of_sale"], row["doc_type"],
        date.fromisoformat(row["issued"]), row["buyer_doc_type"], int(row["buyer_doc_number"]),
        _amounts_from(row["amounts"]), row["status"], row["number"], row["cae"],
        date.fromisoformat(row["cae_due"]) if row["cae_due"] else None, row["attempts"], row["last_error"],
        datetime.fromisoformat(row["next_try_at"]) if row["next_try_at"] else None, row["related_invoice_id"],
    )


class InvoiceStore:
    """The synchronous operations on the journal's `invoices`, on the thread that opened it."""

    def __init__(self, path: Path | str, config: FiscalConfig) -> None:
        self.config = config
        self._db = connect(path)
        try:
            migrate(self._db)
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def _tx(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            out = fn(self._db)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return out

    def enqueue_missing(self, now: datetime) -> int:
        """An invoice row for every paid sale since fiscal was switched on that has none."""
        cfg = self.config

        def work(db: sqlite3.Connection) -> int:
            start = db.execute("SELECT value FROM meta WHERE key = 'fiscal_from_sale'").fetchone()
            if start is None:
                first = db.execute("SELECT COALESCE(MAX(id), 0) FROM sales WHERE status = 'paid'").fetchone()[0]
                db.execute("INSERT INTO meta (key, value) VALUES ('fiscal_from_sale', ?)", (str(first),))
                start_id = first
            else:
                start_id = int(start[0])
            columns = {r[1] for r in db.execute("PRAGMA table_info(sale_lines)")}
            rate_sql = "vat_rate" if "vat_rate" in columns else "NULL"
            sales = db.execute(
                "SELECT s.id, s.paid_at FROM sales s LEFT JOIN invoices i ON i.sale_id = s.id AND i.kind = 'invoice'"
                " WHERE s.status = 'paid' AND s.id > ? AND i.id IS NULL ORDER BY s.paid_at, s.id", (start_id,)
            ).fetchall()
            for sale_id, paid_at in sales:
                lines = db.execute(f"SELECT total, {rate_sql} FROM sale_lines WHERE sale_id = ?",
                                   (sale_id,)).fetchall()
                pairs = [(Decimal(t), Decimal(r) if r is not None else cfg.default_vat_rate) for t, r in lines]
                amounts = invoice_amounts(pairs, cfg.category)
                issued = datetime.fromisoformat(paid_at).astimezone(ARGENTINA).date() if paid_at else \
                    now.astimezone(ARGENTINA).date()
                db.execute(
                    "INSERT INTO invoices (sale_id, cuit, point_of_sale, doc_type, issued, amounts, total, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (sale_id, str(cfg.cuit), cfg.point_of_sale, document_type(cfg.category), issued.isoformat(),
                     _amounts_json(amounts), str(amounts.total), to_ts(now)),
                )
            from qrcashier.fiscal.credit_notes import enqueue_credit_notes

            return len(sales) + enqueue_credit_notes(db, cfg, now)

        return self._tx(work)

    def next_open(self) -> InvoiceRecord | None:
        row = self._db.execute(
            "SELECT * FROM invoices WHERE status IN ('pending', 'requesting') ORDER BY id LIMIT 1").fetchone()
        return None if row is None else _record(row)

    def get(self, invoice_id: int) -> InvoiceRecord:
        return _record(self._db.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone())

    def for_sale(self, sale_id: int) -> InvoiceRecord | None:
        row = self._db.execute("SELECT * FROM invoices WHERE sale_id = ? AND kind = 'invoice'", (sale_id,)).fetchone()
        return None if row is None else _record(row)

    def all(self) -> list[InvoiceRecord]:
        return [_record(r) for r in self._db.execute("SELECT * FROM invoices ORDER BY id")]

    def credit_notes(self, sale_id: int) -> list[InvoiceRecord]:
        """The sale's credit notes, oldest first."""
        return [_record(r) for r in self._db.execute(
            "SELECT * FROM invoices WHERE sale_id = ? AND kind = 'credit_note' ORDER BY id", (sale_id,))]

    def counts(self) -> dict[str, int]:
        return {s: n for s, n in self._db.execute("SELECT status, COUNT(*) FROM invoices GROUP BY status")}

    def mark_requesting(self, invoice_id: int, number: int) -> None:
        self._tx(lambda db: db.execute(
            "UPDATE invoices SET status = 'requesting', number = ? WHERE id = ?", (number, invoice_id)))

    def mark_authorized(self, invoice_id: int, number: int, cae: str, cae_due: date, now: datetime) -> None:
        self._tx(lambda db: db.execute(
            "UPDATE invoices SET status = 'authorized', number = ?, cae = ?, cae_due = ?, authorized_at = ?,"
            " last_error = NULL, next_try_at = NULL, attempts = attempts + 1 WHERE id = ?",
            (number, cae, cae_due.isoformat(), to_ts(now), invoice_id)))

    def mark_rejected(self, invoice_id: int, error: str) -> None:
        """ARCA recorded nothing: the number is released, the row waits for a supervisor."""
        self._tx(lambda db: db.execute(
            "UPDATE invoices SET status = 'rejected', number = NULL, last_error = ?, attempts = attempts + 1"
            " WHERE id = ?", (error, invoice_id)))

    def note_failure(self, invoice_id: int, error: str, next_try: datetime) -> None:
        self._tx(lambda db: db.execute(
            "UPDATE invoices SET last_error = ?, next_try_at = ?, attempts = attempts + 1 WHERE id = ?",
            (error, to_ts(next_try), invoice_id)))


class Invoices:
    """The store for async code (one worker thread owns its connection) and the sender."""

    def __init__(self, executor: ThreadPoolExecutor, store: InvoiceStore, client: ArcaClient, *,
                 backoff: Backoff | None = None, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._executor = executor
        self._store = store
        self.client = client
        self.config = store.config
        self.backoff = backoff or Backoff()
        self.clock = clock
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._listeners: list[Callable[[], None]] = []
        self.last_error: str | None = None

    @classmethod
    async def open(cls, path: Path | str, config: FiscalConfig, client: ArcaClient, **kw) -> Invoices:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qrcashier-invoices")
        try:
            store = await asyncio.get_running_loop().run_in_executor(executor, InvoiceStore, path, config)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, store, client, **kw)

    async def _run(self, fn: Callable[[InvoiceStore], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, self._store)

    # -- reading --

    async def for_sale(self, sale_id: int) -> InvoiceRecord | None:
        return await self._run(lambda s: s.for_sale(sale_id))

    async def all(self) -> list[InvoiceRecord]:
        return await self._run(lambda s: s.all())

    async def credit_notes(self, sale_id: int) -> list[InvoiceRecord]:
        return await self._run(lambda s: s.credit_notes(sale_id))

    async def uncredited(self, sale_id: int) -> int:
        """How many refunds of the sale have no credit-note row yet."""
        from qrcashier.fiscal.credit_notes import uncredited

        return await self._run(lambda s: uncredited(s._db, sale_id))

    async def counts(self) -> dict[str, int]:
        return await self._run(lambda s: s.counts())

    def subscribe(self, callback: Callable[[], None]) -> None:
        """`callback()` after every change of an invoice's state (the status bar re-reads)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for cb in list(self._listeners):
            try:
                cb()
            except Exception:  # a listener's bug never stops invoicing
                log.exception("invoice listener failed")

    # -- the sender --

    def wake(self) -> None:
        self._wake.set()

    def attach(self, engine) -> Callable[[], None]:
        """Wake on every original receipt (a sale completed, whatever its tender)."""
        from qrcashier.checkout.events import ReceiptIssued

        def on_event(event) -> None:
            if isinstance(event, ReceiptIssued) and event.receipt.kind == "original":
                self.wake()

        return engine.subscribe(on_event)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="qrcashier-invoices")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        await self._run(lambda s: s.close())
        self._executor.shutdown(wait=False)

    async def _loop(self) -> None:
        while True:
            self._wake.clear()
            delay = await self.round()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
            except TimeoutError:
                pass

    async def round(self) -> float | None:
        """Enqueue what is missing, then send until the queue is empty or must wait. Returns the
        seconds to wait before the next try (None: nothing open)."""
        now = self.clock()
        if await self._run(lambda s: s.enqueue_missing(now)):
            self._changed()
        while True:
            row = await self._run(lambda s: s.next_open())
            if row is None and await self._run(lambda s: s.enqueue_missing(self.clock())):
                self._changed()  # the credit notes of invoices just authorized
                continue
            if row is None:
                return None
            now = self.clock()
            if row.next_try_at is not None and row.next_try_at > now:
                return (row.next_try_at - now).total_seconds()
            await self.send(row)
            self._changed()
            fresh = await self._run(lambda s, rid=row.id: s.get(rid))
            if fresh.status in ("pending", "requesting"):
                return max(0.0, ((fresh.next_try_at or now) - self.clock()).total_seconds())

    async def send(self, row: InvoiceRecord) -> None:
        """One try at one invoice; its outcome is in the journal when this returns."""
        pos, kind = row.point_of_sale, row.doc_type
        try:
            if row.number is not None:
                found = await self.client.query(pos, kind, row.number)
                if found is not None and found.total == row.amounts.total and found.issued == row.issued \
                        and found.buyer_doc_type == row.buyer_doc_type:
                    await self._run(lambda s: s.mark_authorized(row.id, row.number, found.cae, found.cae_due,
                                                                self.clock()))
                    log.info("invoice %s recovered as %s-%s", row.id, pos, row.number)
                    return
                last = await self.client.last_authorized(pos, kind)
                number = row.number if found is None and last == row.number - 1 else last + 1
            else:
                number = await self.client.last_authorized(pos, kind) + 1
            await self._run(lambda s: s.mark_requesting(row.id, number))
            related = ()
            if row.related_invoice_id is not None:  # a credit note: CbtesAsoc names the invoice it cancels
                invoice = await self._run(lambda s: s.get(row.related_invoice_id))
                related = ((invoice.doc_type, invoice.point_of_sale, invoice.number),)
            request = InvoiceRequest(pos, kind, number, row.issued, row.amounts, row.buyer_doc_type,
                                     row.buyer_doc_number, related=related)
            auth = await self.client.request_cae(request)
        except SequenceMismatch as exc:
            await self._fail(row, exc.message, retry_now=True)
            return
        except ArcaRejected as exc:
            message = exc.message
            self.last_error = message
            await self._run(lambda s: s.mark_rejected(row.id, message))
            return
        except ArcaError as exc:
            await self._fail(row, exc.message)
            return
        self.last_error = None
        await self._run(lambda s: s.mark_authorized(row.id, auth.number, auth.cae, auth.cae_due, self.clock()))

    async def _fail(self, row: InvoiceRecord, message: str, *, retry_now: bool = False) -> None:
        self.last_error = message
        delay = 0.0 if retry_now and row.attempts < 3 else self.backoff.delay(row.attempts + 1)
        nxt = self.clock() + timedelta(seconds=delay)
        await self._run(lambda s: s.note_failure(row.id, message, nxt))


@dataclass
class FiscalStatus:
    """What the status bar shows."""

    pending: int = 0
    rejected: int = 0
    authorized: int = 0
    last_error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        if self.pending:
            reason = f" ({self.last_error})" if self.last_error else ""
            return f"Facturas pendientes en ARCA: {self.pending}{reason}"
        if self.rejected:
            return f"Facturas rechazadas por ARCA: {self.rejected} (revisar)"
        return "ARCA: todas las ventas facturadas"


async def status(invoices: Invoices) -> FiscalStatus:
    counts = await invoices.counts()
    return FiscalStatus(counts.get("pending", 0) + counts.get("requesting", 0), counts.get("rejected", 0),
                        counts.get("authorized", 0), invoices.last_error, counts)
