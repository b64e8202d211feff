"""The hooks the app calls: prepare_start before the main window, SupervisorActions after it."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QWidget

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import Mode
from qrcashier.ui.supervisor.actions import SupervisorActions, prepare_start
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import PIN, encoded_pin, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def configured(settings, mode: Mode) -> None:
    settings.mode = mode
    settings.store_external_id, settings.pos_external_id = "KIOSCO1", "CAJA1"
    settings.store_name, settings.register_name = "Kiosco", "Caja 1"
    settings.pin_hash = encoded_pin()
    settings.setup_done = True


async def test_first_start_shows_the_wizard_and_cancelling_it_stops_the_start(qtbot, settings, tokens, make_env):
    from PySide6.QtWidgets import QApplication

    env = make_env()
    starting = asyncio.ensure_future(prepare_start(settings, tokens, env=env))
    await wait_until(lambda: any(w.windowTitle() == "Set up QR Cashier" and w.isVisible()
                                 for w in QApplication.topLevelWidgets()), 5, "the wizard")
    wizard = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Set up QR Cashier" and w.isVisible())
    qtbot.addWidget(wizard)
    wizard.cancel_button.click()
    assert await starting is False
    assert await prepare_start(settings, tokens, sandbox_flag=True) is True  # --sandbox needs no setup


async def test_an_account_without_its_token_asks_for_the_token_only(qtbot, settings, tokens, make_env, token):
    from PySide6.QtWidgets import QApplication

    configured(settings, Mode.ACCOUNT)
    starting = asyncio.ensure_future(prepare_start(settings, tokens, env=make_env()))
    await wait_until(lambda: any(w.windowTitle() == "QR Cashier settings" and w.isVisible()
                                 for w in QApplication.topLevelWidgets()), 5, "the token page")
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "QR Cashier settings" and w.isVisible()
    )
    qtbot.addWidget(dialog)
    assert dialog.current.key == "token"
    page = dialog.page("token")
    page.field.setText(token)
    await page.check()
    await dialog.save()
    dialog.close()
    assert await starting is True and tokens.get() == AccessToken(token)
    configured(settings, Mode.SANDBOX)
    assert await prepare_start(settings, tokens, env=make_env()) is True  # nothing to ask


async def test_a_refused_token_leads_through_the_pin_to_the_token_page(qtbot, settings, tokens, token, tmp_path):
    from qrcashier.checkout.config import PollPolicy
    from qrcashier.domain.cart import Cart
    from qrcashier.services import Options, Services

    configured(settings, Mode.SANDBOX)
    options = settings.apply_to(Options(data_dir=tmp_path, token=token, load_demo_catalog=False,
                                        poll=PollPolicy(interval=0.05, tick=0.1)), tokens)
    services = Services(options)
    window = QWidget()
    qtbot.addWidget(window)
    actions = None
    try:
        await services.start()
        await services.engine.start()
        actions = SupervisorActions(window, services, settings, tokens)
        watch = actions.watch_token()
        cart = Cart(services.site)
        cart.add("Yerba", "1500", 1)
        attempt = await services.engine.charge(cart)
        await services.sandbox_control("POST", "/sandbox/token/revoke")
        await wait_until(lambda: watch.refused, 10, "the 401")
        notice = next(d for d in actions.dialogs if type(d).__name__ == "TokenRefusedNotice")
        assert notice.isVisible() and "The sale is kept" in notice.text.text()
        notice.supervisor_button.click()
        await enter_pin(qtbot, actions.gate, PIN, name="Marta")
        await wait_until(lambda: any(type(d).__name__ == "SetupDialog" for d in actions.dialogs), 10, "Settings")
        dialog = next(d for d in actions.dialogs if type(d).__name__ == "SetupDialog")
        assert dialog.current.key == "token" and dialog.supervisor == "Marta"
        kept = await services.engine.attempt(attempt.id)
        assert kept.live and (await services.engine.sale(attempt.sale_id)).status == "open"
        dialog.close()
        # the other entry points open their dialogs (each asks the PIN only when confirmed)
        assert actions.cancel_order(kept) is not None
        assert actions.gate.prompt is None
        # the audit log names who refunded what: it opens only after the PIN (issue 14.6)
        opening = asyncio.ensure_future(actions.audit_log())
        await wait_until(lambda: actions.gate.prompt is not None and actions.gate.prompt.isVisible(), 10, "the PIN")
        assert not any(type(d).__name__ == "AuditLogDialog" for d in actions.dialogs)
        await enter_pin(qtbot, actions.gate, PIN, name="Marta")
        log = await asyncio.wait_for(opening, 10)
        assert type(log).__name__ == "AuditLogDialog" and log in actions.dialogs
    finally:
        if actions is not None:
            actions.close()
        await services.close()
