"""The wiring into the app: start-up runs the wizard when nothing is set up; the main window's
Settings key, its sales list's Refund and Resolve buttons, all through the supervisor PIN."""

from __future__ import annotations

import asyncio
from argparse import Namespace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from qrcashier.domain.sale import AttemptState as S
from qrcashier.settings import Mode
from qrcashier.token_store import BackendChoice, TokenStore
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import PIN, encoded_pin, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


def shortcut(widget, keys: str) -> QShortcut:
    return next(s for s in widget.findChildren(QShortcut) if s.key() == QKeySequence(keys))


def visible(title: str):
    return next((w for w in QApplication.topLevelWidgets() if w.windowTitle() == title and w.isVisible()), None)


async def test_start_up_without_setup_shows_the_wizard_and_cancelling_quits(
    qtbot, memory_keyring, tmp_path, monkeypatch
):
    from qrcashier.ui.shell import app as app_module

    monkeypatch.setattr(
        TokenStore,
        "for_platform",
        classmethod(lambda cls, account="default": cls(BackendChoice.injected(memory_keyring), account)),
    )
    args = Namespace(data_dir=str(tmp_path), sandbox=False)
    main = asyncio.ensure_future(app_module.async_main(args))
    await wait_until(lambda: visible("Set up QR Cashier") is not None, 10, "the wizard")
    wizard = visible("Set up QR Cashier")
    qtbot.addWidget(wizard)
    assert visible("QR Cashier") is None  # no main window before the setup
    wizard.cancel_button.click()
    assert await main == 0


async def test_the_main_window_reaches_every_supervisor_action(qtbot, settings, tokens, token, tmp_path):
    from qrcashier.checkout.config import PollPolicy
    from qrcashier.services import Options, Services
    from qrcashier.ui.shell.main_window import MainWindow

    settings.mode = Mode.SANDBOX
    settings.pin_hash = encoded_pin()
    options = Options(data_dir=tmp_path, sandbox=True, token=token, load_demo_catalog=False,
                      poll=PollPolicy(interval=0.05, tick=0.1))
    services = Services(options)
    services.settings, services.tokens = settings, tokens
    window = MainWindow(services, on_quit=lambda: None)
    qtbot.addWidget(window)
    try:
        services.open_local()
        window.show()
        await window.start()
        assert window.supervisor is not None and window.supervisor.watch is not None
        # a paid sale
        window._add("Yerba", Decimal("2000"), 1)
        await window.charge()
        await services.sandbox_control("POST", "/sandbox/pos/CAJA1/pay", {"status": "approved"})
        await wait_until(lambda: window.attempt is not None and window.attempt.state == S.PAID, 10, "paid")
        # the sales list: Refund… on the paid sale opens the refund dialog (the PIN comes when confirmed)
        window.open_sales()
        sales = window.sales_dialog
        await wait_until(lambda: sales.rows, 10, "the sales of the day")
        sales.table.selectRow(0)
        assert sales.refund_button.isEnabled() and not sales.review_button.isEnabled()
        qtbot.mouseClick(sales.refund_button, Qt.MouseButton.LeftButton)
        refund = next((d for d in window.supervisor.dialogs if type(d).__name__ == "RefundDialog"), None)
        assert refund is not None
        await wait_until(lambda: refund.payments, 10, "the payment")
        assert refund.payments[0].amount == Decimal("2000.00") and window.supervisor.gate.prompt is None
        refund.close()
        sales.close()
        # Ctrl+, asks the PIN, then shows Settings (the shortcut fired as Qt would: offscreen has no key focus)
        shortcut(window, "Ctrl+,").activated.emit()
        await enter_pin(qtbot, window.supervisor.gate, PIN)
        await wait_until(
            lambda: any(type(d).__name__ == "SetupDialog" for d in window.supervisor.dialogs), 10, "Settings"
        )
        dialog = next(d for d in window.supervisor.dialogs if type(d).__name__ == "SetupDialog")
        assert dialog.settings_mode and dialog.supervisor == "Marta"
        dialog.close()
        # Ctrl+Shift+A: the audit log names who refunded what, so it too waits for the PIN (issue 14.6)
        shortcut(window, "Ctrl+Shift+A").activated.emit()
        await wait_until(lambda: window.supervisor.gate.prompt is not None, 10, "the PIN prompt")
        assert not any(type(d).__name__ == "AuditLogDialog" for d in window.supervisor.dialogs)
        await enter_pin(qtbot, window.supervisor.gate, PIN)
        await wait_until(
            lambda: any(type(d).__name__ == "AuditLogDialog" for d in window.supervisor.dialogs), 10, "the audit log"
        )
    finally:
        await window.shutdown()
        await services.close()
