"""F9 search by receipt number: the sales of the day's filter box, keyboard only. `00001-00000002`
or just `2` then Enter shows only that sale (found through the engine), Enter again reprints it;
an unknown number says so and hides nothing; clearing the box shows every sale again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qrcashier.ui.sale.sales_view import SalesDialog
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import MLA

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def visible(sales: SalesDialog) -> list[str]:
    return [sales.table.item(r, 1).text() for r in range(sales.table.rowCount()) if not sales.table.isRowHidden(r)]


async def test_find_a_receipt_by_number_with_the_keyboard(qtbot, shop):
    async with shop.register() as engine:
        first, _ = await shop.paid_sale(engine, "1000.00")
        second, _ = await shop.paid_sale(engine, "2000.00")
        sales = SalesDialog(engine, MLA)
        qtbot.addWidget(sales)
        sales.show()
        await sales.refresh()
        assert sorted(visible(sales)) == ["00001-00000001", "00001-00000002"]
        reprinted: list[int] = []
        sales.reprint_requested.connect(reprinted.append)

        qtbot.keyClick(sales, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: the filter box
        await wait_until(lambda: sales.filter_box.hasFocus(), 5, "the filter box focused")
        refreshed = []
        sales.refresh_button.clicked.connect(lambda: refreshed.append(1))
        qtbot.keyClicks(sales.filter_box, "2")
        qtbot.keyClick(sales.filter_box, Qt.Key.Key_Return)
        await wait_until(lambda: visible(sales) == ["00001-00000002"], 5, "only receipt 2")
        assert sales.selected().attempt.id == second.id and sales.table.hasFocus()
        assert refreshed == []  # Enter in the box searches; it does not press the dialog's default button
        qtbot.keyClick(sales.table, Qt.Key.Key_Return)  # Enter on the found row: its COPY
        assert reprinted == [second.id]

        sales.filter_box.setFocus()
        sales.filter_box.selectAll()
        qtbot.keyClicks(sales.filter_box, "00001-00000001")
        qtbot.keyClick(sales.filter_box, Qt.Key.Key_Return)
        await wait_until(lambda: visible(sales) == ["00001-00000001"], 5, "only receipt 1")
        assert sales.selected().attempt.id == first.id

        sales.filter_box.setFocus()
        sales.filter_box.selectAll()
        qtbot.keyClicks(sales.filter_box, "00002-00000001")  # another register's point of sale
        qtbot.keyClick(sales.filter_box, Qt.Key.Key_Return)
        await wait_until(lambda: "No receipt 00002-00000001" in sales.filter_message.text(), 5, "the message")
        assert visible(sales) == ["00001-00000001"]  # nothing lost: the last search stays

        sales.filter_box.setFocus()
        sales.filter_box.selectAll()
        qtbot.keyClick(sales.filter_box, Qt.Key.Key_Backspace)  # cleared: every sale again
        assert sorted(visible(sales)) == ["00001-00000001", "00001-00000002"]
        await sales.refresh()
        assert len(visible(sales)) == 2
