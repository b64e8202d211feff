"""The store server's line in the status bar (issue 19): the real window with `--store` against a
throwaway PostgreSQL: "store: up to date" once a QR sale is in the store, "store server offline:
1 sale waiting" while the server is stopped (the register keeps selling), and back to up to date,
the sale once, when it is started again. Without `--store` there is no such line at all."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtWidgets import QLabel, QStatusBar

from qrcashier.store.roles import add_register, role_name
from qrcashier.store.schema import init_store
from qrcashier.store.sender import StoreStatus
from qrcashier.ui.store.status import StoreStatusBinder, status_sentence
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
        await pay_one(w)
        await wait_until(lambda: label.text() == "store: up to date" and _sales(cluster) == 1, 20,
                         "the sale in the store, the line up to date")
        assert label.isVisible()
        cluster.stop()  # (the test's own thread: the window is not what waits here)
        try:
            await pay_one(w)  # the register keeps selling
            await wait_until(lambda: label.text() == "store server offline: 1 sale waiting", 30,
                             "the status bar to say offline with 1 sale waiting")
            assert "password" not in label.toolTip() and "pw-ui-caja1" not in label.toolTip()
        finally:
            cluster.start()
        await wait_until(lambda: label.text() == "store: up to date", 60, "the line back to up to date")
        assert _sales(cluster) == 2
