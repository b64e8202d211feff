"""The catalog in SQLite: products by code and barcode, and a type-ahead name search.

Lookups by barcode or code go through unique indexes (well under a millisecond
with 100,000 products). The name search uses an FTS5 index with prefix
matching, accents and case folded ("cafe" finds "Café", "yer pla" finds
"Yerba Playadito"); where SQLite was built without FTS5 it falls back to a
LIKE scan on a folded copy of the name.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from qrcashier.catalog.barcodes import valid_gtin
from qrcashier.domain.money import Site
from qrcashier.paths import private_file

if TYPE_CHECKING:  # the CSV import loads when a catalog is imported, not for the first paint
    from qrcashier.catalog.csv_import import ImportReport


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    price: Decimal
    unit: str = "unit"
    barcode: str | None = None
    vat_rate: Decimal | None = None  # None: the site's default rate (domain.vat)


SCHEMA = """
CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    barcode TEXT UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    price TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT 'unit'
);
"""
FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5(
    name, code, barcode,
    content='products', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
"""
FALLBACK_SCHEMA = "CREATE INDEX IF NOT EXISTS products_name_key ON products(name_key);"
COLUMNS = "code, name, price, unit, barcode, vat_rate"
BULK_ROWS = 2000
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase without accents, for matching what a cashier types."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def demo_catalog_path() -> Path:
    """The demo catalog CSV shipped with the package (Argentine kiosk and grocery, ARS)."""
    return Path(str(resources.files(__package__).joinpath("demo_catalog.csv")))


def _rate(p: Product) -> str | None:
    return None if p.vat_rate is None else str(p.vat_rate)


def _row(r: tuple) -> Product:
    return Product(code=r[0], name=r[1], price=Decimal(r[2]), unit=r[3], barcode=r[4],
                   vat_rate=None if r[5] is None else Decimal(r[5]))


