"""`qrcashier --self-test --scenario day --store DSN` (issue 19): a whole till day in a real
process (shift, QR, cash, parked + discount, split, cash out, X, a close a little short, Z) and
then a bounded wait until all of it is in the store database; the store then holds every sale
once, their tenders, and the closed shift with the Z's difference."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from decimal import Decimal

import pytest

from tests.integration.store.test_store_registers import _add_register, _rows

pytestmark = pytest.mark.asyncio
PASS = re.compile(r"^self-test day PASS in .* s: day: shift 1, (\d+) sales .*difference (-?[\d.]+), .*"
                  r"all (\d+) sales in the store database (.+)$")


async def test_the_day_self_test_waits_for_the_store_and_the_store_has_the_whole_day(store, tmp_path):
    _, dsn = store
    register_dsn, password = await _add_register(dsn, "CAJA1")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PGPASSWORD=password)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "qrcashier.cli", "--self-test", "--scenario", "day", "--register", "CAJA1",
        "--data-dir", str(tmp_path / "caja1"), "--store", register_dsn, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=240)
    last = out.decode().strip().splitlines()[-1] if out.strip() else ""
    assert proc.returncode == 0, (out + err).decode()[-3000:]
    match = PASS.match(last)
    assert match is not None, last
    sales, difference, stored, where = match.groups()
    assert sales == stored == "5" and Decimal(difference) == Decimal("-10.00")
    assert password not in last and "user=qrc_caja1" in where

    # no wait here: the self-test only passed once the sender had sent the whole day
    assert _rows(dsn, "SELECT register, count(*) FROM sales GROUP BY register") == [("CAJA1", 5)]
    kinds = dict(_rows(dsn, "SELECT kind, count(*) FROM tenders WHERE register = 'CAJA1' GROUP BY kind"))
    # QR, cash, the parked one by QR, the split's cash and QR, the card on the sandbox's Point terminal
    assert kinds == {"cash": 2, "qr": 3, "point": 1}
    (closed, diff), = _rows(dsn, "SELECT closed_at IS NOT NULL, difference FROM shifts WHERE register = 'CAJA1'")
    assert closed and diff == Decimal("-10.00")
    (sold, tendered), = _rows(dsn, "SELECT (SELECT sum(total) FROM sales), (SELECT sum(amount) FROM tenders)")
    assert sold == tendered
    assert [r[0] for r in _rows(dsn, "SELECT kind FROM movements WHERE register = 'CAJA1'")] == ["out"]
