"""Issue 14.8: a sale's first, expired charge is visible in F9 (not only "charge 2"), and a COPY
reprinted later keeps the original's date and number, not the reprint time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.ui.sale.sales_view import STATE_COLUMN
from tests.ui.conftest import control, running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_an_expired_first_charge_shows_in_f9_and_a_copy_keeps_the_original_time(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, expiry=1.5) as w:
        scan(w.item_field, COKE)
        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.panel_state() == "expired", 10, "the first charge expired")
        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.panel_state() == "waiting", 10, "charged again")
        await control(w, "POST", "pay")
        await wait_until(lambda: w.receipts.last_receipt is not None, 10, "the receipt")
        original = w.receipts.last_receipt
        QTest.keyClick(w, Qt.Key.Key_F9)
        sales = w.dialogs.get("sales")
        await wait_until(lambda: sales is not None and sales.table.rowCount() == 1, 10, "the sales of the day")
        text = sales.table.item(0, STATE_COLUMN).text()
        assert "charge 2" in text and "expired" in text.lower(), text  # the first charge is there too
        sales.table.selectRow(0)
        shown = []
        w.receipts.shown.connect(shown.append)
        QTest.keyClick(sales, Qt.Key.Key_F5)  # reprint (COPY)
        await wait_until(lambda: shown, 10, "the copy")
        copy = shown[0]
        assert copy.copy and copy.sale_number == original.sale_number and copy.paid_at == original.paid_at
        sales.close()
