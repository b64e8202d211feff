"""The store's one catalog: `qrcashier-admin catalog import --store`, registers' followers filling
their local copies, a price change and a delete reaching them within seconds, PostgreSQL stopped
with the local copy intact, the rights (read for every register, prices for the pricing group)."""

from __future__ import annotations

import time
from decimal import Decimal

import psycopg
import pytest

from qrcashier.admin import main as admin_main
from qrcashier.catalog import Catalog
from qrcashier.domain.money import site
from qrcashier.store.catalog_store import CatalogStoreError, set_price
from qrcashier.store.catalog_sync import CatalogFollower
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.roles import add_register, role_name
from qrcashier.store.schema import init_store
from qrcashier.store.sender import Backoff
from tests.support.waiting import wait_until_sync

MLA = site("MLA")
CSV = """codigo;codigo_barras;descripcion;precio;unidad;iva
YER1;7790387000016;Yerba Playadito 1 kg;4.250,00;un;21
CAF1;;Café La Virginia 500 g;3.100,50;un;10,5
LEC1;7791234567898;Leche La Serenísima 1 L;1.350,00;un;21
MAL1;7790387000016;Otro con el mismo código;10,00;un;21
"""


def register(cluster, dsn: str, name: str) -> StoreAddress:
    password = f"pw-{name}-{time.monotonic_ns()}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        add_register(conn, name, password)
    return StoreAddress(cluster.dsn(user=role_name(name)), password)


def admin(capsys, *argv: str) -> str:
    capsys.readouterr()
    code = admin_main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "productos.csv"
    path.write_bytes(CSV.encode("cp1252"))  # as a spreadsheet in Argentina saves it
    return path


@pytest.fixture
def follower_factory(tmp_path):
    started: list[tuple[CatalogFollower, Catalog]] = []

    def make(address: StoreAddress, name: str = "caja", **options) -> tuple[CatalogFollower, Catalog]:
        path = tmp_path / f"{name}-catalog.sqlite3"
        app = Catalog.open(path, MLA)  # the register's own catalog, as services.open_local opens it
        follower = CatalogFollower(address, path, MLA, backoff=Backoff(first=0.05, most=0.3), **options)
        follower.start()
        started.append((follower, app))
        return follower, app

    yield make
    for follower, app in started:
        follower.stop()
        app.close()


def test_import_reports_added_changed_unchanged_and_rejected_rows(store, csv_file, capsys):
    _, dsn = store
    out = admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    assert out.splitlines()[0] == "4 rows read: 3 added, 0 changed, 0 unchanged, 1 rejected."
    assert "line 5: barcode 7790387000016 repeats line 2" in out
    csv_file.write_text(CSV.replace("3.100,50", "3.300,00").replace("MAL1;7790387000016", "MAL1;"), encoding="utf-8")
    out = admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    assert out.splitlines()[0] == "4 rows read: 1 added, 1 changed, 2 unchanged, 0 rejected."
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT code, price, vat_rate, version FROM catalog_products ORDER BY version").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("YER1", Decimal("4250.00"), Decimal("21")), ("LEC1", Decimal("1350.00"), Decimal("21")),
        ("CAF1", Decimal("3300.00"), Decimal("10.5")), ("MAL1", Decimal("10.00"), Decimal("21"))]
    assert [r[3] for r in rows] == sorted({r[3] for r in rows})  # one version per change, increasing


def test_a_file_the_import_refuses_changes_nothing(store, tmp_path, capsys):
    _, dsn = store
    bad = tmp_path / "bad.csv"
    bad.write_text("nombre;precio\nYerba;10\n", encoding="utf-8")
    capsys.readouterr()
    assert admin_main(["catalog", "import", "--store", dsn, str(bad)]) == 2
    assert "the header has no code column" in capsys.readouterr().err


def test_a_follower_fills_an_empty_copy_then_follows_price_changes_and_deletes(store, csv_file, capsys,
                                                                                follower_factory):
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    follower, app = follower_factory(register(cluster, dsn, "CAJA1"))
    wait_until_sync(lambda: follower.status.complete, 20, "the first copy")
    assert app.count() == 3
    assert app.lookup("7790387000016").price == Decimal("4250.00")
    assert [p.code for p in app.search("cafe vir")] == ["CAF1"]
    assert follower.status.online and follower.status.mode == "listen"

    csv_file.write_text(CSV.replace("4.250,00", "4.600,00"), encoding="cp1252")
    changed_at = time.monotonic()
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    wait_until_sync(lambda: app.lookup("7790387000016").price == Decimal("4600.00"), 5, "the new price")
    assert time.monotonic() - changed_at < 5

    assert "1 products deleted" in admin(capsys, "catalog", "delete", "--store", dsn, "lec1")
    wait_until_sync(lambda: app.lookup("7791234567898") is None, 5, "the deleted product to disappear")
    assert app.search("leche") == [] and app.count() == 2


