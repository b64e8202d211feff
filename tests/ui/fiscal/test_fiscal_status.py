"""The main window with ARCA invoices on (the sandbox's in-process simulator): a QR sale's receipt
carries its Factura B and CAE; the status bar says "every sale invoiced", then with ARCA down
"1 invoice pending" with the reason, and the counter keeps selling; a broken setup says so."""

from __future__ import annotations

import pytest

from qrcashier.fiscal.config import FiscalSetup
from tests.ui.conftest import control, running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
SETUP = FiscalSetup(enabled=True, cuit=20111111112, point_of_sale=3)


async def _sell(w) -> None:
    scan(w.item_field, COKE)
    await w.charge()
    await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
    await control(w, "POST", "pay", {"status": "approved"})
    await wait_until(lambda: w.panel_state() == "paid", what="paid")


def _label(w):
    return w.statusBar().findChild(type(w.title_label), "fiscalStatus")


async def test_a_sale_is_invoiced_and_the_status_bar_follows_arca(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, fiscal=SETUP) as w:
        label = _label(w)
        assert label is not None
        await _sell(w)
        await wait_until(lambda: w.last_receipt is not None and w.last_receipt.invoice is not None, what="receipt")
        receipt = w.last_receipt
        assert receipt.invoice.authorized and "Factura B N° 00003-00000001" in receipt.to_text()
        await wait_until(lambda: label.text() == "ARCA: every sale invoiced", what="the status bar")
        fiscal = w.services.fiscal
        fiscal.receipt_wait = 0.2
        fiscal.simulator.sim.faults.mode = "down"
        shown = w.receipts_shown
        await _sell(w)  # the counter is not held by ARCA
        await wait_until(lambda: w.receipts_shown > shown, what="the second receipt")
        assert "CAE pendiente" in w.last_receipt.to_text()
        await wait_until(lambda: label.text().startswith("ARCA: 1 invoice pending — "), what="pending")
        assert "ARCA" in label.toolTip() and "keep selling" in label.toolTip()
        fiscal.simulator.sim.faults.mode = None
        fiscal.invoices.wake()
        await wait_until(lambda: label.text() == "ARCA: every sale invoiced", 10, what="sent after ARCA is back")


async def test_a_setup_that_cannot_start_is_shown_with_its_advice(qtbot, tmp_path, token):
    bad = FiscalSetup(enabled=True, cuit=20111111113, point_of_sale=3)
    async with running_app(qtbot, tmp_path, token, fiscal=bad) as w:
        label = _label(w)
        assert label.text().startswith("ARCA: invoices are not being issued — El dígito verificador")
        assert "Settings" in label.toolTip()


async def test_no_fiscal_no_label(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        assert _label(w) is None


async def test_sales_made_while_the_setup_cannot_start_are_kept_then_invoiced(qtbot, tmp_path, token):
    bad = FiscalSetup(enabled=True, cuit=20111111113, point_of_sale=3)
    async with running_app(qtbot, tmp_path, token, fiscal=bad) as w:
        label = _label(w)
        await _sell(w)
        await wait_until(lambda: label.text().endswith("(1 sale waits for its invoice)"), what="one kept")
        await _sell(w)
        await wait_until(lambda: label.text().endswith("(2 sales wait for their invoice)"), what="two kept")
        assert "every sale is kept" in label.toolTip()
    async with running_app(qtbot, tmp_path, token, fiscal=SETUP) as w:  # fixed, the next start
        label = _label(w)
        await wait_until(lambda: label.text() == "ARCA: every sale invoiced", 10, what="the kept sales invoiced")
        records = await w.services.fiscal.invoices.all()
        assert [(r.number, r.status) for r in records] == [(1, "authorized"), (2, "authorized")]
