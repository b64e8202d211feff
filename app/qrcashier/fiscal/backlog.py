"""Sales kept for invoicing while the fiscal setup cannot start (a bad CUIT, the certificate's
files missing, the journal's invoices unreadable): nothing is lost.

Fiscal is "switched on" for a journal at the first moment the shop asked for it, recorded as
the journal's meta `fiscal_from_sale` (the last paid sale before it). The invoice queue
(fiscal.invoices.enqueue_missing) writes an invoice row for every paid sale after that one which
has none. When the setup cannot start, `hold_sales` records that moment anyway, so the sales
made meanwhile are exactly the ones the queue invoices, in journal order, the first time it
runs (the next start once the setup is fixed in Settings). `waiting` counts them for the status
bar. Blocking SQLite: call both off the event loop (asyncio.to_thread).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from qrcashier.checkout.journal.schema import JOURNAL_FILE, connect

log = logging.getLogger("qrcashier.fiscal")


async def hold_sales_in(data_dir: Path) -> None:
    """`hold_sales` on the data folder's journal, off the loop; a failure is logged (the journal is
    the engine's: its own errors show there), never raised into the start-up."""
    try:
        count = await asyncio.to_thread(hold_sales, Path(data_dir) / JOURNAL_FILE)
    except Exception:
        log.exception("the sales waiting for their ARCA invoice could not be recorded")
        return
    log.warning("ARCA invoices not running: %d sales wait for their invoice", count)


async def waiting_in(data_dir: Path) -> int:
    return await asyncio.to_thread(waiting, Path(data_dir) / JOURNAL_FILE)


def hold_sales(path: Path | str) -> int:
    """Record the moment fiscal was switched on when the journal has none; returns `waiting`."""
    db = connect(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT OR IGNORE INTO meta (key, value) SELECT 'fiscal_from_sale', COALESCE(MAX(id), 0)"
                       " FROM sales WHERE status = 'paid'")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return _waiting(db)
    finally:
        db.close()


def waiting(path: Path | str) -> int:
    """Paid sales since fiscal was switched on that have no invoice yet (0 before it was)."""
    db = connect(path)
    try:
        return _waiting(db)
    finally:
        db.close()


def _waiting(db) -> int:
    start = db.execute("SELECT value FROM meta WHERE key = 'fiscal_from_sale'").fetchone()
    if start is None:
        return 0
    has_invoices = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoices'").fetchone()
    join = (" LEFT JOIN invoices i ON i.sale_id = s.id AND i.kind = 'invoice'" if has_invoices else "")
    where = " AND i.id IS NULL" if has_invoices else ""
    return db.execute(f"SELECT COUNT(*) FROM sales s{join} WHERE s.status = 'paid' AND s.id > ?{where}",
                      (int(start[0]),)).fetchone()[0]