def test_polling_without_listen_also_reaches_the_register(store, csv_file, capsys, follower_factory):
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    follower, app = follower_factory(register(cluster, dsn, "CAJA1"), listen=False, poll_seconds=0.5)
    wait_until_sync(lambda: follower.status.complete, 20, "the first copy")
    assert follower.status.mode == "poll"
    admin(capsys, "catalog", "delete", "--store", dsn, "CAF1")
    wait_until_sync(lambda: app.by_code("CAF1") is None, 5, "the delete, by polling")


def test_an_offline_server_leaves_the_local_copy_intact(store, csv_file, capsys, follower_factory):
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    follower, app = follower_factory(register(cluster, dsn, "CAJA1"))
    wait_until_sync(lambda: follower.status.complete, 20, "the first copy")
    cluster.stop()
    try:
        wait_until_sync(lambda: follower.status.online is False, 20, "the follower to see the server gone")
        assert follower.status.text() == "store catalog offline: selling from the local copy (3 products)"
        assert app.count() == 3 and app.lookup("7790387000016").code == "YER1"
    finally:
        cluster.start()
    csv_file.write_text(CSV.replace("1.350,00", "1.400,00"), encoding="cp1252")
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    wait_until_sync(lambda: app.by_code("LEC1").price == Decimal("1400.00"), 20, "the change after the restart")
    assert follower.status.online is True


def test_registers_read_the_catalog_and_only_the_pricing_group_changes_prices(store, csv_file, capsys,
                                                                             follower_factory):
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    a, b = register(cluster, dsn, "CAJA1"), register(cluster, dsn, "CAJA2")
    follower, app = follower_factory(b, "caja2")
    wait_until_sync(lambda: follower.status.complete, 20, "CAJA2's first copy")
    with psycopg.connect(a.dsn, password=a.password, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM catalog_products").fetchone()[0] == 3
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE catalog_products SET price = 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            set_price(conn, "YER1", Decimal("1.00"), "Ana")
    assert "may change prices" in admin(capsys, "catalog", "allow-prices", "--store", dsn, "--register", "CAJA1")
    with psycopg.connect(a.dsn, password=a.password, autocommit=True) as conn:
        set_price(conn, "yer1", Decimal("4999.90"), "Ana (supervisora)")
        with pytest.raises(CatalogStoreError):
            set_price(conn, "NOPE", Decimal("1.00"), "Ana")
        with pytest.raises(CatalogStoreError):
            set_price(conn, "YER1", Decimal("-1"), "Ana")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE catalog_products SET name = 'x'")  # the function changes prices, nothing else
    wait_until_sync(lambda: app.by_code("YER1").price == Decimal("4999.90"), 5, "CAJA1's price on CAJA2")
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT code, old_price, new_price, register, actor FROM catalog_price_changes"
                            ).fetchall() == [("YER1", Decimal("4250.00"), Decimal("4999.90"), "CAJA1",
                                              "Ana (supervisora)")]
    admin(capsys, "catalog", "allow-prices", "--store", dsn, "--register", "CAJA1", "--revoke")
    with psycopg.connect(a.dsn, password=a.password, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            set_price(conn, "YER1", Decimal("1.00"), "Ana")


def test_a_store_rebuilt_from_scratch_is_copied_again(store, csv_file, capsys, follower_factory):
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    follower, app = follower_factory(register(cluster, dsn, "CAJA1"))
    wait_until_sync(lambda: follower.status.complete, 20, "the first copy")
    with psycopg.connect(dsn, autocommit=True) as conn, pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState):
        conn.execute("DELETE FROM catalog_products")  # rows are soft-deleted, never removed
    follower.stop()
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as conn:  # a new store database
        conn.execute("DROP DATABASE store WITH (FORCE)")
        conn.execute("CREATE DATABASE store")
    with psycopg.connect(dsn, autocommit=True) as conn:
        init_store(conn)
        conn.execute("INSERT INTO catalog_products (code, name, price) VALUES ('NEW1', 'Pan lactal', 2100)")
    again, _ = follower_factory(register(cluster, dsn, "CAJA1"), "caja")  # the same local file
    wait_until_sync(lambda: again.status.complete and app.count() == 1, 20, "the new copy")
    assert app.by_code("NEW1").price == Decimal("2100") and app.by_code("YER1") is None


