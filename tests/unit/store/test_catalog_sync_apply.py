"""The follower's local side: applying the store's catalog changes to the register's SQLite
catalog in one transaction per batch, the barcode handed over, deletes, the first-copy prune."""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal

import pytest

from qrcashier.catalog import Catalog, Product
from qrcashier.domain.money import site
from qrcashier.store.catalog_apply import Change, LocalCatalog, SyncState

MLA = site("MLA")
STORE = "c0ffee00-0000-4000-8000-000000000001"


def change(version: int, code: str, price: str = "100.00", *, name: str | None = None, barcode: str | None = None,
           deleted: bool = False, vat: str | None = None) -> Change:
    return Change(version, code, barcode, name or f"Producto {code}", price, "unit", vat, deleted)


@pytest.fixture
def files(tmp_path):
    path = tmp_path / "catalog.sqlite3"
    app = Catalog.open(path, MLA)  # the app's own connection: what the cashier's lookups use
    local = LocalCatalog(path, MLA)
    yield app, local
    local.close()
    app.close()
    check = sqlite3.connect(path)  # after every test: the search index matches the products, row for row
    check.execute("INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)")
    check.close()


def test_a_batch_fills_the_catalog_and_the_app_sees_it(files):
    app, local = files
    applied = local.apply(STORE, [change(1, "YER1", "2500.50", name="Yerba Playadito 1 kg", barcode="7790387000015"),
                                  change(2, "CAF1", "3100.00", name="Café La Virginia 500 g", vat="10.5")])
    assert (applied.added, applied.updated, applied.deleted) == (2, 0, 0)
    assert local.state() == SyncState(STORE, 2, False)
    found = app.lookup("7790387000015")
    assert found == Product("YER1", "Yerba Playadito 1 kg", Decimal("2500.50"), "unit", "7790387000015", None)
    assert [p.code for p in app.search("yer pla")] == ["YER1"]
    assert [p.code for p in app.search("cafe")] == ["CAF1"]
    assert app.by_code("caf1").vat_rate == Decimal("10.5")


def test_a_change_updates_the_row_and_its_search_entry(files):
    app, local = files
    local.apply(STORE, [change(1, "P1", "10.00", name="Leche Sancor 1 L")])
    applied = local.apply(STORE, [change(5, "p1", "12.50", name="Leche La Serenísima 1 L")])
    assert (applied.added, applied.updated) == (0, 1)
    assert app.count() == 1
    assert app.by_code("P1").price == Decimal("12.50")
    assert app.search("sancor") == []
    assert [p.name for p in app.search("leche seren")] == ["Leche La Serenísima 1 L"]
    assert local.state().last_seen == 5


def test_a_deleted_product_disappears_from_lookups_and_search(files):
    app, local = files
    local.apply(STORE, [change(1, "A", barcode="7790387000015", name="Alfajor Jorgito"), change(2, "B")])
    applied = local.apply(STORE, [change(3, "A", deleted=True), change(4, "ZZZ", deleted=True)])
    assert applied.deleted == 1  # a delete of a product this copy never had is a no-op
    assert app.lookup("7790387000015") is None
    assert app.search("alfajor") == []
    assert [p.code for p in app.search("producto")] == ["B"]


def test_a_barcode_moved_to_another_product_in_a_later_change_does_not_clash(files):
    """Store: A had X; A moved to Y (v3), B took X (v4), A renamed (v6). A batch that holds only
    v4 gives B the barcode X while A (changed later) still had it locally."""
    app, local = files
    x, y = "7790387000015", "7791234567895"
    local.apply(STORE, [change(1, "A", barcode=x, name="Aceite Natura"), change(2, "B", name="Arroz Gallo")])
    local.apply(STORE, [change(4, "B", barcode=x, name="Arroz Gallo")])
    assert app.lookup(x).code == "B"
    assert app.by_code("A").barcode is None
    local.apply(STORE, [change(6, "A", barcode=y, name="Aceite Natura 1,5 L")])
    assert app.lookup(y).code == "A" and app.lookup(x).code == "B"
    assert [p.code for p in app.search(x)] == ["B"]  # the search index moved the barcode too


