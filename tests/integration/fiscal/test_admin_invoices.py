"""`qrcashier-admin invoices` (--date, --pending, json/csv) and each sale's `invoice` in
`qrcashier-admin report --format json`, read from a register's journal whose sales the invoice
queue sent to the simulator (two authorized, one pending while ARCA is down)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qrcashier import admin
from qrcashier.checkout import JOURNAL_FILE
from qrcashier.checkout.journal import JournalDB
from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import SITES
from qrcashier.domain.tender import cash_tender
from qrcashier.fiscal.amounts import RESPONSABLE_INSCRIPTO
from qrcashier.fiscal.invoices import ARGENTINA, Backoff, FiscalConfig, Invoices
from qrcashier.fiscal.qr import decode_qr_url
from tests.integration.fiscal.conftest import CUIT

pytestmark = pytest.mark.asyncio


def _sell(path, total: str) -> None:
    db = JournalDB(path)
    try:
        if db.current_shift("CAJA1") is None:
            db.open_shift("CAJA1", Decimal("0"), datetime.now(UTC))
        amount = Decimal(total)
        tender = cash_tender(amount, "100000", SITES["MLA"], ceiling=Decimal("1000000"))
        db.complete_cash(tender, datetime.now(UTC), new_sale=("CAJA1", SITES["MLA"], (CartLine("Yerba", amount, 1),),
                                                               amount))
    finally:
        db.close()


async def _journal(tmp_path, client, arca):
    path = tmp_path / JOURNAL_FILE
    _sell(path, "1.00")  # before fiscal was switched on: no invoice
    invoices = await Invoices.open(path, FiscalConfig(CUIT, 7, RESPONSABLE_INSCRIPTO), client,
                                   backoff=Backoff(first=60, most=60))
    try:
        await invoices.round()
        _sell(path, "1210.00")
        _sell(path, "2420.00")
        await invoices.round()
        arca.sim.faults.mode = "down"
        _sell(path, "605.00")
        await invoices.round()
        arca.sim.faults.mode = None
        assert sorted((await invoices.counts()).items()) == [("authorized", 2), ("pending", 1)]
    finally:
        await invoices.close()
    return tmp_path


async def _admin(capsysbinary, *argv) -> bytes:
    code = await asyncio.to_thread(admin.main, list(argv))
    out = capsysbinary.readouterr()
    assert code == 0, out.err
    return out.out


async def test_the_invoices_command_lists_and_filters(tmp_path, client, arca, capsysbinary):
    folder = await _journal(tmp_path, client, arca)
    rows = json.loads(await _admin(capsysbinary, "invoices", "--data-dir", str(folder)))
    assert [(r["number"], r["status"], r["total"]) for r in rows] == [
        (1, "authorized", "1210.00"), (2, "authorized", "2420.00"), (None, "pending", "605.00")]
    first = rows[0]
    assert first["type"] == 6 and first["letter"] == "B" and first["point_of_sale"] == 7 and len(first["cae"]) == 14
    assert first["receipt"] == "00001-00000002" and first["net"] == "1000.00" and first["vat"] == "210.00"
    assert decode_qr_url(first["qr_url"])["codAut"] == int(first["cae"])
    assert rows[2]["state"] == "pending" and "500" in rows[2]["last_error"] and rows[2]["cae"] is None
    pending = json.loads(await _admin(capsysbinary, "invoices", "--data-dir", str(folder), "--pending"))
    assert [r["total"] for r in pending] == ["605.00"]
    today = datetime.now(ARGENTINA).date().isoformat()
    assert len(json.loads(await _admin(capsysbinary, "invoices", "--data-dir", str(folder), "--date", today))) == 3
    assert json.loads(await _admin(capsysbinary, "invoices", "--data-dir", str(folder), "--date", "2020-01-01")) == []
    table = list(csv.DictReader(io.StringIO((await _admin(capsysbinary, "invoices", "--data-dir", str(folder),
                                                          "--format", "csv")).decode())))
    assert [r["number"] for r in table] == ["1", "2", ""] and table[2]["status"] == "pending"


async def test_the_report_json_gives_each_sale_its_invoice(tmp_path, client, arca, capsysbinary):
    folder = await _journal(tmp_path, client, arca)
    report = json.loads(await _admin(capsysbinary, "report", "--data-dir", str(folder), "--shift", "last"))
    invoices = [s["invoice"] for s in report["sales"]]
    assert invoices[0] is None  # sold before fiscal was on
    assert [(i["type"], i["point_of_sale"], i["number"], i["status"]) for i in invoices[1:]] == [
        (6, 7, 1, "authorized"), (6, 7, 2, "authorized"), (6, 7, None, "pending")]
    assert set(invoices[1]) == {"type", "point_of_sale", "number", "cae", "cae_due", "qr_url", "status"}
    qr = decode_qr_url(invoices[1]["qr_url"])
    assert qr["nroCmp"] == 1 and str(qr["codAut"]) == invoices[1]["cae"] and qr["importe"] == 1210


async def test_a_bad_date_or_folder_is_one_sentence(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:  # argparse's usage error, as for --shift
        admin.main(["invoices", "--data-dir", str(tmp_path), "--date", "7/12/2026"])
    assert stop.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    assert admin.main(["invoices", "--data-dir", str(tmp_path / "none")]) == 2
    assert "does not exist" in capsys.readouterr().err
