"""A supervisor's price change on a register with a store (issue 19 item 4): the product by its
code or barcode (from this register's copy of the catalog), the new price as the site writes
money, then the supervisor's PIN, then `catalog_set_price` in the store (StoreAccess.set_price,
off the Qt thread with a timeout). The store records the register and the supervisor; every
register's follower gets the change by NOTIFY within moments, this one at once (`on_changed`).

What can go wrong is one sentence in the dialog: a product this register does not have, a price
the site cannot write, a register whose role is not allowed prices (and the command that allows
it), the store server unreachable (nothing changed). Non-modal; `confirm()` returns whether the
price was changed (tests await it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from qrcashier.domain.money import InvalidAmount, Site, parse_amount
from qrcashier.ui.shell.i18n import engine_text, fmt
from qrcashier.ui.supervisor.widgets import BAD_COLOUR, OK_COLOUR, money

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
log = logging.getLogger("qrcashier.ui.store")


class StorePriceDialog(QDialog):
    def __init__(self, access: Any, catalog: Any, gate: Any, site: Site, parent: QWidget | None = None, *,
                 on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.access, self.catalog, self.gate, self.site = access, catalog, gate, site
        self.on_changed = on_changed
        self.product: Any = None
        self.busy = False
        self.setObjectName("store_price")
        self.setWindowTitle(translate("StorePriceDialog", "Change a price in the store"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("StorePriceDialog",
                                 "The new price goes to the store's catalog and reaches every register in a few "
                                 "seconds. A supervisor authorises it with the PIN."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("StorePriceDialog", "code or barcode"))
        self.code.textChanged.connect(self._find)
        form.addRow(translate("StorePriceDialog", "Product:"), self.code)
        self.found = QLabel()
        self.found.setWordWrap(True)
        form.addRow("", self.found)
        self.price = QLineEdit()
        self.price.setPlaceholderText(money(Decimal("1234.50"), site))
        self.price.returnPressed.connect(lambda: self.confirm())
        form.addRow(translate("StorePriceDialog", "New price:"), self.price)
        layout.addLayout(form)
        self.line = QLabel()
        self.line.setObjectName("store_price_line")
        self.line.setWordWrap(True)
        layout.addWidget(self.line)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = QPushButton(translate("StorePriceDialog", "&Change the price"))
        self.ok_button.clicked.connect(lambda: self.confirm())
        close = QPushButton(translate("StorePriceDialog", "Close"))
        close.setAutoDefault(False)  # Enter changes the price, never closes
        close.clicked.connect(self.close)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def _find(self, text: str) -> None:
        self.product = self.catalog.lookup(text) if self.catalog is not None and text.strip() else None
        if self.product is None:
            self.found.setText(translate("StorePriceDialog", "No such product in this register's catalog.")
                               if text.strip() else "")
            return
        self.found.setText(fmt(translate("StorePriceDialog", "%1 (%2), now %3"), self.product.name,
                               self.product.code, money(self.product.price, self.site)))

    def _say(self, text: str, colour: str = "") -> None:
        self.line.setText(text)
        self.line.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")

    @qasync.asyncSlot()
    async def confirm(self) -> bool:
        """Check, ask the PIN, change the price in the store. True once the store has it."""
        from qrcashier.store.access import PricesNotAllowed, StoreUnreachable
        from qrcashier.store.catalog_store import CatalogStoreError

        if self.busy:
            return False
        product = self.product
        if product is None:
            self._say(translate("StorePriceDialog", "Type the code or barcode of a product of this register's "
                                                    "catalog."), BAD_COLOUR)
            return False
        try:
            price = parse_amount(self.price.text(), self.site, allow_zero=True)
        except InvalidAmount as exc:
            self._say(fmt(translate("StorePriceDialog", "The new price cannot be read: %1"), engine_text(str(exc))),
                      BAD_COLOUR)
            return False
        name = await self.gate.ask(self, translate("StorePriceDialog", "change a price in the store"))
        if not name:
            return False
        self.busy = True
        self.ok_button.setEnabled(False)
        self._say(translate("StorePriceDialog", "Changing the price in the store…"))
        try:
            await self.access.set_price(product.code, price, name)
        except PricesNotAllowed as exc:
            self._say(fmt(translate("StorePriceDialog",
                                    "This register may not change prices in the store. The store's owner allows it "
                                    "with: qrcashier-admin catalog allow-prices --register %1"), exc), BAD_COLOUR)
            return False
        except CatalogStoreError as exc:
            self._say(fmt(translate("StorePriceDialog", "The store refused the price: %1"), exc), BAD_COLOUR)
            return False
        except StoreUnreachable as exc:
            self._say(fmt(translate("StorePriceDialog",
                                    "The store server cannot be reached: the price was not changed (%1)."), exc),
                      BAD_COLOUR)
            return False
        finally:
            self.busy = False
            self.ok_button.setEnabled(True)
        log.info("store price of %s changed to %s by %s", product.code, price, name)
        if self.on_changed is not None:
            self.on_changed()
        self._say(fmt(translate("StorePriceDialog", "The price of %1 is now %2 in the store: every register gets "
                                                    "it in a few seconds."), product.name, money(price, self.site)),
                  OK_COLOUR)
        return True
