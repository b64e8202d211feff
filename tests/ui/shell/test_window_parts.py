"""The main window as a composition: every key comes from the one commands table (no key bound
twice), the F-key bar is built from it in order, the features are attached in `_bind_features()`
(the till's F8, the Supervisor menu on the menu bar), and the drawer entry shows only with a
print queue, asking the PIN and auditing before the pulse."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence, QShortcut

from tests.ui.conftest import running_app

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_keys_bar_and_features_come_from_the_table(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token) as w:
        keys = [s.key().toString() for s in w.findChildren(QShortcut)]
        assert not [k for k, n in Counter(keys).items() if n > 1], keys  # one binding per key
        for command in w.commands:
            for key in command.keys:
                assert QKeySequence(key).toString() in keys, command.name
        assert {"F2", "F4", "F6", "F7", "F8", "F9", "F12", "Esc", "Del", "Ctrl+Shift+A"} <= set(keys)
        bar = [c.name for c in w.commands.bar_order()]
        # the sale tools' F3 (park) and F10 (discount) join the bar in key order (issue 17)
        assert bar == ["search", "park", "free_item", "quantity", "price", "remove", "clear", "sales", "discount"]
        shown = [w.commands.bar.itemAt(i).widget() for i in range(w.commands.bar.count())]
        assert shown == [w.commands[name].button for name in bar]
        assert all(button.isVisibleTo(w) for button in shown)
        assert "F3" in w.commands["park"].button.text() and "F10" in w.commands["discount"].button.text()
        assert not w.commands["park"].button.isEnabled()  # nothing to park yet
        assert w.commands["cash"].button is w.till.cash_button
        menus = [a.menu().objectName() or a.text() for a in w.menuBar().actions() if a.menu() is not None]
        assert "supervisor_menu" in menus and "&Till" in menus
        # enabled-when: Charge follows the cart
        assert not w.charge_button.isEnabled()
        w._add("Yerba", 2000, 1)
        assert w.charge_button.isEnabled()
        assert w.commands["park"].button.isEnabled() and w.commands["discount"].button.isEnabled()


async def test_the_drawer_entry_needs_a_print_queue_and_the_pin(qtbot, tmp_path, token, monkeypatch):
    from qrcashier.ui.supervisor.menu import SupervisorMenuBinder

    async with running_app(qtbot, tmp_path, token) as w:
        binder = next(f for f in w.features if isinstance(f, SupervisorMenuBinder))
        drawer = next(a for a in binder.menu.actions() if a.objectName() == "open_drawer")
        binder.menu.aboutToShow.emit()
        assert not drawer.isVisible()  # no ESC/POS printer: no drawer
        assert await binder.open_drawer() is False

        calls: list[str] = []

        class Queue:
            async def open_drawer(self):
                calls.append("pulse")

        class Printing:
            queue = Queue()

        class Gate:
            async def ask(self, parent, action):
                calls.append(f"pin: {action}")
                return "Marta"

        async def audit(actor, action, reason=""):
            calls.append(f"audit {actor} {action}")

        class Supervisor:
            gate = Gate()

        monkeypatch.setattr(w, "print_queue", Printing(), raising=False)
        monkeypatch.setattr(w, "supervisor", Supervisor(), raising=False)
        monkeypatch.setattr(w.engine, "audit", audit)
        binder.menu.aboutToShow.emit()
        assert drawer.isVisible()
        assert await binder.open_drawer() is True
        assert calls == ["pin: open the cash drawer", "audit Marta drawer_opened", "pulse"]
        monkeypatch.undo()
