"""The app-wide scanner capture: bursts land in the item field, people's typing is untouched.

Keys are sent as a keyboard sends them (QTest key clicks on the focused widget); the clock is
the capture's own, so "fast" and "slow" do not depend on the machine's speed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qrcashier.ui.sale.scanner import ScannerCapture


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def rig(qtbot, qapp):
    window = QWidget()
    item, other, table = QLineEdit(), QLineEdit(), QListWidget()
    layout = QVBoxLayout(window)
    for w in (item, other, table):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    clock = Clock()
    capture = ScannerCapture(item, clock=clock)
    scans: list[str] = []
    capture.scanned.connect(scans.append)
    qapp.installEventFilter(capture)
    yield item, other, table, clock, scans
    qapp.removeEventFilter(capture)
    capture.stop()


def type_slowly(widget, text: str, clock: Clock, gap: float = 0.12) -> None:
    for ch in text:
        clock.t += gap
        QTest.keyClick(widget, ch)


def test_burst_on_a_widget_without_text_goes_to_the_item_field(rig, qtbot):
    item, other, table, clock, scans = rig
    table.setFocus()
    QTest.keyClicks(table, "7790895000102")
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert scans == ["7790895000102"] and item.text() == ""
    qtbot.wait(80)  # past the hold timer: nothing of the scan is replayed anywhere
    assert item.text() == ""


def test_a_person_typing_slowly_on_a_widget_without_text_keeps_their_keys(rig, qtbot):
    """Issue 14.1: a person's keys on the cart table (its keyboard search) are not re-routed."""
    item, other, table, clock, scans = rig
    table.addItems(["coca", "yerba"])
    table.setFocus()
    type_slowly(table, "482913", clock)
    clock.t += 0.12
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.wait(80)
    assert scans == [] and item.text() == ""


def test_burst_into_another_text_field_is_a_scan_and_that_field_never_sees_it(rig, qtbot):
    item, other, table, clock, scans = rig
    other.setText("note")
    other.setFocus()
    QTest.keyClicks(other, "7790895000102")
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == ["7790895000102"]
    # Real time on purpose: the capture holds keys on a real 40 ms QTimer; waiting past it
    # shows that none of the scan's keys is replayed into the field afterwards.
    qtbot.wait(80)
    assert other.text() == "note"


def test_a_person_typing_in_another_field_is_replayed_unchanged(rig, qtbot):
    item, other, table, clock, scans = rig
    other.setFocus()
    type_slowly(other, "yerba mate", clock)
    qtbot.waitUntil(lambda: other.text() == "yerba mate", timeout=1000)
    clock.t += 0.12
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == []


def test_a_short_fast_burst_is_not_a_scan(rig, qtbot):
    item, other, table, clock, scans = rig
    other.setFocus()
    QTest.keyClicks(other, "12")
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == [] and other.text() == "12"


def test_typing_in_the_item_field_is_left_alone(rig):
    item, other, table, clock, scans = rig
    item.setFocus()
    QTest.keyClicks(item, "7790895000102")
    QTest.keyClick(item, Qt.Key.Key_Return)
    assert item.text() == "7790895000102" and scans == []  # the field's own Enter handles it


def test_shortcut_keys_and_modifiers_pass_untouched(rig):
    item, other, table, clock, scans = rig
    other.setText("abc")
    other.setFocus()
    QTest.keyClick(other, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert other.selectedText() == "abc"
    QTest.keyClick(other, Qt.Key.Key_Backspace)
    assert other.text() == ""


def test_a_secret_field_is_never_rerouted_even_at_scanner_speed(rig, qtbot):
    """Issue 14.1: a PIN typed fast and ended with Enter stays in the PIN field, never echoed."""
    item, other, table, clock, scans = rig
    other.setEchoMode(QLineEdit.EchoMode.Password)
    other.setFocus()
    QTest.keyClicks(other, "48291377")
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == [] and item.text() == "" and other.text() == "48291377"


def test_a_field_marked_secret_keeps_a_fast_token(rig):
    item, other, table, clock, scans = rig
    other.setProperty("secret", True)
    other.setFocus()
    QTest.keyClicks(other, "APP_USR-1234567890")
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == [] and other.text() == "APP_USR-1234567890"


def pin_prompt(parent: QWidget, qtbot) -> tuple[QDialog, QLineEdit, QPushButton]:
    dialog = QDialog(parent)
    pin, back = QLineEdit(), QPushButton("Back")
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    layout = QVBoxLayout(dialog)
    layout.addWidget(pin)
    layout.addWidget(back)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog, pin, back


@pytest.mark.parametrize("gap", [0.12, 0.002], ids=["human speed", "scanner speed"])
def test_digits_typed_on_a_dialog_button_stay_in_the_dialog(rig, qtbot, gap):
    """Issue 14.1: the PIN prompt, Tab to "Back", the digits then Enter: nothing reaches the item field."""
    item, other, table, clock, scans = rig
    dialog, pin, back = pin_prompt(item.window(), qtbot)
    pin.setFocus()
    QTest.keyClick(pin, Qt.Key.Key_Tab)
    assert back.hasFocus()
    type_slowly(back, "482913", clock, gap=gap)
    clock.t += gap
    QTest.keyClick(back, Qt.Key.Key_Return)
    qtbot.wait(80)
    assert scans == [] and item.text() == ""
    dialog.close()


def test_a_fast_path_in_a_dialog_field_with_its_completer_open_stays_there(rig, qtbot):
    """Issue 14.1: "Save as PDF": a path typed fast, a completer popup open, Enter: the path stays."""
    item, other, table, clock, scans = rig
    dialog = QDialog(item.window())
    path = QLineEdit()
    path.setCompleter(QCompleter(["/tmp/receipt-0001.pdf", "/tmp/receipt-0002.pdf"], path))
    QVBoxLayout(dialog).addWidget(path)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    path.setFocus()
    QTest.keyClicks(path, "/tmp/receipt-0003.pdf")
    QTest.keyClick(path, Qt.Key.Key_Return)
    qtbot.wait(80)
    assert scans == [] and item.text() == "" and path.text() == "/tmp/receipt-0003.pdf"
    dialog.close()


def test_a_burst_while_a_dialog_is_open_but_the_window_is_active_is_not_taken(rig, qtbot):
    item, other, table, clock, scans = rig
    dialog = QDialog(item.window())
    dialog.show()
    item.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is item.window(), timeout=2000)
    other.setFocus()
    QTest.keyClicks(other, "7790895000102")
    QTest.keyClick(other, Qt.Key.Key_Return)
    assert scans == [] and other.text() == "7790895000102"
    dialog.close()


def test_a_burst_in_another_window_is_not_taken(rig, qtbot):
    item, other, table, clock, scans = rig
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere, timeout=2000)
    elsewhere.setFocus()
    QTest.keyClicks(elsewhere, "7790895000102")
    QTest.keyClick(elsewhere, Qt.Key.Key_Return)
    assert scans == [] and elsewhere.text() == "7790895000102"
