"""Settings while the app runs on its own sandbox (`qrcashier --sandbox`, nothing set up yet), issue
14.7: the Mode is the running one, so a new PIN saves without clicking a Mode card; no warning about
the secure password store (the sandbox needs no token); the support page says what runs."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from qrcashier.settings import Mode
from qrcashier.supervisor import verify_pin
from qrcashier.ui.setup.wizard import SetupDialog
from tests.ui.setup.drive import click
from tests.ui.setup.helpers import wait_until

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def sandbox_settings(qtbot, make_env, settings, start_page: str) -> SetupDialog:
    assert settings.mode is None  # never set up: the app was started with --sandbox
    dialog = SetupDialog(make_env(), settings_mode=True, start_page=start_page)
    qtbot.addWidget(dialog)
    dialog.show()
    await wait_until(lambda: dialog.isVisible() and not dialog._reads, 10, "the settings")
    return dialog


async def test_a_new_pin_saves_without_clicking_a_mode(qtbot, make_env, settings):
    dialog = await sandbox_settings(qtbot, make_env, settings, "pin")
    assert dialog.page("mode").sandbox_button.isChecked()  # the running mode, shown
    page = dialog.page("pin")
    page.pin.setFocus()
    QTest.keyClicks(page.pin, "482913")
    QTest.keyClicks(page.confirm, "482913")
    await wait_until(lambda: dialog.save_button.isEnabled(), 10, "Save enabled")
    click(qtbot, dialog.save_button)
    await wait_until(lambda: settings.pin_hash, 10, "the PIN saved")
    assert verify_pin("482913", settings.pin_hash) and settings.mode == Mode.SANDBOX
    dialog.close()


async def test_no_password_store_warning_and_the_support_page_says_sandbox(qtbot, make_env, settings):
    dialog = await sandbox_settings(qtbot, make_env, settings, "support")
    page = dialog.page("support")
    await wait_until(lambda: "mode: sandbox" in page.text.toPlainText(), 10, "the support text")
    text = page.text.toPlainText()
    assert "not set up" not in text and "password store" not in text.lower()
    token_page = dialog.page("token")
    token_page._show_store()
    assert not token_page.insecure.isVisibleTo(dialog)
    dialog.close()


async def test_the_sticker_page_shows_the_running_register_qr(qtbot, make_env, settings):
    """Not "the QR appears here once the register is set up": the sandbox's register that runs."""
    from qrcashier.provisioning import RegisterSpec, ensure_register

    env = make_env()
    dialog = SetupDialog(env, settings_mode=True, start_page="sticker")
    qtbot.addWidget(dialog)
    client = await dialog.client()
    await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1"))  # what `qrcashier --sandbox` provisions
    dialog.show()
    page = dialog.page("sticker")
    page.enter()
    await wait_until(lambda: page.payload is not None and not dialog._reads, 10, "the running register's QR")
    assert page.pos.external_id == "CAJA1" and page._names() == ("Kiosco Demo", "Caja 1")
    assert "sandbox QR" in page.note.text()
    dialog.close()
