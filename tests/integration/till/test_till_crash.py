"""A kill at each step of a cash sale and of a close: on restart it is complete or absent, never half."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.checkout.journal import JournalDB

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the driver freezes itself with SIGSTOP (POSIX)")
DRIVER = Path(__file__).with_name("till_crash_driver.py")
CASH_STEPS = ["INSERT INTO sales", "INSERT INTO sale_lines", "INSERT INTO attempts", "INSERT INTO transitions",
              "INSERT INTO tenders", "UPDATE sales SET status", "INSERT INTO receipts", "COMMIT", "done"]
CLOSE_STEPS = ["UPDATE shifts", "COMMIT", "done"]


def crash(journal: Path, op: str, step: str) -> None:
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "--journal", str(journal), "--op", op, "--hold", step],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "HOLD"  # blocks until the driver froze itself there
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()


@pytest.mark.parametrize("step", CASH_STEPS)
def test_a_kill_during_a_cash_sale_leaves_it_complete_or_absent(tmp_path, step):
    journal = tmp_path / "journal.sqlite3"
    crash(journal, "cash", step)
    db = JournalDB(journal)
    try:
        sales = db.sales()
        if step == "done":
            (sale,) = sales
            assert sale.status == "paid" and db.receipt_number(sale.id) == 1
            assert [t.amount for t in db.tenders(sale.id)] == [Decimal("3801.00")]
            assert len(db.receipts(kind="original")) == 1
        else:
            assert sales == [] and db.attempts() == [] and db.receipts() == []
        assert db.expected_cash(db.current_shift("CAJA1").id) == (Decimal("4801.00") if step == "done"
                                                                  else Decimal("1000"))
    finally:
        db.close()


@pytest.mark.parametrize("step", CLOSE_STEPS)
def test_a_kill_during_a_close_leaves_it_closed_or_open(tmp_path, step):
    journal = tmp_path / "journal.sqlite3"
    crash(journal, "close", step)
    db = JournalDB(journal)
    try:
        shift = db.shift_by_number("CAJA1", 1)
        if step == "done":
            assert not shift.open and shift.counted == Decimal("4801") and shift.difference == Decimal("0.00")
        else:
            assert shift.open and shift.counted is None and shift.expected is None
            closed = db.close_shift(shift.id, Decimal("4801"), shift.opened_at, threshold=Decimal("0"))
            assert not closed.open  # and the close can be done again, once
    finally:
        db.close()
