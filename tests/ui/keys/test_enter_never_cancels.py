"""Enter never means Cancel: driven with the keyboard as a cashier does (QTest key events).

The F4 free item with the focus in Quantity adds the item; every dialog's Cancel/Close/Back
button is neither the default nor auto-default, and its action is."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton

import qrcashier.ui
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.ui.sale.entry_dialogs import AmountDialog, FreeItemDialog, QuantityDialog, SearchDialog
from qrcashier.ui.shell import theme
from qrcashier.ui.supervisor.token_refused import TokenRefusedNotice
from qrcashier.ui.till.dialogs import CashMoveDialog, OpenShiftDialog, TenderDialog

MLA = SITES["MLA"]
UI = Path(qrcashier.ui.__file__).parent
CANCEL_WORDS = {"cancel", "close", "back", "later", "keep it", "cancelar", "cerrar", "fechar", "voltar", "volver"}


def _first_line(button: QPushButton) -> str:
    return button.text().split("\n", 1)[0].strip().lower()


def _cancel_buttons(dialog) -> list[QPushButton]:
    return [b for b in dialog.findChildren(QPushButton)
            if _first_line(b) in CANCEL_WORDS or b.text().endswith("\nEsc")]


class _Catalog:
    def search(self, text, limit=50):
        return []


def test_free_item_enter_in_quantity_adds_the_item(qtbot):
    dialog = FreeItemDialog(MLA)
    qtbot.addWidget(dialog)
    added = []
    dialog.item.connect(lambda *args: added.append(args))
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.title, "Bolsa")
    QTest.keyClick(dialog.title, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.price, "150")
    QTest.keyClick(dialog.price, Qt.Key.Key_Tab)
    spin = dialog.quantity
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "3")
    QTest.keyClick(spin, Qt.Key.Key_Return)  # as the spin box gets it: it passes Enter on to the dialog
    assert added == [("Bolsa", Decimal("150"), 3)]  # added once, with the typed quantity
    assert dialog.result() == dialog.DialogCode.Accepted


def test_free_item_enter_with_a_bad_price_keeps_the_dialog_and_says_why(qtbot):
    dialog = FreeItemDialog(MLA)
    qtbot.addWidget(dialog)
    added = []
    dialog.item.connect(lambda *args: added.append(args))
    dialog.show()
    QTest.keyClicks(dialog.title, "Bolsa")
    QTest.keyClicks(dialog.price, "abc")
    QTest.keyClick(dialog.quantity, Qt.Key.Key_Enter)
    assert added == [] and dialog.isVisible() and dialog.error.text()
    assert dialog.title.text() == "Bolsa" and dialog.price.text() == "abc"  # nothing typed is lost


def test_enter_on_a_focused_cancel_button_does_not_cancel(qtbot):
    dialog = QuantityDialog("Yerba", 2)
    qtbot.addWidget(dialog)
    chosen = []
    dialog.value_chosen.connect(chosen.append)
    dialog.show()
    cancel = next(b for b in dialog.findChildren(QPushButton) if _first_line(b) == "cancel")
    cancel.setFocus()
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert chosen == [2] and dialog.result() == dialog.DialogCode.Accepted


def test_an_esc_button_is_never_auto_default(qtbot):
    dialog = QDialog()  # a push button is auto-default only in a dialog
    qtbot.addWidget(dialog)
    button = theme.big_button("Cancel", "Esc", role="secondary", parent=dialog)
    assert not button.autoDefault() and not button.isDefault()
    assert theme.big_button("Add", "Enter", parent=dialog).autoDefault()


DIALOGS = {
    "SearchDialog": lambda: SearchDialog(_Catalog(), MLA),
    "FreeItemDialog": lambda: FreeItemDialog(MLA),
    "QuantityDialog": lambda: QuantityDialog("Yerba", 1),
    "AmountDialog": lambda: AmountDialog("Price", "New price", MLA),
    "TokenRefusedNotice": lambda: TokenRefusedNotice(),
    "TenderDialog": lambda: TenderDialog(Decimal("100"), MLA, TillConfig()),
    "OpenShiftDialog": lambda: OpenShiftDialog(MLA),
    "CashMoveDialog": lambda: CashMoveDialog("in", MLA, TillConfig()),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialogs_cancel_is_never_the_default(qtbot, name):
    try:
        dialog = DIALOGS[name]()
    except TypeError as exc:  # a constructor changed: build it here again
        pytest.fail(f"{name}: {exc}")
    qtbot.addWidget(dialog)
    dialog.show()
    cancels = _cancel_buttons(dialog)
    assert cancels, f"{name} has no Cancel/Close/Back button to check"
    for button in cancels:
        assert not button.isDefault() and not button.autoDefault(), f"{name}: {button.text()!r}"


def test_every_cancel_close_or_back_button_in_the_ui_is_an_esc_button():
    """The dialogs this file cannot build: their Cancel/Close/Back buttons are all
    theme.big_button(..., "Esc") (never auto-default), or set auto-default off themselves."""
    problems = []
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("big_button", "QPushButton"):
                continue
            label = node.args[0]
            text = ""
            if isinstance(label, ast.Call) and label.args and isinstance(label.args[-1], ast.Constant):
                text = str(label.args[-1].value)
            elif isinstance(label, ast.Constant):
                text = str(label.value)
            if text.lower() not in CANCEL_WORDS:
                continue
            esc = len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "Esc"
            segment = ast.get_source_segment(source, node) or ""
            line = source.splitlines()[node.lineno - 1]
            target = line.split("=", 1)[0].strip() if "=" in line.split("(")[0] else ""
            if not esc and not (target and f"{target}.setAutoDefault(False)" in source):
                problems.append(f"{path.relative_to(UI)}:{node.lineno}: {segment[:70]}")
    assert not problems, "\n".join(problems)
