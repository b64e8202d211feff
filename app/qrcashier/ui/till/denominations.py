"""A count of the drawer by denomination: one row per note and coin of the site (quantity typed,
the row's subtotal beside it) and the total, in Decimal. Keyboard first: Tab and Enter go from one
quantity to the next; Enter on the last one hands over to the dialog (`finished`). The open and
close dialogs put the total into their amount field, which does the rest as if it were typed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from qrcashier.domain.denominations import denominations
from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money
from qrcashier.domain.till import count_total


class DenominationGrid(QWidget):
    total_changed = Signal(Decimal)
    finished = Signal()  # Enter on the last quantity

    def __init__(self, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = site
        notes, coins = denominations(site)
        self.values: tuple[Decimal, ...] = notes + coins
        self.fields: list[QLineEdit] = []
        self.subtotals: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        half = (len(self.values) + 1) // 2  # two columns of rows: notes mostly left, coins right
        for i, value in enumerate(self.values):
            row, col = i % half, (i // half) * 3
            label = QLabel(format_money(value, site) + (" ●" if value in coins else ""))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            field = QLineEdit()
            # an empty row is acceptable (no pieces), so Enter moves on from it too
            field.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,5}$"), field))
            field.setMaxLength(5)
            field.setPlaceholderText("0")
            field.setAccessibleName(self.tr("How many of %1").replace("%1", format_money(value, site)))
            field.setStyleSheet("QLineEdit { font-size: 18px; padding: 2px; min-height: 24px; max-width: 90px; }")
            subtotal = QLabel("")
            subtotal.setMinimumWidth(110)
            label.setBuddy(field)
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1)
            grid.addWidget(subtotal, row, col + 2)
            field.textChanged.connect(lambda _t, i=i: self._changed(i))
            field.returnPressed.connect(lambda i=i: self._next(i))
            self.fields.append(field)
            self.subtotals.append(subtotal)
        for a, b in zip(self.fields, self.fields[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.total_label = QLabel("")
        self.total_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        grid.addWidget(self.total_label, half, 0, 1, 6)
        self._refresh_total()

    @property
    def available(self) -> bool:
        return bool(self.values)

    def counts(self) -> dict[Decimal, int]:
        """{value: pieces} of the rows with a quantity."""
        found: dict[Decimal, int] = {}
        for value, field in zip(self.values, self.fields, strict=True):
            text = field.text().strip()
            if text.isdigit() and int(text) > 0:
                found[value] = int(text)
        return found

    def total(self) -> Decimal:
        return count_total(self.counts(), self.site)

    def used(self) -> bool:
        return bool(self.counts())

    def set_count(self, value: Decimal, pieces: int) -> None:
        self.fields[self.values.index(value)].setText(str(pieces))

    def _changed(self, i: int) -> None:
        text = self.fields[i].text().strip()
        pieces = int(text) if text.isdigit() else 0
        self.subtotals[i].setText(format_money(self.values[i] * pieces, self.site) if pieces else "")
        self._refresh_total()
        self.total_changed.emit(self.total())

    def _refresh_total(self) -> None:
        self.total_label.setText(self.tr("Counted by denomination: %1").replace(
            "%1", format_money(self.total(), self.site)))

    def _next(self, i: int) -> None:
        if i + 1 < len(self.fields):
            self.fields[i + 1].setFocus()
            self.fields[i + 1].selectAll()
        else:
            self.finished.emit()
