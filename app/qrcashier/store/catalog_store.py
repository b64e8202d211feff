"""The store's catalog, its writing side (the back office) and the queries followers read it with.

`import_csv_text` takes the same CSV as the register's own import (catalog/csv_import.py: the
same columns, separators, encodings, price and VAT rules, the same per-row rejections, and a
barcode that already belongs to another product is refused the same way) and upserts it in ONE
transaction: a row whose values did not change is not written, so it keeps its version and no
register downloads it again. `--delete-missing` soft-deletes the live products the file does not
name (refused if any row was rejected, so a bad file never empties the catalog). Plain psycopg
connections here: the admin CLI is synchronous; the follower (catalog_sync.py) is asynchronous.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qrcashier.catalog.csv_import import ImportReport, RejectedRow, parse_csv
from qrcashier.domain.money import Site
from qrcashier.store.catalog_schema import CATALOG_LOCK_KEY

# What a follower reads (a register's role may: SELECT on catalog_*).
HEAD_SQL = ("SELECT m.catalog_id::text, coalesce((SELECT max(version) FROM catalog_products), 0) "
            "FROM catalog_meta m")
CHANGES_SQL = ("SELECT version, code, barcode, name, price::text, unit, vat_rate::text, deleted_at IS NOT NULL "
               "FROM catalog_products WHERE version > %s ORDER BY version LIMIT %s")
LIVE_CODES_SQL = "SELECT code FROM catalog_products WHERE deleted_at IS NULL"

_UPSERT = """
INSERT INTO catalog_products (code, barcode, name, price, unit, vat_rate)
    SELECT code, barcode, name, price, unit, vat_rate FROM catalog_import
ON CONFLICT ((lower(code))) DO UPDATE SET
    code = EXCLUDED.code, barcode = EXCLUDED.barcode, name = EXCLUDED.name, price = EXCLUDED.price,
    unit = EXCLUDED.unit, vat_rate = EXCLUDED.vat_rate, deleted_at = NULL
WHERE (catalog_products.code, catalog_products.barcode, catalog_products.name, catalog_products.price,
       catalog_products.unit, catalog_products.vat_rate, catalog_products.deleted_at)
    IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.barcode, EXCLUDED.name, EXCLUDED.price,
                      EXCLUDED.unit, EXCLUDED.vat_rate, NULL::timestamptz)
RETURNING lower(code)
"""


class CatalogStoreError(Exception):
    """One sentence for the back office (an unknown product, a price below zero)."""


@dataclass
class StoreImportReport(ImportReport):
    unchanged: int = 0  # rows identical to the store's: not written, no register downloads them
    deleted: int = 0  # live products the file did not name (--delete-missing)

    def summary(self) -> str:
        if self.error:
            return f"Nothing imported: {self.error}"
        text = (f"{self.read} rows read: {self.added} added, {self.updated} changed, {self.unchanged} unchanged, "
                f"{len(self.rejected)} rejected")
        return text + (f", {self.deleted} deleted." if self.deleted else ".")


def _lock(conn: Any) -> None:
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (CATALOG_LOCK_KEY,))


def import_csv_text(conn: Any, text: str, site: Site, *, delete_missing: bool = False) -> StoreImportReport:
    """Import the CSV text into the store's catalog on `conn` (the owner's). One transaction."""
    parsed, parsed_report = parse_csv(text, site)
    report = StoreImportReport(read=parsed_report.read, rejected=list(parsed_report.rejected),
                               error=parsed_report.error)
    if not report.ok:
        return report
    with conn.transaction():
        _lock(conn)  # the owners read below stay true until this import commits
        live: dict[str, bool] = {}
        owners: dict[str, str] = {}
        for code, barcode, alive in conn.execute(
                "SELECT code, barcode, deleted_at IS NULL FROM catalog_products").fetchall():
            live[code.lower()] = alive
            if alive and barcode is not None:
                owners[barcode] = code
        rows = []
        for line, p in parsed:
            owner = owners.get(p.barcode) if p.barcode is not None else None
            if owner is not None and owner.lower() != p.code.lower():
                report.rejected.append(RejectedRow(line, f"barcode {p.barcode} already belongs to product {owner}",
                                                   p.code))
                continue
            rows.append((p.code, p.barcode, p.name, p.price, p.unit, p.vat_rate))
        report.rejected.sort(key=lambda r: r.line)
        if delete_missing and report.rejected:
            report.error = (f"{len(report.rejected)} rows were rejected, and --delete-missing needs a clean file "
                            "(nothing was changed)")
            return report
        conn.execute("CREATE TEMP TABLE catalog_import (code text, barcode text, name text, price numeric, "
                     "unit text, vat_rate numeric) ON COMMIT DROP")
        with conn.cursor() as cur, cur.copy(
                "COPY catalog_import (code, barcode, name, price, unit, vat_rate) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        written = {r[0] for r in conn.execute(_UPSERT).fetchall()}
        for code, *_ in rows:
            key = code.lower()  # codes are ASCII (csv_import.CODE_RE): Python's lower() is PostgreSQL's
            if key not in written:
                report.unchanged += 1
            elif live.get(key):
                report.updated += 1
            else:
                report.added += 1
        if delete_missing:
            report.deleted = conn.execute(
                "UPDATE catalog_products SET deleted_at = now() WHERE deleted_at IS NULL "
                "AND lower(code) NOT IN (SELECT lower(code) FROM catalog_import)").rowcount
    return report


def delete_products(conn: Any, codes: list[str]) -> tuple[int, list[str]]:
    """Soft-delete these products (case-insensitive codes). Returns (deleted, codes not found)."""
    with conn.transaction():
        _lock(conn)
        found = {r[0] for r in conn.execute(
            "UPDATE catalog_products SET deleted_at = now() WHERE deleted_at IS NULL AND lower(code) = ANY(%s) "
            "RETURNING lower(code)", ([c.lower() for c in codes],)).fetchall()}
    return len(found), [c for c in codes if c.lower() not in found]


def set_price(conn: Any, code: str, price: Decimal, actor: str) -> int:
    """A supervisor's price change from a register (its role in the pricing group). Returns the
    product's new version. Raises CatalogStoreError for an unknown product or a bad price, and
    psycopg's InsufficientPrivilege for a register that may not change prices."""
    import psycopg

    try:
        with conn.transaction():
            return int(conn.execute("SELECT catalog_set_price(%s, %s, %s)", (code, price, actor)).fetchone()[0])
    except (psycopg.errors.NoDataFound, psycopg.errors.InvalidParameterValue) as exc:
        raise CatalogStoreError(exc.diag.message_primary or str(exc)) from None


def live_count(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM catalog_products WHERE deleted_at IS NULL").fetchone()[0])
