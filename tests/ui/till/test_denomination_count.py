"""Counting the drawer by denomination in the open and close dialogs, keyboard only: quantities
typed row after row (Enter: next), the total in Decimal fills the amount, the difference follows;
Enter on the last row confirms; typing over the total drops the count by denomination."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.denominations import denominations
from qrcashier.domain.money import SITES
from qrcashier.ui.till.dialogs import CloseShiftDialog, OpenShiftDialog
from tests.ui.till.test_till_dialogs import show as show_dialog

MLA, MLB, MLC = SITES["MLA"], SITES["MLB"], SITES["MLC"]
CONFIG = TillConfig.for_site(MLA, difference_threshold=Decimal("100"))


def show(qtbot, dialog):
    """Shown, active, and with a focused field (the keyboard goes where the cashier looks)."""
    show_dialog(qtbot, dialog)
    first = dialog.grid.fields[0]

    def focused() -> bool:  # windows left by earlier tests may hold the activation: take it back
        if QApplication.focusWidget() is not first:
            dialog.raise_()
            dialog.activateWindow()
            first.setFocus()
        return QApplication.focusWidget() is first

    qtbot.waitUntil(focused)
    return dialog


def type_counts(grid, quantities: dict[Decimal, int]) -> None:
    """From the first row: type each row's quantity (or nothing) and press Enter, as a cashier does."""
    grid.fields[0].setFocus()
    for value, field in zip(grid.values, grid.fields, strict=True):
        if value in quantities:
            QTest.keyClicks(field, str(quantities[value]))
        if value == grid.values[-1]:
            return
        QTest.keyClick(field, Qt.Key.Key_Return)  # to the next row
        nxt = grid.fields[grid.fields.index(field) + 1]
        assert nxt.hasFocus(), (value, QApplication.focusWidget(), nxt, field.hasFocus())


def test_close_counted_by_denomination(qtbot):
    dialog = show(qtbot, CloseShiftDialog(Decimal("25510"), MLA, CONFIG))
    got = []
    dialog.counted.connect(lambda *args: got.append(args))
    grid = dialog.grid
    assert grid.values[:2] == (Decimal("20000"), Decimal("10000")) and grid.values[-1] == Decimal("1")
    type_counts(grid, {Decimal("20000"): 1, Decimal("2000"): 2, Decimal("500"): 3, Decimal("5"): 2})
    assert grid.fields[-1].hasFocus()
    assert grid.total() == Decimal("25510.00")
    assert dialog.count.text() == "$ 25.510,00" and dialog.difference.text() == "$ 0,00"
    assert grid.subtotals[grid.values.index(Decimal("500"))].text() == "$ 1.500,00"
    assert dialog.counts == {Decimal("20000"): 1, Decimal("2000"): 2, Decimal("500"): 3, Decimal("5"): 2}
    QTest.keyClick(grid.fields[-1], Qt.Key.Key_Return)  # Enter on the last (empty) row: close
    assert got == [(Decimal("25510.00"), "", False)] and not dialog.isVisible()


def test_a_short_count_shows_the_difference_and_typing_over_the_total_drops_the_denominations(qtbot):
    dialog = show(qtbot, CloseShiftDialog(Decimal("1000"), MLA, CONFIG))
    type_counts(dialog.grid, {Decimal("500"): 1, Decimal("200"): 2})
    assert dialog.difference.text() == "-$ 100,00"
    QTest.keyClick(dialog.grid.fields[3], Qt.Key.Key_Backspace)  # the 1000 row was empty: still 900
    assert dialog.count.text() == "$ 900,00"
    dialog.count.selectAll()
    QTest.keyClicks(dialog.count, "1000")
    assert dialog.difference.text() == "$ 0,00" and dialog.counts is None  # a typed total wins


def test_open_with_a_float_counted_by_denomination_and_tab_moves_between_rows(qtbot):
    dialog = show(qtbot, OpenShiftDialog(MLB))
    got = []
    dialog.opened.connect(got.append)
    grid = dialog.grid
    grid.fields[0].setFocus()
    QTest.keyClicks(grid.fields[0], "1")  # one 200 note
    QTest.keyClick(grid.fields[0], Qt.Key.Key_Tab)
    assert grid.fields[1].hasFocus()
    quarter = grid.values.index(Decimal("0.25"))
    grid.fields[quarter].setFocus()
    QTest.keyClicks(grid.fields[quarter], "3")  # coins: 0.75
    QTest.keyClicks(grid.fields[quarter], "x")  # not a number: refused by the field
    assert grid.fields[quarter].text() == "3"
    assert grid.total() == Decimal("200.75") and dialog.amount.text() == "R$ 200,75"
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert got == ["R$ 200,75"]  # the float as shown; the engine reads it with the site's rules
    from qrcashier.domain.money import parse_amount
    assert parse_amount(got[0], MLB, allow_zero=True) == Decimal("200.75")


def test_whole_unit_sites_and_every_site_have_their_denominations():
    notes, coins = denominations(MLC)
    assert all(v == v.to_integral() for v in notes + coins)
    for site in SITES.values():
        notes, coins = denominations(site)
        assert notes and list(notes + coins) == sorted(notes + coins, reverse=True)


def test_the_counted_field_reads_as_the_site_writes_money_in_every_site(qtbot):
    """Issue 16: the close dialog's Counted field showed "49010.00"; it shows the site's money and
    what it shows is read back as the same amount, whatever the site's separators and decimals."""
    from qrcashier.domain.money import SITES, parse_amount
    from qrcashier.domain.receipt import format_money

    for site in SITES.values():
        dialog = CloseShiftDialog(Decimal(0), site, TillConfig.for_site(site))
        if dialog.grid is None:
            dialog.deleteLater()
            continue
        show(qtbot, dialog)
        type_counts(dialog.grid, {dialog.grid.values[0]: 2, dialog.grid.values[-1]: 3})
        total = dialog.grid.total()
        assert dialog.count.text() == format_money(total, site), site.id
        assert parse_amount(dialog.count.text(), site) == total, site.id
        assert dialog.counts == {dialog.grid.values[0]: 2, dialog.grid.values[-1]: 3}, site.id
        dialog.close()
