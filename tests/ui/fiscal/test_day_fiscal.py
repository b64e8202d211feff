"""`qrcashier --self-test --scenario day --fiscal ar`: the whole day through the real window
against the embedded sandbox and the embedded ARCA simulator; every sale gets its CAE."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from qrcashier.ui.till.day_scenario import a_day


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_the_day_with_fiscal_ar_invoices_every_sale(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from qrcashier.checkout.journal.schema import connect

    QApplication.instance().setQuitOnLastWindowClosed(False)
    summary = await a_day(tmp_path, SimpleNamespace(fiscal="ar"))
    assert summary.endswith(", 5 Facturas B authorized (1-5)"), summary  # with the Point card sale
    db = connect(tmp_path / "journal.sqlite3")
    try:
        rows = db.execute("SELECT i.status, i.cae, i.total, s.total AS sale_total FROM invoices i"
                          " JOIN sales s ON s.id = i.sale_id WHERE i.kind = 'invoice'").fetchall()
    finally:
        db.close()
    assert len(rows) == 5 and {r["status"] for r in rows} == {"authorized"}
    assert all(len(r["cae"]) == 14 and r["total"] == r["sale_total"] for r in rows)
