"""Stores for async code: one worker thread owns a SQLite connection and runs every operation,
so fsyncs never stall the event loop (which later is Qt's).

`Worker` is the one such wrapper; `Journal` (the sales journal) and the print queue's
`PrintJobs` are both workers over their own store class."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Generic, TypeVar

from qrcashier.checkout.errors import JournalUnavailable
from qrcashier.checkout.journal.store import JournalDB

T = TypeVar("T")
S = TypeVar("S")
UNWRITABLE = "The sales journal on this computer could not be read or written."


class Worker(Generic[S]):
    """A store bound to one worker thread. Subclasses name the store class and the thread.

    Open with `await Sub.open(path)` (or `Sub.open_sync(path)` without a loop); run operations
    with `await sub.run(lambda store: ...)`; close with `await sub.close()`. SQLite's own errors
    come out as JournalUnavailable, with the cause kept.
    """

    store_class: Callable[[Path | str], S]
    thread_name = "qrcashier-store"

    def __init__(self, executor: ThreadPoolExecutor, store: S) -> None:
        self._executor = executor
        self._store = store

    @classmethod
    def _executor_for(cls) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix=cls.thread_name)

    @classmethod
    async def open(cls, path: Path | str):
        executor = cls._executor_for()
        try:
            store = await asyncio.get_running_loop().run_in_executor(executor, cls.store_class, path)
        except BaseException as exc:
            executor.shutdown(wait=False)
            if isinstance(exc, sqlite3.Error):
                raise JournalUnavailable(UNWRITABLE) from exc
            raise
        return cls(executor, store)

    @classmethod
    def open_sync(cls, path: Path | str):
        executor = cls._executor_for()
        try:
            store = executor.submit(cls.store_class, path).result()
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(executor, store)

    async def run(self, op: Callable[[S], T]) -> T:
        """Run `op(store)` on the worker's thread and return its result (or raise its error)."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, op, self._store)
        except sqlite3.Error as exc:
            raise JournalUnavailable(UNWRITABLE) from exc

    def run_sync(self, op: Callable[[S], T]) -> T:
        """The same, blocking: for scripts and tests, never on the event loop's thread."""
        return self._executor.submit(op, self._store).result()

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self._store.close)  # type: ignore[attr-defined]
        self._executor.shutdown(wait=True)

    def close_sync(self) -> None:
        self._executor.submit(self._store.close).result()  # type: ignore[attr-defined]
        self._executor.shutdown(wait=True)


class Journal(Worker[JournalDB]):
    """The sales journal for async code: `await journal.run(lambda db: db.attempt(7))`."""

    store_class = JournalDB
    thread_name = "qrcashier-journal"

    def __init__(self, executor: ThreadPoolExecutor, db: JournalDB) -> None:
        super().__init__(executor, db)
        self.path = db.path
        self.tag = db.tag