def test_a_failed_batch_leaves_the_copy_and_last_seen_as_they_were(files):
    app, local = files
    local.apply(STORE, [change(1, "A", "1.00")])
    bad = Change(3, "B", None, "Pan", None, "unit", None, False)  # price NOT NULL: the local insert fails
    with pytest.raises(sqlite3.IntegrityError):
        local.apply(STORE, [change(2, "A", "9.00"), bad])
    assert app.by_code("A").price == Decimal("1.00")
    assert local.state().last_seen == 1


def test_the_first_full_copy_removes_local_only_products(files):
    app, local = files
    assert app.load_demo_if_empty() is not None and app.count() > 10
    local.restart(STORE)
    local.apply(STORE, [change(1, "S1", name="Del depósito"), change(2, "S2")])
    removed = local.prune(STORE, ["s1", "S2"])
    assert removed > 10
    assert sorted(p.code for p in app.search("del")) == ["S1"]
    assert app.count() == 2
    assert local.state() == SyncState(STORE, 2, True)


def test_restart_forgets_where_it_was(files):
    _, local = files
    local.apply(STORE, [change(7, "A")])
    local.prune(STORE, ["A"])
    local.restart("another-store")
    assert local.state() == SyncState("another-store", 0, False)


def test_without_fts_the_fallback_search_still_follows(tmp_path, monkeypatch):
    path = tmp_path / "catalog.sqlite3"
    local = LocalCatalog(path, MLA)
    local.fts = False  # as on an SQLite built without FTS5: only the folded name column is kept
    try:
        local.apply(STORE, [change(1, "A", name="Jabón Ala")])
        local.apply(STORE, [change(2, "A", name="Jabón Dove")])
    finally:
        local.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name_key FROM products").fetchall() == [("jabon dove",)]
    conn.close()


def test_the_first_copy_skips_the_search_index_and_the_prune_rebuilds_it(files):
    app, local = files
    app.load_demo_if_empty()
    local.restart(STORE)
    batch = [change(v, f"S{v}", name=f"Galletitas Bagley {v}", barcode=None) for v in range(1, 3001)]
    local.apply(STORE, batch[:1500], index=False)
    local.apply(STORE, batch[1500:], index=False)
    assert app.lookup("S2999").name == "Galletitas Bagley 2999"  # lookups work during the copy
    local.prune(STORE, [c.code for c in batch], rebuild_index=True)
    assert app.count() == 3000
    assert [p.code for p in app.search("galletitas bagley 2999")] == ["S2999"]
    assert app.search("yerba") == []  # the demo's products are gone, from the index too
    local.apply(STORE, [change(3001, "S1", name="Bizcochos Don Satur")])  # then row by row again
    assert [p.code for p in app.search("bizcochos")] == ["S1"]
    assert "S1" not in [p.code for p in app.search("galletitas bagley", limit=5000)]


def test_a_product_keeping_its_barcode_keeps_one_clean_search_entry(files):
    app, local = files
    x = "7790387000016"
    local.apply(STORE, [change(1, "A", "1.00", barcode=x, name="Aceite Natura")])
    local.apply(STORE, [change(2, "A", "2.00", barcode=x, name="Aceite Cocinero"),
                        change(3, "B", "3.00", name="Arroz Gallo")])
    assert app.lookup(x).price == Decimal("2.00")
    assert [p.code for p in app.search(x)] == ["A"]
    assert app.search("natura") == [] and [p.code for p in app.search("aceite coc")] == ["A"]


def test_the_cashiers_lookups_never_wait_for_a_batch_being_written(files):
    """WAL and two connections: while the follower's transaction is open, the app reads the last
    committed catalog at once (no lock between them, no 'database is locked')."""
    app, local = files
    local.apply(STORE, [change(1, "A", "1.00", barcode="7790387000016")])
    with local._transaction():  # the follower half-way through a batch
        local._conn.execute("UPDATE products SET price = '9.00' WHERE code = 'A'")
        started = time.perf_counter()
        assert app.lookup("7790387000016").price == Decimal("1.00")
        assert app.count() == 1
        assert time.perf_counter() - started < 0.5  # far below the 5 s a locked reader would wait
    assert app.lookup("7790387000016").price == Decimal("9.00")
