"""The card tender dialog: the card on the register's Mercado Pago Point terminal (the amount is
sent to it), or on another terminal (the cashier types the approval code and the last four
digits from its slip; nothing is sent). Keyboard first: Alt+P / Alt+O choose, Enter confirms,
Esc goes back. The binder (binder.py) calls the engine.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QWidget

from qrcashier.domain.card import CardRefused, card_entry
from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.till.dialogs import _TillDialog, translate

POINT, OTHER = "point", "card"


def terminal_name(terminal_id: str | None) -> str:
    """A terminal as a cashier reads it: its serial (the part after TYPE__)."""
    return (terminal_id or "").rpartition("__")[2] or (terminal_id or "")


class CardDialog(_TillDialog):
    """A card for `due`: on the Point terminal (when the register has one) or another terminal."""

    chosen = Signal(str, str, str)  # "point" | "card", authorization, last four (typed; "" when not)

    def __init__(self, due: Decimal, site: Site, terminal_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(translate("PointDialogs", "Card"), parent)
        self.due, self.site = due, site
        due_label = QLabel(fmt(self.tr("Due: %1"), format_money(due, site)))
        due_label.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.point = QRadioButton(fmt(self.tr("&Point terminal %1 (Mercado Pago): the amount is sent to it"),
                                      terminal_name(terminal_id)) if terminal_id
                                  else self.tr("&Point terminal: this register has none (Settings)"))
        self.point.setEnabled(bool(terminal_id))
        self.other = QRadioButton(self.tr("&Other card terminal: type what its slip says"))
        self.group = QButtonGroup(self)
        for button in (self.point, self.other):
            self.group.addButton(button)
        (self.point if terminal_id else self.other).setChecked(True)
        self.authorization = QLineEdit()
        self.authorization.setMaxLength(12)
        self.authorization.setPlaceholderText(self.tr("Approval code (optional)"))
        self.last_four = QLineEdit()
        self.last_four.setMaxLength(4)
        self.last_four.setInputMask("")
        self.last_four.setPlaceholderText(self.tr("Last 4 digits (optional)"))
        self.slip = QWidget()
        form = QFormLayout(self.slip)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Approval code"), self.authorization)
        form.addRow(self.tr("Last 4 digits"), self.last_four)
        note = QLabel(self.tr("Nothing is sent for another terminal: the sale is recorded as paid by card, "
                              "and the drawer stays shut."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.slip_note = note
        box, ok = self.buttons(self.tr("Take the card"))
        self.ok = ok
        ok.clicked.connect(self.confirm)
        self.layout_.addWidget(due_label)
        self.layout_.addWidget(self.point)
        self.layout_.addWidget(self.other)
        self.layout_.addWidget(self.slip)
        self.layout_.addWidget(note)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(box)
        for field in (self.authorization, self.last_four):
            field.returnPressed.connect(self.confirm)
        self.group.buttonToggled.connect(lambda *_: self._method_changed())
        self._method_changed()
        self.setMinimumWidth(620)

    @property
    def method(self) -> str:
        return POINT if self.point.isChecked() else OTHER

    def _method_changed(self) -> None:
        other = self.method == OTHER
        self.slip.setVisible(other)
        self.slip_note.setVisible(other)
        self.error.clear()
        (self.authorization if other else self.point).setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter on a radio button confirms too
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        super().keyPressEvent(event)

    def confirm(self) -> None:
        auth, last = self.authorization.text().strip(), self.last_four.text().strip()
        if self.method == OTHER:
            try:
                card_entry(auth, last)
            except CardRefused as exc:
                self.error.setText(engine_text(str(exc)))
                return
        else:
            auth = last = ""
        self.chosen.emit(self.method, auth, last)
        self.accept()
