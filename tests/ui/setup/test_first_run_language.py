"""The language picked in the first-run wizard is the app's at once after Finish (the main
window is built after the wizard): chosen with the keyboard on the printer page."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from qrcashier.ui.setup.wizard import SetupDialog, run_first_run_setup
from qrcashier.ui.shell import i18n
from tests.ui.setup.drive import click, idle, next_page, set_pin_and_finish
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def the_wizard() -> SetupDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, SetupDialog) and w.isVisible()), None)


async def test_the_wizards_language_applies_as_soon_as_it_finishes(qtbot, make_env, settings):
    env = make_env(sandbox_base_url=None)
    finished = asyncio.ensure_future(run_first_run_setup(env))
    try:
        await wait_until(lambda: the_wizard() is not None, 10, "the wizard")
        dialog = the_wizard()
        qtbot.addWidget(dialog)
        click(qtbot, dialog.page("mode").sandbox_button)
        await next_page(qtbot, dialog, "store")
        store = dialog.page("store")
        await wait_until(lambda: store.store_box.count() > 0 and idle(dialog) and dialog.next_button.isEnabled(), 10,
                         "the store list")
        await next_page(qtbot, dialog, "terminal")
        await wait_until(lambda: idle(dialog), 10, "the terminal list")
        terminal = dialog.page("terminal")
        assert terminal.box.currentData() == VIRTUAL_TERMINAL  # the sandbox's, unless "No card terminal"
        terminal.box.setCurrentIndex(0)  # a register can have none, even on the sandbox
        await next_page(qtbot, dialog, "sticker")
        await next_page(qtbot, dialog, "printer")
        box = dialog.page("printer").language_box
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)  # English -> Español
        assert box.currentData() == "es"
        await next_page(qtbot, dialog, "pin")
        await set_pin_and_finish(qtbot, dialog)
        assert await finished is True
        assert settings.language == "es" and i18n.current() == "es"
        assert settings.point_terminal is None and settings.point_terminal_off
        assert QCoreApplication.translate("SalesDialog", "Sales of the day") != "Sales of the day"
    finally:
        if not finished.done():
            finished.cancel()
        i18n.uninstall(QCoreApplication.instance())
