"""The journal: every sale, line, attempt, state change, payment, refund, receipt and
supervisor action, in SQLite, durable before the network call that depends on it.

- `schema`: the file's place, pragmas (WAL, synchronous=FULL), schema and migrations.
- `records`: what the journal returns besides the domain's Sale and Attempt.
- `codec`: rows to records and back (times, money, JSON).
- `store`: `JournalDB`, every operation, synchronous, bound to the thread that opened it.
- `thread`: `Journal`, one worker thread that owns the connection and runs every
  operation, so fsyncs never stall the event loop: `await journal.run(lambda db: db.attempt(7))`.
  `run_sync` is the same for code without an event loop (scripts, the crash-recovery tests).
"""

from qrcashier.checkout.journal.records import (
    Audit,
    AuditEntry,
    MovementRecord,
    PaymentRecord,
    ReceiptRecord,
    RefundRecord,
    RefundState,
    ShiftRecord,
    StaleState,
    TenderRecord,
    TransitionRecord,
)
from qrcashier.checkout.journal.schema import (
    JOURNAL_FILE,
    MIGRATIONS,
    SCHEMA_VERSION,
    connect,
    default_journal_path,
    migrate,
)
from qrcashier.checkout.journal.store import JournalDB
from qrcashier.checkout.journal.thread import Journal

__all__ = [
    "JOURNAL_FILE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Audit",
    "AuditEntry",
    "Journal",
    "JournalDB",
    "MovementRecord",
    "PaymentRecord",
    "ReceiptRecord",
    "RefundRecord",
    "RefundState",
    "ShiftRecord",
    "StaleState",
    "TenderRecord",
    "TransitionRecord",
    "connect",
    "default_journal_path",
    "migrate",
]
