"""Per-store receipt switches (issue 17): the VAT contained by rate and Ley 27.743's legend, on by
default in Argentina, switched off on Settings' printer page by keyboard, and a receipt built by
the window follows them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import LEY_27743, Receipt, ReceiptLine
from qrcashier.domain.vat import TaxLine
from qrcashier.ui.sale.receipt_binder import with_store_switches
from tests.ui.setup.drive import click
from tests.ui.setup.helpers import wait_until
from tests.ui.setup.test_printer_page import printer_settings

MLA = SITES["MLA"]


def printed(r: Receipt) -> str:
    return " ".join(r.to_text().split())  # the legend wraps over two rows


def receipt(site=MLA) -> Receipt:
    return Receipt(
        store_name="Kiosco", register_name="Caja 1", sale_number="00001-00000001",
        lines=[ReceiptLine("Yerba", Decimal(1), Decimal("1210"), Decimal("1210"))], total=Decimal("1210"),
        site=site, paid_at=datetime(2026, 12, 7, 12, tzinfo=UTC),
        taxes=[TaxLine(Decimal("21"), Decimal("1000"), Decimal("210"))], legend=LEY_27743 if site is MLA else "",
    )


def test_the_defaults_are_on_in_argentina(settings):
    settings.site = "MLA"
    assert settings.receipt_vat is None and settings.receipt_switches() == (True, True)
    shown = printed(with_store_switches(receipt(), settings))
    assert "IVA contenido 21 %" in shown and LEY_27743 in shown
    settings.site = "MLB"
    assert settings.receipt_switches()[1] is False  # the legend is Argentina's


def test_each_switch_off_drops_its_lines(settings):
    settings.site = "MLA"
    settings.receipt_legend = False
    text = printed(with_store_switches(receipt(), settings))
    assert "IVA contenido 21 %" in text and LEY_27743 not in text
    settings.receipt_vat = False
    settings.receipt_legend = None
    text = printed(with_store_switches(receipt(), settings))
    assert "IVA contenido" not in text and LEY_27743 not in text  # no VAT shown: no legend by default


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_the_printer_page_switches_them_off_by_keyboard(qtbot, make_env, settings, tmp_path):
    settings.site = "MLA"
    dialog = await printer_settings(qtbot, make_env, settings, tmp_path)
    page = dialog.page("printer")
    assert page.vat_box.isChecked() and page.legend_box.isChecked() and page.legend_box.isVisible()
    page.legend_box.setFocus()
    QTest.keyClick(page.legend_box, Qt.Key.Key_Space)
    assert not page.legend_box.isChecked()
    click(qtbot, dialog.save_button)
    await wait_until(lambda: settings.receipt_legend is False, 10, "the save")
    assert settings.receipt_switches() == (True, False)
