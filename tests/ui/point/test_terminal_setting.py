"""Settings' card terminal page against the sandbox (account mode): the account's terminals with
this register's POS first, the switch to PDV mode asked first, and the choice saved per register."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from qrcashier.mercadopago.secret import AccessToken
from qrcashier.provisioning import RegisterSpec, ensure_register
from qrcashier.settings import Mode
from qrcashier.ui.setup.wizard import SetupDialog
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_the_terminal_page_lists_switches_to_pdv_and_saves(qtbot, make_env, settings, tokens, token):
    tokens.set(AccessToken(token))
    settings.mode = Mode.ACCOUNT
    env = make_env()
    provisioned = await ensure_register(await env.client(Mode.ACCOUNT, AccessToken(token)), RegisterSpec("KIOSCO1",
                                                                                                       "CAJA1"))
    settings.store_id, settings.pos_id = str(provisioned.store.id), provisioned.pos.id
    dialog = SetupDialog(env, settings_mode=True, start_page="terminal", supervisor="Ana")
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page("terminal")
    await wait_until(lambda: page.box.count() >= 3 and not page.busy.isVisible(), 10, "the terminal list")
    assert page.box.itemData(0) == ""  # "No card terminal" first, and chosen while nothing is saved
    smart = page.box.itemData(1)
    assert smart.startswith("PAX_A910__") and "this register's POS" in page.box.itemText(1)
    assert "standalone" in page.box.itemText(1)
    assert VIRTUAL_TERMINAL in [page.box.itemData(i) for i in range(page.box.count())]
    page.box.setCurrentIndex(1)
    assert page.pdv_button.isVisibleTo(page) and "Mode: Standalone." in page.mode_label.text()
    page.pdv_button.click()
    box = await _message_box()
    assert "PDV" in box.text() and "restart" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    await wait_until(lambda: "now in PDV mode" in page.result.text(), 10, "the switch")
    assert not page.pdv_button.isVisibleTo(page) and "PDV mode: the app sends" in page.mode_label.text()
    await page.save(settings, "Ana")
    assert settings.point_terminal == smart
    page.box.setCurrentIndex(0)
    await page.save(settings, "Ana")
    assert settings.point_terminal is None


async def _message_box() -> QMessageBox:
    found: list[QMessageBox] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                    and w.button(QMessageBox.StandardButton.Yes) is not None]  # a question, not a stray report
        return bool(found)

    await wait_until(visible, 5, "the question")
    return found[0]
