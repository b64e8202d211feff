"""The journal for async code: one worker thread owns the connection and runs every operation,
so fsyncs never stall the event loop (which later is Qt's)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from qrcashier.checkout.errors import JournalUnavailable
from qrcashier.checkout.journal.store import JournalDB

T = TypeVar("T")
UNWRITABLE = "The sales journal on this computer could not be read or written."


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
        except BaseException as exc:
            executor.shutdown(wait=False)
            if isinstance(exc, sqlite3.Error):
                raise JournalUnavailable(UNWRITABLE) from exc
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
        """Run `op(db)` on the journal's thread and return its result (or raise its error;
        SQLite's own errors come out as JournalUnavailable)."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, op, self._db)
        except sqlite3.Error as exc:
            raise JournalUnavailable(UNWRITABLE) from exc

    def run_sync(self, op: Callable[[JournalDB], T]) -> T:
        """The same, blocking: for scripts and tests, never on the event loop's thread."""
        return self._executor.submit(op, self._db).result()

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self._db.close)
        self._executor.shutdown(wait=True)

    def close_sync(self) -> None:
        self._executor.submit(self._db.close).result()
        self._executor.shutdown(wait=True)
