"""The cashier's main window on a running qasync loop, against the real sandbox on loopback.

Every test drives the real widgets (item field, Charge, Esc) and the sandbox plays the
customer through its control API, as the phone page would.
"""

from __future__ import annotations

import socket
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from qrcashier.domain.sale import AttemptState
from tests.ui.conftest import control, running_app, wait_until

COKE = "7790895000102"  # Coca-Cola Original 2,25 L, $ 3.800,00 in the demo catalog
ORDERS_PUT = "/orders"


def scan(widget, code: str) -> None:
    """A keyboard-wedge scanner: the digits in a burst, then Enter, into whatever has focus."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def order_puts(log) -> int:
    return sum(1 for method, path in log if method == "PUT" and path.endswith(ORDERS_PUT))


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_whole_sale_from_a_scanned_barcode_to_the_receipt(qtbot, tmp_path, token, put_log):
    async with running_app(qtbot, tmp_path, token) as w:
        log = put_log(w)
        assert w.panel_state() == "idle" and w.charge_button.isEnabled() is False  # empty cart
        # Start-up already had Mercado Pago's answers (account, store, POS): the header says so.
        assert w.connection_label.text().startswith("Mercado Pago: connected (last answer ")
        # The scanner types while the cart table has focus: the code still lands in the item field.
        scan(w.cart_view, COKE)
        scan(w.item_field, "2*" + COKE)  # and straight into the item field, with a quantity
        assert w.model.rowCount() == 1 and w.model.cart.lines[0].quantity == 3
        assert w.total_label.text() == "$ 11.400,00"
        assert w.charge_button.isEnabled()

        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.panel_state() == "waiting", what="the order on the QR")
        assert w.model.locked and not w.charge_button.isEnabled()
        # The customer window follows in its own turn of the loop.
        await wait_until(lambda: w.customer.state() == "waiting", what="the customer window")
        assert w.customer.amount_text() == "$ 11.400,00"
        assert w.customer.shown_qr() == w.services.pos.qr_code
        await wait_until(lambda: w.status_panel.countdown.text() not in ("", "0:00"), what="the countdown")

        # The cart is locked while the customer pays.
        scan(w.item_field, COKE)
        assert w.model.cart.lines[0].quantity == 3 and "locked" in w.item_message.text()

        await control(w, "POST", "scan")
        await wait_until(lambda: w.panel_state() == "scanned", what="scanned")
        await wait_until(lambda: w.customer.state() == "scanned", what="the customer window")
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: w.panel_state() == "paid" and w.last_receipt is not None, what="paid + receipt")

        receipt = w.last_receipt
        assert receipt.total == Decimal("11400.00") and not receipt.copy
        assert receipt.payment_ids and receipt.merchant_order_id
        assert [(line.description, line.quantity) for line in receipt.lines] == [("Coca-Cola Original 2,25 L", 3)]
        assert receipt.store_name == "Kiosco Demo" and receipt.register_name == "Caja 1"
        text = w.receipt_dialog.text()
        assert receipt.payment_ids[0] in text and receipt.merchant_order_id in text and "COPIA" not in text
        await wait_until(lambda: w.customer.state() == "paid", what="the customer window")
        assert order_puts(log) == 1

        # The next scan starts a new sale.
        scan(w.item_field, COKE)
        assert w.model.rowCount() == 1 and w.model.cart.lines[0].quantity == 1
        assert w.panel_state() == "cart" and w.charge_button.isEnabled()  # a sale in progress

        # Sales of the day lists the paid sale; a reprint says COPY.
        w.open_sales()
        await wait_until(lambda: w.sales_dialog is not None and w.sales_dialog.rows, what="the sales list")
        row = w.sales_dialog.rows[0]
        assert row.attempt.state == AttemptState.PAID and str(row.payment_ids[0]) == receipt.payment_ids[0]
        assert "1 paid · $ 11.400,00" in w.sales_dialog.summary.text()
        shown = w.receipts_shown
        w.sales_dialog.reprint()
        await wait_until(lambda: w.receipts_shown > shown, what="the copy")
        assert w.last_receipt.copy and "COPIA" in w.receipt_dialog.text()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_rejected_payment_then_the_customer_pays(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        await control(w, "POST", "scan")
        await control(w, "POST", "pay", {"status": "rejected"})
        await wait_until(lambda: w.panel_state() == "rejected", what="rejected")
        assert "try again" in w.status_panel.next_step.text()
        await wait_until(lambda: w.customer.state() == "rejected", what="the customer window")
        assert w.model.locked and not w.charge_button.isEnabled()  # still live: the customer may retry
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: w.panel_state() == "paid" and w.last_receipt is not None, what="paid")
        assert len(w.last_receipt.payment_ids) == 1  # only the approved payment


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_expiry_unlocks_the_cart_and_the_same_sale_can_be_charged_again(qtbot, tmp_path, token, put_log):
    async with running_app(qtbot, tmp_path, token, expiry=1.5) as w:
        log = put_log(w)
        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        first_sale = w.sale_id
        await wait_until(lambda: w.panel_state() == "expired", timeout=10, what="expired")
        assert "Charge (F12)" in w.status_panel.next_step.text()
        assert not w.model.locked and w.charge_button.isEnabled()
        await wait_until(lambda: w.customer.state() == "expired", what="the customer window")
        # Charging again re-uses the sale (attempt 2), it does not make a second sale.
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting again")
        assert w.sale_id == first_sale and w.attempt.number == 2
        assert order_puts(log) == 2


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_offline_at_charge_time_keeps_the_sale_and_charge_works_again(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        scan(w.item_field, COKE)
        http = w.services.client.http
        real = http.base_url
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            closed = f"http://127.0.0.1:{s.getsockname()[1]}"
        http.base_url = closed
        await w.charge()
        await wait_until(lambda: w.panel_state() == "offline", what="offline")
        assert (
            "internet connection" in w.status_panel.sentence.text().lower() or "reach" in w.status_panel.sentence.text()
        )
        assert "sale is kept" in w.status_panel.next_step.text()
        await wait_until(lambda: w.customer.state() == "offline", what="the customer window")
        assert not w.model.locked and w.charge_button.isEnabled()
        assert w.model.rowCount() == 1 and w.sale_id is not None
        sale_id = w.sale_id
        attempts = await w.engine.attempts(sale_id=sale_id)
        assert [a.state for a in attempts] == [AttemptState.FAILED]

        http.base_url = real  # the connection is back
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        assert w.sale_id == sale_id
        await control(w, "POST", "scan")
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: w.panel_state() == "paid", what="paid")


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_double_press_on_charge_publishes_one_order(qtbot, tmp_path, token, put_log):
    async with running_app(qtbot, tmp_path, token) as w:
        log = put_log(w)
        # Mercado Pago is slow to accept the order, so the second press lands mid-publish.
        await w.services.sandbox_control(
            "PUT", "/sandbox/faults",
            [{"path": "/instore/*/orders", "method": "PUT", "kind": "latency", "seconds": 0.4, "times": 1}],
        )
        scan(w.item_field, COKE)
        first = w.charge()
        qtbot.mouseClick(w.charge_button, Qt.MouseButton.LeftButton)  # disabled: ignored
        QTest.keyClick(w, Qt.Key.Key_F12)  # the shortcut: a no-op while sending
        second = w.charge()
        await first
        await second
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        QTest.keyClick(w, Qt.Key.Key_F12)  # and once the order is live
        await w.charge()
        assert order_puts(log) == 1
        assert len(await w.engine.attempts()) == 1


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_keyboard_edits_and_esc_asks_only_when_the_cart_has_lines(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        w.item_field.setFocus()
        scan(w.item_field, COKE)
        scan(w.item_field, "yerba playadito 500")  # a unique name match is added directly
        assert [line.title for line in w.model.cart.lines] == [
            "Coca-Cola Original 2,25 L",
            "Yerba Mate Playadito 500 g",
        ]
        QTest.keyClick(w.item_field, Qt.Key.Key_Plus)  # + on an empty item field: quantity of the selected line
        QTest.keyClick(w.item_field, Qt.Key.Key_Plus)
        assert w.model.cart.lines[1].quantity == 3
        QTest.keyClick(w.item_field, Qt.Key.Key_Minus)
        assert w.model.cart.lines[1].quantity == 2
        assert w.total_label.text() == "$ 9.800,00"
        QTest.keyClick(w.item_field, Qt.Key.Key_Up)
        QTest.keyClick(w.item_field, Qt.Key.Key_Delete)
        assert [line.title for line in w.model.cart.lines] == ["Yerba Mate Playadito 500 g"]
        scan(w.item_field, "0000000000")
        assert "No product" in w.item_message.text()

        # Esc with lines asks first; "No" keeps the cart.
        QTest.keyClick(w, Qt.Key.Key_Escape)
        box = w.confirm_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        box.button(QMessageBox.StandardButton.No).click()
        assert w.model.rowCount() == 1
        QTest.keyClick(w, Qt.Key.Key_Escape)
        w.confirm_box.button(QMessageBox.StandardButton.Yes).click()
        assert w.model.rowCount() == 0 and w.total_label.text() == "$ 0,00"
        # An empty cart clears without asking.
        w.confirm_box = None
        QTest.keyClick(w, Qt.Key.Key_Escape)
        assert w.confirm_box is None


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_free_item_and_search_dialogs(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        QTest.keyClick(w, Qt.Key.Key_F4)
        dialog = w.dialogs[-1]
        # Typed by a person (a synthetic burst this fast would count as a scan).
        dialog.title.setText("Fotocopias")
        dialog.price.setText("150,5")
        dialog.quantity.setValue(4)
        QTest.keyClick(dialog.price, Qt.Key.Key_Return)
        assert [(x.title, x.unit_price, x.quantity) for x in w.model.cart.lines] == [
            ("Fotocopias", Decimal("150.50"), 4)
        ]

        QTest.keyClick(w, Qt.Key.Key_F2)
        search = w.dialogs[-1]
        QTest.keyClicks(search.query, "alf")
        # held a moment by the scanner filter, then handed to the search box
        await wait_until(lambda: search.query.text() == "alf" and search.results.count() >= 3, what="the search")
        QTest.keyClick(search.query, Qt.Key.Key_Down)
        chosen = search.results.currentItem().text()
        QTest.keyClick(search.query, Qt.Key.Key_Return)
        assert w.model.rowCount() == 2 and chosen.startswith(w.model.cart.lines[1].title)
        # A scanner burst while the search dialog is open belongs to the dialog (issue 14.1: only
        # the sale window, with nothing open over it, gives a burst to the item field): the code is
        # searched, and Enter on it adds the product through the dialog.
        # (Closing the dialog gave the keyboard back to the main window, asynchronously.)
        await wait_until(lambda: QApplication.activeWindow() is w, what="the main window active again")
        QTest.keyClick(w, Qt.Key.Key_F2)
        search = w.dialogs[-1]
        search.query.setFocus()
        QTest.keyClicks(search.query, COKE)
        assert w.item_field.text() == "" and w.model.rowCount() == 2
        await wait_until(lambda: search.query.text() == COKE and search.results.count() == 1, what="the code searched")
        QTest.keyClick(search.query, Qt.Key.Key_Return)
        assert w.model.cart.lines[-1].title == "Coca-Cola Original 2,25 L"
        search.reject()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_with_a_printer_the_receipt_prints_once_and_a_reprint_is_a_copy(qtbot, tmp_path, token, monkeypatch):
    from qrcashier.ui.printing import qprinter as printing

    printed = []
    monkeypatch.setattr(printing, "print_receipt", lambda receipt, name=None, **kw: printed.append(receipt) or name)
    async with running_app(qtbot, tmp_path, token, printer_name="Counter") as w:
        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        await control(w, "POST", "scan")
        await control(w, "POST", "pay", {"status": "approved"})
        await wait_until(lambda: len(printed) == 1 and w.panel_state() == "paid", what="printed")
        assert not printed[0].copy
        await wait_until(lambda: "receipt was printed" in w.status_panel.next_step.text(), what="the panel says so")
        assert await w.engine.receipts(unprinted=True) == []  # not offered again after a restart
        await w.reprint(w.attempt.id)
        await wait_until(lambda: len(printed) == 2, what="the copy printed")
        assert printed[1].copy and printed[1].payment_ids == printed[0].payment_ids
        # The QR sticker, as a PDF.
        pdf = tmp_path / "sticker.pdf"
        w.catalog.save_sticker_pdf(str(pdf))
        assert pdf.read_bytes().startswith(b"%PDF") and "saved" in w.item_message.text()


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_catalog_import_from_the_window_reports_rejected_rows_and_scans_keep_working(qtbot, tmp_path, token):
    from qrcashier.catalog import gtin_check_digit

    body = "779000000001"
    good = body + str(gtin_check_digit(body))
    csv = tmp_path / "products.csv"
    csv.write_text(f"codigo;ean;descripcion;precio\nN1;{good};Mate de calabaza;12500,50\nN2;;;10\nN3;123;Bad;5\n",
                   encoding="utf-8")
    async with running_app(qtbot, tmp_path / "data", token) as w:
        task = w.catalog.import_catalog(str(csv))
        scan(w.item_field, COKE)  # the import runs off the UI thread: scanning goes on
        assert w.model.rowCount() == 1
        await task
        report = w.catalog.last_import_report
        assert (report.added, [r.line for r in report.rejected]) == (1, [3, 4])
        assert "1 added" in w.item_message.text() and "2 rejected" in w.item_message.text()
        scan(w.item_field, good)
        assert w.model.cart.lines[-1].title == "Mate de calabaza"
        assert w.model.cart.lines[-1].unit_price == Decimal("12500.50")


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_dynamic_mode_shows_the_orders_own_qr(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, qr_mode="dynamic") as w:
        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")
        assert w.attempt.qr_data and w.attempt.qr_data != w.services.pos.qr_code
        await wait_until(lambda: w.customer.shown_qr() == w.attempt.qr_data, what="the order's QR")
        assert w.attempt.qr_data.startswith("000201")
