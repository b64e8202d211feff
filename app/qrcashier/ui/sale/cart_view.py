"""The cart on screen: a table model over the domain `Cart`, and its view.

The model never computes money itself: line totals and the cart total come from
the domain cart (Decimal), formatted with `format_money`. All changes go through
`CartModel` methods, which validate through the domain and raise its typed
errors (`InvalidCart`, `InvalidAmount`) for the slot to show.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from qrcashier.domain.cart import Cart, CartLine, InvalidCart
from qrcashier.domain.money import Site, parse_amount
from qrcashier.domain.receipt import format_money
from qrcashier.ui.shell.i18n import fmt

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("CartModel", "Item"),
    QT_TRANSLATE_NOOP("CartModel", "Qty"),
    QT_TRANSLATE_NOOP("CartModel", "Unit price"),
    QT_TRANSLATE_NOOP("CartModel", "Total"),
)
COL_NO, COL_ITEM, COL_QTY, COL_PRICE, COL_TOTAL = range(5)
_Index = QModelIndex | QPersistentModelIndex


class CartLocked(InvalidCart):
    """The cart cannot change while its charge is live on the QR."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate(
            "CartModel",
            "the cart is locked while the customer pays: wait for the result, or cancel the charge (Esc) first",
        ))


class CartModel(QAbstractTableModel):
    changed = Signal()  # any change of lines or totals

    def __init__(self, site: Site, parent=None) -> None:
        super().__init__(parent)
        self.cart = Cart(site)
        self.locked = False
        self.rate_for = None  # sku -> VAT rate or None, set by the sale tools (catalog's rate per product)

    @property
    def site(self) -> Site:
        return self.cart.site

    # --- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.cart)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section]) if section else COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_align(section))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.cart.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NO:
                return str(index.row() + 1)
            if col == COL_ITEM:
                return line.title
            if col == COL_QTY:
                return str(line.quantity)
            if col == COL_PRICE:
                return format_money(line.unit_price, self.site)
            if col == COL_TOTAL:
                return format_money(line.total(self.site), self.site)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_align(col))
        if role == Qt.ItemDataRole.ToolTipRole and line.sku:
            return fmt(self.tr("%1 — code %2"), line.title, line.sku)
        if role == Qt.ItemDataRole.FontRole and col in (COL_QTY, COL_TOTAL):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.locked:
            return QBrush(QColor("#55595f"))
        return None

    # --- changes ----------------------------------------------------------------------------------

    def _check_unlocked(self) -> None:
        if self.locked:
            raise CartLocked()

    def set_locked(self, locked: bool) -> None:
        if locked != self.locked:
            self.locked = locked
            if len(self.cart):
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.cart) - 1, len(COLUMNS) - 1))

    def add_item(
        self, title: str, unit_price: Decimal | str, quantity: int = 1, *, sku: str | None = None, merge: bool = True
    ) -> int:
        """Add a line, or add to the quantity of the line with the same code and price. Returns the row."""
        self._check_unlocked()
        price = parse_amount(unit_price, self.site) if isinstance(unit_price, str) else unit_price
        if merge and sku:
            for row, line in enumerate(self.cart.lines):
                if line.sku == sku and line.unit_price == price and line.title == title:
                    self.cart.set_quantity(row, line.quantity + quantity)
                    self._row_changed(row)
                    return row
        row = len(self.cart)
        rate = self.rate_for(sku) if self.rate_for is not None and sku else None
        line = CartLine.create(self.site, title, price, quantity, sku=sku, vat_rate=rate)
        self.beginInsertRows(QModelIndex(), row, row)
        try:
            self.cart.append(line)
        finally:
            self.endInsertRows()
        self.changed.emit()
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        self._check_unlocked()
        self.cart.set_quantity(row, quantity)
        self._row_changed(row)

    def change_quantity(self, row: int, delta: int) -> None:
        self._check_unlocked()
        line = self.cart.lines[row]
        self.set_quantity(row, line.quantity + delta)

    def set_price(self, row: int, unit_price: Decimal | str) -> None:
        self._check_unlocked()
        # the same cart, repriced in place: the discounts stay as given (a percent stays a percent)
        self.cart.set_unit_price(row, unit_price)
        self._row_changed(row)

    def remove(self, row: int) -> CartLine:
        self._check_unlocked()
        if not 0 <= row < len(self.cart):
            raise InvalidCart(self.tr("select a line to remove"))
        self.beginRemoveRows(QModelIndex(), row, row)
        try:
            line = self.cart.remove(row)
        finally:
            self.endRemoveRows()
        if row < len(self.cart):  # the line numbers below it moved up
            self.dataChanged.emit(self.index(row, COL_NO), self.index(len(self.cart) - 1, COL_NO))
        self.changed.emit()
        return line

    def clear(self) -> None:
        self._check_unlocked()
        self.beginResetModel()
        self.cart.clear()
        self.endResetModel()
        self.changed.emit()

    def replace(self, site: Site, lines: tuple[CartLine, ...] = ()) -> None:
        """Start over with these lines (a new sale, or a sale restored from the journal)."""
        self.beginResetModel()
        self.cart = Cart(site, lines)
        self.endResetModel()
        self.changed.emit()

    def set_cart(self, cart: Cart) -> None:
        """Show this working cart as it is (a resumed one): its discount specs are kept, not rebuilt
        from its priced lines (which would freeze a percent into an amount)."""
        self.beginResetModel()
        self.cart = cart
        self.endResetModel()
        self.changed.emit()

    def _row_changed(self, row: int) -> None:
        if self.cart.cart_discount is not None:  # the cart discount's shares move on every line
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.cart) - 1, len(COLUMNS) - 1))
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.changed.emit()

    # --- reading ----------------------------------------------------------------------------------

    @property
    def total(self) -> Decimal:
        return self.cart.total

    def item_count(self) -> int:
        return sum(line.quantity for line in self.cart.lines)


def _align(col: int) -> Qt.AlignmentFlag:
    if col in (COL_ITEM,):
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if col == COL_QTY:
        return Qt.AlignmentFlag.AlignCenter
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CartView(QTableView):
    """Large rows, whole-row selection, no in-place editing (edits go through F-keys and dialogs)."""

    def __init__(self, model: CartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(44)  # touch-friendly rows
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_NO, 44), (COL_QTY, 70), (COL_PRICE, 140), (COL_TOTAL, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(col, width)
        header.setHighlightSections(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setStyleSheet(
            "QTableView { font-size: 18px; selection-background-color: #cfe3f1; selection-color: #1a1a1a; }"
            "QHeaderView::section { font-size: 14px; padding: 6px; background: #f2f4f6; border: none;"
            " border-bottom: 1px solid #c9ccd1; color: #55595f; }"
        )

    def current_row(self) -> int:
        index = self.currentIndex()
        if index.isValid():
            return index.row()
        rows = self.model().rowCount()
        return rows - 1 if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.selectRow(row)
            self.setCurrentIndex(self.model().index(row, COL_ITEM))
            self.scrollTo(self.model().index(row, COL_ITEM))
