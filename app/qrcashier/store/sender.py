"""The background sender: drains the journal's outbox to the store's PostgreSQL, in `seq`
order, on its own thread (never the Qt thread, never the journal's), with timeouts everywhere
and exponential backoff while the server is down, slow or refusing.

One batch = up to `batch` outbox rows, read from the journal, sent as their upserts in ONE
PostgreSQL transaction, then marked sent in the journal. A kill between the two commits resends
the batch, which the upserts make a no-op: exactly once in the store, whatever happens.

`status()` is a thread-safe snapshot (online, sales waiting, the last error in one sentence)
for the status bar: "store server offline: 3 sales waiting".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from qrcashier.store import outbox, payloads
from qrcashier.store.dsn import StoreAddress, conninfo

log = logging.getLogger("qrcashier.store.sender")

CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_MS = 10_000
IDLE_POLL_SECONDS = 1.0  # how often an idle sender looks for new rows (a wake() is immediate)
PRUNE_EVERY_SECONDS = 3600.0  # an idle sender prunes sent rows at start and then hourly


@dataclass(frozen=True)
class Backoff:
    first: float = 0.5
    factor: float = 2.0
    most: float = 30.0

    def after(self, failures: int) -> float:
        return min(self.most, self.first * self.factor ** max(0, failures - 1))


@dataclass(frozen=True)
class StoreStatus:
    online: bool | None = None  # None: not tried yet
    sales_waiting: int = 0
    waiting: int = 0
    sent: int = 0  # outbox rows sent since start
    error: str = ""

    def text(self) -> str:
        if self.online is False:
            noun = "sale" if self.sales_waiting == 1 else "sales"
            return f"store server offline: {self.sales_waiting} {noun} waiting"
        if self.online is None:
            return "store server: connecting"
        if self.sales_waiting:
            return f"store server: sending {self.sales_waiting} sales"
        return "store server: up to date"


def connect_store(address: StoreAddress, *, connect_timeout: int = CONNECT_TIMEOUT_SECONDS,
                  statement_timeout_ms: int = STATEMENT_TIMEOUT_MS) -> Any:
    """A psycopg connection with every wait bounded: connect, each statement, a dead peer."""
    import psycopg

    return psycopg.connect(
        conninfo(address.dsn), connect_timeout=connect_timeout, autocommit=True,
        options=f"-c statement_timeout={statement_timeout_ms} -c idle_in_transaction_session_timeout=60000",
        keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
        tcp_user_timeout=statement_timeout_ms + 5000, application_name="qrcashier", **address.kwargs(),
    )


def connect_from_keyring(dsn: str, backend: object | None, error: type[Exception], **options: Any) -> Any:
    """`connect_store` on `dsn`, its password from the keyring `backend` (None: none there). Any
    failure raises `error` with one sentence for the operator, never the password."""
    from qrcashier.store.dsn import StoreAddressError, from_keyring

    try:
        return connect_store(from_keyring(dsn, backend), **options)
    except StoreAddressError as exc:
        raise error(str(exc)) from None
    except Exception as exc:
        raise error(f"Cannot reach the store database {StoreAddress(dsn).shown}: "
                    f"{describe_error(exc, StoreAddress(dsn))}.") from None


def describe_error(exc: BaseException, address: StoreAddress) -> str:
    """One sentence, never the password (psycopg's messages carry host and user, not it)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if address.password:
        text = text.replace(address.password, "***")
    return f"{type(exc).__name__}: {text}"


class OutboxSender:
    def __init__(
        self, journal: Path | str, address: StoreAddress, register: str, *, batch: int = 200,
        backoff: Backoff = Backoff(), on_status: Callable[[StoreStatus], None] | None = None,
        connect: Callable[[StoreAddress], Any] = connect_store,
    ) -> None:
        self.journal_path = Path(journal)
        self.address = address
        self.register = register
        self.batch = batch
        self.backoff = backoff
        self._on_status = on_status
        self._connect = connect
        self._lock = threading.Lock()  # the journal connection (one user at a time)
        self._status_lock = threading.Lock()  # the status alone: the Qt thread never waits on the journal
        self._status = StoreStatus()
        self._pruned_at = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pg: Any = None
        self._pg_invoices = False  # the store has the ARCA invoices table (issue 21)
        self._db = outbox.connect(self.journal_path)
        outbox.enable(self._db)
        self._refresh_waiting()

    # --- the app's side -------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="qrcashier-store-sender", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Something was written: look now rather than at the next poll."""
        self._wake.set()

    def status(self) -> StoreStatus:
        with self._status_lock:
            return self._status

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._close_pg()
        self._db.close()

    def last_seq(self) -> int:
        with self._lock:
            return outbox.last_seq(self._db)

    def sent_through(self, seq: int) -> bool:
        with self._lock:
            return outbox.sent_through(self._db, seq)

    # --- the thread -----------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                sent = self.drain_once()
                failures = 0
                if sent:
                    continue  # more may wait: no pause while draining
                self._wake.wait(IDLE_POLL_SECONDS)
                self._wake.clear()
            except Exception as exc:  # the server is down, slow or refuses: back off, keep the rows
                failures += 1
                self._close_pg()
                message = describe_error(exc, self.address)
                if failures == 1:
                    log.warning("store server %s: %s", self.address.shown, message)
                self._refresh_waiting(online=False, error=message)
                self._stop.wait(self.backoff.after(failures))

    def drain_once(self) -> int:
        """Send one batch (synchronously, on the calling thread). Returns the rows sent."""
        with self._lock:
            rows = outbox.pending(self._db, self.batch)
        if not rows:
            self._ensure_online()
            self._refresh_waiting()
            self._prune_now_and_then()
            return 0
        pg = self._pg_connection()
        invoices = self._store_has_invoices(pg)  # issue 21: ARCA invoices ride on their sale's row
        with self._lock:
            work = [(row, list(payloads.statements(self._db, self.register, row.kind, row.ref, invoices=invoices)))
                    for row in rows]
        # Pipeline mode: the batch's upserts go out without a round trip each, in order, in one
        # transaction; any error (a refused row, the server gone) aborts the whole batch.
        with pg.transaction(), pg.pipeline(), pg.cursor() as cur:
            for _, stmts in work:
                for sql, params in stmts:
                    cur.execute(sql, params)
        with self._lock:
            outbox.mark_sent(self._db, [row.seq for row, _ in work])
        self._refresh_waiting(sent=len(rows), online=True, error="")
        return len(rows)

    def _prune_now_and_then(self) -> None:
        """Sent rows older than the keep window go (outbox.prune), at most once per PRUNE_EVERY_SECONDS."""
        now = time.monotonic()
        if self._pruned_at and now - self._pruned_at < PRUNE_EVERY_SECONDS:
            return
        self._pruned_at = now
        with self._lock:
            removed = outbox.prune(self._db)
        if removed:
            log.info("outbox: %d sent rows older than %d days removed", removed, outbox.KEEP_SENT_DAYS)

    def _ensure_online(self) -> None:
        """An idle sender still shows whether the server is there (a cheap round trip)."""
        self._pg_connection().execute("SELECT 1")
        if self.status().online is not True:
            self._set(online=True, error="")

    def _store_has_invoices(self, pg: Any) -> bool:
        """Whether the store database has the ARCA invoices table (store init's "invoices"
        migration); asked again until it has, then known for the connection's life."""
        if not self._pg_invoices:
            self._pg_invoices = bool(pg.execute("SELECT to_regclass('invoices') IS NOT NULL").fetchone()[0])
        return self._pg_invoices

    def _pg_connection(self) -> Any:
        if self._pg is None or self._pg.closed or self._pg.broken:
            self._close_pg()
            self._pg = self._connect(self.address)
        return self._pg

    def _close_pg(self) -> None:
        pg, self._pg = self._pg, None
        self._pg_invoices = False
        if pg is not None:
            try:
                pg.close()
            except Exception:
                pass

    def _refresh_waiting(self, *, sent: int = 0, **changes: Any) -> None:
        with self._lock:
            sales, total = outbox.waiting(self._db)
        self._set(sales_waiting=sales, waiting=total, sent_delta=sent, **changes)

    def _set(self, *, sent_delta: int = 0, **changes: Any) -> None:
        with self._status_lock:
            before = self._status
            self._status = replace(before, sent=before.sent + sent_delta, **changes)
            now = self._status
        if now != before and self._on_status is not None:
            try:
                self._on_status(now)
            except Exception:
                log.exception("the store status callback failed")


def wait_sent(sender: OutboxSender, seq: int, timeout: float) -> bool:
    """Block (a worker thread, a CLI; never the Qt thread) until rows up to `seq` are sent."""
    deadline = time.monotonic() + timeout
    sender.wake()
    while time.monotonic() < deadline:
        if sender.sent_through(seq):
            return True
        time.sleep(0.05)
    return False
