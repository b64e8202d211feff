"""The store server's line in the status bar (issue 19): the real window with `--store` against a
throwaway PostgreSQL: "store: up to date" once a QR sale is in the store, "store server offline:
1 sale waiting · catalog offline: selling from the local copy" while the server is stopped (the
register keeps selling from its catalog copy), and back to up to date, the sale once, when it is
started again. With a store the local CSV import is off (the button greyed with the reason, a
call says it) and the Supervisor menu has the store's price change and report. Without `--store`
there is no such line at all."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from qrcashier.store.catalog_sync import CatalogSyncStatus
from qrcashier.store.roles import add_register, role_name
from qrcashier.store.schema import init_store
from qrcashier.store.sender import StoreStatus
from qrcashier.ui.store.status import StoreStatusBinder, catalog_sentence, line, status_sentence
from tests.support.postgres import remove_cluster, start_cluster
from tests.ui.conftest import running_app, wait_until
from tests.ui.printing.test_queued_printing import pay_one


@pytest.fixture
def register_store(monkeypatch):
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            init_store(conn)
            add_register(conn, "CAJA1", "pw-ui-caja1")
        monkeypatch.setenv("PGPASSWORD", "pw-ui-caja1")  # libpq's own place (no keyring here)
        yield cluster, cluster.dsn(user=role_name("CAJA1"))
    finally:
        remove_cluster(cluster)


def _store_label(w) -> QLabel | None:
    return w.statusBar().findChild(QLabel, "storeStatus")


def _sales(cluster) -> int:
    with psycopg.connect(cluster.dsn()) as conn:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]


def test_the_sentences():
    assert status_sentence(None) == ""
    assert status_sentence(StoreStatus(online=False, sales_waiting=1)) == "store server offline: 1 sale waiting"
    assert status_sentence(StoreStatus(online=False, sales_waiting=3)) == "store server offline: 3 sales waiting"
    assert status_sentence(StoreStatus(online=True, sales_waiting=2)) == "store: sending 2 sales"
    assert status_sentence(StoreStatus(online=True)) == "store: up to date"
    assert status_sentence(StoreStatus()) == "store: connecting"


def test_the_catalog_copy_is_mentioned_only_when_it_is_behind():
    assert catalog_sentence(None) == "" and catalog_sentence(CatalogSyncStatus()) == ""
    assert catalog_sentence(CatalogSyncStatus(online=True, complete=True, products=9)) == ""
    assert catalog_sentence(CatalogSyncStatus(online=True, empty_store=True)) == ""  # its own catalog, by design
    assert catalog_sentence(CatalogSyncStatus(online=True, products=1200)) == "catalog: copying 1200 products"
    offline = CatalogSyncStatus(online=False, complete=True, products=9, error="OperationalError: refused")
    assert catalog_sentence(offline) == "catalog offline: selling from the local copy"
    assert line(StoreStatus(online=True), offline) == (
        "store: up to date · catalog offline: selling from the local copy", True)
    assert line(StoreStatus(online=True), CatalogSyncStatus(online=True, complete=True)) == ("store: up to date", False)


def test_without_a_store_nothing_is_added(qtbot):
    class Window:
        services = type("S", (), {"options": type("O", (), {"store_dsn": None})()})()

        def statusBar(self):  # noqa: N802
            raise AssertionError("no store: the status bar is not touched")

    binder = StoreStatusBinder(Window())
    assert binder.label is None and binder.timer is None
    bar = QStatusBar()
    qtbot.addWidget(bar)
    assert bar.findChild(QLabel, "storeStatus") is None


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_offline_then_back_the_status_bar_says_so_and_the_sale_arrives_once(
        qtbot, tmp_path, token, register_store):
    cluster, dsn = register_store
    async with running_app(qtbot, tmp_path, token, store_dsn=dsn) as w:
        label = _store_label(w)
        assert label is not None
        # the catalog comes from the store: no local CSV import, and the reason is said
        refused = ("This register's catalog comes from the store: import it with "
                   "qrcashier-admin catalog import --store")
        assert not w.import_button.isEnabled() and w.import_button.toolTip() == refused
        csv = tmp_path / "local.csv"
        csv.write_text("codigo;descripcion;precio\nLOC1;Local;10\n", encoding="utf-8")
        count = w.services.catalog.count()
        await w.catalog.import_catalog(str(csv))
        assert w.item_message.text() == refused and w.services.catalog.count() == count
        assert w.services.catalog.by_code("LOC1") is None
        entries = [a.objectName() for a in w.findChild(QMenu, "supervisor_menu").actions()]
        assert entries[-2:] == ["store_price", "store_report"]
        assert w.supervisor is None and w.store.open_price() is None  # no supervisor PIN: refused, said why
        assert w.item_message.text() == "A supervisor must authorize this: set a supervisor PIN first."
        await pay_one(w)
        await wait_until(lambda: label.text() == "store: up to date" and _sales(cluster) == 1, 20,
                         "the sale in the store, the line up to date")
        assert label.isVisible()
        cluster.stop()  # (the test's own thread: the window is not what waits here)
        try:
            await pay_one(w)  # the register keeps selling
            await wait_until(lambda: label.text() == "store server offline: 1 sale waiting · catalog offline: "
                             "selling from the local copy", 30, "the status bar to say offline with 1 sale waiting")
            assert "password" not in label.toolTip() and "pw-ui-caja1" not in label.toolTip()
        finally:
            cluster.start()
        await wait_until(lambda: label.text() == "store: up to date", 60, "the line up to date (the catalog too)")
        assert _sales(cluster) == 2
