"""The store server's state in the main window's status bar (issue 19, `--store DSN`).

`StoreStatusBinder(window)` is attached in `MainWindow._bind_features()`. Without `--store` (or
the settings' store field) it does nothing at all. With it, a label on the right of the status bar
shows "store server offline: N sales waiting" while PostgreSQL cannot be reached (the register
keeps selling: its journal is the truth and the outbox waits), "store: sending N sales" while
the outbox drains, and a quiet grey "store: up to date" when everything is in the store. The
tooltip carries the last error (never a password) and the store's address with any password
masked.

The sender runs on its own thread; this reads `services.store_status()`, a snapshot under a
lock of its own, on a QTimer: nothing here waits on the network or the journal.
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
        status = self.window.services.store_status()
        text = status_sentence(status)
        self.label.setText(text)
        offline = status is not None and status.online is False
        colour = theme.STATE_COLOURS["offline"][0] if offline else theme.MUTED
        self.label.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if offline else ""))
        link = getattr(self.window.services, "store_link", None)
        where = link.shown if link is not None else ""
        detail = status.error if status is not None and status.error else ""
        self.label.setToolTip("\n".join(part for part in (where, detail) if part))
        self.label.setVisible(bool(text))
