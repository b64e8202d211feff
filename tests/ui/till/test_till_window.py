"""The till in the real window against the sandbox, keyboard only: open a shift, a cash sale with
change (F8), then a QR charge that fails offline settled in cash, and the close with its report."""

from __future__ import annotations

import socket
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from tests.ui.conftest import running_app, wait_until

COKE = "7790895000102"  # $ 3.800,00 in the demo catalog
TILL = TillConfig.for_site(SITES["MLA"], difference_threshold=Decimal("100"))


def scan(widget, code: str) -> None:
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def press(window, key) -> None:
    """A window shortcut, with the window active again (as the desktop does once a dialog closes)."""
    window.activateWindow()
    QTest.keyClick(window, key)


async def type_into(field, text: str) -> None:
    """A person typing: the scanner capture holds fast keys back a moment, so Enter waits for them."""
    QTest.keyClicks(field, text)
    await wait_until(lambda: field.text() == text, what=f"{text!r} typed")
    QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_shift_with_a_cash_sale_and_an_offline_qr_settled_in_cash(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, till=TILL) as w:
        await wait_until(lambda: w.panel_state() == "idle", what="the engine ready")
        scan(w.item_field, COKE)
        QTest.keyClick(w, Qt.Key.Key_F12)  # no shift yet: the charge is refused, nothing is sent
        await wait_until(lambda: w.panel_state() == "failed", what="the refused charge")
        press(w, Qt.Key.Key_F8)  # cash without a shift opens the shift dialog
        await wait_until(lambda: type(w.till.dialog).__name__ == "OpenShiftDialog", what="the open-shift dialog")
        await type_into(w.till.dialog.amount, "10.000")
        await wait_until(lambda: "Shift 1 is open" in w.item_message.text(), what="the shift open")

        w.till.cash()  # F8 (the window shortcut is pressed above; offscreen, a closed dialog leaves no window active)
        await wait_until(lambda: type(w.till.dialog).__name__ == "TenderDialog", what="the tender dialog")
        tender = w.till.dialog
        await type_into(tender.received, "5.000")
        await wait_until(lambda: w.panel_state() == "paid", what="the cash sale paid")
        assert "Change: $ 1.200,00" in w.status_panel.sentence.text()
        await wait_until(lambda: w.customer.state() == "paid" and "1.200,00" in w.customer.message_text(),
                         what="the change on the customer window")
        attempts = await w.engine.attempts()
        assert [a.gateway for a in attempts if a.state == AttemptState.PAID] == ["cash"]
        receipt = await w.build_receipt((await w.engine.journal.run(lambda db: db.receipts()))[0])
        assert receipt.sale_number == "00001-00000001" and "VUELTO" in receipt.to_text()

        # the next sale goes to the QR, the network is down, the cashier settles it in cash
        scan(w.item_field, COKE)
        http = w.services.client.http
        real = http.base_url
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            http.base_url = f"http://127.0.0.1:{s.getsockname()[1]}"
        await w.charge()
        await wait_until(lambda: w.panel_state() == "offline", what="the offline charge")
        http.base_url = real
        w.till.cash()
        await wait_until(lambda: type(w.till.dialog).__name__ == "TenderDialog" and w.till.dialog is not tender,
                         what="the second tender dialog")
        QTest.keyClick(w.till.dialog.received, Qt.Key.Key_F2)  # exact
        QTest.keyClick(w.till.dialog.received, Qt.Key.Key_Return)
        await wait_until(lambda: w.panel_state() == "paid", what="the remainder paid in cash")
        assert await w.engine.expected_cash() == Decimal("17600.00")

        w.till.close_shift()
        await wait_until(lambda: type(w.till.dialog).__name__ == "CloseShiftDialog", what="the close dialog")
        assert w.till.dialog.expected.text() == "$ 17.600,00"
        await type_into(w.till.dialog.count, "17.550")
        await wait_until(lambda: type(w.till.dialog).__name__ == "QMessageBox", what="the Z report")
        assert "Z report, shift 1: 2 sales" in w.till.dialog.text()
        assert "difference -50.00" in w.till.dialog.text()
        w.till.dialog.close()
        assert await w.engine.current_shift() is None
