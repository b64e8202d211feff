"""The supervisor menu on a window's menu bar: opened with Alt+S and the arrow keys as a person
does, each entry calls its action; cancel is greyed out while no charge is live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from qrcashier.ui.supervisor.menu import SupervisorEntries, build_supervisor_menu
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
NAMES = ("refund", "cancel", "audit_log", "settings", "diagnostics")


async def window_with_menu(qtbot, live: list[bool], drawer: bool = False):
    called: list[str] = []
    entries = SupervisorEntries(
        **{name: (lambda n=name: called.append(n)) for name in NAMES},
        can_cancel=lambda: live[0],
        open_drawer=(lambda: called.append("open_drawer")) if drawer else None,
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = build_supervisor_menu(window, entries)
    window.menuBar().addMenu(menu)
    window.resize(640, 400)
    window.show()
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, 5, "the window active")
    return window, menu, called


async def pick(qtbot, window, menu: QMenu, downs: int) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    await wait_until(lambda: menu.isVisible(), 5, "the supervisor menu")
    for _ in range(downs):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    await wait_until(lambda: not menu.isVisible(), 5, "the menu to close")


async def test_the_menu_lists_every_supervisor_action_and_the_keyboard_reaches_them(qtbot):
    live = [False]
    window, menu, called = await window_with_menu(qtbot, live)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Refund a sale…", "Cancel the charge on the QR…", "Audit log…", "Settings…", "Diagnostics…"]
    await pick(qtbot, window, menu, 0)  # the first entry: refund
    assert called == ["refund"]
    await pick(qtbot, window, menu, 1)  # cancel is disabled with no live charge: Down skips it
    assert called == ["refund", "audit_log"]
    live[0] = True
    await pick(qtbot, window, menu, 1)
    assert called == ["refund", "audit_log", "cancel"]
    await pick(qtbot, window, menu, 3)
    assert called[-1] == "settings"
    await pick(qtbot, window, menu, 4)
    assert called[-1] == "diagnostics"
    assert QApplication.activePopupWidget() is None


async def test_the_drawer_entry_appears_once_there_is_a_drawer(qtbot):
    window, menu, called = await window_with_menu(qtbot, [False], drawer=True)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["refund", "cancel", "open_drawer", "audit_log", "settings", "diagnostics"]
