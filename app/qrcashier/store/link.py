"""A register's link to the store database (`--store DSN`), as the app's services run it.

    link = StoreLink(dsn, register, journal_path, keyring=lambda: backend_or_None)
    link = StoreLink(dsn, register, journal_path, address=access.address)   # the app: store/access.py
    await link.start(engine)          # off the loop: keyring read, outbox on, sender thread started
    link.status()                     # StoreStatus: online/offline, sales waiting, last error (no secret)
    await link.wait_sent(30)          # the self-test: every row written so far is in the store
    await link.close()

Everything that may wait (the keyring, switching the journal's outbox on, PostgreSQL) runs on a
worker thread or the sender's own thread, each with a timeout; the asyncio (Qt) loop only awaits.
A store that cannot be reached, or a DSN that cannot be read, never stops the register: it sells,
and `status()` says why the store is not getting its sales.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qrcashier.store.dsn import StoreAddress, StoreAddressError, from_keyring, redact
from qrcashier.store.sender import OutboxSender, StoreStatus

log = logging.getLogger("qrcashier.store")

START_TIMEOUT_SECONDS = 15.0  # the keyring read and switching the journal's outbox on


class StoreLink:
    def __init__(self, dsn: str, register: str, journal: Path | str, *,
                 keyring: Callable[[], Any] | None = None,
                 address: Callable[[], StoreAddress] | None = None) -> None:
        self.dsn = dsn
        self.register = register
        self.journal = Path(journal)
        self._keyring = keyring  # called on the worker thread: a keyring backend or None (libpq's own places)
        self._address = address  # or: the app's one StoreAddress (StoreAccess.address), on the worker thread
        self.sender: OutboxSender | None = None
        self.problem = ""  # why there is no sender (one sentence, never a password)
        self._unsubscribe: Any = None

    @property
    def shown(self) -> str:
        return redact(self.dsn)

    def _build(self) -> OutboxSender:
        if self._address is not None:
            address = self._address()
        else:
            address = from_keyring(self.dsn, self._keyring() if self._keyring is not None else None)
        sender = OutboxSender(self.journal, address, self.register)
        sender.start()
        return sender

    async def start(self, engine: Any = None) -> None:
        building = asyncio.ensure_future(asyncio.to_thread(self._build))
        try:
            self.sender = await asyncio.wait_for(asyncio.shield(building), START_TIMEOUT_SECONDS)
            self.problem = ""
        except TimeoutError:
            self.problem = "TimeoutError: the store sender did not start (the keyring or the journal did not answer)"
            log.error("store database: %s", self.problem)
            building.add_done_callback(_stop_late)  # a sender that starts after all is stopped, not left running
            return
        except StoreAddressError as exc:
            self.problem = str(exc)
            log.error("store database: %s", exc)
            return
        except Exception as exc:  # a journal that cannot switch its outbox on, a keyring that hangs
            self.problem = f"{type(exc).__name__}: the store sender could not start"
            log.exception("the store sender could not start")
            return
        if engine is not None:
            self._unsubscribe = engine.subscribe(self._wake)  # a sale paid, a shift closed: send now
        log.info("store database %s: register %s sends its outbox", self.sender.address.shown, self.register)

    def _wake(self, event: Any) -> None:
        from qrcashier.checkout.events import Contact, Countdown

        if self.sender is not None and not isinstance(event, Countdown | Contact):
            self.sender.wake()  # (sets a threading.Event: never waits)

    def status(self) -> StoreStatus:
        """Thread-safe and non-blocking (the status bar reads it on the Qt thread)."""
        if self.sender is not None:
            return self.sender.status()
        return StoreStatus(online=False if self.problem else None, error=self.problem)

    async def wait_sent(self, timeout: float) -> bool:
        """True once every outbox row written so far (the last sale's too) is in the store database."""
        sender = self.sender
        if sender is None:
            return False
        seq = await asyncio.to_thread(sender.last_seq)
        sender.wake()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not await asyncio.to_thread(sender.sent_through, seq):
            if loop.time() > deadline:
                return False
            await asyncio.sleep(0.1)
        return True

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        sender, self.sender = self.sender, None
        if sender is not None:
            await asyncio.to_thread(sender.stop)


def _stop_late(building: asyncio.Future) -> None:
    if not building.cancelled() and building.exception() is None:
        threading.Thread(target=building.result().stop, name="qrcashier-store-late-stop", daemon=True).start()
