"""The cart side of the main window: the item field and its message line, the cart, the total;
item entry (barcode, code, "3*code", a name's part), weights, quantities, prices, remove, clear.

Built by the window (`CartBinder(window)`); it reads the window's `services`, `site`, `session`
(the Qt-free sale state: lock, paid, the open sale), `model`, `tasks`, `dialogs` and
`charge_binder` (the status panel goes back to idle when the cart changes). Texts keep the
"MainWindow" translation context (where the cashier sees them).
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox, QVBoxLayout, QWidget

from qrcashier.catalog import Product
from qrcashier.domain.cart import InvalidCart
from qrcashier.domain.money import InvalidAmount, quantize
from qrcashier.domain.receipt import format_money
from qrcashier.ui.sale.cart_view import CartView
from qrcashier.ui.sale.item_field import ItemField
from qrcashier.ui.shell import errors, theme
from qrcashier.ui.shell.i18n import fmt

log = logging.getLogger("qrcashier.ui.main")
translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
QTY_PREFIX = re.compile(r"^\s*(\d{1,4})\s*[*xX]\s*(\S.*)$")  # "3*7790..." or "3x7790..."
OK_COLOUR, ERROR_COLOUR = "#1e7b34", "#b71c1c"


class CartBinder(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.confirm_box: QMessageBox | None = None  # "Clear the cart?" while it asks
        self.model.changed.connect(self.update_totals)
        self._build_entry()
        self._build_total()

    # --- widgets ----------------------------------------------------------------------------------

    def _build_entry(self) -> None:
        self.entry = left = QVBoxLayout()
        left.setSpacing(6)
        self.item_field = ItemField()
        self.item_field.setObjectName("itemField")
        self.item_field.setPlaceholderText(translate("MainWindow", "Scan a barcode, or type a code or part of a name, then Enter"))  # noqa: E501 (one literal for the translation tools)
        self.item_field.setClearButtonEnabled(True)
        self.item_field.setStyleSheet(
            f"QLineEdit#itemField {{ font-size: 24px; padding: 10px 12px; border: 2px solid {theme.ACCENT};"
            " border-radius: 8px; }"
            f"QLineEdit#itemField:focus {{ border: 3px solid {theme.FOCUS}; }}"
        )
        self.item_field.returnPressed.connect(self._on_item_return)
        self.item_field.quantity_step.connect(self.step_quantity)
        self.item_field.remove_line.connect(self.remove_line)
        self.item_field.move_selection.connect(self._move_selection)
        self.item_message = QLabel(" ")
        message_font = self.item_message.font()
        message_font.setPixelSize(16)
        self.item_message.setFont(message_font)
        self.item_message.setWordWrap(True)
        self.cart_view = CartView(self.model)
        self.cart_view.doubleClicked.connect(lambda _i: self.edit_quantity())
        left.addWidget(self.item_field)
        left.addWidget(self.item_message)
        left.addWidget(self.cart_view, 1)

    def _build_total(self) -> None:
        self.total_box = total_box = QFrame()
        total_box.setObjectName("totalBox")
        total_box.setStyleSheet(
            "QFrame#totalBox { background: #f4f6f8; border-radius: 10px; }"
            " QFrame#totalBox QLabel { background: transparent; }"
        )
        tb = QVBoxLayout(total_box)
        tb.setContentsMargins(18, 12, 18, 12)
        caption = QLabel(translate("MainWindow", "TOTAL"))
        caption.setStyleSheet(f"color: {theme.MUTED}; font-size: 15px; font-weight: 700; letter-spacing: 2px;")
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_label.setStyleSheet("font-size: 52px; font-weight: 800;")
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_label.setStyleSheet(f"color: {theme.MUTED}; font-size: 16px;")
        tb.addWidget(caption)
        tb.addWidget(self.total_label)
        tb.addWidget(self.count_label)

    @property
    def session(self):
        return self.window.session

    @property
    def site(self):
        return self.window.site

    def update_totals(self) -> None:
        site = self.site
        self.total_label.setText(format_money(self.model.total, site))
        n = self.model.item_count()
        lines = self.model.rowCount()
        items = translate("MainWindow", "1 item") if n == 1 else fmt(translate("MainWindow", "%1 items"), n)
        rows = translate("MainWindow", "1 line") if lines == 1 else fmt(translate("MainWindow", "%1 lines"), lines)
        self.count_label.setText(f"{items} · {rows}" if lines else translate("MainWindow", "Empty cart"))

    # --- the message line under the item field ----------------------------------------------------

    def _message(self, text: str, colour: str, bold: bool) -> None:
        # Palette and font, not setStyleSheet: no re-polish on every scan.
        pal = self.item_message.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.item_message.setPalette(pal)
        font = self.item_message.font()
        if font.bold() != bold:
            font.setBold(bold)
            self.item_message.setFont(font)
        self.item_message.setText(text)

    def item_ok(self, text: str) -> None:
        self._message(text, OK_COLOUR, False)

    def item_note(self, text: str) -> None:
        self._message(text, theme.MUTED, True)

    def item_error(self, text: str) -> None:
        self._message(text, ERROR_COLOUR, True)
        QApplication.beep()

    # --- item entry -------------------------------------------------------------------------------

    def _on_item_return(self) -> None:
        text = self.item_field.text()
        self.item_field.clear()
        self.enter_item(text)

    def enter_item(self, text: str) -> None:
        """What Enter in the item field (or a scanner burst) does with the text."""
        text = text.strip()
        if not text:
            return
        quantity = 1
        m = QTY_PREFIX.match(text)
        if m:
            quantity, text = int(m.group(1)), m.group(2).strip()
        catalog = self.window.services.catalog
        product = catalog.lookup(text) if catalog is not None else None
        if product is not None:
            self.add_product(product, quantity)
            return
        if catalog is not None and not text.isdigit():
            found = catalog.search(text, limit=2)
            if len(found) == 1:
                self.add_product(found[0], quantity)
                return
            if found:
                self.open_search(text)
                return
        self.item_error(fmt(translate(
            "MainWindow", "No product with barcode or code %1. Press F4 to sell it as a free item, or F2 to search."),
            repr(text)))

    def add_product(self, product: Product, quantity: int = 1) -> None:
        if product.unit != "unit":
            self._ask_weight(product)
            return
        self.add(product.name, product.price, quantity, sku=product.code)

    def _ask_weight(self, product: Product) -> None:
        if not self.can_edit():
            return
        from qrcashier.ui.sale.entry_dialogs import AmountDialog  # after the first paint (issue 15)

        site = self.site
        dialog = AmountDialog(
            translate("MainWindow", "Weight"),
            fmt(translate("MainWindow", "%1: %2 per %3. Weight in %3:"), product.name,
                format_money(product.price, site), product.unit),
            site, weight=True, parent=self.window,
        )

        def weighed(weight: Decimal) -> None:
            price = quantize(product.price * weight, site)
            shown = f"{weight.normalize():f}".replace(".", ",")
            self.add(f"{product.name} {shown} {product.unit}", price, 1, sku=product.code, merge=False)

        dialog.value_chosen.connect(weighed)
        self.window.dialogs.open(dialog)

    def add(self, title: str, price: Decimal, quantity: int, *, sku: str | None = None, merge: bool = True) -> None:
        if not self.can_edit():
            return
        try:
            row = self.model.add_item(title, price, quantity, sku=sku, merge=merge)
        except (InvalidCart, InvalidAmount) as exc:
            self.item_error(errors.report(exc, "add item"))
            return
        self.cart_view.select_row(row)
        self.cart_changed()
        line = self.model.cart.lines[row]
        self.item_ok(fmt(translate("MainWindow", "Added %1 × %2 — %3"), line.title, line.quantity,
                         format_money(line.total(self.site), self.site)))

    def can_edit(self) -> bool:
        """Start a new sale after a paid one; refuse while a charge is live."""
        if self.session.live:
            self.item_error(translate(
                "MainWindow",
                "The cart is locked while the customer pays: wait for the result, or press Esc to cancel the charge."))
            return False
        if self.session.finished:
            self.new_sale()
        return True

    def cart_changed(self) -> None:
        """The cart differs from the open sale: the next Charge makes a new sale."""
        following = self.session.attempt is not None and not self.session.finished
        dropped = self.session.cart_changed()
        if dropped is not None:
            self.window.discard_later(dropped, "the cart was changed after a charge that did not complete")
        if following:
            self.window.charge_binder.set_panel("idle")
            self.window.charge_binder.customer_idle()
        self.window.refresh()

    def new_sale(self) -> None:
        self.session.new_sale()
        self.model.set_locked(False)
        self.model.replace(self.site)
        self.window.charge_binder.set_panel("idle")
        self.window.charge_binder.customer_idle()
        self.window.refresh()

    # --- cart edits -------------------------------------------------------------------------------

    def selected_row(self) -> int:
        return self.cart_view.current_row()

    def step_quantity(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0 or not self._can_edit_line():
            return
        line = self.model.cart.lines[row]
        if line.quantity + delta < 1:
            self.item_error(translate("MainWindow", "The quantity is already 1: press Del to remove the line."))
            return
        try:
            self.model.change_quantity(row, delta)
        except (InvalidCart, InvalidAmount) as exc:
            self.item_error(errors.report(exc, "quantity"))
            return
        self.cart_changed()
        self.cart_view.select_row(row)

    def _move_selection(self, delta: int) -> None:
        rows = self.model.rowCount()
        if rows:
            self.cart_view.select_row(max(0, min(rows - 1, self.selected_row() + delta)))

    def _can_edit_line(self) -> bool:
        if self.session.finished:
            self.item_error(translate("MainWindow", "This sale is paid. Scan the next item to start a new sale."))
            return False
        if self.session.live:
            self.item_error(translate("MainWindow", "The cart is locked while the customer pays."))
            return False
        return True

    def edit_quantity(self) -> None:
        row = self._line_to_edit()
        if row is None:
            return
        from qrcashier.ui.sale.entry_dialogs import QuantityDialog

        line = self.model.cart.lines[row]
        dialog = QuantityDialog(fmt(translate("MainWindow", "Quantity of %1"), line.title), line.quantity,
                                parent=self.window)
        self._edit_line(row, dialog, self.model.set_quantity, "quantity")

    def edit_price(self) -> None:
        row = self._line_to_edit()
        if row is None:
            return
        from qrcashier.ui.sale.entry_dialogs import AmountDialog

        line = self.model.cart.lines[row]
        dialog = AmountDialog(
            translate("MainWindow", "Price"), fmt(translate("MainWindow", "New unit price of %1:"), line.title),
            self.site, line.unit_price, parent=self.window,
        )
        self._edit_line(row, dialog, self.model.set_price, "price")

    def _line_to_edit(self) -> int | None:
        """The selected line's row, if there is one and the cart may change; else say why."""
        row = self.selected_row()
        if row < 0:
            self.item_error(translate("MainWindow", "Add an item first."))
            return None
        return row if self._can_edit_line() else None

    def _edit_line(self, row: int, dialog: QWidget, apply, what: str) -> None:
        """Open `dialog`; the value it yields goes through `apply(row, value)` (the cart validates)."""

        def chosen(value) -> None:
            try:
                apply(row, value)
            except (InvalidCart, InvalidAmount) as exc:
                self.item_error(errors.report(exc, what))
                return
            self.cart_changed()

        dialog.value_chosen.connect(chosen)
        self.window.dialogs.open(dialog)

    def remove_line(self) -> None:
        row = self.selected_row()
        if row < 0:
            self.item_error(translate("MainWindow", "The cart is empty."))
            return
        if not self._can_edit_line():
            return
        line = self.model.remove(row)
        self.cart_changed()
        if self.model.rowCount():
            self.cart_view.select_row(min(row, self.model.rowCount() - 1))
        self.item_ok(fmt(translate("MainWindow", "Removed %1."), line.title))

    def clear_cart(self) -> None:
        """Empty the cart (after a confirmation when it has lines: see `ask_clear`)."""
        if self.session.sale_id is not None:
            self.window.discard_later(self.session.sale_id, "the cashier cleared the cart")
        self.new_sale()
        self.item_ok(translate("MainWindow", "The cart is empty. Scan the next item."))

    def ask_clear(self) -> None:
        """Esc with no live charge: clear the cart, asking first when it has lines."""
        if self.session.finished or not self.model.rowCount():
            self.clear_cart()
            return
        self.confirm_box = errors.message_box(
            self.window, translate("MainWindow", "Clear the cart?"),
            fmt(translate("MainWindow", "Remove all %1 lines (%2)?"), self.model.rowCount(),
                format_money(self.model.total, self.site)),
            icon=QMessageBox.Icon.Question,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            default=QMessageBox.StandardButton.No,
            on_finished=lambda b: self.clear_cart() if b == QMessageBox.StandardButton.Yes else None,
        )

    # --- the entry dialogs ------------------------------------------------------------------------

    def open_search(self, text: str = "") -> None:
        catalog = self.window.services.catalog
        if catalog is None:
            return
        from qrcashier.ui.sale.entry_dialogs import SearchDialog

        dialog = SearchDialog(catalog, self.site, text or self.item_field.text(), parent=self.window)
        self.item_field.clear()
        dialog.chosen.connect(lambda p: self.add_product(p))
        self.window.dialogs.open(dialog)

    def open_free_item(self) -> None:
        if self.session.live:
            self.item_error(translate("MainWindow", "The cart is locked while the customer pays."))
            return
        from qrcashier.ui.sale.entry_dialogs import FreeItemDialog

        dialog = FreeItemDialog(self.site, parent=self.window)
        dialog.item.connect(lambda title, price, qty: self.add(title, price, qty))
        self.window.dialogs.open(dialog)
