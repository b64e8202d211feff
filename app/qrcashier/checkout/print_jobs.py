"""The print queue's rows in the journal (table `print_jobs`): written before printing, done once.

`PrintJobs` opens its own connection to the journal file (WAL lets it sit beside the engine's)
on its own worker thread, so a printer never waits on a sale and a sale never waits on paper.
`add` is idempotent per `key` ("receipt:<receipt id>", "test:<uuid>"...): a job is stored once
and so prints at most once; a reprint is a new receipt record (a COPY), hence a new key.
SQLite's errors leave as `JournalUnavailable`, as the journal's do (both are a `Worker`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from qrcashier.checkout.journal.codec import from_ts, to_ts
from qrcashier.checkout.journal.schema import connect, migrate
from qrcashier.checkout.journal.thread import Worker

JOB_KINDS = ("receipt", "copy", "z", "return", "test", "drawer")


@dataclass(frozen=True)
class PrintJob:
    id: int
    key: str
    kind: str
    data: bytes
    receipt_id: int | None
    status: str  # "pending" or "done"
    attempts: int
    last_error: str | None
    created_at: datetime
    done_at: datetime | None


def _job(row: sqlite3.Row) -> PrintJob:
    return PrintJob(
        row["id"], row["key"], row["kind"], bytes(row["data"]), row["receipt_id"], row["status"], row["attempts"],
        row["last_error"], from_ts(row["created_at"]), from_ts(row["done_at"]),  # type: ignore[arg-type]
    )


class PrintJobStore:
    """The synchronous operations, bound to the thread that opened the connection."""

    def __init__(self, path: Path | str) -> None:
        self._db = connect(path)
        try:
            migrate(self._db)
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def add(self, key: str, kind: str, data: bytes, now: datetime, receipt_id: int | None = None) -> PrintJob:
        if kind not in JOB_KINDS:
            raise ValueError(f"unknown print job kind {kind!r}")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                "INSERT OR IGNORE INTO print_jobs (key, kind, data, receipt_id, created_at) VALUES (?, ?, ?, ?, ?)",
                (key, kind, data, receipt_id, to_ts(now)),
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return self.by_key(key)

    def by_key(self, key: str) -> PrintJob:
        return _job(self._db.execute("SELECT * FROM print_jobs WHERE key = ?", (key,)).fetchone())

    def job(self, job_id: int) -> PrintJob:
        return _job(self._db.execute("SELECT * FROM print_jobs WHERE id = ?", (job_id,)).fetchone())

    def pending(self) -> list[PrintJob]:
        rows = self._db.execute("SELECT * FROM print_jobs WHERE status = 'pending' ORDER BY id").fetchall()
        return [_job(r) for r in rows]

    def jobs(self) -> list[PrintJob]:
        return [_job(r) for r in self._db.execute("SELECT * FROM print_jobs ORDER BY id").fetchall()]

    def mark_done(self, job_id: int, now: datetime) -> None:
        self._db.execute(
            "UPDATE print_jobs SET status = 'done', done_at = ?, attempts = attempts + 1, last_error = NULL"
            " WHERE id = ? AND status = 'pending'",
            (to_ts(now), job_id),
        )

    def note_failure(self, job_id: int, error: str) -> None:
        self._db.execute(
            "UPDATE print_jobs SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error, job_id)
        )


class PrintJobs(Worker[PrintJobStore]):
    """The store for async code: one worker thread owns its connection, as the journal's does."""

    store_class = PrintJobStore
    thread_name = "qrcashier-print-jobs"
