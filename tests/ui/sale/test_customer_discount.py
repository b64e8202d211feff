"""The customer window shows the sale's discount under the amount (issue 17), in the site's language,
from Charge until the next customer; no discount, no line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.domain.discount import Discount, DiscountKind
from qrcashier.domain.money import SITES
from qrcashier.ui.sale.customer_window import CustomerWindow
from tests.ui.conftest import control, running_app, wait_until

MLA, MLB = SITES["MLA"], SITES["MLB"]


def test_the_discount_shows_under_the_amount_in_the_site_language(qtbot):
    cw = CustomerWindow()
    qtbot.addWidget(cw)
    cw.show()
    cw.show_charge(Decimal("3600.00"), MLA, discount=Decimal("400.00"))
    assert cw.amount_text() == "$ 3.600,00" and cw.discount_text() == "Descuento: $ 400,00"
    cw.show_charge(Decimal("90.00"), MLB, None, Decimal("10.00"))
    assert cw.discount_text() == "Desconto: R$ 10,00"
    cw.show_charge(Decimal("90.00"), MLB)
    assert cw.discount_text() == ""
    cw.show_charge(Decimal("90.00"), MLB, None, Decimal("10.00"))
    cw.set_state("idle")
    assert cw.discount_text() == ""


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_a_discounted_charge_shows_its_discount_on_the_customer_window(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        w._add("Yerba", Decimal("2000"), 2)
        w.model.cart.set_line_discount(0, Discount.create(DiscountKind.PERCENT, "10", "promo", MLA))
        w.model.changed.emit()
        QTest.keyClick(w, Qt.Key.Key_F12)
        await wait_until(lambda: w.customer.state() == "waiting", what="the customer window waiting")
        assert w.customer.amount_text() == "$ 3.600,00"
        assert w.customer.discount_text() == "Descuento: $ 400,00"
        await control(w, "POST", "pay")
        await wait_until(lambda: w.customer.state() == "paid", what="paid")
        assert w.customer.discount_text() == "Descuento: $ 400,00"
