"""fiscal/backlog.py: while the setup cannot start, the moment fiscal was switched on is kept
(only the first time) and the sales since then are counted as waiting for their invoice."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from qrcashier.checkout.journal import JournalDB
from qrcashier.checkout.journal.schema import connect
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender
from qrcashier.fiscal.backlog import hold_sales, waiting

MLA = SITES["MLA"]


def _sell(path, n: int) -> None:
    db = JournalDB(path)
    try:
        if db.current_shift("CAJA1") is None:
            db.open_shift("CAJA1", Decimal("0"), datetime.now(UTC))
        for _ in range(n):
            tender = cash_tender(Decimal("100.00"), Decimal("100"), MLA, ceiling=Decimal("1000000"))
            line = CartLine("Yerba", Decimal("100.00"), 1)
            db.complete_cash(tender, datetime.now(UTC), new_sale=("CAJA1", MLA, (line,), Decimal("100.00")))
    finally:
        db.close()


def test_sales_after_the_switch_on_wait_and_earlier_ones_do_not(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 2)  # before fiscal was asked for: never invoiced
    assert waiting(path) == 0
    assert hold_sales(path) == 0
    _sell(path, 3)
    assert waiting(path) == 3
    assert hold_sales(path) == 3  # a second failed start keeps the first moment
    db = connect(path)
    try:
        assert db.execute("SELECT value FROM meta WHERE key = 'fiscal_from_sale'").fetchone()[0] == "2"
    finally:
        db.close()
