"""Helpers: a register's journal with a shift and cash sales, written through the real JournalDB."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from qrcashier.checkout.journal.store import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import site
from qrcashier.domain.tender import Tender, TenderKind


def cash_sale(db: JournalDB, register: str, amount: str, received: str | None = None) -> int:
    total = Decimal(amount)
    got = Decimal(received or amount)
    tender = Tender(TenderKind.CASH, total, got, got - total)
    attempt, _ = db.complete_cash(tender, datetime.now(UTC), new_sale=(
        register, site("MLA"), [CartLine("Yerba", total, 1, "779")], total))
    return attempt.sale_id


def open_day(path: Path, register: str) -> JournalDB:
    db = JournalDB(path)
    if db.current_shift(register) is None:
        db.open_shift(register, Decimal("100.00"), datetime.now(UTC), actor="ana")
    return db
