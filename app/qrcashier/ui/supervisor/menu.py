"""The supervisor's menu: the way in to refunds, cancelling a charge, the audit log, Settings and
Diagnostics (and the cash drawer, with an ESC/POS printer), visible on the main window instead
of keys a new cashier cannot guess.

The main window attaches it in `_bind_features()`: `SupervisorMenuBinder(window)` adds
`build_supervisor_menu(window, SupervisorEntries(...))` to the menu bar with the window's own
slots (refund: the sales of the day; cancel: what Esc does on a live charge). Each action still
asks the PIN where it is confirmed (ui/supervisor/actions.py); the menu only shows the way.
"Open the cash drawer" shows while a print queue exists: PIN, audit, then the pulse
(`printing.queue.open_drawer_audited`).
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
    has_drawer: Callable[[], bool] = lambda: True  # the drawer entry shows only while this holds


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
    drawer = None
    if entries.open_drawer is not None:
        drawer = add("open_drawer", translate("SupervisorMenu", "&Open the cash drawer"), entries.open_drawer)
        drawer.setVisible(bool(entries.has_drawer()))
    menu.addSeparator()
    add("audit_log", translate("SupervisorMenu", "&Audit log…"), entries.audit_log, "Ctrl+Shift+A")
    add("settings", translate("SupervisorMenu", "S&ettings…"), entries.settings, "Ctrl+,")
    add("diagnostics", translate("SupervisorMenu", "&Diagnostics…"), entries.diagnostics, "Ctrl+Shift+D")

    def about_to_show() -> None:
        cancel.setEnabled(bool(entries.can_cancel()))
        if drawer is not None:
            drawer.setVisible(bool(entries.has_drawer()))

    menu.aboutToShow.connect(about_to_show)
    return menu


class SupervisorMenuBinder:
    """The menu as a main-window feature. Uses the window's open_sales, open_audit_log,
    open_settings, open_diagnostics, charge_binder (is_live, escape_live), supervisor, engine,
    print_queue, tasks and item_error."""

    def __init__(self, window) -> None:
        self.window = window
        charging = window.charge_binder
        self.menu = build_supervisor_menu(window, SupervisorEntries(
            refund=window.open_sales,  # pick the paid sale, then Refund… asks the PIN
            cancel=lambda: charging.escape_live() if charging.is_live() else None,
            can_cancel=charging.is_live,
            audit_log=window.open_audit_log,
            settings=lambda: window.open_settings(),
            diagnostics=window.open_diagnostics,
            open_drawer=lambda: window.tasks.spawn(self.open_drawer()),
            has_drawer=lambda: window.print_queue is not None and window.engine is not None,
        ))
        window.menuBar().addMenu(self.menu)

    async def open_drawer(self) -> bool:
        """After the supervisor's PIN: audited first, then the drawer's pulse. False when not done."""
        window = self.window
        if window.print_queue is None or window.engine is None:
            return False
        if window.supervisor is None:
            window.item_error(translate("TillBinder", "A supervisor must authorize this: set a supervisor PIN first."))
            return False
        name = await window.supervisor.gate.ask(window, translate("SupervisorMenu", "open the cash drawer"))
        if not name:
            return False
        from qrcashier.printing.queue import open_drawer_audited
        from qrcashier.ui.shell import errors

        try:
            await open_drawer_audited(window.print_queue.queue, window.engine.audit, actor=name,
                                      reason="opened from the supervisor menu")
        except Exception as exc:  # a refusal is a sentence for the cashier
            window.item_error(errors.report(exc, "open drawer"))
            return False
        return True
