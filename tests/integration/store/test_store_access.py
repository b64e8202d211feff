"""The register's one way to the store (store/access.py) against a throwaway PostgreSQL: a
supervisor's price change from CAJA1 reaches the two other registers' followers within
seconds; a register without the pricing right, an unknown product and a store that is down
each give their own error; the store report is the admin command's, to the byte; and Services
hands the sender and the follower the same address (the password read once)."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime
from decimal import Decimal

import psycopg
import pytest

from qrcashier.admin import main as admin_main
from qrcashier.store.access import PricesNotAllowed, StoreAccess, StoreUnreachable
from qrcashier.store.catalog_store import CatalogStoreError
from qrcashier.store.dsn import KEYRING_SERVICE, key
from qrcashier.store.roles import add_register, allow_price_changes, role_name
from qrcashier.store.sender import OutboxSender
from tests.integration.store.journal_day import cash_sale, open_day
from tests.integration.store.test_catalog_sync import admin, csv_file, follower_factory  # noqa: F401
from tests.support.waiting import wait_until_sync


class Keyring:
    """A keyring backend holding the registers' store passwords (what `--save-password` writes)."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}
        self.reads = 0

    def get_password(self, service: str, account: str) -> str | None:
        self.reads += 1
        return self.saved.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.saved[(service, account)] = password


def _register(cluster, dsn: str, name: str, keyring: Keyring) -> StoreAccess:
    password = f"pw-{name}-{time.monotonic_ns()}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        add_register(conn, name, password)
    register_dsn = cluster.dsn(user=role_name(name))
    keyring.set_password(KEYRING_SERVICE, key(register_dsn), password)
    return StoreAccess(register_dsn, name, keyring=lambda: keyring)


def test_a_supervisors_price_change_reaches_the_other_registers(store, csv_file, capsys,  # noqa: F811
                                                                follower_factory):  # noqa: F811
    cluster, dsn = store
    admin(capsys, "catalog", "import", "--store", dsn, str(csv_file))
    keyring = Keyring()
    caja1, caja2, caja3 = (_register(cluster, dsn, n, keyring) for n in ("CAJA1", "CAJA2", "CAJA3"))
    with psycopg.connect(dsn, autocommit=True) as conn:
        allow_price_changes(conn, "CAJA1")
    followers = [follower_factory(access.address(), access.register.lower()) for access in (caja2, caja3)]
    for follower, _app in followers:
        wait_until_sync(lambda f=follower: f.status.complete, 20, "a register's first copy")

    changed_at = time.monotonic()
    version = asyncio.run(caja1.set_price("yer1", Decimal("4999.90"), "Marta"))
    for _follower, app in followers:
        wait_until_sync(lambda a=app: a.by_code("YER1").price == Decimal("4999.90"), 5, "the new price")
    assert time.monotonic() - changed_at < 5
    assert all(f.status.last_seen >= version for f, _ in followers)
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT code, old_price, new_price, register, actor FROM catalog_price_changes"
                            ).fetchall() == [("YER1", Decimal("4250.00"), Decimal("4999.90"), "CAJA1", "Marta")]

    with pytest.raises(PricesNotAllowed):  # CAJA2's role is not in qrcashier_pricing
        asyncio.run(caja2.set_price("YER1", Decimal("1.00"), "Marta"))
    with pytest.raises(CatalogStoreError, match="no product NOPE"):
        asyncio.run(caja1.set_price("NOPE", Decimal("1.00"), "Marta"))
    assert followers[0][1].by_code("YER1").price == Decimal("4999.90")  # nothing else changed


