"""Refunds in the sales of the day (F9): the row says Partly refunded / Refunded, the footer the
net; each approved refund shows (and prints, with a printer) a refund slip with the net."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from qrcashier.domain.sale import AttemptState as S
from qrcashier.ui.sale.sales_view import STATE_COLUMN, SalesDialog
from qrcashier.ui.supervisor import refund_slip
from qrcashier.ui.supervisor.refund import RefundDialog
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import MLA, enter_pin, wait_state

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def fake_window(engine):
    """What the slip needs from the main window: the header, the printer, show_receipt."""
    shown: list = []
    services = SimpleNamespace(store_name="Kiosco", register_name="CAJA1", engine=engine,
                               options=SimpleNamespace(printer_name=None))
    return SimpleNamespace(services=services, site=MLA, show_receipt=shown.append, item_error=shown.append), shown


async def refund_by_keyboard(qtbot, shop, dialog, amount: str | None, name: str = "Marta") -> None:
    """Type the reason and (for a part) the amount, press Enter on the Refund button, give the PIN."""
    before = dialog.last_record
    qtbot.keyClicks(dialog.reason.lineEdit(), "Returned goods")
    if amount is not None:
        qtbot.keyClicks(dialog.amount_field, amount)
    dialog.refund_button.setFocus()
    qtbot.keyClick(dialog.refund_button, Qt.Key.Key_Space)
    await enter_pin(qtbot, shop.gate, name=name)
    await wait_until(lambda: dialog.last_record is not before and not dialog._working, 10, "the refund")


async def test_sales_of_the_day_show_refunds_and_the_net_and_a_slip_prints(qtbot, shop):
    async with shop.register() as engine:
        attempt, payment = await shop.paid_sale(engine, "3000.00")
        sales = SalesDialog(engine, MLA)
        qtbot.addWidget(sales)
        sales.show()
        await sales.refresh()
        assert sales.table.item(0, STATE_COLUMN).text() == "Paid"
        assert plain(sales.summary.text()) == "1 paid · $ 3.000,00"

        window, shown = fake_window(engine)
        dialog = RefundDialog(engine, shop.gate, MLA, attempt.id)
        refund_slip.attach(dialog, window)
        qtbot.addWidget(dialog)
        dialog.open()
        await wait_until(lambda: dialog.payments, 10, "the payments")
        await refund_by_keyboard(qtbot, shop, dialog, "1000")
        await wait_until(lambda: shown, 10, "the refund slip")
        slip = shown[-1]
        assert slip.refunded == Decimal("1000.00") and slip.net_total == Decimal("2000.00") and not slip.copy
        assert "-$ 1.000,00" in plain(slip.to_text()) and "$ 2.000,00" in plain(slip.to_text())

        await sales.refresh()
        assert sales.table.item(0, STATE_COLUMN).text() == "Partly refunded"
        assert plain(sales.table.item(0, STATE_COLUMN - 1).text()) == "-$ 1.000,00"
        assert plain(sales.summary.text()) == "1 paid · $ 3.000,00 · refunded $ 1.000,00 · net $ 2.000,00"

        await refund_by_keyboard(qtbot, shop, dialog, None, name="Ana")  # what is left
        await wait_until(lambda: len(shown) == 2, 10, "the second slip")
        assert shown[-1].net_total == Decimal(0) and len(shown[-1].refunds) == 2
        await sales.refresh()
        assert sales.table.item(0, STATE_COLUMN).text() == "Refunded"
        assert plain(sales.summary.text()).endswith("refunded $ 3.000,00 · net $ 0,00")
        dialog.close()


async def test_an_ended_first_charge_is_visible_in_the_row(qtbot, shop):
    async with shop.register() as engine:
        first = await shop.charge(engine, "700.00")
        await engine.cancel(first.id, "Marta", "The customer went for cash")  # ended as an expiry would
        await wait_state(engine, first.id, S.CANCELLED)
        second = await engine.charge(first.sale_id)  # the cashier charges the same sale again
        await shop.pay()
        await wait_state(engine, second.id, S.PAID)
        sales = SalesDialog(engine, MLA)
        qtbot.addWidget(sales)
        await sales.refresh()
        assert sales.table.item(0, STATE_COLUMN).text() == "Paid (charge 2; before: charge cancelled)"
