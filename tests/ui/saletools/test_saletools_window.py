"""Sale tools in the real window, by keyboard: park and resume a cart (F3, Shift+F3), and a line
discount above the limit approved with the supervisor PIN (F10), audited with the approver."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest

from qrcashier.settings import Mode
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import PIN, encoded_pin, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def press(window, keys: str) -> None:
    """The window shortcut, fired as Qt does for the key (offscreen has no key focus)."""
    next(s for s in window.findChildren(QShortcut) if s.key() == QKeySequence(keys)).activated.emit()


async def type_into(field, text: str, *, enter: bool = False) -> None:
    """A person typing: the scanner capture holds fast keys back a moment, so wait for them."""
    QTest.keyClicks(field, text)
    await wait_until(lambda: field.text() == text, 10, f"{text!r} typed")
    if enter:
        QTest.keyClick(field, Qt.Key.Key_Return)


async def discount_yerba(window, value: str, reason: str) -> None:
    """A 2000 line of Yerba in the cart, selected, F10 and the discount typed and entered."""
    tools = window.saletools
    window._add("Yerba", Decimal("2000"), 1)
    window.cart_view.select_row(0)
    press(window, "F10")
    await wait_until(lambda: tools.dialog is not None, 10, "the discount dialog")
    await type_into(tools.dialog.value, value)
    await type_into(tools.dialog.reason, reason, enter=True)


async def open_window(qtbot, settings, tokens, token, tmp_path):
    from qrcashier.checkout.config import PollPolicy
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    settings.mode = Mode.SANDBOX
    settings.pin_hash = encoded_pin()
    options = Options(data_dir=tmp_path, sandbox=True, token=token, load_demo_catalog=False,
                      poll=PollPolicy(interval=0.05, tick=0.1))
    services = Services(options)
    services.settings, services.tokens = settings, tokens
    window = MainWindow(services, on_quit=lambda: None)
    qtbot.addWidget(window)
    services.open_local()
    window.show()
    await window.start()
    return window


async def test_park_then_resume_by_keyboard(qtbot, settings, tokens, token, tmp_path):
    window = await open_window(qtbot, settings, tokens, token, tmp_path)
    tools = window.saletools
    try:
        window._add("Yerba", Decimal("2000"), 2)
        press(window, "F3")
        await wait_until(lambda: tools.dialog is not None, 10, "the note dialog")
        await type_into(tools.dialog.note, "Juan", enter=True)
        await wait_until(lambda: len(window.model.cart) == 0, 10, "the cart parked")
        held = await window.engine.parked()
        assert [(p.number, p.note, p.total) for p in held] == [(1, "Juan", Decimal("4000.00"))]
        press(window, "Shift+F3")
        await wait_until(lambda: tools.dialog is not None and tools.dialog.list.count() == 1, 10, "the parked list")
        QTest.keyClick(tools.dialog.list, Qt.Key.Key_Return)
        await wait_until(lambda: len(window.model.cart) == 1, 10, "the cart resumed")
        assert window.model.cart.total == Decimal("4000.00") and await window.engine.parked() == []
    finally:
        await window.shutdown()
        await window.services.close()


async def test_a_discount_above_the_limit_asks_the_pin_and_is_audited(qtbot, settings, tokens, token, tmp_path):
    window = await open_window(qtbot, settings, tokens, token, tmp_path)
    tools = window.saletools
    try:
        await discount_yerba(window, "15", "cliente frecuente")
        await wait_until(lambda: tools.dialog is None, 10, "the discount dialog accepted")
        await enter_pin(qtbot, window.supervisor.gate, PIN)
        await wait_until(lambda: window.model.cart.total == Decimal("1700.00"), 10, "the discounted total")
        line = window.model.cart.lines[0]
        assert (line.discount, line.discount_reason) == (Decimal("300.00"), "cliente frecuente")

        async def audited() -> bool:
            log = await window.engine.audit_log()
            return any(e.action == "discount" and e.details["approved_by"] == "Marta" for e in log)

        await wait_until(audited, 10, "the discount in the audit log")
    finally:
        await window.shutdown()
        await window.services.close()


async def test_shift_f9_returns_a_line_of_the_paid_sale_with_the_pin_and_shows_the_return_slip(
        qtbot, settings, tokens, token, tmp_path):
    """Issue 17: Shift+F9 on the last paid (QR) sale, one unit of its line, the supervisor PIN: a partial
    refund on Mercado Pago and a slip that prints as a return."""
    from tests.ui.conftest import control

    window = await open_window(qtbot, settings, tokens, token, tmp_path)
    tools = window.saletools
    try:
        window._add("Yerba", Decimal("2000"), 2)
        QTest.keyClick(window, Qt.Key.Key_F12)
        await wait_until(lambda: window.panel_state() == "waiting", 10, "the order on the QR")
        await control(window, "POST", "pay")
        await wait_until(lambda: window.receipts.last_receipt is not None, 15, "the sale's receipt")
        number = window.receipts.last_receipt.sale_number
        shown = []
        window.receipts.shown.connect(shown.append)
        press(window, "Shift+F9")
        await wait_until(lambda: tools.dialog is not None, 10, "the return dialog")
        dialog = tools.dialog
        spin = dialog.spins[0]
        assert spin.maximum() == 2
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_Up)  # one unit back
        await type_into(dialog.reason, "vencido", enter=True)
        await wait_until(lambda: tools.dialog is None, 10, "the return dialog accepted")
        await enter_pin(qtbot, window.supervisor.gate, PIN)
        await wait_until(lambda: tools.last_slip is not None, 15, "the return slip")
        result, slip = tools.last_return, tools.last_slip
        assert (result.kind, result.amount) == ("qr", Decimal("2000.00"))
        text = slip.to_text()
        assert slip.title == "DEVOLUCIÓN N° 1" and slip.sale_number == number  # an MLA store: Spanish slip
        assert "Venta original del " in text and "Devolución a Mercado Pago" in text
        assert slip.total == Decimal("-2000.00") and shown == [slip]  # shown on the window like a receipt
        assert await window.engine.returned_quantities(result.sale_id) == {1: 1}
    finally:
        await window.shutdown()
        await window.services.close()


async def test_pin_digits_typed_on_the_prompts_back_button_never_reach_the_item_field(
        qtbot, settings, tokens, token, tmp_path):
    """Issue 14.1 in the real window: the supervisor PIN prompt, Tab onto "Back", the PIN typed there
    (fast, as a burst) and Enter: nothing lands in the item field, no "No product ... '482913'"."""
    window = await open_window(qtbot, settings, tokens, token, tmp_path)
    try:
        await discount_yerba(window, "50", "prueba")
        gate = window.supervisor.gate
        await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the PIN prompt")
        prompt = gate.prompt
        prompt.cancel_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        prompt.cancel_button.setFocus()
        QTest.keyClicks(prompt.cancel_button, PIN)
        await wait_until(lambda: True, 0.2)  # past the capture's hold: nothing replayed elsewhere
        assert window.item_field.text() == "" and PIN not in window.item_message.text()
        assert window.model.cart.total == Decimal("2000.00")
        prompt.reject()
    finally:
        await window.shutdown()
        await window.services.close()
