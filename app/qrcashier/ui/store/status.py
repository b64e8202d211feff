"""The store server's state in the main window's status bar (issue 19, `--store DSN`).

`StoreStatusBinder(window)` is attached in `MainWindow._bind_features()`. Without `--store` (or
the settings' store field) it does nothing at all. With it, a label on the right of the status bar
shows "store server offline: N sales waiting" while PostgreSQL cannot be reached (the register
keeps selling: its journal is the truth and the outbox waits), "store: sending N sales" while
the outbox drains, and a quiet grey "store: up to date" when everything is in the store. The
tooltip carries the last error (never a password) and the store's address with any password
masked.

The same line also says when the register's copy of the store's catalog is not current: "catalog
offline: selling from the local copy" while the catalog follower cannot reach the store, and
"catalog: copying N products" during its first copy (nothing more while it is up to date).

The sender and the follower run on threads of their own; this reads `services.store_status()`
and `services.catalog_status()`, snapshots under locks of their own, on a QTimer: nothing here
waits on the network or the journal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

from qrcashier.ui.shell import theme
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")
POLL_MS = 1000


def status_sentence(status: Any) -> str:
    """One sentence for a store.sender.StoreStatus; "" without a store."""
    if status is None:
        return ""
    n = status.sales_waiting
    if status.online is False:
        if n == 1:
            return translate("StoreStatus", "store server offline: 1 sale waiting")
        return fmt(translate("StoreStatus", "store server offline: %1 sales waiting"), n)
    if status.online is None:
        return translate("StoreStatus", "store: connecting")
    if n:
        return translate("StoreStatus", "store: sending 1 sale") if n == 1 else \
            fmt(translate("StoreStatus", "store: sending %1 sales"), n)
    return translate("StoreStatus", "store: up to date")


def catalog_sentence(status: Any) -> str:
    """One sentence for a store.catalog_sync.CatalogSyncStatus when the copy is behind; "" when current."""
    if status is None or status.online is None:
        return ""
    if status.online is False:
        return translate("StoreStatus", "catalog offline: selling from the local copy")
    if not status.complete and not status.empty_store:
        return fmt(translate("StoreStatus", "catalog: copying %1 products"), status.products)
    return ""


def line(status: Any, catalog: Any) -> tuple[str, bool]:
    """The status bar's text and whether it is a warning (the sales or the catalog offline)."""
    parts = [text for text in (status_sentence(status), catalog_sentence(catalog)) if text]
    offline = (status is not None and status.online is False) or (catalog is not None and catalog.online is False)
    return " · ".join(parts), offline


class StoreStatusBinder:
    def __init__(self, window) -> None:
        self.window = window
        self.label: QLabel | None = None
        self.timer: QTimer | None = None
        if not window.services.options.store_dsn:
            return  # a single register: no store server, nothing to show
        self.label = QLabel()
        self.label.setObjectName("storeStatus")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self.label)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)

    async def started(self) -> None:
        if self.timer is not None:
            self.refresh()
            self.timer.start()

    async def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()

    def refresh(self) -> None:
        if self.label is None:
            return
        services = self.window.services
        status = services.store_status()
        catalog = services.catalog_status()
        text, offline = line(status, catalog)
        self.label.setText(text)
        colour = theme.STATE_COLOURS["offline"][0] if offline else theme.MUTED
        self.label.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if offline else ""))
        link = getattr(services, "store_link", None)
        where = link.shown if link is not None else ""
        details = [status.error if status is not None else "", catalog.error if catalog is not None else ""]
        self.label.setToolTip("\n".join(part for part in (where, *dict.fromkeys(details)) if part))
        self.label.setVisible(bool(text))
