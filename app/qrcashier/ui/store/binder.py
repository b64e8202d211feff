"""Everything `--store DSN` adds to the main window (issue 19), attached in `_bind_features()`:

- the status bar's store line (ui/store/status.py): the sales' way to the store and the catalog copy;
- the local CSV import turned off: the catalog comes from the store (`qrcashier-admin catalog
  import --store`); the header's button is greyed with that sentence as its tooltip, and
  `--import-catalog` or any other call says it under the item field (ui/sale/catalog_actions.py);
- two Supervisor-menu entries: "Change a price in the store…" (PIN, then catalog_set_price) and
  "Store report…" (PIN, then the store's day, the same report as `qrcashier-admin store report`).

Without a store it adds nothing at all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from qrcashier.ui.store.status import StoreStatusBinder

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


def import_refused() -> str:
    return translate("StoreBinder", "This register's catalog comes from the store: import it with "
                                    "qrcashier-admin catalog import --store")


class StoreBinder:
    def __init__(self, window) -> None:
        self.window = window
        self.status = StoreStatusBinder(window)
        self.price_action: QAction | None = None
        self.report_action: QAction | None = None
        self.dialog: Any = None  # the open price or report dialog (tests drive it)
        if not window.services.options.store_dsn:
            return
        window.import_button.setEnabled(False)
        window.import_button.setToolTip(import_refused())
        menu = window.findChild(QMenu, "supervisor_menu")
        if menu is not None:
            menu.addSeparator()
            self.price_action = self._add(
                menu, "store_price", translate("StoreBinder", "Change a &price in the store…"), self.open_price)
            self.report_action = self._add(menu, "store_report", translate("StoreBinder", "Store &report…"),
                                           self.open_report)

    @staticmethod
    def _add(menu: QMenu, name: str, text: str, slot) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    async def started(self) -> None:
        await self.status.started()

    async def stop(self) -> None:
        await self.status.stop()

    def _gate(self) -> Any:
        supervisor = self.window.supervisor
        if supervisor is None:
            self.window.item_error(translate("TillBinder", "A supervisor must authorize this: set a supervisor PIN "
                                                           "first."))
            return None
        return supervisor.gate

    def open_price(self) -> Any:
        """The price dialog (the PIN is asked when the change is confirmed)."""
        from qrcashier.ui.store.price_dialog import StorePriceDialog

        gate = self._gate()
        access = self.window.services.store_access
        if gate is None or access is None:
            return None
        follower = self.window.services.catalog_follower
        dialog = StorePriceDialog(access, self.window.services.catalog, gate, self.window.site, self.window,
                                  on_changed=follower.wake if follower is not None else None)
        return self._show(dialog)

    def open_report(self) -> Any:
        """The supervisor's PIN, then the store report dialog (it asks the store at once)."""
        gate = self._gate()
        if gate is None or self.window.services.store_access is None:
            return None
        return self.window.tasks.spawn(self._report(gate))

    async def _report(self, gate: Any) -> Any:
        from qrcashier.ui.store.report_dialog import StoreReportDialog

        if not await gate.ask(self.window, translate("StoreBinder", "see the store report")):
            return None
        dialog = self._show(StoreReportDialog(self.window.services.store_access, self.window.site, self.window))
        await dialog.refresh()
        return dialog

    def _show(self, dialog: Any) -> Any:
        from PySide6.QtCore import Qt

        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.dialogs.keep("store", dialog)
        dialog.show()
        return dialog
