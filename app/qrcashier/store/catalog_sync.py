"""The register's catalog follower: keeps the local SQLite catalog a copy of the store's (issue 19
item 4). Qt-free and asynchronous (psycopg's AsyncConnection); `CatalogFollower` runs it on its
own thread and event loop, so neither the Qt thread nor the app's loop ever waits for the store
server or for a large batch being written to SQLite.

How it follows: by VERSION, woken by LISTEN/NOTIFY.
- The truth is the version: every change in the store's catalog gets the next number of one
  sequence, in commit order (catalog_schema.py). The follower asks for `version > last_seen`
  in batches, applies each batch in one local transaction with its new last_seen
  (catalog_apply.py), and so never misses a change nor applies one twice, whatever was lost
  while it was offline: a reconnect is just one more catch-up.
- NOTIFY is only the wake-up: the store's trigger sends `qrcashier_catalog` at each commit
  that touched the catalog, and a listening follower catches up at once (a price change shows
  on every online register in well under a second). Notifications are not stored, so they are
  never trusted alone: the follower also polls every `listen_poll_seconds` (15 s) in case one
  was lost, and on every (re)connect.
- Without LISTEN (`listen=False`, or LISTEN refused, e.g. behind a transaction-pooling
  PgBouncer) it polls every `poll_seconds` (2 s): still "within a few seconds", one indexed
  query returning nothing when nothing changed.
Why not polling alone: twenty registers polling each second is harmless but wasteful, and a
one-second poll still means up to a second of stale prices; LISTEN costs one idle connection per
register (which the follower keeps anyway) and makes the delay the commit's.

Offline: every call has a timeout (connect, each statement, the whole call); a failed call
closes the connection, keeps the local copy exactly as it is (the cashier sells from it), shows
`online=False` in `status` and retries with exponential backoff.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from qrcashier.domain.money import Site
from qrcashier.store.catalog_apply import Change, LocalCatalog
from qrcashier.store.catalog_schema import NOTIFY_CHANNEL
from qrcashier.store.catalog_store import CHANGES_SQL, HEAD_SQL, LIVE_CODES_SQL
from qrcashier.store.dsn import StoreAddress, conninfo
from qrcashier.store.sender import Backoff, describe_error

log = logging.getLogger("qrcashier.store.catalog")

CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_MS = 10_000
CALL_TIMEOUT_SECONDS = 15.0  # the most any one await on the server may take, whatever libpq does
BATCH_ROWS = 2000  # changes per local transaction, once the first copy is in
FIRST_COPY_BATCH_ROWS = 10_000  # the first copy: bigger transactions (the app's reads never wait: WAL)
POLL_SECONDS = 2.0  # without LISTEN
LISTEN_POLL_SECONDS = 15.0  # with LISTEN: the safety net for a lost notification
SLICE_SECONDS = 0.25  # how often a wait looks at stop() and wake()


@dataclass(frozen=True)
class CatalogSyncStatus:
    online: bool | None = None  # None: not connected yet
    mode: str = ""  # "listen" (woken by NOTIFY) or "poll"
    last_seen: int = 0  # the store version the local copy has reached
    complete: bool = False  # the first full copy is in
    applied: int = 0  # rows applied since start
    products: int = 0  # products in the local copy
    synced_at: float | None = None  # time.time() of the last catch-up that reached the store's head
    empty_store: bool = False  # the store has no products yet: the register's own catalog is kept
    error: str = ""

    def text(self) -> str:
        if self.online is False:
            return f"store catalog offline: selling from the local copy ({self.products} products)"
        if self.online is None:
            return "store catalog: connecting"
        if self.empty_store:
            return f"store catalog: none in the store yet, using this register's ({self.products} products)"
        if not self.complete:
            return f"store catalog: copying ({self.products} products so far)"
        return f"store catalog: up to date ({self.products} products)"


async def connect_async(address: StoreAddress, *, connect_timeout: int = CONNECT_TIMEOUT_SECONDS,
                        statement_timeout_ms: int = STATEMENT_TIMEOUT_MS) -> Any:
    """An autocommit AsyncConnection with every wait bounded (connect, statements, a dead peer)."""
    import psycopg

    return await asyncio.wait_for(psycopg.AsyncConnection.connect(
        conninfo(address.dsn), connect_timeout=connect_timeout, autocommit=True,
        options=f"-c statement_timeout={statement_timeout_ms} -c idle_in_transaction_session_timeout=60000",
        keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
        tcp_user_timeout=statement_timeout_ms + 5000, application_name="qrcashier-catalog", **address.kwargs(),
    ), connect_timeout + 2)


class CatalogSync:
    """The follower itself, on whatever event loop runs `run()` (CatalogFollower gives it one)."""

    def __init__(
        self, address: StoreAddress, local: LocalCatalog, *, batch: int = BATCH_ROWS,
        first_copy_batch: int = FIRST_COPY_BATCH_ROWS, listen: bool = True,
        poll_seconds: float = POLL_SECONDS, listen_poll_seconds: float = LISTEN_POLL_SECONDS,
        call_timeout: float = CALL_TIMEOUT_SECONDS, backoff: Backoff | None = None,
        connect: Callable[[StoreAddress], Any] = connect_async,
        on_status: Callable[[CatalogSyncStatus], None] | None = None,
    ) -> None:
        self.address = address
        self.local = local
        self.batch = batch
        self.first_copy_batch = first_copy_batch
        self.listen = listen
        self.poll_seconds = poll_seconds
        self.listen_poll_seconds = listen_poll_seconds
        self.call_timeout = call_timeout
        self.backoff = backoff or Backoff()
        self._connect = connect
        self._on_status = on_status
        self._lock = threading.Lock()
        state = local.state()
        self._status = CatalogSyncStatus(last_seen=state.last_seen, complete=state.complete, products=local.count())

    @property
    def status(self) -> CatalogSyncStatus:
        with self._lock:
            return self._status

    async def _call(self, awaitable: Any) -> Any:
        return await asyncio.wait_for(awaitable, self.call_timeout)

    async def _rows(self, conn: Any, sql: str, params: tuple = ()) -> list[tuple]:
        async def query() -> list[tuple]:
            cur = await conn.execute(sql, params)
            return await cur.fetchall()

        return await self._call(query())

    async def catch_up(self, conn: Any) -> int:
        """Apply every change the store has past last_seen. Returns the rows applied."""
        (catalog_id, head), = await self._rows(conn, HEAD_SQL)
        state = self.local.state()
        if head == 0:
            # The store has no catalog yet: keep the register's own (never wipe it for an empty one).
            self._set(online=True, error="", empty_store=True, synced_at=time.time(), products=self.local.count())
            return 0
        if state.catalog_id != catalog_id or state.last_seen > head:
            if state.catalog_id is not None:
                log.warning("the store's catalog is not the one this copy followed: copying it again")
            self.local.restart(catalog_id)
            state = self.local.state()
        last, total = state.last_seen, 0
        batch = self.batch if state.complete else max(self.batch, self.first_copy_batch)
        while True:
            rows = await self._rows(conn, CHANGES_SQL, (last, batch))
            if rows:
                applied = self.local.apply(catalog_id, [Change.from_row(r) for r in rows], index=state.complete)
                last = int(rows[-1][0])
                total += applied.rows
                self._set(last_seen=last, applied_delta=applied.rows, products_delta=applied.added - applied.deleted)
            if len(rows) < batch:
                break
        if not state.complete:
            codes = await self._rows(conn, LIVE_CODES_SQL)
            removed = self.local.prune(catalog_id, (c for (c,) in codes), rebuild_index=True)
            log.info("store catalog copied: %d products (%d local-only removed)", len(codes), removed)
        self._set(online=True, error="", empty_store=False, complete=True, last_seen=last, synced_at=time.time(),
                  products=self.local.count())
        return total

    async def run(self, stop: asyncio.Event, wake: asyncio.Event) -> None:
        """Follow until `stop` is set: connect, LISTEN, catch up, wait for a NOTIFY / poll / wake."""
        failures = 0
        while not stop.is_set():
            conn = None
            try:
                conn = await self._connect(self.address)
                mode = await self._listen(conn)
                while not stop.is_set():
                    await self.catch_up(conn)
                    failures = 0
                    self._set(mode=mode)
                    await self._wait(conn, mode, stop, wake)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # down, slow, refusing: keep the local copy, back off
                failures += 1
                message = describe_error(exc, self.address)
                if failures == 1:
                    log.warning("store catalog %s: %s", self.address.shown, message)
                self._set(online=False, error=message)
                await self._sleep(self.backoff.after(failures), stop, wake)
            finally:
                if conn is not None:
                    await self._close(conn)

    async def _listen(self, conn: Any) -> str:
        if not self.listen:
            return "poll"
        try:
            await self._call(conn.execute(f"LISTEN {NOTIFY_CHANNEL}"))
            return "listen"
        except TimeoutError:
            raise
        except Exception as exc:
            log.warning("store catalog: LISTEN refused (%s), polling every %.0f s",
                        describe_error(exc, self.address), self.poll_seconds)
            return "poll"

    async def _wait(self, conn: Any, mode: str, stop: asyncio.Event, wake: asyncio.Event) -> None:
        """Until a notification, the next poll, wake() or stop(): in short slices, so nothing is cancelled
        in the middle of talking to the server."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (self.listen_poll_seconds if mode == "listen" else self.poll_seconds)
        while not stop.is_set() and not wake.is_set():
            left = deadline - loop.time()
            if left <= 0:
                return
            if mode == "listen":
                async for _ in conn.notifies(timeout=min(left, SLICE_SECONDS), stop_after=1):
                    return
            else:
                await self._sleep(min(left, SLICE_SECONDS), stop, wake)
        wake.clear()

    @staticmethod
    async def _sleep(seconds: float, stop: asyncio.Event, wake: asyncio.Event) -> None:
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()
        wake.clear()

    @staticmethod
    async def _close(conn: Any) -> None:
        try:
            await asyncio.wait_for(conn.close(), 5)
        except Exception as exc:  # a connection already gone: nothing left to close
            log.debug("closing the catalog connection: %s", type(exc).__name__)

    def _set(self, *, applied_delta: int = 0, products_delta: int = 0, **changes: Any) -> None:
        with self._lock:
            before = self._status
            changes.setdefault("products", before.products + products_delta)
            self._status = replace(before, applied=before.applied + applied_delta, **changes)
            now = self._status
        if now != before and self._on_status is not None:
            try:
                self._on_status(now)
            except Exception:
                log.exception("the store catalog status callback failed")


