"""Issue 17: a parked cart keeps its discounts as the cashier gave them (kind, value, reason, approver,
per line and for the cart), so a resumed 10 % stays 10 % after a change; carts parked before the
journal kept them resume with their discounts as amounts, as they did."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from qrcashier.checkout import CheckoutEngine, Journal
from qrcashier.checkout.journal import JournalDB
from qrcashier.checkout.journal import parked_store as ps
from qrcashier.checkout.journal.schema import MIGRATIONS, _migration_parked_discounts, migrate
from qrcashier.domain.cart import Cart
from qrcashier.domain.discount import Discount, DiscountKind
from qrcashier.domain.money import SITES
from tests.unit.checkout.conftest import register_config
from tests.unit.checkout.fakes import FakeGateway, ManualClock
from tests.unit.saletools.conftest import TILL

MLA = SITES["MLA"]
NOW = datetime(2030, 1, 15, 12, tzinfo=UTC)
FIXTURE = Path(__file__).parents[2] / "fixtures" / "journal_v5.sqlite3"


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Yerba", "2000", 1, vat_rate=Decimal(21))
    c.add("Pan", "1000", 3, vat_rate=Decimal("10.5"))
    c.add("Mate", "5000", 1)
    c.set_line_discount(0, Discount.create("percent", "10", "cliente frecuente", MLA))
    c.set_line_discount(1, Discount.create("amount", "100", "ayer", MLA))
    c.set_cart_discount(Discount.create("percent", "15", "jubilado", MLA, approved_by="Marta"))
    return c  # (1800 + 2900 + 5000) = 9700, less 15 % = 8245.00



@pytest.mark.asyncio
async def test_a_resumed_cart_keeps_percents_as_percents_across_a_restart(till, tmp_path):
    before = cart()
    assert before.total == Decimal("8245.00")
    await till.engine.park(before, "vuelve")
    journal = await Journal.open(tmp_path / "journal.sqlite3")  # a restart: nothing shared in memory
    engine = CheckoutEngine(journal, FakeGateway(), register_config(), clock=ManualClock(), till=TILL)
    await engine.start()
    try:
        (held,) = await engine.parked()
        resumed = await engine.resume(held.id)
    finally:
        await engine.close()
        await journal.close()
    assert resumed.lines == before.lines and resumed.total == before.total
    assert resumed.line_discount(0) == Discount(DiscountKind.PERCENT, Decimal("10.00"), "cliente frecuente")
    assert resumed.line_discount(1) == Discount(DiscountKind.AMOUNT, Decimal("100.00"), "ayer")
    assert resumed.line_discount(2) is None
    assert resumed.cart_discount == Discount(DiscountKind.PERCENT, Decimal("15.00"), "jubilado", "Marta")
    resumed.set_quantity(0, 2)  # 4000 gross: its 10 % is 400 now, and the cart's 15 % follows
    before.set_quantity(0, 2)
    assert resumed.lines[0].discount == before.lines[0].discount and resumed.total == before.total
    assert resumed.total == Decimal("9775.00")  # (3600 + 2900 + 5000) * 0.85


@pytest.mark.asyncio
async def test_a_line_resumed_as_an_amount_and_parked_again_keeps_that_amount(till):
    old = Cart(MLA, [cart().lines[1]])  # as a cart parked before the specs were kept resumes
    kept = old.kept_discount(0)
    assert kept[0] > 0
    await till.engine.park(old)
    (held,) = await till.engine.parked()
    resumed = await till.engine.resume(held.id)
    assert resumed.lines == old.lines and resumed.kept_discount(0) == kept and resumed.line_discount(0) is None


def _db_with_a_cart(tmp_path: Path) -> tuple[JournalDB, ps.ParkedCart]:
    db = JournalDB(tmp_path / "j.sqlite3")
    c = cart()
    return db, ps.park(db, "CAJA1", c.lines, c.total, "", NOW, discounts=ps.discount_specs(c))


def test_specs_that_no_longer_price_to_the_parked_total_resume_as_amounts(tmp_path):
    db, held = _db_with_a_cart(tmp_path)
    try:
        specs = dict(held.discounts or {})
        specs["cart"] = {**specs["cart"], "value": "50"}  # not what the customer was shown
        db.transaction(lambda c: c.execute("UPDATE parked_carts SET discounts = ? WHERE id = ?",
                                           (json.dumps(specs), held.id)))
        resumed = ps.resume_cart(MLA, ps.parked_cart(db, held.id))
        assert resumed.total == held.total and resumed.lines == held.lines and resumed.cart_discount is None
        db.transaction(lambda c: c.execute("UPDATE parked_carts SET discounts = '{\"lines\": []}' WHERE id = ?",
                                           (held.id,)))
        assert ps.resume_cart(MLA, ps.parked_cart(db, held.id)).total == held.total  # unreadable: amounts
    finally:
        db.close()


def test_a_cart_parked_before_the_migration_resumes_with_its_discounts_as_amounts(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURE, path)
    step = MIGRATIONS.index(_migration_parked_discounts)
    c = cart()
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(raw, target=step)
        assert "discounts" not in {r[1] for r in raw.execute("PRAGMA table_info(parked_carts)")}
        raw.execute(  # parked by the app as it was: priced lines only
            "INSERT INTO parked_carts (register_id, number, note, lines, total, parked_at) VALUES (?, 1, '', ?, ?, ?)",
            ("CAJA1", json.dumps([ps._line_json(line) for line in c.lines]), str(c.total), NOW.isoformat()))
    finally:
        raw.close()
    db = JournalDB(path)
    try:
        (held,) = ps.parked_carts(db, "CAJA1")
    finally:
        db.close()
    assert held.discounts is None
    resumed = ps.resume_cart(MLA, held)
    assert resumed.lines == c.lines and resumed.total == c.total
    assert [resumed.line_discount(i) for i in range(3)] == [None] * 3 and resumed.cart_discount is None
