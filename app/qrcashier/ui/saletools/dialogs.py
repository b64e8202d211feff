"""The sale tools' dialogs: the parked-carts list, a discount, a return by line. Qt only, no I/O."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyle,
    QTableWidget,
    QVBoxLayout,
)

from qrcashier.domain.money import Site
from qrcashier.domain.receipt import format_money
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


class ParkedListDialog(QDialog):
    """The parked carts, newest last: Enter resumes the selected one, Del discards it."""

    def __init__(self, parked, site: Site, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parked sales"))
        self.setObjectName("parkedList")
        self.discard_requested = False
        self.list = QListWidget()
        for p in parked:
            when = p.parked_at.astimezone().strftime("%H:%M")
            n = len(p.lines)  # lines, translated ("3 items" stayed English, issue 14.5)
            lines = translate("MainWindow", "1 line") if n == 1 else fmt(translate("MainWindow", "%1 lines"), n)
            text = f"#{p.number}  {when}  {format_money(p.total, site)}  {lines}"
            if p.note:
                text += f"  — {p.note}"
            item = QListWidgetItem(text)
            item.setData(256, p.id)
            self.list.addItem(item)
        if parked:
            self.list.setCurrentRow(0)
        self.list.setMinimumWidth(min(self.list.sizeHintForColumn(0) + 40, 900))  # a row is read whole, not scrolled
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.resume_button = buttons.addButton(self.tr("Resume"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard_button.clicked.connect(self._discard)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Enter resumes the selected sale.") if parked else self.tr("No parked sales.")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _i: self.accept())

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(256))

    def _discard(self) -> None:
        self.discard_requested = True
        self.accept()


class NoteDialog(QDialog):
    """Park: an optional note (who the cart is for)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Park the sale"))
        self.note = QLineEdit()
        self.note.setMaxLength(60)
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. the customer's name"))
        self.note.ensurePolished()  # wide enough for its hint (cut to "e.g. el..." in Spanish, issue 14.5)
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance(self.note.placeholderText()) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(buttons)


class DiscountDialog(QDialog):
    """A discount on the selected line (or the whole cart): percent or amount, and a reason."""

    def __init__(self, site: Site, line_title: str | None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount"))
        self.setObjectName("discountDialog")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Percent (%)"), "percent")
        self.kind.addItem(self.tr("Amount (%1)").replace("%1", site.currency), "amount")
        self.value = QLineEdit()
        self.value.setObjectName("discountValue")
        self.reason = QLineEdit()
        self.reason.setObjectName("discountReason")
        self.reason.setMaxLength(80)
        self.whole_cart = QCheckBox(self.tr("The whole cart"))
        self.whole_cart.setChecked(line_title is None)
        self.whole_cart.setEnabled(line_title is not None)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if line_title is not None:
            form.addRow(self.tr("Line"), QLabel(line_title))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Discount"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.whole_cart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.value.setFocus()


class ReturnDialog(QDialog):
    """A paid sale's lines with how many of each to return (0 by default)."""

    def __init__(self, sale, returned: dict[int, int], site: Site, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return by line"))
        self.setObjectName("returnDialog")
        self.table = QTableWidget(len(sale.lines), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Paid"), self.tr("Return")])
        self.spins: list[QSpinBox] = []
        for row, line in enumerate(sale.lines):
            self.table.setCellWidget(row, 0, QLabel(f"{line.quantity} × {line.title}"))
            self.table.setCellWidget(row, 1, QLabel(format_money(line.total(site), site)))
            spin = QSpinBox()
            spin.setRange(0, max(0, line.quantity - returned.get(row + 1, 0)))
            self.table.setCellWidget(row, 2, spin)
            self.spins.append(spin)
        # every line's text whole: the columns as wide as their contents, the table as wide as its columns
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        self.table.setMinimumWidth(header.length() + self.table.verticalHeader().width() + 2 * self.table.frameWidth()
                                   + self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 4)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def quantities(self) -> dict[int, int]:
        return {row + 1: spin.value() for row, spin in enumerate(self.spins) if spin.value()}