class CatalogFollower:
    """What services.py starts next to the outbox sender: the follower on its own thread.

        follower = CatalogFollower(address_or_dsn, data_dir / "catalog.sqlite3", site)
        follower.start(); ...; follower.status.text(); follower.wake(); follower.stop()

    `store` is a StoreAddress (its password from the keyring, dsn.from_keyring) or a DSN string
    (the password from libpq's own places). `catalog` is the register's catalog FILE: the
    follower writes through its own connection while the app's Catalog keeps reading (WAL).
    Keyword options go to CatalogSync (batch, listen, poll_seconds, on_status, ...).
    """

    def __init__(self, store: StoreAddress | str, catalog: Path | str, site: Site, **options: Any) -> None:
        self.address = store if isinstance(store, StoreAddress) else StoreAddress(store)
        conninfo(self.address.dsn)  # a DSN that cannot be read fails here, not on the thread
        self.catalog_path = Path(catalog)
        self.site = site
        self._options = options
        self._sync: CatalogSync | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._wake: asyncio.Event | None = None
        self._ready = threading.Event()
        self._failed: BaseException | None = None

    @property
    def status(self) -> CatalogSyncStatus:
        return self._sync.status if self._sync is not None else CatalogSyncStatus()

    def start(self, timeout: float = 10.0) -> None:
        """Start the thread; returns once the local copy is open (not once it is in sync)."""
        self._thread = threading.Thread(target=self._main, name="qrcashier-store-catalog", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the store catalog follower did not start")
        if self._failed is not None:
            raise self._failed

    def wake(self) -> None:
        """Catch up now (a price was just changed from this register), not at the next poll."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def stop(self, timeout: float = 5.0) -> None:
        if self._loop is not None and self._stop is not None:
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:  # the loop has already ended
                pass
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the store catalog follower did not stop within %.0f s", timeout)

    def _main(self) -> None:
        factory = asyncio.SelectorEventLoop if sys.platform == "win32" else None  # psycopg async on Windows
        with asyncio.Runner(loop_factory=factory) as runner:
            runner.run(self._follow())

    async def _follow(self) -> None:
        try:
            local = LocalCatalog(self.catalog_path, self.site)
            self._sync = CatalogSync(self.address, local, **self._options)
        except BaseException as exc:
            self._failed = exc
            self._ready.set()
            return
        self._loop = asyncio.get_running_loop()
        self._stop, self._wake = asyncio.Event(), asyncio.Event()
        self._ready.set()
        try:
            await self._sync.run(self._stop, self._wake)
        finally:
            local.close()
