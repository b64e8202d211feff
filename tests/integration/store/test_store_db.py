"""The store database: init twice, a register's role and row-level security, the outbox drained
exactly once, PostgreSQL stopped and started mid-day, a register killed with unsent rows."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import psycopg
import pytest

from qrcashier.store import outbox
from qrcashier.store.dsn import StoreAddress
from qrcashier.store.roles import add_register
from qrcashier.store.schema import MIGRATIONS, init_store, schema_version
from qrcashier.store.sender import Backoff, OutboxSender
from tests.integration.store.journal_day import cash_sale, open_day
from tests.support.waiting import wait_until_sync


def register_address(cluster, dsn: str, name: str) -> StoreAddress:
    password = f"pw-{name}-{time.monotonic_ns()}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        add_register(conn, name, password)
    from qrcashier.store.roles import role_name

    return StoreAddress(cluster.dsn(user=role_name(name)), password)


def drain(sender: OutboxSender) -> None:
    while sender.drain_once():
        pass


def count(dsn: str, sql: str) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql).fetchone()[0]


def test_init_twice_changes_nothing_the_second_time(store):
    _, dsn = store
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert init_store(conn) == []
        assert schema_version(conn) == len(MIGRATIONS)


def test_a_register_cannot_alter_another_registers_rows(store, tmp_path):
    cluster, dsn = store
    a = register_address(cluster, dsn, "CAJA1")
    b = register_address(cluster, dsn, "CAJA2")
    db = open_day(tmp_path / "journal.sqlite3", "CAJA1")
    sender = OutboxSender(db.path, a, "CAJA1")
    cash_sale(db, "CAJA1", "50.00")
    drain(sender)
    sender.stop()
    with psycopg.connect(b.dsn, password=b.password, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM sales WHERE register = 'CAJA1'").fetchone()[0] == 1  # reads all
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE sales SET total = 0 WHERE register = 'CAJA1'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM sales WHERE register = 'CAJA1'")
        # a shift is updatable, but only its own register's: CAJA1's is invisible to the update
        assert conn.execute("UPDATE shifts SET counted = 0 WHERE register = 'CAJA1'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # RLS: cannot write rows as CAJA1
            conn.execute("INSERT INTO sales (register, code, site, currency, total, created_at, paid_at)"
                         " VALUES ('CAJA1', 'x', 'MLA', 'ARS', 1, now(), now())")
    assert count(dsn, "SELECT total FROM sales WHERE register = 'CAJA1'") == Decimal("50.00")
    assert count(dsn, "SELECT count(*) FROM shifts WHERE counted IS NOT NULL") == 0
    db.close()


def test_outbox_off_without_a_store(tmp_path):
    db = open_day(tmp_path / "journal.sqlite3", "CAJA1")
    cash_sale(db, "CAJA1", "10.00")
    assert db.query("SELECT count(*) FROM outbox")[0][0] == 0
    db.close()


def test_stopped_mid_day_then_everything_arrives_once(store, tmp_path):
    cluster, dsn = store
    address = register_address(cluster, dsn, "CAJA1")
    db = open_day(tmp_path / "journal.sqlite3", "CAJA1")
    sender = OutboxSender(db.path, address, "CAJA1", backoff=Backoff(first=0.05, most=0.2))
    sender.start()
    cash_sale(db, "CAJA1", "10.00")
    sender.wake()
    wait_until_sync(lambda: count(dsn, "SELECT count(*) FROM sales") >= 1, 20, "the first sale in the store")
    cluster.stop()
    try:
        for amount in ("1.00", "2.00", "3.00"):
            cash_sale(db, "CAJA1", amount)  # the register keeps selling
        sender.wake()
        wait_until_sync(lambda: sender.status().online is False and sender.status().sales_waiting == 3, 20,
                        "the status to say offline with 3 sales waiting")
        assert sender.status().text() == "store server offline: 3 sales waiting"
    finally:
        cluster.start()
    wait_until_sync(lambda: not sender.status().waiting, 20, "the outbox to drain")
    sender.stop()
    assert count(dsn, "SELECT count(*) FROM sales") == 4
    assert count(dsn, "SELECT sum(total) FROM sales") == Decimal("16.00")
    assert count(dsn, "SELECT count(*) FROM tenders") == 4
    db.close()


def test_killed_register_with_unsent_rows_resends_them_once(store, tmp_path):
    cluster, dsn = store
    address = register_address(cluster, dsn, "CAJA1")
    journal = tmp_path / "journal.sqlite3"
    db = open_day(journal, "CAJA1")
    OutboxSender(db.path, address, "CAJA1").stop()  # the register joined the store earlier
    # A register process that sells, sends the batch to PostgreSQL, and is killed before it
    # marks the rows sent in its journal.
    script = textwrap.dedent(f"""
        import os
        from qrcashier.store import outbox
        from qrcashier.store.dsn import StoreAddress
        from qrcashier.store.sender import OutboxSender
        from tests.integration.store.journal_day import cash_sale, open_day
        db = open_day({str(journal)!r}, "CAJA1")
        for amount in ("5.00", "7.00"):
            cash_sale(db, "CAJA1", amount)
        sender = OutboxSender(db.path, StoreAddress({address.dsn!r}, {address.password!r}), "CAJA1")
        outbox.mark_sent = lambda *a: os.kill(os.getpid(), 9)
        sender.drain_once()
    """)
    proc = subprocess.run([sys.executable, "-c", script], timeout=120, capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    assert count(dsn, "SELECT count(*) FROM sales") == 2  # in the store, but not marked sent
    sender = OutboxSender(journal, address, "CAJA1")
    assert outbox.waiting(sender._db)[0] == 2
    drain(sender)
    assert sender.status().waiting == 0
    sender.stop()
    assert count(dsn, "SELECT count(*) FROM sales") == 2
    assert count(dsn, "SELECT count(*) FROM tenders") == 2
    db.close()
