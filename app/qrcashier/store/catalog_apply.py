"""The register's side of the store catalog: applying the store's changes to the local SQLite
catalog (catalog/store.py's file and tables), and remembering how far it got.

The follower has its OWN connection to the catalog file (WAL): while it writes, the cashier's
lookups and type-ahead on the app's connection read the last committed state and never wait for
it. Each batch of changes (rows with version > last_seen, in version order) is applied in ONE
local transaction together with the new `last_seen`, so the copy is always a prefix of the
store's history: a register killed mid-sync resumes where the last commit left it.

Applying a row: a deleted one is removed; a live one is inserted or updated by code (the local
code is case-insensitive like the store's), and its barcode is first taken from any other local
row that still holds it (that row changed in the store after last_seen, since the store never
lets two live products share a barcode, so its own change follows in this batch or a later
one). The FTS5 search index is kept in step row by row, as catalog/store.py does.

The first full copy from a store (or from a store whose catalog id changed) ends with a prune:
local products the store does not have (the demo catalog, an old local import) are removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qrcashier.catalog.store import Catalog, fold
from qrcashier.domain.money import Site

META_SCHEMA = "CREATE TABLE IF NOT EXISTS catalog_sync (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


@dataclass(frozen=True)
class Change:
    """One row of the store's catalog as the follower reads it (store/catalog_store.CHANGES_SQL)."""

    version: int
    code: str
    barcode: str | None
    name: str
    price: str  # the numeric's text: Decimal(price) is exact
    unit: str
    vat_rate: str | None
    deleted: bool

    @classmethod
    def from_row(cls, row: Sequence) -> Change:
        return cls(int(row[0]), row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]))


@dataclass(frozen=True)
class SyncState:
    catalog_id: str | None = None  # the store catalog this copy follows (None: none yet)
    last_seen: int = 0  # every change up to this version is in the local copy
    complete: bool = False  # the first full copy is in (local-only products pruned)


@dataclass(frozen=True)
class Applied:
    added: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def rows(self) -> int:
        return self.added + self.updated + self.deleted


class LocalCatalog:
    """The follower's connection to the register's catalog file."""

    def __init__(self, path: Path | str, site: Site) -> None:
        self.path = Path(path)
        self._conn = sqlite3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self.fts = Catalog(self._conn, site).fts  # the catalog's own schema (and FTS5 or not), created if new
        self._conn.execute(META_SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM products").fetchone()[0])

    def state(self) -> SyncState:
        meta = dict(self._conn.execute("SELECT key, value FROM catalog_sync").fetchall())
        return SyncState(meta.get("catalog_id"), int(meta.get("last_seen", "0")), meta.get("complete") == "1")

    def restart(self, catalog_id: str) -> None:
        """Follow `catalog_id` from the beginning (a new store, or one rebuilt from scratch)."""
        with self._transaction():
            self._set(catalog_id=catalog_id, last_seen="0", complete="0")

    def apply(self, catalog_id: str, changes: Sequence[Change]) -> Applied:
        """Apply one batch (in version order) and remember its last version, in one transaction."""
        if not changes:
            return Applied()
        added = updated = deleted = 0
        with self._transaction():
            for change in changes:
                row = self._conn.execute("SELECT id, name, code, barcode FROM products WHERE code = ?",
                                         (change.code,)).fetchone()
                if change.deleted:
                    if row is not None:
                        self._fts_delete(row)
                        self._conn.execute("DELETE FROM products WHERE id = ?", (row[0],))
                        deleted += 1
                    continue
                if change.barcode is not None:
                    self._take_barcode(change.barcode, None if row is None else row[0])
                values = (change.code, change.barcode, change.name, fold(change.name), change.price, change.unit,
                          change.vat_rate)
                if row is None:
                    rowid = self._conn.execute(
                        "INSERT INTO products (code, barcode, name, name_key, price, unit, vat_rate) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", values).lastrowid
                    added += 1
                else:
                    self._fts_delete(row)
                    rowid = row[0]
                    self._conn.execute(
                        "UPDATE products SET code = ?, barcode = ?, name = ?, name_key = ?, price = ?, unit = ?, "
                        "vat_rate = ? WHERE id = ?", (*values, rowid))
                    updated += 1
                self._fts_insert(rowid, change.name, change.code, change.barcode)
            self._set(catalog_id=catalog_id, last_seen=str(changes[-1].version))
        return Applied(added, updated, deleted)

    def prune(self, catalog_id: str, live_codes: Iterable[str]) -> int:
        """End the first full copy: remove the local products the store does not have."""
        with self._transaction():
            self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS store_codes (code TEXT PRIMARY KEY)")
            self._conn.execute("DELETE FROM store_codes")
            self._conn.executemany("INSERT OR IGNORE INTO store_codes VALUES (?)", ((c.lower(),) for c in live_codes))
            gone = self._conn.execute(
                "SELECT id, name, code, barcode FROM products WHERE lower(code) NOT IN (SELECT code FROM store_codes)"
            ).fetchall()
            for row in gone:
                self._fts_delete(row)
            self._conn.executemany("DELETE FROM products WHERE id = ?", ((row[0],) for row in gone))
            self._conn.execute("DELETE FROM store_codes")
            self._set(catalog_id=catalog_id, complete="1")
        return len(gone)

    # --- inside a transaction ---------------------------------------------------------------------

    def _transaction(self):
        conn = self._conn

        class _Tx:
            def __enter__(self) -> None:
                conn.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind, exc, tb) -> None:
                conn.execute("COMMIT" if kind is None else "ROLLBACK")

        return _Tx()

    def _set(self, **values: str) -> None:
        self._conn.executemany("INSERT INTO catalog_sync (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", values.items())

    def _take_barcode(self, barcode: str, keep_id: int | None) -> None:
        holder = self._conn.execute("SELECT id, name, code, barcode FROM products WHERE barcode = ? AND id IS NOT ?",
                                    (barcode, keep_id)).fetchone()
        if holder is None:
            return
        self._fts_delete(holder)
        self._conn.execute("UPDATE products SET barcode = NULL WHERE id = ?", (holder[0],))
        self._fts_insert(holder[0], holder[1], holder[2], None)

    def _fts_delete(self, row: Sequence) -> None:
        if self.fts:
            self._conn.execute("INSERT INTO products_fts (products_fts, rowid, name, code, barcode) "
                               "VALUES ('delete', ?, ?, ?, ?)", tuple(row))

    def _fts_insert(self, rowid: int, name: str, code: str, barcode: str | None) -> None:
        if self.fts:
            self._conn.execute("INSERT INTO products_fts (rowid, name, code, barcode) VALUES (?, ?, ?, ?)",
                               (rowid, name, code, barcode))
