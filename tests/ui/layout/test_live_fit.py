"""The cashier's window at 1280 x 720 through a whole QR sale, and sales of the day (F9) after it, in
en, es and pt_BR, driven by the keyboard (issue 14.5; found on the screenshots, docs/screenshots/make.py):

- while the order waited on the QR, "Cancel charge" joined the disabled "Charge with QR" and the
  waiting panel's texts: the window grew to 792 px and stayed so (a window never shrinks back);
- once paid, the wrapped detail line (sale, payment and order numbers) took the next step's last line,
  with the printer's state in the status bar;
- sales of the day squeezed "Reprint (COPY) F5" below its text beside the day's summary.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.printing.status import PrinterStatus
from qrcashier.ui.printing.status import PrinterStatusView
from tests.ui.conftest import control, running_app, wait_until
from tests.ui.layout.fit import clipped_texts
from tests.ui.layout.test_fit import LANGUAGES, SCREENS, settled, the_app_in

COKE = "7790895000102"
WIDTH, HEIGHT = SCREENS["1280x720"]


def scan(widget, code: str) -> None:
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.qt_async
@pytest.mark.asyncio
@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_qr_sale_keeps_the_window_at_1280x720_and_f9_fits(qtbot, tmp_path, token, language):
    with the_app_in(language):
        async with running_app(qtbot, tmp_path, token) as w:
            w.customer.hide()
            w.setGeometry(0, 0, WIDTH, HEIGHT)
            scan(w.item_field, COKE)
            scan(w.item_field, "3*" + COKE)
            QTest.keyClick(w, Qt.Key.Key_F12)
            await wait_until(lambda: w.panel_state() == "waiting", what="the order on the QR")
            await settled(w)
            assert w.height() <= HEIGHT and w.minimumSizeHint().height() <= HEIGHT, (w.height(), w.minimumSizeHint())
            assert w.cancel_button.isVisible() and not w.charge_button.isVisible()  # Cancel in Charge's place
            assert not clipped_texts(w), "\n".join(clipped_texts(w))

            await control(w, "POST", "pay", {"status": "approved"})
            await wait_until(lambda: w.panel_state() == "paid" and w.receipt_dialog is not None
                             and w.last_receipt is not None, what="paid")
            w.receipt_dialog.close()
            await settled(w)
            assert w.charge_button.isVisible() and not w.cancel_button.isVisible()
            # the printer's line in the status bar takes height too: the paid panel's texts still fit
            PrinterStatusView(w.statusBar()).show(PrinterStatus("offline", 1, 1, "usb://EPSON/TM-T20III"))
            await settled(w)
            assert w.height() <= HEIGHT, w.height()
            assert not clipped_texts(w), "\n".join(clipped_texts(w))
            assert w.last_receipt.payment_ids[0] in w.status_panel.detail.toolTip()  # the whole line, elided on screen

            QTest.keyClick(w, Qt.Key.Key_F9)
            await wait_until(lambda: w.sales_dialog is not None and w.sales_dialog.rows, what="sales of the day")
            sales = w.sales_dialog
            await settled(sales)
            assert sales.summary.text() and sales.reprint_button.isEnabled()
            hint = sales.sizeHint().expandedTo(sales.minimumSize())
            assert hint.width() <= 1024, hint  # fits the smaller screen too
            problems = clipped_texts(sales)
            box = sales.filter_box
            if box.fontMetrics().horizontalAdvance(box.placeholderText()) + 12 > box.width():
                problems.append(f"the receipt box's hint {box.placeholderText()!r} is cut at {box.width()} px")
            sales.close()
    assert not problems, "\n".join(problems)
