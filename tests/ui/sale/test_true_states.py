"""States that say what is true (issue 14.3), on the real window against the sandbox, driven
with the keyboard: the network lost while the order is on the QR, the cart with lines before
any charge, and the "Added" line after the quantity changed."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import control, running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def closed_port() -> str:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


async def test_network_lost_while_on_the_qr_says_do_not_charge_again_and_the_payment_completes(
    qtbot, tmp_path, token
):
    async with running_app(qtbot, tmp_path, token) as w:
        scan(w.item_field, COKE)
        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.panel_state() == "waiting", what="the order on the QR")
        http = w.services.client.http
        real = http.base_url
        http.base_url = closed_port()  # Mercado Pago stops answering
        await wait_until(lambda: w.panel_state() == "verifying", 15, "the cashier told the truth")
        assert "if the customer has paid" in w.status_panel.sentence.text()
        assert "Do not charge again" in w.status_panel.next_step.text()
        await wait_until(lambda: w.customer.state() == "verifying", what="the customer window")
        assert w.customer.state_text() == "Pago en verificación"  # MLA: the customer's Spanish
        assert w.model.locked and not w.charge_button.isEnabled()  # no second charge
        await control(w, "POST", "scan")  # meanwhile the customer pays on the phone
        await control(w, "POST", "pay", {"status": "approved"})
        assert w.panel_state() == "verifying"
        http.base_url = real  # the connection is back
        await wait_until(lambda: w.panel_state() == "paid", 15, "paid")
        await wait_until(lambda: w.customer.state() == "paid", what="the customer's paid")


async def test_a_cart_with_lines_is_a_sale_in_progress_not_ready_to_scan(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        assert w.panel_state() == "idle"
        scan(w.item_field, COKE)
        await wait_until(lambda: w.panel_state() == "cart", what="the sale in progress")
        assert "Scan or type an item to start" not in w.status_panel.sentence.text()
        assert w.status_panel.title.text() == "Sale in progress"


async def test_added_follows_the_quantity(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        scan(w.item_field, "2*" + COKE)
        assert "× 2" in w.item_message.text()
        w.cart_view.setFocus()
        QTest.keyClick(w.cart_view, Qt.Key.Key_Plus)
        await wait_until(lambda: w.model.cart.lines[0].quantity == 3, what="quantity 3")
        assert "× 3" in w.item_message.text() and "× 2" not in w.item_message.text()
