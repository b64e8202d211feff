"""Esc on a live charge: with a supervisor PIN set, the cancel goes through the supervisor's
PIN-gated, audited cancel (paid wins); the cashier alone cannot take the order off the QR."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import running_app, wait_until
from tests.ui.sale.test_sale import COKE, scan
from tests.ui.supervisor.rig import PIN, encoded_pin, enter_pin


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_esc_on_a_live_charge_asks_the_supervisor_pin_and_is_audited(qtbot, tmp_path, token, settings):
    settings.pin_hash = encoded_pin()
    async with running_app(qtbot, tmp_path, token) as w:
        w.services.settings = settings
        w._start_supervisor()
        scan(w.item_field, COKE)
        await w.charge()
        await wait_until(lambda: w.panel_state() == "waiting", what="waiting")

        QTest.keyClick(w, Qt.Key.Key_Escape)
        dialog = next(d for d in w.supervisor.dialogs if type(d).__name__ == "CancelOrderDialog")
        assert w.supervisor.gate.prompt is None  # the PIN is asked once the cancel is confirmed
        dialog.reason.setEditText("customer changed their mind")
        dialog.confirm_button.click()
        await enter_pin(qtbot, w.supervisor.gate, PIN, name="Marta")
        await wait_until(lambda: w.panel_state() == "cancelled", what="cancelled")
        audit = await w.services.engine.audit_log()
        assert any(row.action == "cancel_requested" and row.actor == "Marta" for row in audit), audit
