"""A token replaced or removed in Settings reaches the running register at once: the sale
kept through a 401 is paid with the new token; a removed token sends nothing; a token of
another account asks for a restart instead."""

from __future__ import annotations

import asyncio
import contextlib
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from qrcashier.checkout.config import PollPolicy
from qrcashier.domain.sale import AttemptState as S
from qrcashier.mercadopago import AccessToken
from qrcashier.services import Options, Services
from qrcashier.settings import Mode
from qrcashier.ui.shell import main_window as main_window_module
from qrcashier.ui.shell.main_window import MainWindow
from tests.ui.setup.helpers import control, wait_until
from tests.ui.supervisor.rig import encoded_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


@contextlib.asynccontextmanager
async def account_register(qtbot, settings, tokens, token, sandbox, tmp_path, *, start: bool = True):
    """The main window on a real account (the sandbox playing Mercado Pago), as after setup;
    started (connected), or with `start=False` shown only, for the test to start it."""
    settings.mode = Mode.ACCOUNT
    settings.pin_hash = encoded_pin()
    options = Options(data_dir=tmp_path, sandbox=False, token=token, base_url=sandbox.base_url,
                      load_demo_catalog=False, poll=PollPolicy(interval=0.05, tick=0.1))
    services = Services(options)
    services.settings, services.tokens = settings, tokens
    window = MainWindow(services, on_quit=lambda: None)
    qtbot.addWidget(window)
    try:
        services.open_local()
        window.show()
        if start:
            await window.start()
            settings.user_id = services.provisioned.user.id  # what the token page stored
        yield window
    finally:
        await window.shutdown()
        await services.close()


async def test_a_renewed_token_pays_the_sale_kept_through_the_401(
    qtbot, settings, tokens, token, sandbox, http, tmp_path
):
    async with account_register(qtbot, settings, tokens, token, sandbox, tmp_path) as window:
        window._add("Yerba", Decimal("2000"), 1)
        await window.charge()
        await wait_until(lambda: window.attempt is not None and window.attempt.state == S.WAITING, 10, "the order")
        renewed = token + "-renewed"
        # The owner renews the credentials in Mercado Pago's panel: the register's token is refused.
        await control(http, sandbox, token, "POST", "/sandbox/token/renew", {"access_token": renewed})
        watch = window.supervisor.watch
        await wait_until(lambda: watch.count > 0, 10, "a 401 on the register's reads")
        assert (await window.engine.attempt(window.attempt.id)).state in (S.WAITING, S.UNKNOWN)  # kept
        # Settings' token page saved the new one and says so: the register uses it from now on.
        window.supervisor.token_changed.emit(AccessToken(renewed))
        await control(http, sandbox, renewed, "POST", "/sandbox/pos/CAJA1/pay", {"status": "approved"})
        await wait_until(lambda: window.attempt.state == S.PAID, 10, "paid, read with the new token")
        assert window.services.options.token == renewed


async def test_a_removed_token_sends_nothing_and_keeps_the_sale(qtbot, settings, tokens, token, sandbox, tmp_path):
    async with account_register(qtbot, settings, tokens, token, sandbox, tmp_path) as window:
        window.supervisor.token_changed.emit(None)  # Settings › Remove the token
        window._add("Yerba", Decimal("2000"), 1)
        await window.charge()
        await wait_until(lambda: window.attempt is not None and window.attempt.state == S.FAILED, 10, "the refusal")
        assert "no access token on this computer" in window.attempt.message
        assert (await window.engine.sale(window.attempt.sale_id)).status == "open"  # charge it again later


async def test_a_token_of_another_account_asks_for_a_restart(qtbot, settings, tokens, token, sandbox, tmp_path):
    from qrcashier.ui.shell import errors

    errors.set_dialogs_enabled(True)
    async with account_register(qtbot, settings, tokens, token, sandbox, tmp_path) as window:
        before = window.services.client.http.token
        settings.user_id = window.services.provisioned.user.id + 1  # the token page checked another account
        window.supervisor.token_changed.emit(AccessToken(token + "-other"))
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                   and "another Mercado Pago account" in w.text())
        assert "start QR Cashier again" in box.text()
        box.close()
        assert window.services.client.http.token is before  # still this account's token


async def test_a_token_refused_from_the_first_call_is_replaced_while_start_up_retries(
    qtbot, settings, tokens, token, sandbox, http, tmp_path, monkeypatch
):
    monkeypatch.setattr(main_window_module, "START_RETRY_SECONDS", 0.2)
    renewed = token + "-renewed"
    # Renewed in Mercado Pago's panel while the app was closed: the stored token is refused at once.
    await control(http, sandbox, token, "POST", "/sandbox/token/renew", {"access_token": renewed})
    async with account_register(qtbot, settings, tokens, token, sandbox, tmp_path, start=False) as window:
        starting = asyncio.ensure_future(window.start())
        try:
            await wait_until(lambda: window.panel_state() == "offline", 10, "the refusal at start-up")
            assert "access token was refused" in window.panel_text()
            # Settings (and its token page) are there before Mercado Pago ever answered
            assert window.supervisor is not None and window.supervisor.watch is not None
            window.supervisor.token_changed.emit(AccessToken(renewed))
            await asyncio.wait_for(starting, 10)  # the next try uses the new token
            assert window.engine is not None and window.panel_state() == "idle"
        finally:
            starting.cancel()  # (done already, unless the test failed)
