"""The till's dialogs driven with the keyboard only: tender (typed, quick note, exact, short),
close (difference, a reason over the threshold), cash out."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.ui.till.dialogs import CashMoveDialog, CloseShiftDialog, TenderDialog

MLA = SITES["MLA"]
CONFIG = TillConfig.for_site(MLA, difference_threshold=Decimal("100"), movement_threshold=Decimal("5000"))


def show(qtbot, dialog):
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # kept for the assertions; qtbot closes it
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_tender_typed_amount_shows_the_change_and_enter_takes_it(qtbot):
    dialog = show(qtbot, TenderDialog(Decimal("3801.50"), MLA, CONFIG))
    got = []
    dialog.tendered.connect(got.append)
    QTest.keyClicks(dialog.received, "3000")
    QTest.keyClick(dialog.received, Qt.Key.Key_Return)
    assert got == [] and dialog.isVisible() and "Less than" in dialog.error.text()  # short: nothing taken
    dialog.received.selectAll()
    QTest.keyClicks(dialog.received, "5.000")
    assert dialog.change.text() == "$ 1.198,50"
    QTest.keyClick(dialog.received, Qt.Key.Key_Return)
    assert got == [Decimal("5000.00")] and not dialog.isVisible()


def test_tender_quick_note_and_exact_from_the_keyboard(qtbot):
    dialog = show(qtbot, TenderDialog(Decimal("3801.50"), MLA, CONFIG))
    got = []
    dialog.tendered.connect(got.append)
    QTest.keyClick(dialog.received, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the first quick note: 4.000
    qtbot.waitUntil(lambda: dialog.change.text() == "$ 198,50")
    QTest.keyClick(dialog.received, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: dialog.change.text() == "$ 0,00")
    QTest.keyClick(dialog.received, Qt.Key.Key_Return)
    assert got == [Decimal("3801.50")]


def test_close_shows_the_difference_and_asks_a_reason_over_the_threshold(qtbot):
    dialog = show(qtbot, CloseShiftDialog(Decimal("10000"), MLA, CONFIG))
    got = []
    dialog.counted.connect(lambda *args: got.append(args))
    assert dialog.expected.text() == "$ 10.000,00"
    QTest.keyClicks(dialog.count, "9700")
    assert dialog.difference.text() == "-$ 300,00" and "supervisor" in dialog.error.text()
    QTest.keyClick(dialog.count, Qt.Key.Key_Return)
    assert got == [] and dialog.focusWidget() is dialog.reason
    QTest.keyClicks(dialog.reason, "coins missing")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert got == [(Decimal("9700.00"), "coins missing", True)]


def test_close_within_the_threshold_needs_no_reason(qtbot):
    dialog = show(qtbot, CloseShiftDialog(Decimal("10000"), MLA, CONFIG))
    got = []
    dialog.counted.connect(lambda *args: got.append(args))
    QTest.keyClicks(dialog.count, "9950")
    QTest.keyClick(dialog.count, Qt.Key.Key_Return)
    assert got == [(Decimal("9950.00"), "", False)]


def test_cash_out_needs_a_reason_and_says_when_a_supervisor_is_needed(qtbot):
    dialog = show(qtbot, CashMoveDialog("out", MLA, CONFIG))
    got = []
    dialog.moved.connect(lambda *args: got.append(args))
    QTest.keyClicks(dialog.amount, "6000")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert got == [] and dialog.focusWidget() is dialog.reason
    QTest.keyClicks(dialog.reason, "supplier")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert got == [("out", Decimal("6000.00"), "supplier", True)]


def test_split_takes_the_cash_part_and_shows_what_goes_to_the_qr(qtbot):
    from qrcashier.ui.till.dialogs import SplitDialog

    dialog = show(qtbot, SplitDialog(Decimal("3800"), MLA, CONFIG))
    got = []
    dialog.chosen.connect(lambda *args: got.append(args))
    QTest.keyClicks(dialog.part, "3800")
    assert "whole sale" in dialog.error.text()  # all of it in cash is a cash sale
    dialog.part.clear()
    QTest.keyClicks(dialog.part, "1000")
    assert dialog.remainder.text() == "$ 2.800,00"
    QTest.keyClicks(dialog.received, "2000")
    QTest.keyClick(dialog.received, Qt.Key.Key_Return)
    assert got == [(Decimal("1000.00"), Decimal("2000.00"))]
