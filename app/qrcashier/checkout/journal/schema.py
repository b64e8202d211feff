"""The journal's file: where it lives, its connection pragmas, its schema and ordered migrations.

Schema versions are tracked with `PRAGMA user_version` and applied by the ordered
`MIGRATIONS`; a file from a newer app is refused, never downgraded.
"""

from __future__ import annotations

import secrets
import sqlite3
import string
from collections.abc import Callable
from pathlib import Path

from qrcashier.checkout.errors import JournalVersionError
from qrcashier.domain.sale import LIVE_STATES
from qrcashier.paths import default_data_dir, private_file

JOURNAL_FILE = "journal.sqlite3"


def default_journal_path() -> Path:
    """Where the journal lives when the caller names no data folder: the app's own (paths)."""
    return default_data_dir() / JOURNAL_FILE


# --- schema and migrations -------------------------------------------------------------------

def _migration_1(db: sqlite3.Connection) -> None:
    """The first schema: sales, lines, attempts, transitions, payments, refunds, receipts, audit."""
    for stmt in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE sales (
            id INTEGER PRIMARY KEY,
            code TEXT UNIQUE,
            register_id TEXT NOT NULL,
            site_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            total TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'discarded')),
            created_at TEXT NOT NULL)""",
        """CREATE TABLE sale_lines (
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            title TEXT NOT NULL,
            sku TEXT,
            unit_price TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_measure TEXT NOT NULL,
            total TEXT NOT NULL,
            PRIMARY KEY (sale_id, line_no))""",
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            number INTEGER NOT NULL,
            register_id TEXT NOT NULL,
            reference TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            gateway TEXT NOT NULL,
            total TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '',
            gateway_order_id TEXT,
            review TEXT,
            UNIQUE (sale_id, number))""",
        "CREATE INDEX attempts_state ON attempts(state)",
        """CREATE TABLE transitions (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            from_state TEXT,
            to_state TEXT NOT NULL,
            at TEXT NOT NULL,
            message TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX transitions_attempt ON transitions(attempt_id)",
        """CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            mp_payment_id INTEGER NOT NULL UNIQUE,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            merchant_order_id INTEGER,
            amount TEXT NOT NULL,
            status TEXT NOT NULL,
            status_detail TEXT,
            recorded_at TEXT NOT NULL)""",
        """CREATE TABLE refunds (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES payments(id),
            amount TEXT NOT NULL,
            full INTEGER NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            mp_refund_id INTEGER UNIQUE,
            message TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE receipts (
            id INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id),
            kind TEXT NOT NULL CHECK (kind IN ('original', 'copy')),
            issued_at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '')""",
        "CREATE UNIQUE INDEX receipts_one_original ON receipts(attempt_id) WHERE kind = 'original'",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            sale_id INTEGER,
            attempt_id INTEGER,
            payment_id INTEGER,
            refund_id INTEGER,
            reason TEXT NOT NULL DEFAULT '',
            details TEXT)""",
    ):
        db.execute(stmt)
    tag = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(5))
    db.execute("INSERT INTO meta (key, value) VALUES ('tag', ?)", (tag,))


def _migration_2(db: sqlite3.Connection) -> None:
    """Dynamic-QR payloads on attempts, receipt print confirmation, and the schema-level
    guard that a register has at most one live attempt."""
    db.execute("ALTER TABLE attempts ADD COLUMN qr_data TEXT")
    db.execute("ALTER TABLE receipts ADD COLUMN printed_at TEXT")
    live = ", ".join(f"'{s}'" for s in sorted(LIVE_STATES))
    db.execute(f"CREATE UNIQUE INDEX attempts_one_live_per_register ON attempts(register_id) WHERE state IN ({live})")


def _migration_3(db: sqlite3.Connection) -> None:
    """Why a failed attempt failed, as a typed field (`FailureKind`). Older failed rows are
    classified once, here, from the messages the engine wrote for each kind until now."""
    db.execute("ALTER TABLE attempts ADD COLUMN failure TEXT")
    for kind, pattern in (
        ("offline", "Cannot reach Mercado Pago%"),
        ("offline", "Mercado Pago did not answer in time%"),
        ("interrupted", "QR Cashier stopped before this order was sent%"),
    ):
        db.execute(
            "UPDATE attempts SET failure = ? WHERE state = 'failed' AND failure IS NULL AND message LIKE ?",
            (kind, pattern),
        )
    db.execute("UPDATE attempts SET failure = 'refused' WHERE state = 'failed' AND failure IS NULL")