class Catalog:
    """One SQLite catalog. Cheap calls (lookups, search) are fine on the UI thread."""

    def __init__(self, conn: sqlite3.Connection, site: Site) -> None:
        self._conn = conn
        self.site = site
        self._lock = threading.Lock()
        with conn:
            conn.executescript(SCHEMA)
            if "vat_rate" not in {r[1] for r in conn.execute("PRAGMA table_info(products)")}:
                conn.execute("ALTER TABLE products ADD COLUMN vat_rate TEXT")  # issue 17: VAT per product
            try:
                conn.executescript(FTS_SCHEMA)
                self.fts = True
            except sqlite3.OperationalError:  # SQLite built without FTS5
                conn.executescript(FALLBACK_SCHEMA)
                self.fts = False

    @classmethod
    def open(cls, path: str | Path, site: Site) -> Catalog:
        if str(path) != ":memory:":
            private_file(Path(path))  # 0600 before SQLite writes a byte (its -wal/-shm copy the mode)
        conn = sqlite3.connect(str(path), check_same_thread=False)
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return cls(conn, site)

    def close(self) -> None:
        self._conn.close()

    # --- reading -------------------------------------------------------------------------------

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM products").fetchone()[0]

    def by_barcode(self, barcode: str) -> Product | None:
        with self._lock:
            r = self._conn.execute(f"SELECT {COLUMNS} FROM products WHERE barcode = ?", (barcode,)).fetchone()
        return _row(r) if r else None

    def by_code(self, code: str) -> Product | None:
        with self._lock:
            r = self._conn.execute(f"SELECT {COLUMNS} FROM products WHERE code = ?", (code,)).fetchone()
        return _row(r) if r else None

    def lookup(self, text: str) -> Product | None:
        """What the item field does with a scan or a typed code: barcode first, then code."""
        text = text.strip()
        if not text:
            return None
        if text.isdigit():
            found = self.by_barcode(text)
            if found is not None:
                return found
            # Scanners configured for UPC-A send 12 digits for a 13-digit EAN starting with 0.
            if len(text) == 12 and valid_gtin("0" + text):
                found = self.by_barcode("0" + text)
                if found is not None:
                    return found
        return self.by_code(text)

    def search(self, query: str, limit: int = 20) -> list[Product]:
        """Products whose name (or code, or barcode) has words starting with every typed word."""
        tokens = TOKEN_RE.findall(fold(query))
        if not tokens:
            return []
        with self._lock:
            if self.fts:
                match = " ".join('"' + t.replace('"', "") + '"*' for t in tokens)
                rows = self._conn.execute(
                    f"SELECT {COLUMNS} FROM products WHERE id IN "
                    "(SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ?) ORDER BY name",
                    (match, limit),
                ).fetchall()
            else:
                where = " AND ".join("(name_key LIKE ? OR name_key LIKE ?)" for _ in tokens)
                args: list[object] = []
                for t in tokens:
                    args += [f"{t}%", f"% {t}%"]
                rows = self._conn.execute(
                    f"SELECT {COLUMNS} FROM products WHERE {where} ORDER BY name LIMIT ?", (*args, limit)
                ).fetchall()
        return [_row(r) for r in rows]

    # --- writing -------------------------------------------------------------------------------

    def upsert(self, products: list[Product]) -> tuple[int, int]:
        """Insert or replace by code (case-insensitive). Returns (added, updated).

        The search index is kept in step row by row for small batches and rebuilt
        in one pass for large ones (a 100,000-row import), which is ten times faster
        than row triggers.
        """
        with self._lock, self._conn:
            conn = self._conn
            existing = {row[0].casefold(): row[1] for row in conn.execute("SELECT code, id FROM products")}
            inserts, updates = [], []
            for p in products:
                if p.code.casefold() in existing:
                    updates.append((p.name, fold(p.name), str(p.price), p.unit, p.barcode, _rate(p), p.code))
                else:
                    existing[p.code.casefold()] = None
                    inserts.append((p.code, p.barcode, p.name, fold(p.name), str(p.price), p.unit, _rate(p)))
            bulk = len(products) > BULK_ROWS
            touched = [existing[u[6].casefold()] for u in updates]
            if self.fts and not bulk and touched:
                self._fts_delete(touched)
            if updates:
                # Clear the barcodes being moved first, so a swap between two rows is not a UNIQUE clash.
                conn.executemany(
                    "UPDATE products SET barcode=NULL WHERE code=? AND barcode IS NOT ?",
                    [(u[6], u[4]) for u in updates],
                )
                conn.executemany(
                    "UPDATE products SET name=?, name_key=?, price=?, unit=?, barcode=?, vat_rate=? WHERE code=?",
                    updates,
                )
            new_ids: list[int] = []
            for row in inserts:
                new_ids.append(
                    conn.execute(
                        "INSERT INTO products(code, barcode, name, name_key, price, unit, vat_rate)"
                        " VALUES (?,?,?,?,?,?,?)",
                        row,
                    ).lastrowid
                )
            if self.fts:
                if bulk:
                    conn.execute("INSERT INTO products_fts(products_fts) VALUES ('rebuild')")
                else:
                    self._fts_insert(touched + new_ids)
        return len(inserts), len(updates)

    def _fts_delete(self, ids: list[int]) -> None:
        for rowid, name, code, barcode in self._rows_for_fts(ids):
            self._conn.execute(
                "INSERT INTO products_fts(products_fts, rowid, name, code, barcode) VALUES ('delete', ?, ?, ?, ?)",
                (rowid, name, code, barcode),
            )

    def _fts_insert(self, ids: list[int]) -> None:
        self._conn.executemany(
            "INSERT INTO products_fts(rowid, name, code, barcode) VALUES (?, ?, ?, ?)", self._rows_for_fts(ids)
        )

    def _rows_for_fts(self, ids: list[int]) -> list[tuple]:
        rows = []
        for rowid in ids:
            rows += self._conn.execute("SELECT id, name, code, barcode FROM products WHERE id = ?", (rowid,)).fetchall()
        return rows

    def import_csv_text(self, text: str) -> ImportReport:
        from qrcashier.catalog.csv_import import RejectedRow, parse_csv

        parsed, report = parse_csv(text, self.site)
        if not report.ok:
            return report
        accepted: list[Product] = []
        with self._lock:
            owners = {
                barcode: code
                for barcode, code in self._conn.execute("SELECT barcode, code FROM products WHERE barcode IS NOT NULL")
            }
        for line, p in parsed:
            owner = owners.get(p.barcode) if p.barcode is not None else None
            if owner is not None and owner.casefold() != p.code.casefold():
                report.rejected.append(
                    RejectedRow(line, f"barcode {p.barcode} already belongs to product {owner}", p.code)
                )
                continue
            accepted.append(Product(p.code, p.name, p.price, p.unit, p.barcode, p.vat_rate))
        report.rejected.sort(key=lambda r: r.line)
        report.added, report.updated = self.upsert(accepted)
        return report

    def import_csv(self, path: str | Path) -> ImportReport:
        from qrcashier.catalog.csv_import import ImportReport, decode

        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            report = ImportReport()
            report.error = f"the file cannot be read ({exc.strerror or exc})"
            return report
        return self.import_csv_text(decode(data))

    def load_demo_if_empty(self) -> ImportReport | None:
        if self.count():
            return None
        from qrcashier.catalog.csv_import import decode

        text = decode(demo_catalog_path().read_bytes())
        if self.site.id != "MLA":  # the demo's VAT column holds Argentine rates: elsewhere, the site's default
            text = "\n".join(line.rsplit(",", 1)[0] for line in text.splitlines())
        return self.import_csv_text(text)
