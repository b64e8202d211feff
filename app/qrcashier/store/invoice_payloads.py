"""The store's copy of a sale's ARCA invoices and credit notes (issue 21): upserts that ride on
the sale's outbox row (the journal's invoice triggers send the sale again whenever one of its
invoices is written or changes state: checkout/journal/schema.py, _migration_invoice_outbox).

Keyed by (register, the journal's invoice id); a row is updated while ARCA has not authorized it
(pending -> authorized: its number, CAE and due date), never after. Sent only to a store database
that has the `invoices` table (store init's "invoices" migration): an older one still gets the
sales, and the invoices follow with their next change once it is migrated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

INVOICE_UPSERT = (
    "INSERT INTO invoices (register, invoice_id, sale_code, kind, doc_type, point_of_sale, number, cae, cae_due,"
    " issued, total, net, vat, vat_lines, status, related_invoice_id)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (register, invoice_id) DO UPDATE SET number = EXCLUDED.number, cae = EXCLUDED.cae,"
    " cae_due = EXCLUDED.cae_due, status = EXCLUDED.status, updated_at = now()"
    " WHERE invoices.status <> 'authorized'"
)


def invoice_statements(db: sqlite3.Connection, register: str, sale_id: int,
                       sale_code: str) -> Iterator[tuple[str, tuple[Any, ...]]]:
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoices'").fetchone() is None:
        return
    for r in db.execute("SELECT * FROM invoices WHERE sale_id = ? ORDER BY id", (sale_id,)):
        amounts = json.loads(r["amounts"])
        yield INVOICE_UPSERT, (register, r["id"], sale_code, r["kind"], r["doc_type"], r["point_of_sale"], r["number"],
                               r["cae"], r["cae_due"], r["issued"], amounts["total"], amounts["net"], amounts["vat"],
                               json.dumps(amounts["vat_lines"]), r["status"], r["related_invoice_id"])
