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

The first full copy from a store (or from a store whose catalog id changed) is applied without
touching the search index and ends with a prune: local products the store does not have (the
demo catalog, an old local import) are removed and the index is rebuilt in one pass. Until then
barcode and code lookups already find the copied products; the type-ahead finds them at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qrcashier.catalog.store import Catalog, fold
from qrcashier.domain.money import Site

LOOKUP_CHUNK = 500  # values per IN (...) (SQLite allows 32,766 variables; small chunks plan well)
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
        self._indexing = self.fts
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

    def apply(self, catalog_id: str, changes: Sequence[Change], *, index: bool = True) -> Applied:
        """Apply one batch (in version order) and remember its last version, in one transaction.

        `index=False` (the first full copy) leaves the search index alone; `prune` rebuilds it in
        one pass at the end, several times faster than keeping it in step row by row."""
        if not changes:
            return Applied()
        added = updated = deleted = 0
        self._indexing = index and self.fts
        with self._transaction():
            # The local rows this batch touches, read once: by code, and by the barcodes it sets.
            # One list per local row (by id), so a row found both ways is the same object below.
            by_id = {r[0]: r for r in self._rows_where("code", [c.code for c in changes])}
            by_code = {r[2].lower(): r for r in by_id.values()}
            by_barcode = {r[3]: by_id.setdefault(r[0], r)
                          for r in self._rows_where("barcode", [c.barcode for c in changes if c.barcode])}
            for change in changes:
                key = change.code.lower()
                row = by_code.get(key)
                if change.deleted:
                    if row is not None:
                        self._fts_delete(row)
                        self._conn.execute("DELETE FROM products WHERE id = ?", (row[0],))
                        del by_code[key]
                        if row[3] is not None and by_barcode.get(row[3]) is row:
                            del by_barcode[row[3]]
                        deleted += 1
                    continue
                holder = by_barcode.get(change.barcode) if change.barcode is not None else None
                if holder is not None and holder is not row:  # a later change of `holder` follows
                    self._fts_delete(holder)
                    self._conn.execute("UPDATE products SET barcode = NULL WHERE id = ?", (holder[0],))
                    holder[3] = None
                    self._fts_insert(holder)
                values = (change.code, change.barcode, change.name, fold(change.name), change.price, change.unit,
                          change.vat_rate)
                if row is None:
                    rowid = self._conn.execute(
                        "INSERT INTO products (code, barcode, name, name_key, price, unit, vat_rate) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", values).lastrowid
                    row = by_code[key] = [rowid, change.name, change.code, change.barcode]
                    added += 1
                else:
                    self._fts_delete(row)
                    self._conn.execute(
                        "UPDATE products SET code = ?, barcode = ?, name = ?, name_key = ?, price = ?, unit = ?, "
                        "vat_rate = ? WHERE id = ?", (*values, row[0]))
                    if row[3] is not None and by_barcode.get(row[3]) is row:
                        del by_barcode[row[3]]
                    row[1:] = [change.name, change.code, change.barcode]
                    updated += 1
                if change.barcode is not None:
                    by_barcode[change.barcode] = row
                self._fts_insert(row)
            self._set(catalog_id=catalog_id, last_seen=str(changes[-1].version))
        return Applied(added, updated, deleted)

    def prune(self, catalog_id: str, live_codes: Iterable[str], *, rebuild_index: bool = False) -> int:
        """End the first full copy: remove the local products the store does not have (and,
        after batches applied with index=False, rebuild the search index)."""
        self._indexing = self.fts and not rebuild_index
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
            if rebuild_index and self.fts:
                self._conn.execute("INSERT INTO products_fts (products_fts) VALUES ('rebuild')")
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

    def _rows_where(self, column: str, values: list[str]) -> list[list]:
        """[id, name, code, barcode] of the rows whose `column` is one of `values` (code: any case)."""
        rows: list[list] = []
        for i in range(0, len(values), LOOKUP_CHUNK):
            chunk = values[i:i + LOOKUP_CHUNK]
            rows += [list(r) for r in self._conn.execute(
                f"SELECT id, name, code, barcode FROM products WHERE {column} IN ({','.join('?' * len(chunk))})",
                chunk)]
        return rows

    def _fts_delete(self, row: Sequence) -> None:
        if self._indexing:
            self._conn.execute("INSERT INTO products_fts (products_fts, rowid, name, code, barcode) "
                               "VALUES ('delete', ?, ?, ?, ?)", tuple(row))

    def _fts_insert(self, row: Sequence) -> None:
        if self._indexing:
            self._conn.execute("INSERT INTO products_fts (rowid, name, code, barcode) VALUES (?, ?, ?, ?)",
                               tuple(row))
