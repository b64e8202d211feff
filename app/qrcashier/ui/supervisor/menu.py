"""The supervisor's menu: the way in to refunds, cancelling a charge, the audit log, Settings and
Diagnostics, visible on the main window instead of keys a new cashier cannot guess.

Hook (the main window, once): `menuBar().addMenu(build_supervisor_menu(self, entries))` with

    SupervisorEntries(
        refund=self.open_sales,            # pick the paid sale, then Refund… (F6) asks the PIN
        cancel=self.cancel_charge,         # the live charge (Esc does the same)
        can_cancel=lambda: <a charge is live>,
        audit_log=self.open_audit_log,
        settings=self.open_settings,
        diagnostics=self.open_diagnostics,
    )

Each action still asks the PIN where it is confirmed (ui/supervisor/actions.py); the menu only
shows the way. `open_drawer` is the till's, when it lands: None leaves the entry out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


@dataclass(frozen=True)
class SupervisorEntries:
    refund: Callable[[], object]
    cancel: Callable[[], object]
    audit_log: Callable[[], object]
    settings: Callable[[], object]
    diagnostics: Callable[[], object]
    can_cancel: Callable[[], bool] = lambda: True
    open_drawer: Callable[[], object] | None = None


def build_supervisor_menu(parent: QWidget, entries: SupervisorEntries) -> QMenu:
    """The "Supervisor" menu; the shortcuts it shows are the window's own (bound there)."""
    menu = QMenu(translate("SupervisorMenu", "&Supervisor"), parent)
    menu.setObjectName("supervisor_menu")

    def add(name: str, text: str, slot: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(name)
        if keys:
            # shown, not bound: the window's shortcut answers the key (no ambiguous shortcut)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutVisibleInContextMenu(True)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    add("refund", translate("SupervisorMenu", "&Refund a sale…"), entries.refund, "F9")
    cancel = add("cancel", translate("SupervisorMenu", "&Cancel the charge on the QR…"), entries.cancel, "Esc")
    if entries.open_drawer is not None:
        add("open_drawer", translate("SupervisorMenu", "&Open the cash drawer"), entries.open_drawer)
    menu.addSeparator()
    add("audit_log", translate("SupervisorMenu", "&Audit log…"), entries.audit_log, "Ctrl+Shift+A")
    add("settings", translate("SupervisorMenu", "S&ettings…"), entries.settings, "Ctrl+,")
    add("diagnostics", translate("SupervisorMenu", "&Diagnostics…"), entries.diagnostics, "Ctrl+Shift+D")
    menu.aboutToShow.connect(lambda: cancel.setEnabled(bool(entries.can_cancel())))
    return menu
