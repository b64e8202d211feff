"""A schema-5 journal (tests/fixtures/journal_v5.sqlite3, before shifts kept their POS number and
store name) upgraded in place: its shifts keep POS 1 and no store name; a shift opened after the
upgrade records the register's POS number (3) and store, and its report and `qrcashier-admin`
print `00003-` receipts and the store's name."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.admin import fetch_report
from qrcashier.checkout import CheckoutEngine, Journal
from qrcashier.checkout.journal import SCHEMA_VERSION, JournalDB
from qrcashier.checkout.journal.schema import MIGRATIONS, _migration_shift_register, migrate
from qrcashier.checkout.shift_report import build_shift_report
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from tests.unit.checkout.conftest import register_config
from tests.unit.checkout.fakes import FakeGateway, ManualClock

FIXTURE = Path(__file__).parents[2] / "fixtures" / "journal_v5.sqlite3"
MLA = SITES["MLA"]
NOW = datetime(2026, 12, 2, tzinfo=UTC)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURE, target)
    return target


def test_the_fixture_is_a_schema_5_file_without_the_columns() -> None:
    db = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 5
        assert "pos_number" not in {r[1] for r in db.execute("PRAGMA table_info(shifts)")}
    finally:
        db.close()


def test_the_migration_adds_the_columns_in_place(path: Path) -> None:
    step = MIGRATIONS.index(_migration_shift_register)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(db, target=step)
        assert "pos_number" not in {r[1] for r in db.execute("PRAGMA table_info(shifts)")}
        migrate(db, target=step + 1)
        assert {"pos_number", "store_name"} <= {r[1] for r in db.execute("PRAGMA table_info(shifts)")}
        assert db.execute("SELECT COUNT(*), COUNT(pos_number) FROM shifts").fetchone() == (2, 0)
    finally:
        db.close()


def test_old_shifts_keep_their_sales_and_report_as_pos_1(path: Path) -> None:
    db = JournalDB(path)
    try:
        assert db.version == SCHEMA_VERSION
        shift = db.shift_by_number("CAJA3", 1)
        assert shift is not None and shift.pos_number is None and shift.store_name is None
        report = build_shift_report(db, shift, MLA, now=NOW)
        assert [s["receipt"] for s in report["sales"]] == ["00001-00000001", "00001-00000002"]
        assert report["shift"]["store"] == "" and report["shift"]["counted_cash"] is not None
        assert report["tenders"]["cash"]["total"] == "3001.00" and report["tenders"]["qr"]["total"] == "3001.00"
    finally:
        db.close()


@pytest.mark.asyncio
async def test_a_shift_opened_after_the_upgrade_prints_its_registers_pos_number(path: Path) -> None:
    journal = await Journal.open(path)
    config = register_config(register_id="CAJA3", store_name="Kiosco Centro")
    engine = CheckoutEngine(journal, FakeGateway(), config, clock=ManualClock(), operator="ana",
                            till=TillConfig(pos_number=3, difference_threshold=Decimal(100)))
    try:
        await engine.start()
        open_shift = await engine.current_shift()
        assert open_shift is not None and open_shift.number == 2  # the old open shift goes on
        await engine.close_shift(await engine.expected_cash())
        shift = await engine.open_shift("1000")
        assert (shift.number, shift.pos_number, shift.store_name) == (3, 3, "Kiosco Centro")
        cart = Cart(MLA)
        cart.add("Yerba", "1500.50", 1)
        await engine.sell_cash(cart, "2000")
        report = await engine.shift_report(3)
        assert [s["receipt"] for s in report["sales"]] == ["00003-00000004"]
        assert report["shift"]["store"] == "Kiosco Centro" and report["shift"]["first_receipt"] == "00003-00000004"
    finally:
        await engine.close()
        await journal.close()
    admin = fetch_report(path, 3)  # the Qt-free command reads them from the journal, not the settings
    assert [s["receipt"] for s in admin["sales"]] == ["00003-00000004"]
    assert admin["shift"]["store"] == "Kiosco Centro" and admin["shift"]["register"] == "CAJA3"
    assert fetch_report(path, 1)["sales"][0]["receipt"] == "00001-00000001"