def test_a_store_that_is_down_is_one_sentence_without_the_password(store):
    cluster, dsn = store
    keyring = Keyring()
    access = _register(cluster, dsn, "CAJA1", keyring)
    password = access.address().password
    cluster.stop()
    try:
        started = time.monotonic()
        with pytest.raises(StoreUnreachable) as report_error:
            asyncio.run(access.report(datetime.now().date()))
        with pytest.raises(StoreUnreachable):
            asyncio.run(access.set_price("YER1", Decimal("1.00"), "Marta"))
        assert time.monotonic() - started < 15  # the connect timeout, not a hang
    finally:
        cluster.start()
    assert str(report_error.value).startswith("OperationalError") and password not in str(report_error.value)
    assert keyring.reads == 1  # the password is read once, then the same address serves every call


def test_the_report_in_the_app_is_the_admin_commands(store, tmp_path, capsys):
    cluster, dsn = store
    keyring = Keyring()
    for name, amounts in (("CAJA1", ("10.00", "20.00")), ("CAJA2", ("5.50",))):
        access = _register(cluster, dsn, name, keyring)
        db = open_day(tmp_path / f"{name}.sqlite3", name)
        for amount in amounts:
            cash_sale(db, name, amount)
        sender = OutboxSender(db.path, access.address(), name)
        while sender.drain_once():
            pass
        sender.stop()
        db.close()
    day = datetime.now().astimezone().date()
    report = asyncio.run(access.report(day))  # as CAJA2 (every register may read the store's day)
    capsys.readouterr()
    assert admin_main(["store", "report", "--store", dsn, "--date", day.isoformat()]) == 0
    assert report == json.loads(capsys.readouterr().out)
    assert [r["sales"] for r in report["registers"]] == [2, 1] and report["store"]["totals"]["cash"] == "35.50"


def test_services_give_the_sender_and_the_follower_one_address(store, tmp_path):
    from qrcashier.services import Options, Services
    from qrcashier.store.link import StoreLink

    cluster, dsn = store
    keyring = Keyring()
    access = _register(cluster, dsn, "CAJA1", keyring)
    options = Options(data_dir=tmp_path / "caja1")
    options.store_dsn = access.dsn
    services = Services(options)
    services.tokens = type("Tokens", (), {"choice": type("Choice", (), {"backend": keyring})()})()  # the app's
    services.open_local()
    try:
        services.start_catalog_follower()
        wait_until_sync(lambda: services.catalog_status().online is True, 20, "the follower online")
        link = StoreLink(options.store_dsn, "CAJA1", tmp_path / "journal.sqlite3",
                         address=services.store_access.address)
        assert link._address() is services.catalog_follower.address  # the very same StoreAddress
        assert services.catalog_follower.address.password == access.address().password
        assert keyring.reads == 2  # once for `access` above, once for the services' own
    finally:
        asyncio.run(services.stop_catalog_follower())
        services.catalog.close()


def test_a_store_that_never_answers_times_out():
    import socket

    with socket.socket() as silent:  # accepts TCP connections and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        access = StoreAccess(f"host=127.0.0.1 port={silent.getsockname()[1]} dbname=store user=qrc_caja1", "CAJA1")

        async def ask() -> float:
            started = time.monotonic()
            with pytest.raises(StoreUnreachable, match="did not answer within 2 s"):
                await access.report(datetime.now().date(), timeout=1.5)
            return time.monotonic() - started

        assert asyncio.run(ask()) < 2.5


def test_a_follower_whose_start_ends_after_the_stop_is_stopped(store, tmp_path):
    import threading

    from qrcashier.domain.money import site

    cluster, dsn = store
    keyring = Keyring()
    access = _register(cluster, dsn, "CAJA1", keyring)
    access._address = None  # the keyring not read yet
    answer = threading.Event()
    slow = access._keyring
    access._keyring = lambda: (answer.wait(10), slow())[1]  # a keyring that answers late
    started: list = []
    starting = threading.Thread(target=lambda: started.append(access.start_follower(tmp_path / "c.sqlite3",
                                                                                    site("MLA"))))
    starting.start()
    access.stop_follower()  # the app closes first
    answer.set()
    starting.join(15)
    assert started == [None]
    assert not [t for t in threading.enumerate() if t.name == "qrcashier-store-catalog"]
