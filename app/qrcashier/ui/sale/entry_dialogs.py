"""Small non-modal dialogs for the cart: search by name, free item, a quantity, a price, a weight.

Each is opened with `open()` (window-modal, no nested event loop) and reports with a
signal; the main window never waits on them. Values are validated with the domain's
rules before the dialog accepts, and the reason is shown in the dialog.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qrcashier.catalog import Catalog, Product
from qrcashier.domain.cart import MAX_QUANTITY, CartLine, InvalidCart
from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import engine_text, fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")

FIELD_STYLE = "QLineEdit, QSpinBox { font-size: 22px; padding: 8px; min-height: 36px; }"


def _buttons(ok_text: str, ok_hint: str = "Enter") -> tuple[QWidget, object, object]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 8, 0, 0)
    ok = theme.big_button(ok_text, ok_hint, role="success")
    cancel = theme.big_button(translate("EntryDialogs", "Cancel"), "Esc", role="secondary")
    row.addWidget(cancel)
    row.addWidget(ok)
    # Enter anywhere in the dialog (a spin box passes it on) presses the action, never Cancel:
    # Cancel is an Esc button (theme.big_button: not auto-default), the action is the default.
    ok.setDefault(True)
    return box, ok, cancel


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(FIELD_STYLE)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-size: 16px;")

    def fail(self, exc: Exception | str) -> None:
        text = engine_text(str(exc))
        self.error.setText(text[:1].upper() + text[1:] if text else text)


class SearchDialog(_Base):
    """Type-ahead search over the catalog. Enter (or a double click/tap) picks the selected product."""

    chosen = Signal(object)  # Product

    def __init__(self, catalog: Catalog, site: Site, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(translate("EntryDialogs", "Search products"), parent)
        self.catalog, self.site = catalog, site
        self.query = QLineEdit(text)
        self.query.setPlaceholderText(self.tr("Type part of the name, e.g. \"yer pla\""))
        self.results = QListWidget()
        self.results.setStyleSheet("QListWidget { font-size: 20px; } QListWidget::item { padding: 10px; }")
        self.results.setMinimumSize(620, 380)
        buttons, ok, cancel = _buttons(self.tr("Add"), "Enter")
        ok.clicked.connect(self._choose)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self._refresh)
        self.query.returnPressed.connect(self._choose)
        self.results.itemActivated.connect(lambda _item: self._choose())
        self.query.installEventFilter(self)
        self._refresh(text)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - arrows in the query move the list
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results.keyPressEvent(event)
                return True
        return super().eventFilter(obj, event)

    def _refresh(self, text: str) -> None:
        self.results.clear()
        products = self.catalog.search(text, limit=50) if text.strip() else []
        for p in products:
            per = "/kg" if p.unit == "kg" else ""
            item = QListWidgetItem(f"{p.name}    {format_money(p.price, self.site)}{per}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        if products:
            self.results.setCurrentRow(0)
            self.error.clear()
        elif text.strip():
            self.error.setText(self.tr("No product matches. Press Esc and F4 to sell it as a free item."))

    def _choose(self) -> None:
        item = self.results.currentItem()
        if item is None or self.result() == QDialog.DialogCode.Accepted:
            return
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()


class FreeItemDialog(_Base):
    """An item not in the catalog: description, price, quantity."""

    item = Signal(str, Decimal, int)  # title, unit price, quantity

    def __init__(self, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(translate("EntryDialogs", "Free item"), parent)
        self.site = site
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What is it?"))
        self.price = QLineEdit()
        self.price.setPlaceholderText(format_money(Decimal("1500"), site))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        form = QFormLayout()
        form.addRow(self.tr("Description"), self.title)
        form.addRow(fmt(self.tr("Price (%1)"), site.currency), self.price)
        form.addRow(self.tr("Quantity"), self.quantity)
        buttons, ok, cancel = _buttons(self.tr("Add item"))
        ok.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for field in (self.title, self.price, self.quantity.lineEdit()):
            field.returnPressed.connect(self._accept)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:  # Enter reaches the field and then the default button
            return
        try:
            line = CartLine.create(
                self.site, self.title.text(), self.price.text().replace("$", "").strip(), self.quantity.value()
            )
        except (InvalidCart, InvalidAmount) as exc:
            self.fail(exc)
            return
        self.item.emit(line.title, line.unit_price, line.quantity)
        self.accept()


class QuantityDialog(_Base):
    value_chosen = Signal(int)

    def __init__(self, title: str, current: int, parent: QWidget | None = None) -> None:
        super().__init__(translate("EntryDialogs", "Quantity"), parent)
        self.spin = QSpinBox()
        self.spin.setRange(1, MAX_QUANTITY)
        self.spin.setValue(current)
        self.spin.selectAll()
        buttons, ok, cancel = _buttons(self.tr("Set quantity"))
        ok.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(title)
        label.setStyleSheet("font-size: 18px;")
        layout.addWidget(label)
        layout.addWidget(self.spin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.spin.lineEdit().returnPressed.connect(self._accept)

    def _accept(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:
            return
        self.value_chosen.emit(self.spin.value())
        self.accept()


class AmountDialog(_Base):
    """A money amount or a weight (a positive Decimal with the site's/3 decimals)."""

    value_chosen = Signal(Decimal)

    def __init__(self, window_title: str, label: str, site: Site, current: Decimal | None = None, *,
                 weight: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(window_title, parent)
        self.site, self.weight = site, weight
        self.field = QLineEdit("" if current is None else str(current).replace(".", ","))
        self.field.selectAll()
        buttons, ok, cancel = _buttons(self.tr("OK"))
        ok.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        caption = QLabel(label)
        caption.setStyleSheet("font-size: 18px;")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.field.returnPressed.connect(self._accept)
        self.setMinimumWidth(440)

    def _accept(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:
            return
        text = self.field.text().replace("$", "").strip()
        try:
            if self.weight:
                value = parse_weight(text)
            else:
                value = parse_amount(text, self.site)
        except (InvalidAmount, InvalidCart) as exc:
            self.fail(exc)
            return
        self.value_chosen.emit(value)
        self.accept()


def parse_weight(text: str) -> Decimal:
    """A weight in kg (or litres...) with at most 3 decimals, above zero and at most 999."""
    from decimal import InvalidOperation

    text = text.strip().replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidAmount(fmt(translate("EntryDialogs", "%1 is not a weight"), repr(text))) from None
    if not value.is_finite() or value <= 0:
        raise InvalidAmount(translate("EntryDialogs", "the weight must be greater than zero"))
    if value > 999:
        raise InvalidAmount(translate("EntryDialogs", "the weight is above 999"))
    if -value.normalize().as_tuple().exponent > 3:  # type: ignore[operator]
        raise InvalidAmount(translate("EntryDialogs", "weigh to the gram: at most 3 decimals"))
    return value


def product_label(p: Product, site: Site) -> str:
    return f"{p.name} — {format_money(p.price, site)}"
