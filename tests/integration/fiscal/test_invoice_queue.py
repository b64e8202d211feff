"""The invoice queue on a real journal against the simulator: every paid sale invoiced exactly
once, in order, through ARCA down, a timeout after ARCA recorded the invoice, and a kill
between writing the number and asking for the CAE; three registers at once with no gap."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender
from qrcashier.fiscal.amounts import FACTURA_B, RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.invoices import Backoff, FiscalConfig, Invoices, InvoiceStore, status
from qrcashier.fiscal.qr import decode_qr_url

pytestmark = pytest.mark.asyncio
MLA = SITES["MLA"]
FAST = Backoff(first=0.01, factor=1.0, most=0.01)


def _sell(path, n: int, register: str = "CAJA1") -> None:
    db = JournalDB(path)
    try:
        if db.current_shift(register) is None:
            db.open_shift(register, Decimal("0"), datetime.now(UTC))
        for i in range(n):
            total = Decimal("1210.00") + i
            tender = cash_tender(total, "20000", MLA, ceiling=Decimal("1000000"))
            db.complete_cash(tender, datetime.now(UTC), new_sale=(register, MLA, (CartLine("Yerba", total, 1),),
                                                                   total))
    finally:
        db.close()


def _config(pos: int = 3) -> FiscalConfig:
    from tests.integration.fiscal.conftest import CUIT

    return FiscalConfig(cuit=CUIT, point_of_sale=pos, category=RESPONSABLE_INSCRIPTO)


async def _drain(invoices: Invoices) -> None:
    for _ in range(50):
        delay = await invoices.round()
        if delay is None:
            return
        await asyncio.sleep(delay)
    raise AssertionError("the queue did not drain")


async def _comprobantes(http, arca) -> list[dict]:
    return (await http.get(f"{arca.url}/sim/comprobantes")).json()


async def test_every_paid_sale_gets_one_invoice_in_order(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    invoices = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await invoices.round()  # switched on: earlier sales are not invoiced retroactively
        _sell(path, 3)
        await _drain(invoices)
        rows = await invoices.all()
        assert [r.number for r in rows] == [1, 2, 3] and {r.status for r in rows} == {"authorized"}
        assert [r.amounts.total for r in rows] == [Decimal("1210.00"), Decimal("1211.00"), Decimal("1212.00")]
        qr = decode_qr_url(rows[0].qr_url)
        assert qr["nroCmp"] == 1 and str(qr["codAut"]) == rows[0].cae and Decimal(str(qr["importe"])) == 1210
        assert rows[0].as_report()["status"] == "authorized"
        assert [c["number"] for c in await _comprobantes(http, arca)] == [1, 2, 3]
    finally:
        await invoices.close()


async def test_arca_down_leaves_invoices_pending_then_sends_them(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    invoices = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await invoices.round()
        _sell(path, 2)
        await http.post(f"{arca.url}/sim/faults", json={"mode": "down"})
        await invoices.round()
        state = await status(invoices)
        assert state.pending == 2 and "pendientes" in state.text and state.last_error
        await http.post(f"{arca.url}/sim/faults", json={"mode": None})
        await _drain(invoices)
        assert (await status(invoices)).pending == 0
        assert [c["number"] for c in await _comprobantes(http, arca)] == [1, 2]
    finally:
        await invoices.close()


async def test_a_timeout_after_arca_recorded_then_a_restart_adopts_the_cae(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    # one try per round (round() returns while the row is open); the retry is due soon after the restart
    invoices = await Invoices.open(path, _config(), client, backoff=Backoff(first=0.05, most=0.05))
    await invoices.round()
    _sell(path, 1)
    await client.ticket()
    await http.post(f"{arca.url}/sim/faults", json={"mode": "timeout_after_commit", "count": 1})
    client.timeout = httpx.Timeout(0.5, connect=2.0)
    await invoices.round()
    row = (await invoices.all())[0]
    assert row.status == "requesting" and row.number == 1  # the number was written before asking
    await invoices.close()  # the app stops here (a kill leaves the same journal)
    client.timeout = httpx.Timeout(3.0, connect=2.0)
    again = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await _drain(again)
        row = (await again.all())[0]
        recorded = await _comprobantes(http, arca)
        assert row.status == "authorized" and len(recorded) == 1 and recorded[0]["cae"] == row.cae
    finally:
        await again.close()


async def test_a_kill_before_arca_got_the_request_resends_the_same_number(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    store = InvoiceStore(path, _config())
    store.enqueue_missing(datetime.now(UTC))
    _sell(path, 1)
    store.enqueue_missing(datetime.now(UTC))
    store.mark_requesting(store.next_open().id, 1)  # killed right after this write
    store.close()
    invoices = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await _drain(invoices)
        assert [(r.number, r.status) for r in await invoices.all()] == [(1, "authorized")]
        assert len(await _comprobantes(http, arca)) == 1
    finally:
        await invoices.close()


async def test_three_registers_invoice_concurrently_without_gaps(tmp_path, client, http, arca):
    queues = []
    for pos in (1, 2, 3):
        path = tmp_path / f"r{pos}.sqlite3"
        _sell(path, 0, register=f"CAJA{pos}")
        q = await Invoices.open(path, _config(pos), client, backoff=FAST)
        await q.round()
        _sell(path, 4, register=f"CAJA{pos}")
        queues.append(q)
    try:
        await asyncio.gather(*(_drain(q) for q in queues))
        recorded = await _comprobantes(http, arca)
        for pos in (1, 2, 3):
            assert [c["number"] for c in recorded if c["point_of_sale"] == pos and c["type"] == FACTURA_B] == \
                [1, 2, 3, 4]
    finally:
        for q in queues:
            await q.close()