def _migration_4(db: sqlite3.Connection) -> None:
    """The till: shifts (one open per register, numbers never reused), cash movements and cash
    refunds, a sale's tender lines, and receipt numbers per register assigned at completion.
    Sales paid before this get their QR tender and a receipt number in the order they were paid."""
    for stmt in (
        """CREATE TABLE shifts (
            id INTEGER PRIMARY KEY,
            register_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL DEFAULT '',
            float TEXT NOT NULL,
            float_counts TEXT,
            closed_at TEXT,
            closed_by TEXT,
            counted TEXT,
            counts TEXT,
            expected TEXT,
            difference TEXT,
            authorized_by TEXT,
            reason TEXT NOT NULL DEFAULT '',
            UNIQUE (register_id, number))""",
        "CREATE UNIQUE INDEX shifts_one_open_per_register ON shifts(register_id) WHERE closed_at IS NULL",
        """CREATE TABLE cash_movements (
            id INTEGER PRIMARY KEY,
            shift_id INTEGER NOT NULL REFERENCES shifts(id),
            kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'refund')),
            amount TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            authorized_by TEXT,
            sale_id INTEGER REFERENCES sales(id))""",
        """CREATE TABLE tenders (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            kind TEXT NOT NULL,
            amount TEXT NOT NULL,
            received TEXT,
            change TEXT,
            attempt_id INTEGER REFERENCES attempts(id),
            at TEXT NOT NULL)""",
        "CREATE INDEX tenders_sale ON tenders(sale_id)",
        "ALTER TABLE sales ADD COLUMN receipt_no INTEGER",
        "ALTER TABLE sales ADD COLUMN paid_at TEXT",
        "ALTER TABLE sales ADD COLUMN shift_id INTEGER REFERENCES shifts(id)",
        "CREATE UNIQUE INDEX sales_receipt_no ON sales(register_id, receipt_no) WHERE receipt_no IS NOT NULL",
    ):
        db.execute(stmt)
    paid = db.execute(
        "SELECT s.id AS sale_id, s.register_id, a.id AS attempt_id, a.total, r.issued_at FROM sales s"
        " JOIN attempts a ON a.sale_id = s.id AND a.state = 'paid'"
        " JOIN receipts r ON r.attempt_id = a.id AND r.kind = 'original'"
        " WHERE s.status = 'paid' ORDER BY r.id"
    ).fetchall()
    numbered: dict[str, int] = {}
    for row in paid:
        sale_id, register_id, attempt_id, total, issued_at = tuple(row)
        if db.execute("SELECT receipt_no FROM sales WHERE id = ?", (sale_id,)).fetchone()[0] is not None:
            continue  # a sale paid twice keeps its first number and tender
        numbered[register_id] = numbered.get(register_id, 0) + 1
        db.execute("UPDATE sales SET receipt_no = ?, paid_at = ? WHERE id = ?",
                   (numbered[register_id], issued_at, sale_id))
        db.execute("INSERT INTO tenders (sale_id, kind, amount, attempt_id, at) VALUES (?, 'qr', ?, ?, ?)",
                   (sale_id, total, attempt_id, issued_at))


def _migration_print_jobs(db: sqlite3.Connection) -> None:
    """The print queue (printing.queue, checkout.print_jobs): each job's bytes, written before
    printing, done only once the printer took every byte; `key` makes a job at most once."""
    db.execute(
        """CREATE TABLE print_jobs (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('receipt', 'copy', 'z', 'return', 'test', 'drawer')),
            data BLOB NOT NULL,
            receipt_id INTEGER,  -- the receipts row it prints, if any (no FK: a test page has none)
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at TEXT NOT NULL,
            done_at TEXT
        )"""
    )
    db.execute("CREATE INDEX print_jobs_pending ON print_jobs(id) WHERE status = 'pending'")


def _migration_shift_register(db: sqlite3.Connection) -> None:
    """The register's point-of-sale number and the store's name on each shift, written when it
    opens, so its report prints the receipts as `PPPPP-NNNNNNNN` of that register and names the
    store without the register's settings. Shifts opened before this keep NULL (POS 1, no name)."""
    db.execute("ALTER TABLE shifts ADD COLUMN pos_number INTEGER CHECK (pos_number BETWEEN 1 AND 99999)")
    db.execute("ALTER TABLE shifts ADD COLUMN store_name TEXT")
