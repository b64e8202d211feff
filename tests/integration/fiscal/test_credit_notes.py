"""Refunds of invoiced sales: a Nota de Crédito (B 8 / C 13) tied to the invoice (CbtesAsoc),
through the same queue, against the simulator; a refund of a sale whose invoice is pending waits
for the invoice's number."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qrcashier.checkout.journal import JournalDB
from qrcashier.fiscal.amounts import FACTURA_B, FACTURA_C, MONOTRIBUTO, NOTA_CREDITO_B, NOTA_CREDITO_C
from qrcashier.fiscal.invoices import FiscalConfig, Invoices
from tests.integration.fiscal.test_invoice_queue import FAST, _comprobantes, _config, _drain, _sell

pytestmark = pytest.mark.asyncio


def _refund_cash(path, sale_id: int, amount: str) -> None:
    db = JournalDB(path)
    try:
        db.refund_cash(sale_id, Decimal(amount), datetime.now(UTC), supervisor="ana", reason="devolución")
    finally:
        db.close()


async def test_a_refund_gets_a_credit_note_tied_to_its_invoice(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    invoices = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await invoices.round()
        _sell(path, 2)  # 1210.00 and 1211.00, IVA 21 %
        await _drain(invoices)
        first, second = await invoices.all()
        _refund_cash(path, first.sale_id, "1210.00")  # all of it
        _refund_cash(path, second.sale_id, "121.00")  # part of it
        invoices.wake()
        await _drain(invoices)
        notes = [r for r in await invoices.all() if r.kind == "credit_note"]
        assert [(n.doc_type, n.number, n.status) for n in notes] == [(NOTA_CREDITO_B, 1, "authorized"),
                                                                      (NOTA_CREDITO_B, 2, "authorized")]
        assert [n.related_invoice_id for n in notes] == [first.id, second.id]
        assert notes[0].amounts == first.amounts  # a full refund credits exactly what was invoiced
        assert (notes[1].amounts.total, notes[1].amounts.net, notes[1].amounts.vat) == \
            (Decimal("121.00"), Decimal("100.00"), Decimal("21.00"))
        assert len(notes[0].cae) == 14 and notes[0].qr_url
        assert await invoices.credit_notes(second.sale_id) == [notes[1]]
        sim = {(c["type"], c["number"]): c for c in await _comprobantes(http, arca)}
        assert set(sim) == {(FACTURA_B, 1), (FACTURA_B, 2), (NOTA_CREDITO_B, 1), (NOTA_CREDITO_B, 2)}
        await invoices.round()  # a second pass writes no second credit note
        assert len([r for r in await invoices.all() if r.kind == "credit_note"]) == 2
    finally:
        await invoices.close()
    # the back office: `qrcashier-admin invoices` lists them, `report` sums them by type
    from qrcashier import admin
    from qrcashier.reports.model import parse_report
    from qrcashier.reports.tabular import render_csv

    rows = admin.fetch_invoices(path, None, False)
    assert [(r["kind"], r["type"], r["number"], r["cancels"]) for r in rows] == [
        ("invoice", 6, 1, None), ("invoice", 6, 2, None),
        ("credit_note", 8, 1, "00003-00000001"), ("credit_note", 8, 2, "00003-00000002")]
    report = admin.fetch_report(path, None)
    docs = [(d["name"], d["count"], d["first"], d["last"], d["total"]) for d in report["invoices"]["documents"]]
    assert docs == [("Factura B", 2, 1, 2, "2421.00"), ("Nota de Crédito B", 2, 1, 2, "1331.00")]
    assert [s["invoice"]["number"] for s in report["sales"]] == [1, 2]  # each sale's own invoice, not its NC
    table = render_csv(parse_report(report)).decode("utf-8-sig")
    assert "invoices\r\ntype,name,point_of_sale,count,first,last,total,vat\r\n6,Factura B,3,2,1,2,2421.00," in table


async def test_a_refund_of_a_pending_invoice_waits_for_its_number(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    invoices = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await invoices.round()
        _sell(path, 1)
        await http.post(f"{arca.url}/sim/faults", json={"mode": "down"})
        await invoices.round()
        (invoice,) = await invoices.all()
        _refund_cash(path, invoice.sale_id, "1210.00")
        await invoices.round()
        assert [r.kind for r in await invoices.all()] == ["invoice"]  # no credit note before the invoice's number
        await http.post(f"{arca.url}/sim/faults", json={"mode": None})
        await _drain(invoices)
        rows = await invoices.all()
        assert [(r.kind, r.status) for r in rows] == [("invoice", "authorized"), ("credit_note", "authorized")]
    finally:
        await invoices.close()


async def test_a_monotributista_refund_is_a_nota_de_credito_c(tmp_path, client, http, arca):
    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    base = _config()
    config = FiscalConfig(cuit=base.cuit, point_of_sale=base.point_of_sale, category=MONOTRIBUTO)
    invoices = await Invoices.open(path, config, client, backoff=FAST)
    try:
        await invoices.round()
        _sell(path, 1)
        await _drain(invoices)
        (invoice,) = await invoices.all()
        _refund_cash(path, invoice.sale_id, "500.00")
        invoices.wake()
        await _drain(invoices)
        note = (await invoices.credit_notes(invoice.sale_id))[0]
        assert invoice.doc_type == FACTURA_C and note.doc_type == NOTA_CREDITO_C and note.status == "authorized"
        assert (note.amounts.total, note.amounts.vat, note.amounts.vat_lines) == (Decimal("500.00"), 0, ())
    finally:
        await invoices.close()


async def test_a_credit_note_timed_out_after_arca_recorded_it_is_adopted_not_sent_twice(tmp_path, client, http, arca):
    import httpx

    from qrcashier.fiscal.invoices import Backoff

    path = tmp_path / "journal.sqlite3"
    _sell(path, 0)
    invoices = await Invoices.open(path, _config(), client, backoff=Backoff(first=0.05, most=0.05))
    await invoices.round()
    _sell(path, 1)
    await _drain(invoices)
    (invoice,) = await invoices.all()
    _refund_cash(path, invoice.sale_id, "1210.00")
    await http.post(f"{arca.url}/sim/faults", json={"mode": "timeout_after_commit", "count": 1})
    client.timeout = httpx.Timeout(0.5, connect=2.0)
    await invoices.round()
    (note,) = await invoices.credit_notes(invoice.sale_id)
    assert note.status == "requesting" and note.number == 1  # ARCA recorded it; the answer never came
    await invoices.close()  # a kill here leaves the same journal
    client.timeout = httpx.Timeout(3.0, connect=2.0)
    again = await Invoices.open(path, _config(), client, backoff=FAST)
    try:
        await _drain(again)
        (note,) = await again.credit_notes(invoice.sale_id)
        notes = [c for c in await _comprobantes(http, arca) if c["type"] == 8]
        assert note.status == "authorized" and len(notes) == 1 and notes[0]["cae"] == note.cae
    finally:
        await again.close()
