"""The window's desk: the sales of the day (F9), Settings (Ctrl+,), the audit log (Ctrl+Shift+A),
Diagnostics (Ctrl+Shift+D) and the supervisor's actions behind them (ui/supervisor/actions.py:
each asks the PIN when confirmed). Reads the window's engine, services, site, dialogs, reprint;
sets `window.supervisor`. Texts keep the "MainWindow" translation context.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject

from qrcashier.ui.shell import errors

log = logging.getLogger("qrcashier.ui.main")
translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


class Desk(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def open_sales(self) -> None:
        from qrcashier.ui.sale.sales_view import SalesDialog

        if self.window.engine is None:
            self.window.item_error(
                translate("MainWindow", "Sales of the day are available once QR Cashier is connected.")
            )
            return
        dialog = self.window.dialogs.get("sales")
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            dialog.refresh()
            return
        dialog = SalesDialog(self.window.engine, self.window.site, parent=self.window)
        dialog.reprint_requested.connect(self.window.reprint)
        if self.window.supervisor is not None:
            dialog.refund_requested.connect(self.window.supervisor.refund)
            dialog.review_requested.connect(self.window.supervisor.review)
        self.window.dialogs.keep("sales", dialog, refocus=False)
        dialog.show()
        dialog.refresh()

    def start_supervisor(self) -> None:
        """The supervisor's desk. Also while start-up still retries: a token refused from the
        first call is replaced through Settings' token page, and the next try uses it."""
        settings = getattr(self.window.services, "settings", None)
        if settings is None:
            return
        if self.window.supervisor is None:
            from qrcashier.ui.supervisor.actions import SupervisorActions

            tokens = getattr(self.window.services, "tokens", None)
            self.window.supervisor = SupervisorActions(self.window, self.window.services, settings, tokens)
            self.window.supervisor.token_changed.connect(self._token_changed)
        self.window.supervisor.watch_token()  # once the HTTP client exists: a 401 -> a plain notice -> the token page

    def _token_changed(self, token) -> None:
        """Settings replaced (or removed) the access token: charge with it from now on. A token
        of another account needs a restart: this register's store and POS are the old account's."""
        provisioned = self.window.services.provisioned
        user_id = getattr(self.window.services.settings, "user_id", None)
        if token is not None and provisioned is not None and user_id not in (None, provisioned.user.id):
            errors.message_box(self.window, translate("MainWindow", "Restart QR Cashier"), translate(
                "MainWindow",
                "The new access token belongs to another Mercado Pago account. Close and start QR Cashier "
                "again to charge with that account's store and register."
            ))
            return
        self.window.services.replace_token(token)
        log.info("access token %s in Settings", "replaced" if token is not None else "removed")

    def open_settings(self, page: str | None = None) -> None:
        """Ctrl+,: Settings (the setup pages), after the supervisor PIN."""
        if self.window.supervisor is None:
            self.window.item_error(translate("MainWindow", "Settings are available once QR Cashier is connected."))
            return
        self.window.supervisor.open_settings(page)

    def open_audit_log(self) -> None:
        """Ctrl+Shift+A: every supervisor action, with CSV export."""
        if self.window.supervisor is not None:
            self.window.tasks.spawn(self.window.supervisor.audit_log())  # after the PIN

    def open_diagnostics(self) -> None:
        """Ctrl+Shift+D: version, API, keyring, last contact, pending attempts, support bundle."""
        from qrcashier.ui.diagnostics.view import DiagnosticsDialog

        dialog = self.window.dialogs.get("diagnostics")
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            dialog.refresh()
            return
        dialog = DiagnosticsDialog(self.window.services, parent=self.window)
        self.window.dialogs.keep("diagnostics", dialog)  # the keyboard comes back when it closes
        dialog.show()
        dialog.refresh()
