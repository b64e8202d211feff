"""A register's one way to the store database (`--store DSN`), for everything the app does there:
the outbox sender (store/link.py), the catalog follower (store/catalog_sync.py), a supervisor's
price change and the store report a supervisor opens in the app.

    access = StoreAccess(dsn, register, keyring=lambda: backend_or_None)
    address = access.address()                      # blocking (a worker thread): read once, then kept
    follower = access.start_follower(catalog_file, site)   # blocking; None once stop_follower() ran
    report = await access.report(day)               # store/report.build_report, off the loop
    version = await access.set_price(code, price, actor)

The password is read once, from the keyring the app itself uses (the same backend as the
access token's), on whatever worker thread asks first; every later use gets the same
StoreAddress, so the sender, the follower and these calls can never disagree on who the
register is. `report` and `set_price` run on a worker thread with the sender's timeouts
(3 s to connect, 10 s per statement) and an overall one, and raise StoreUnreachable (one
sentence, never a password) when the store cannot answer, PricesNotAllowed when the register's
role is not in the pricing group. Qt-free: the dialogs call these and show the sentences.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from qrcashier.store import dsn as store_dsn
from qrcashier.store.dsn import StoreAddress, redact

CALL_TIMEOUT_SECONDS = 20.0  # the most a report or a price change may take, connection included


class StoreUnreachable(Exception):
    """The store database did not answer (down, slow, refusing): one sentence, no password."""


class PricesNotAllowed(Exception):
    """This register's role may not change prices (not in the `qrcashier_pricing` group)."""


class StoreAccess:
    def __init__(self, dsn: str, register: str, *, keyring: Callable[[], Any] | None = None) -> None:
        self.dsn = dsn
        self.register = register
        self._keyring = keyring  # called once, on a worker thread: a keyring backend or None
        self._address: StoreAddress | None = None
        self._lock = threading.Lock()
        self._follower_lock = threading.Lock()
        self._follower: Any = None
        self._follower_stopped = False

    @property
    def shown(self) -> str:
        return redact(self.dsn)

    def address(self) -> StoreAddress:
        """The store's address with its password (blocking: the keyring may talk to D-Bus)."""
        with self._lock:
            if self._address is None:
                backend = self._keyring() if self._keyring is not None else None
                self._address = store_dsn.from_keyring(self.dsn, backend)
            return self._address

    def start_follower(self, catalog: Path, site: Any) -> Any:
        """Start the catalog follower (store/catalog_sync.CatalogFollower) with this address.
        Blocking (the keyring, the thread's start). A start that ends after `stop_follower()`
        (a keyring that answered too late) stops its follower at once and returns None."""
        from qrcashier.store.catalog_sync import CatalogFollower

        follower = CatalogFollower(self.address(), catalog, site)
        follower.start()
        with self._follower_lock:
            late = self._follower_stopped
            if not late:
                self._follower = follower
        if late:
            follower.stop()
            return None
        return follower

    def stop_follower(self) -> None:
        """Blocking (joins the follower's thread, bounded)."""
        with self._follower_lock:
            self._follower_stopped = True
            follower, self._follower = self._follower, None
        if follower is not None:
            follower.stop()

    async def _run(self, work: Callable[[Any], Any], timeout: float) -> Any:
        from qrcashier.store.sender import connect_store, describe_error

        def on_thread() -> Any:
            address = self.address()
            try:
                conn = connect_store(address)
            except Exception as exc:
                raise StoreUnreachable(describe_error(exc, address)) from None
            with conn:
                return work(conn)

        try:
            return await asyncio.wait_for(asyncio.to_thread(on_thread), timeout)
        except TimeoutError:
            raise StoreUnreachable(f"TimeoutError: the store database {self.shown} did not answer "
                                   f"within {timeout:.0f} s") from None

    async def report(self, day: date, timeout: float = CALL_TIMEOUT_SECONDS) -> dict[str, Any]:
        """The store's day, exactly as `qrcashier-admin store report` builds it."""
        import psycopg

        from qrcashier.store.report import build_report
        from qrcashier.store.sender import describe_error

        def work(conn: Any) -> dict[str, Any]:
            try:
                return build_report(conn, day)
            except psycopg.OperationalError as exc:  # the server went away mid-report
                raise StoreUnreachable(describe_error(exc, self.address())) from None

        return await self._run(work, timeout)

    async def set_price(self, code: str, price: Decimal, actor: str, timeout: float = CALL_TIMEOUT_SECONDS) -> int:
        """A supervisor's price change through `catalog_set_price`. Returns the product's new
        version. Raises CatalogStoreError (an unknown product, a bad price), PricesNotAllowed or
        StoreUnreachable."""
        import psycopg

        from qrcashier.store.catalog_store import set_price
        from qrcashier.store.sender import describe_error

        def work(conn: Any) -> int:
            try:
                return set_price(conn, code, price, actor)
            except psycopg.errors.InsufficientPrivilege:
                raise PricesNotAllowed(self.register) from None
            except psycopg.OperationalError as exc:
                raise StoreUnreachable(describe_error(exc, self.address())) from None

        return await self._run(work, timeout)
