"""The store's dialogs against a throwaway PostgreSQL (issue 19): the supervisor opens the store
report from the real window's Supervisor menu (PIN first) and sees every register and the store's
totals, and "the store server cannot be reached" once it is down, the window never waiting; a
supervisor's price change (PIN, then catalog_set_price) lands in the store and in this register's
copy, and a register without the pricing right is told which command allows it."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import psycopg
import pytest

from qrcashier.catalog import Catalog
from qrcashier.domain.money import site
from qrcashier.store.access import StoreAccess
from qrcashier.store.catalog_store import import_csv_text
from qrcashier.store.catalog_sync import CatalogFollower
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.roles import add_register, allow_price_changes, role_name
from qrcashier.store.schema import init_store
from qrcashier.store.sender import OutboxSender
from qrcashier.ui.store.price_dialog import StorePriceDialog
from qrcashier.ui.store.report_dialog import StoreReportDialog
from qrcashier.ui.supervisor.pin import SupervisorGate
from qrcashier.ui.supervisor.widgets import money
from tests.integration.store.journal_day import cash_sale, open_day
from tests.support.postgres import remove_cluster, start_cluster
from tests.ui.conftest import running_app, wait_until
from tests.ui.printing.test_queued_printing import pay_one
from tests.ui.setup.helpers import isolated_qsettings, settings  # noqa: F401
from tests.ui.store.test_store_status import register_store  # noqa: F401
from tests.ui.supervisor.rig import Clock, encoded_pin, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
MLA = site("MLA")
CSV = "codigo;codigo_barras;descripcion;precio\nYER1;7790387000016;Yerba Playadito 1 kg;4.250,00\n"


@pytest.fixture
def gate(settings) -> SupervisorGate:  # noqa: F811
    settings.pin_hash = encoded_pin()
    return SupervisorGate(settings, clock=Clock())


@pytest.fixture
def cluster():
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            init_store(conn)
            import_csv_text(conn, CSV, MLA)
        yield cluster
    finally:
        remove_cluster(cluster)


def _access(cluster, name: str, *, prices: bool = False) -> StoreAccess:
    password = f"pw-{name}-{time.monotonic_ns()}"
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        add_register(conn, name, password)
        if prices:
            allow_price_changes(conn, name)
    access = StoreAccess(cluster.dsn(user=role_name(name)), name)
    access._address = StoreAddress(access.dsn, password)  # what the keyring would give
    return access


def _prices(cluster) -> Decimal:
    with psycopg.connect(cluster.dsn()) as conn:
        return conn.execute("SELECT price FROM catalog_products WHERE code = 'YER1'").fetchone()[0]


async def test_the_supervisor_sees_the_store_report_and_a_store_that_is_down(
        qtbot, tmp_path, token, register_store, gate):  # noqa: F811
    cluster, dsn = register_store
    other = _access(cluster, "CAJA2")  # a second register with its own day, sent by its own sender
    db = open_day(tmp_path / "caja2.sqlite3", "CAJA2")
    cash_sale(db, "CAJA2", "5.50")
    sender = OutboxSender(db.path, other.address(), "CAJA2")
    while sender.drain_once():
        pass
    sender.stop()
    db.close()
    async with running_app(qtbot, tmp_path / "caja1", token, store_dsn=dsn) as w:
        await pay_one(w)
        total = w.last_receipt.total
        assert await w.services.wait_store_sent(20)
        w.supervisor = SimpleNamespace(gate=gate, close=lambda: None)  # the PIN the app's settings hold
        menu_entry = w.store.report_action
        menu_entry.trigger()
        await enter_pin(qtbot, gate)
        await wait_until(lambda: w.store.dialog is not None and w.store.dialog.state == "shown", 20,
                         "the store report")
        dialog = w.store.dialog
        assert isinstance(dialog, StoreReportDialog) and dialog.isVisible()
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        assert headers == ["Register", "Sales", "Cash", "QR", "Refunds", "Cash difference (Z)", "Not reconciled"]
        rows = [[dialog.cell(r, c) for c in range(4)] for r in range(dialog.table.rowCount())]
        assert rows == [["CAJA1", "1", money(Decimal(0), MLA), money(total, MLA)],
                        ["CAJA2", "1", money(Decimal("5.50"), MLA), money(Decimal(0), MLA)],
                        ["Store", "2", money(Decimal("5.50"), MLA), money(total, MLA)]]
        today = datetime.now().astimezone().date()
        assert dialog.report == await w.services.store_access.report(today)  # the admin command's code
        assert dialog.line.text() == f"{today.isoformat()}: 2 sales in the store, 2 registers."

        cluster.stop()
        try:
            await asyncio.wait_for(dialog.refresh(), 20)  # (on a worker thread: the loop runs meanwhile)
            assert dialog.state == "down" and dialog.table.rowCount() == 0
            assert dialog.line.text().startswith("The store server cannot be reached, so there is no store report")
            assert "pw-" not in dialog.line.text()
        finally:
            cluster.start()
        await dialog.refresh()
        assert dialog.state == "shown" and dialog.table.rowCount() == 3


async def test_a_price_change_behind_the_pin_reaches_the_store_and_this_registers_copy(
        qtbot, tmp_path, cluster, gate):
    caja1, caja2 = _access(cluster, "CAJA1", prices=True), _access(cluster, "CAJA2")
    path = tmp_path / "catalog.sqlite3"
    catalog = Catalog.open(path, MLA)
    follower = CatalogFollower(caja1.address(), path, MLA)
    follower.start()
    try:
        await wait_until(lambda: catalog.by_code("YER1") is not None, 20, "the store's catalog copied")
        dialog = StorePriceDialog(caja1, catalog, gate, MLA, on_changed=follower.wake)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.code, "7790387000016")
        assert dialog.found.text() == f"Yerba Playadito 1 kg (YER1), now {money(Decimal('4250'), MLA)}"
        dialog.price.setText("4.999,90")
        changing = dialog.confirm()
        await enter_pin(qtbot, gate, name="Marta")
        assert await changing is True
        assert _prices(cluster) == Decimal("4999.90")
        assert dialog.line.text().startswith("The price of Yerba Playadito 1 kg is now ")
        await wait_until(lambda: catalog.by_code("YER1").price == Decimal("4999.90"), 5, "this register's copy")

        dialog.price.setText("abc")
        assert await dialog.confirm() is False and dialog.line.text().startswith("The new price cannot be read")
        assert gate.prompt is None  # a price that cannot be read never asks the PIN

        refused = StorePriceDialog(caja2, catalog, gate, MLA)
        qtbot.addWidget(refused)
        refused.show()
        refused.code.setText("YER1")
        refused.price.setText("1,00")
        changing = refused.confirm()
        await enter_pin(qtbot, gate, name="Marta")
        assert await changing is False
        assert refused.line.text() == ("This register may not change prices in the store. The store's owner allows "
                                       "it with: qrcashier-admin catalog allow-prices --register CAJA2")
        assert _prices(cluster) == Decimal("4999.90")
    finally:
        await asyncio.to_thread(follower.stop)
        catalog.close()


async def test_a_store_that_never_answers_shows_asking_then_down_while_the_window_runs(qtbot):
    import socket

    with socket.socket() as silent:  # accepts TCP connections and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        access = StoreAccess(f"host=127.0.0.1 port={silent.getsockname()[1]} dbname=store user=qrc_caja1", "CAJA1")
        dialog = StoreReportDialog(access, MLA, timeout=1.0)
        qtbot.addWidget(dialog)
        dialog.show()
        started = time.monotonic()
        task = dialog.refresh()
        await wait_until(lambda: dialog.line.text() == "Asking the store server…", 5, "the asking line")
        await task
        assert time.monotonic() - started < 3
        assert dialog.state == "down" and "TimeoutError" in dialog.line.text()