def test_services_start_the_follower_with_a_store_and_not_without(store, csv_file, capsys, tmp_path, monkeypatch):
    import asyncio

    from qrcashier.services import Options, Services
    from qrcashier.store import dsn as store_dsn

    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    address = register(cluster, dsn, "CAJA1")
    alone = Services(Options(data_dir=tmp_path / "alone"))
    alone.start_catalog_follower()
    assert alone.catalog_follower is None  # a single register needs no server

    monkeypatch.setattr(store_dsn, "from_keyring", lambda text, backend: StoreAddress(text, address.password))
    options = Options(data_dir=tmp_path / "caja1")
    options.store_dsn = address.dsn  # the store helper's --store DSN (Options.store_dsn)
    services = Services(options)
    services.open_local()
    assert services.catalog.count() > 10  # the demo products, until the store's copy replaces them
    services.start_catalog_follower()
    try:
        wait_until_sync(lambda: services.catalog.count() == 3, 20, "the store's catalog in the app's catalog")
        assert services.catalog.lookup("7790387000016").name == "Yerba Playadito 1 kg"
        assert services.catalog_follower.status.complete
    finally:
        asyncio.run(services.stop_catalog_follower())
        services.catalog.close()
    assert services.catalog_follower is None


def test_versions_follow_commit_order_so_a_slow_writer_is_never_skipped(store, csv_file, capsys, follower_factory):
    """An import holds version N uncommitted while a register's price change waits for it: the
    change gets N+1 only after N commits, so a follower never moves past N before seeing it."""
    import threading

    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    a = register(cluster, dsn, "CAJA1")
    admin(capsys, "catalog", "allow-prices", "--store", dsn, "--register", "CAJA1")
    follower, app = follower_factory(register(cluster, dsn, "CAJA2"), "caja2")
    wait_until_sync(lambda: follower.status.complete, 20, "the first copy")
    slow = psycopg.connect(dsn)
    slow.execute("UPDATE catalog_products SET price = 1111 WHERE code = 'CAF1'")  # version N, not committed
    done = threading.Event()

    def supervisor_change() -> None:
        with psycopg.connect(a.dsn, password=a.password, autocommit=True) as conn:
            set_price(conn, "LEC1", Decimal("2222"), "Ana")
        done.set()

    worker = threading.Thread(target=supervisor_change)
    worker.start()
    try:
        with psycopg.connect(dsn, autocommit=True) as watch:
            wait_until_sync(lambda: watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock'",
                (role_name("CAJA1"),)).fetchone()[0] == 1, 10, "the price change to wait for the import")
        assert not done.is_set()
        before = follower.status.synced_at
        follower.wake()  # a catch-up now finds nothing committed past what it has
        wait_until_sync(lambda: follower.status.synced_at != before, 5, "a catch-up during the wait")
        assert app.by_code("LEC1").price == Decimal("1350.00") and app.by_code("CAF1").price == Decimal("3100.50")
    finally:
        slow.commit()
        slow.close()
        worker.join(10)
    assert done.is_set()
    wait_until_sync(lambda: app.by_code("LEC1").price == Decimal("2222"), 5, "the later change")
    assert app.by_code("CAF1").price == Decimal("1111")
    with psycopg.connect(dsn) as conn:
        caf, lec = (conn.execute("SELECT version FROM catalog_products WHERE code = %s", (c,)).fetchone()[0]
                    for c in ("CAF1", "LEC1"))
    assert caf < lec


def test_a_store_without_products_yet_leaves_the_registers_own_catalog(store, csv_file, capsys, follower_factory,
                                                                       tmp_path):
    cluster, dsn = store
    before = Catalog.open(tmp_path / "caja-catalog.sqlite3", MLA)  # the register had its own catalog
    before.load_demo_if_empty()
    demo = before.count()
    before.close()
    follower, app = follower_factory(register(cluster, dsn, "CAJA1"))
    wait_until_sync(lambda: follower.status.empty_store, 20, "the follower to find the store's catalog empty")
    assert app.count() == demo and demo > 10
    assert follower.status.text() == f"store catalog: none in the store yet, using this register's ({demo} products)"
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    wait_until_sync(lambda: follower.status.complete and app.count() == 3, 10, "the store's catalog to replace it")
    assert not follower.status.empty_store