def _migration_parked(db: sqlite3.Connection) -> None:
    """Sale tools (issue 17): a line's discount, its reason and its VAT rate; parked carts (held
    with a number and a note until resumed or discarded, the discard audited); and returns by
    line (which line, how many, the amount, and the refund or cash movement that paid it back)."""
    for stmt in (
        "ALTER TABLE sale_lines ADD COLUMN discount TEXT NOT NULL DEFAULT '0'",
        "ALTER TABLE sale_lines ADD COLUMN discount_reason TEXT",
        "ALTER TABLE sale_lines ADD COLUMN vat_rate TEXT",
        """CREATE TABLE parked_carts (
            id INTEGER PRIMARY KEY,
            register_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            lines TEXT NOT NULL,
            total TEXT NOT NULL,
            shift_id INTEGER REFERENCES shifts(id),
            parked_at TEXT NOT NULL,
            parked_by TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'parked' CHECK (state IN ('parked', 'resumed', 'discarded')),
            ended_at TEXT,
            ended_by TEXT,
            ended_shift_id INTEGER REFERENCES shifts(id),
            UNIQUE (register_id, number))""",
        "CREATE INDEX parked_carts_open ON parked_carts(register_id) WHERE state = 'parked'",
        """CREATE TABLE line_returns (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            amount TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('cash', 'qr')),
            refund_id INTEGER REFERENCES refunds(id),
            movement_id INTEGER REFERENCES cash_movements(id),
            return_no INTEGER NOT NULL,
            at TEXT NOT NULL,
            supervisor TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines(sale_id, line_no))""",
        "CREATE INDEX line_returns_sale ON line_returns(sale_id)",
    ):
        db.execute(stmt)
def _migration_tender_cards(db: sqlite3.Connection) -> None:
    """Card details of a `point` or `card` tender (brand, last four, installments, the
    authorization code typed from another terminal, Mercado Pago's payment id): never a full number."""
    db.execute(
        """CREATE TABLE tender_cards (
            tender_id INTEGER PRIMARY KEY REFERENCES tenders(id),
            brand TEXT,
            last_four TEXT CHECK (last_four IS NULL OR length(last_four) = 4),
            installments INTEGER,
            authorization TEXT,
            payment_ref TEXT,
            terminal TEXT
        )"""
    )
def _migration_invoices(db: sqlite3.Connection) -> None:
    """Argentine electronic invoices (fiscal.invoices): one row per sale (or refund), written
    before ARCA is asked; `number` is recorded before FECAESolicitar so a restart queries it
    first; a number is unique per (CUIT, punto de venta, type)."""
    db.execute(
        """CREATE TABLE invoices (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
            related_invoice_id INTEGER REFERENCES invoices(id),
            cuit TEXT NOT NULL,
            point_of_sale INTEGER NOT NULL,
            doc_type INTEGER NOT NULL,
            issued TEXT NOT NULL,
            buyer_doc_type INTEGER NOT NULL DEFAULT 99,
            buyer_doc_number TEXT NOT NULL DEFAULT '0',
            amounts TEXT NOT NULL,
            total TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'requesting', 'authorized', 'rejected')),
            number INTEGER,
            cae TEXT,
            cae_due TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_try_at TEXT,
            created_at TEXT NOT NULL,
            authorized_at TEXT)"""
    )
    db.execute("CREATE UNIQUE INDEX invoices_one_per_sale ON invoices(sale_id) WHERE kind = 'invoice'")
    db.execute("CREATE UNIQUE INDEX invoices_numbers ON invoices(cuit, point_of_sale, doc_type, number)"
               " WHERE number IS NOT NULL")
    db.execute("CREATE INDEX invoices_open ON invoices(id) WHERE status IN ('pending', 'requesting')")
# The store's outbox (qrcashier.store.outbox): one row per change the store database must get,
# written by these triggers inside the very transaction that makes the change, whichever writer
# it is. Switched on per journal by meta 'outbox' = 'on' (a register started with --store);
# without it nothing is written, so a register without a store server is as before.
OUTBOX_EVENTS = (
    # (trigger, event, table, condition)
    ("outbox_shift_open", "AFTER INSERT", "shifts", "1"),
    ("outbox_shift_close", "AFTER UPDATE OF closed_at", "shifts",
     "NEW.closed_at IS NOT NULL AND OLD.closed_at IS NULL"),
    ("outbox_sale_paid", "AFTER UPDATE OF status", "sales", "NEW.status = 'paid' AND OLD.status <> 'paid'"),
    ("outbox_refund_new", "AFTER INSERT", "refunds", "1"),
    ("outbox_refund_state", "AFTER UPDATE OF state", "refunds", "NEW.state <> OLD.state"),
    ("outbox_movement", "AFTER INSERT", "cash_movements", "1"),
    ("outbox_audit", "AFTER INSERT", "audit", "1"),
)
OUTBOX_KINDS = {"shifts": "shift", "sales": "sale", "refunds": "refund", "cash_movements": "movement", "audit": "audit"}


