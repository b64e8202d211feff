"""The cashier's item entry field, with the cart's keyboard shortcuts when it is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class ItemField(QLineEdit):
    """The item entry: barcode, code, "3*code", or part of a name.

    With the field empty, +/- change the selected line's quantity, Del removes it and
    Up/Down move through the cart, so the hands never leave the keyboard.
    """

    quantity_step = Signal(int)
    remove_line = Signal()
    move_selection = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if not self.text():
            if key in (Qt.Key.Key_Plus,) or event.text() == "+":
                self.quantity_step.emit(+1)
                return
            if key in (Qt.Key.Key_Minus,) or event.text() == "-":
                self.quantity_step.emit(-1)
                return
            if key == Qt.Key.Key_Delete:
                self.remove_line.emit()
                return
        if key == Qt.Key.Key_Up:
            self.move_selection.emit(-1)
            return
        if key == Qt.Key.Key_Down:
            self.move_selection.emit(+1)
            return
        super().keyPressEvent(event)
