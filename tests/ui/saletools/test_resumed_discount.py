"""Issue 17 in the real window, by keyboard: a cart parked with 10 % off the whole cart (F10), resumed
(Shift+F3) and then changed (+ on a line) is still 10 % off: the journal kept the percent, not
the amount it came to when the cart was parked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.domain.discount import Discount, DiscountKind
from tests.ui.saletools.test_saletools_window import open_window, press, type_into
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_a_parked_ten_percent_stays_ten_percent_after_resume_and_a_quantity_change(
        qtbot, settings, tokens, token, tmp_path):
    window = await open_window(qtbot, settings, tokens, token, tmp_path)
    tools = window.saletools
    try:
        window._add("Yerba", Decimal("2000"), 1)
        window._add("Pan", Decimal("1000"), 1)
        press(window, "F10")
        await wait_until(lambda: tools.dialog is not None, 10, "the discount dialog")
        dialog = tools.dialog
        QTest.keyClick(dialog.whole_cart, Qt.Key.Key_Space)  # the whole cart, not the selected line
        assert dialog.whole_cart.isChecked() and dialog.kind.currentData() == "percent"
        await type_into(dialog.value, "10")
        await type_into(dialog.reason, "jubilado", enter=True)
        await wait_until(lambda: window.model.cart.total == Decimal("2700.00"), 10, "10 % off the cart")

        press(window, "F3")
        await wait_until(lambda: tools.dialog is not None, 10, "the note dialog")
        await type_into(tools.dialog.note, "vuelve", enter=True)
        await wait_until(lambda: len(window.model.cart) == 0, 10, "the cart parked")
        press(window, "Shift+F3")
        await wait_until(lambda: tools.dialog is not None and tools.dialog.list.count() == 1, 10, "the parked list")
        QTest.keyClick(tools.dialog.list, Qt.Key.Key_Return)
        await wait_until(lambda: len(window.model.cart) == 2, 10, "the cart resumed")
        assert window.model.cart.total == Decimal("2700.00")
        assert window.model.cart.cart_discount == Discount(DiscountKind.PERCENT, Decimal("10.00"), "jubilado")

        window.cart_view.select_row(0)
        window.item_field.setFocus()
        QTest.keyClick(window.item_field, Qt.Key.Key_Plus)  # one more Yerba, typed in the empty item field
        await wait_until(lambda: window.model.cart.lines[0].quantity == 2, 10, "the quantity changed")
        assert window.model.cart.total == Decimal("4500.00")  # 10 % of 5000, not 5000 less the old 300
        assert window.model.cart.discount_total == Decimal("500.00")
    finally:
        await window.shutdown()
        await window.services.close()
