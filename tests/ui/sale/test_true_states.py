"""States that say what is true (issue 14.3), on the real window against the sandbox, driven
with the keyboard: the network lost while the order is on the QR, the cart with lines before
any charge, and the "Added" line after the quantity changed."""

from __future__ import annotations

import asyncio
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


async def test_on_the_qr_until_only_once_the_order_is_on_the_qr(qtbot, tmp_path, token):
    """Issue 14.3: "on the QR until HH:MM" in the detail line is true: not while the order is being sent
    (or never reached the QR because Mercado Pago did not answer), yes once it waits on the QR."""
    async with running_app(qtbot, tmp_path, token) as w:
        http = w.services.client.http
        real = http.base_url
        with socket.socket() as hole:  # takes the connection, never answers: the publish hangs
            hole.bind(("127.0.0.1", 0))
            hole.listen(16)
            http.base_url = f"http://127.0.0.1:{hole.getsockname()[1]}"
            scan(w.item_field, COKE)
            QTest.keyClick(w, Qt.Key.Key_F12)
            await wait_until(lambda: w.panel_state() == "publishing", 10, "the order being sent")
            # the publish times out: whether the order reached the QR is not known
            await wait_until(lambda: w.panel_state() in ("checking", "not_reached"), 40, "the unknown outcome")
            await wait_until(lambda: w.status_panel.detail.text() != "", 5, "the detail line")
            for _ in range(4):
                assert "on the QR until" not in w.status_panel.detail.text(), w.panel_state()
                await asyncio.sleep(0.25)  # a moment of the unknown outcome, as a cashier watches it
            http.base_url = real
        await wait_until(lambda: w.panel_state() == "waiting", 20, "the order on the QR")
        await wait_until(lambda: "on the QR until" in w.status_panel.detail.text(), 5, "the detail line")
