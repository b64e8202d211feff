"""The journal's side of the outbox (the table and its triggers: checkout/journal/schema.py
`_migration_outbox`). Plain sqlite3 on the sender's own connection: WAL lets it read while the
register writes, and its writes (marking rows sent) are one short transaction each."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Sent rows are kept this long (what was sent, and when, for support), then pruned, so the
# journal does not grow with the outbox: rows not yet sent are never pruned, however old.
KEEP_SENT_DAYS = 7

BACKFILL = (
    ("shift", "SELECT id FROM shifts ORDER BY id"),
    ("sale", "SELECT id FROM sales WHERE status = 'paid' ORDER BY paid_at, id"),
    ("refund", "SELECT id FROM refunds ORDER BY id"),
    ("movement", "SELECT id FROM cash_movements ORDER BY id"),
    ("audit", "SELECT id FROM audit ORDER BY id"),
)


@dataclass(frozen=True)
class Pending:
    seq: int
    kind: str
    ref: int


def connect(journal: Path | str) -> sqlite3.Connection:
    db = sqlite3.connect(str(journal), isolation_level=None, timeout=10.0, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA synchronous = FULL")
    return db


def enabled(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = 'outbox'").fetchone()
    return row is not None and row[0] == "on"


def enable(db: sqlite3.Connection) -> int:
    """Switch the outbox on (a register joins a store). The first time, everything the journal
    already holds is queued too, in one transaction. Returns the number of rows queued now."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone() is None:
            raise RuntimeError("the journal has no outbox: open it with this version of QR Cashier first")
        if enabled(db):
            db.execute("COMMIT")
            return 0
        queued = 0
        for kind, sql in BACKFILL:
            for (ref,) in db.execute(sql).fetchall():
                db.execute("INSERT INTO outbox (kind, ref) VALUES (?, ?)", (kind, ref))
                queued += 1
        db.execute("INSERT INTO meta (key, value) VALUES ('outbox', 'on')")
        db.execute("COMMIT")
        return queued
    except BaseException:
        db.execute("ROLLBACK")
        raise


def pending(db: sqlite3.Connection, limit: int) -> list[Pending]:
    return [Pending(r[0], r[1], r[2]) for r in db.execute(
        "SELECT seq, kind, ref FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?", (limit,))]


def waiting(db: sqlite3.Connection) -> tuple[int, int]:
    """(sales waiting, all rows waiting)."""
    row = db.execute("SELECT COALESCE(SUM(kind = 'sale'), 0), COUNT(*) FROM outbox WHERE sent_at IS NULL").fetchone()
    return int(row[0]), int(row[1])


def mark_sent(db: sqlite3.Connection, seqs: Sequence[int]) -> None:
    if not seqs:
        return
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    marks = ", ".join("?" for _ in seqs)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"UPDATE outbox SET sent_at = ? WHERE seq IN ({marks}) AND sent_at IS NULL", (now, *seqs))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def mark_failed(db: sqlite3.Connection, seq: int, error: str) -> None:
    db.execute("UPDATE outbox SET tries = tries + 1, last_error = ? WHERE seq = ?", (error[:500], seq))


def last_seq(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()[0])


def sent_through(db: sqlite3.Connection, seq: int) -> bool:
    """True once every row up to `seq` has been sent."""
    return db.execute("SELECT 1 FROM outbox WHERE seq <= ? AND sent_at IS NULL LIMIT 1", (seq,)).fetchone() is None


def prune(db: sqlite3.Connection, keep_days: int = KEEP_SENT_DAYS, now: datetime | None = None) -> int:
    """Delete rows sent more than `keep_days` ago (never an unsent one). Returns how many went.
    AUTOINCREMENT keeps `seq` growing after a prune, so the order and `sent_through` still hold."""
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=keep_days)).isoformat(timespec="microseconds")
    db.execute("BEGIN IMMEDIATE")
    try:
        removed = db.execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?", (cutoff,)).rowcount
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return removed
