"""Issue 19's Done-when, with real processes: one standalone `qrcashier-sandbox`, one throwaway
PostgreSQL and three `qrcashier --self-test --sandbox-url URL --register R --store DSN` at the
same time, each with its own role from `qrcashier-admin store add-register`; then
`qrcashier-admin store report` shows the three sales. Also: PostgreSQL stopped while a register
sells and started again, and a register killed with an unsent sale and restarted: every sale
arrives once.

The registers' passwords come through libpq's own PGPASSWORD (the keyring has no Secret Service
here); the DSN given to `--store` never carries one."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from qrcashier.store.roles import role_name
from tests.support.sandbox_process import standalone_sandbox

PASS = re.compile(r"^self-test PASS in .* s: sale (\d{5})-(\d{8}) paid (.+), payment (\d+), register (\w+) .*"
                  r"in the store database (.+)$")
pytestmark = pytest.mark.asyncio


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    await asyncio.wait_for(proc.communicate(), timeout=30)


async def _admin(*args: str, stdin: str | None = None) -> str:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.admin", "store", *args, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(stdin.encode() if stdin else None), timeout=60)
    assert proc.returncode == 0, (out + err).decode()
    return out.decode()


async def _add_register(dsn: str, name: str) -> tuple[str, str]:
    """`store add-register` as the store's owner: the register's DSN and password."""
    password = f"pw-{name.lower()}-{os.getpid()}"
    out = await _admin("add-register", "--store", dsn, "--register", name, "--password-stdin", stdin=password + "\n")
    register_dsn = re.search(r"^register DSN: (.+)$", out, re.M).group(1)
    assert f"user={role_name(name)}" in register_dsn and "password" not in register_dsn
    return register_dsn, password


def _self_test_args(url: str, register: str, data_dir: Path, register_dsn: str) -> list[str]:
    return [sys.executable, "-m", "qrcashier.cli", "--self-test", "--sandbox-url", url, "--register", register,
            "--data-dir", str(data_dir), "--store", register_dsn]


async def _spawn(url: str, register: str, data_dir: Path, register_dsn: str, password: str):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PGPASSWORD=password)
    return await asyncio.create_subprocess_exec(
        *_self_test_args(url, register, data_dir, register_dsn), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def _self_test(url: str, register: str, data_dir: Path, register_dsn: str, password: str) -> re.Match:
    proc = await _spawn(url, register, data_dir, register_dsn, password)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=240)
    last = out.decode().strip().splitlines()[-1] if out.strip() else ""
    assert proc.returncode == 0, (out + err).decode()[-3000:]
    match = PASS.match(last)
    assert match is not None, last
    assert password not in last
    return match


def _rows(dsn: str, sql: str, *params) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql, params).fetchall()


def _journal(data_dir: Path, sql: str) -> list[tuple]:
    path = data_dir / "journal.sqlite3"
    if not path.exists():
        return []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return db.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not migrated yet
        return []
    finally:
        db.close()


async def _until(condition, timeout: float, what: str) -> None:
    from tests.support.waiting import wait_until

    await wait_until(condition, timeout=timeout, what=what, interval=0.1)


def _unsent_sales(data_dir: Path) -> int:
    rows = _journal(data_dir, "SELECT count(*) FROM outbox WHERE kind = 'sale' AND sent_at IS NULL")
    return rows[0][0] if rows else 0


async def test_three_registers_self_test_into_one_store_and_the_report_shows_them(store, tmp_path):
    _, dsn = store
    sandbox, url = await standalone_sandbox()
    try:
        await _admin("init", "--store", dsn)  # already initialised: safe twice
        registers = {f"CAJA{r}": await _add_register(dsn, f"CAJA{r}") for r in (1, 2, 3)}
        matches = await asyncio.gather(*(
            _self_test(url, str(r), tmp_path / f"r{r}", *registers[f"CAJA{r}"]) for r in (1, 2, 3)))
    finally:
        await _stop(sandbox)
    by_register = {m.group(5): m for m in matches}
    assert by_register.keys() == {"CAJA1", "CAJA2", "CAJA3"}
    for name, match in by_register.items():
        assert f"user={role_name(name)}" in match.group(6)
    stored = _rows(dsn, "SELECT register, receipt_no, total FROM sales ORDER BY register")
    assert [(r, n) for r, n, _ in stored] == [("CAJA1", 1), ("CAJA2", 1), ("CAJA3", 1)]
    tenders = _rows(dsn, "SELECT register, kind, amount FROM tenders ORDER BY register")
    assert [(r, k) for r, k, _ in tenders] == [("CAJA1", "qr"), ("CAJA2", "qr"), ("CAJA3", "qr")]
    payments = _rows(dsn, "SELECT register, mp_payment_id FROM payments ORDER BY register")
    assert [(r, str(p)) for r, p in payments] == [(n, by_register[n].group(4)) for n in ("CAJA1", "CAJA2", "CAJA3")]
    today = _rows(dsn, "SELECT current_date")[0][0].isoformat()  # the report's day is the server's
    report = json.loads(await _admin("report", "--store", dsn, "--date", today, "--format", "json"))
    assert report["date"] == today
    assert [(r["register"], r["sales"]) for r in report["registers"]] == [("CAJA1", 1), ("CAJA2", 1), ("CAJA3", 1)]
    assert report["store"]["sales"] == 3
    total = sum(t for _, _, t in stored)
    assert Decimal(report["store"]["totals"]["qr"]) == total > 0
    for r in report["registers"]:
        assert Decimal(r["totals"]["qr"]) == next(t for n, _, t in stored if n == r["register"])
        assert r["unreconciled"] == 0  # each QR sale's payment reached the store with it


async def test_postgres_stopped_mid_sale_then_started_the_sale_arrives_once(store, tmp_path):
    cluster, dsn = store
    register_dsn, password = await _add_register(dsn, "CAJA1")
    sandbox, url = await standalone_sandbox()
    data_dir = tmp_path / "r1"
    cluster.stop()
    started = False
    try:
        proc = await _spawn(url, "1", data_dir, register_dsn, password)
        run = asyncio.ensure_future(proc.communicate())
        # The register sells with the server down: the sale waits in its outbox.
        await _until(lambda: _unsent_sales(data_dir) == 1 or run.done(), 120, "the sale waiting in the outbox")
        assert not run.done(), (b"".join(run.result())).decode()[-3000:]
        await asyncio.to_thread(cluster.start)
        started = True
        out, err = await asyncio.wait_for(run, timeout=120)
        assert proc.returncode == 0, (out + err).decode()[-3000:]
        assert PASS.match(out.decode().strip().splitlines()[-1])
    finally:
        if not started:
            await asyncio.to_thread(cluster.start)
        await _stop(sandbox)
    assert _rows(dsn, "SELECT register, count(*) FROM sales GROUP BY register") == [("CAJA1", 1)]
    assert _rows(dsn, "SELECT count(*) FROM tenders")[0][0] == 1
    assert _rows(dsn, "SELECT count(*) FROM payments")[0][0] == 1
    assert _unsent_sales(data_dir) == 0


async def test_a_register_killed_with_an_unsent_sale_sends_it_once_when_restarted(store, tmp_path):
    cluster, dsn = store
    register_dsn, password = await _add_register(dsn, "CAJA2")
    sandbox, url = await standalone_sandbox()
    data_dir = tmp_path / "r2"
    try:
        cluster.stop()
        try:
            proc = await _spawn(url, "2", data_dir, register_dsn, password)
            await _until(lambda: _unsent_sales(data_dir) == 1 or proc.returncode is not None, 120,
                         "the sale waiting in the outbox")
            assert proc.returncode is None, "the self-test ended before its sale was in the outbox"
            proc.kill()  # the register dies with the sale not yet in the store
            await asyncio.wait_for(proc.communicate(), timeout=30)
            assert proc.returncode == -signal.SIGKILL
        finally:
            await asyncio.to_thread(cluster.start)
        assert _rows(dsn, "SELECT count(*) FROM sales")[0][0] == 0
        match = await _self_test(url, "2", data_dir, register_dsn, password)  # restarted: sells once more
    finally:
        await _stop(sandbox)
    assert match.group(2) == "00000002"  # the same journal: its second receipt
    assert _rows(dsn, "SELECT receipt_no FROM sales WHERE register = 'CAJA2' ORDER BY receipt_no") == [(1,), (2,)]
    assert _rows(dsn, "SELECT count(*) FROM tenders")[0][0] == 2
    assert _journal(data_dir, "SELECT count(*) FROM sales WHERE status = 'paid'") == [(2,)]
    assert _unsent_sales(data_dir) == 0