def _migration_outbox(db: sqlite3.Connection) -> None:
    """The store outbox: `seq` orders the sender, `kind` + `ref` name the journal row whose state
    is sent (an idempotent upsert keyed by register and the row's stable id), `sent_at` marks it done."""
    db.execute(
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('shift', 'sale', 'refund', 'movement', 'audit')),
            ref INTEGER NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            sent_at TEXT,
            tries INTEGER NOT NULL DEFAULT 0,
            last_error TEXT)"""
    )
    db.execute("CREATE INDEX outbox_pending ON outbox(seq) WHERE sent_at IS NULL")
    for name, event, table, condition in OUTBOX_EVENTS:
        db.execute(
            f"CREATE TRIGGER {name} {event} ON {table}"
            f" WHEN ({condition}) AND (SELECT value FROM meta WHERE key = 'outbox') = 'on'"
            f" BEGIN INSERT INTO outbox (kind, ref) VALUES ('{OUTBOX_KINDS[table]}', NEW.id); END"
        )


def _migration_payment_approved(db: sqlite3.Connection) -> None:
    """When Mercado Pago approved each payment (issue 14.3), as it said: the receipt's date. Rows
    recorded before this keep NULL and their receipt falls back to `recorded_at`."""
    db.execute("ALTER TABLE payments ADD COLUMN approved_at TEXT")


def _migration_parked_discounts(db: sqlite3.Connection) -> None:
    """A parked cart's discounts as the cashier gave them (issue 17): each line's and the cart's
    kind (percent/amount), value and reason, as JSON, so a resumed 10 % stays 10 %. Carts parked
    before this keep NULL and resume with their discounts as amounts."""
    db.execute("ALTER TABLE parked_carts ADD COLUMN discounts TEXT")


def _migration_credit_notes(db: sqlite3.Connection) -> None:
    """Credit notes (fiscal.credit_notes, issue 21): the refund each one cancels, an approved
    Mercado Pago refund (`refund_id`) or cash given back (`movement_id`); one credit note each."""
    db.execute("ALTER TABLE invoices ADD COLUMN refund_id INTEGER REFERENCES refunds(id)")
    db.execute("ALTER TABLE invoices ADD COLUMN movement_id INTEGER REFERENCES cash_movements(id)")
    db.execute("CREATE UNIQUE INDEX invoices_one_per_refund ON invoices(refund_id) WHERE refund_id IS NOT NULL")
    db.execute("CREATE UNIQUE INDEX invoices_one_per_cash_refund ON invoices(movement_id)"
               " WHERE movement_id IS NOT NULL")



def _migration_invoice_outbox(db: sqlite3.Connection) -> None:
    """The store outbox learns the ARCA invoices (issue 21): an invoice written, or changing state,
    sends its sale again, whose payload carries the sale's invoices (store/payloads.py); the sale,
    its tenders and payments are inserted once, so the replay only upserts the invoices."""
    for name, event, condition in (("outbox_invoice_new", "AFTER INSERT", "1"),
                                   ("outbox_invoice_state", "AFTER UPDATE OF status", "NEW.status <> OLD.status")):
        db.execute(f"CREATE TRIGGER {name} {event} ON invoices WHEN ({condition})"
                   " AND (SELECT value FROM meta WHERE key = 'outbox') = 'on'"
                   " BEGIN INSERT INTO outbox (kind, ref) VALUES ('sale', NEW.sale_id); END")

# Ordered: MIGRATIONS[n] takes a file from user_version n to n + 1. Append only.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_print_jobs,
    _migration_shift_register,
    _migration_parked,
    _migration_tender_cards,
    _migration_invoices,
    _migration_outbox,
    _migration_payment_approved,
    _migration_parked_discounts,
    _migration_credit_notes,
    _migration_invoice_outbox,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the file to `target`, one committed transaction per migration. Returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise JournalVersionError(
            f"The journal was written by a newer QR Cashier (schema {version}, this one knows {SCHEMA_VERSION}): "
            "update the app; the file was left untouched."
        )
    while version < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version += 1
    return version


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection with the journal's pragmas (WAL, synchronous=FULL, foreign keys)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    private_file(path)  # 0600 before SQLite writes a byte (its -wal/-shm copy the mode)
    db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


# --- conversions -----------------------------------------------------------------------------
