"""The audit log viewer and its CSV export; a 401 during a sale leads the cashier to the supervisor."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from qrcashier.domain.sale import AttemptState as S
from qrcashier.ui.supervisor.audit_log import AuditLogDialog
from qrcashier.ui.supervisor.cancel import CancelOrderDialog
from qrcashier.ui.supervisor.refund import RefundDialog
from qrcashier.ui.supervisor.token_refused import TOKEN_REFUSED_TEXT, TokenRefusedNotice, TokenRefusedWatch
from tests.ui.setup.helpers import wait_until
from tests.ui.supervisor.rig import MLA, enter_pin

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]
LEFT = Qt.MouseButton.LeftButton


async def test_audit_rows_are_shown_and_exported_as_csv(qtbot, shop, tmp_path):
    async with shop.register() as engine:
        # a cancel, then a paid sale refunded in part: two audited supervisor actions
        cancelled = await shop.charge(engine)
        cancel = CancelOrderDialog(engine, shop.gate, cancelled, MLA)
        qtbot.addWidget(cancel)
        cancel.open()
        cancel.reason.setCurrentText("=HYPERLINK(\"x\") customer left")  # typed by a person: never a formula
        qtbot.mouseClick(cancel.confirm_button, LEFT)
        await enter_pin(qtbot, shop.gate, name="Marta")
        await wait_until(lambda: cancel.outcome_kind == "cancelled", 10, "the cancel")
        attempt, payment = await shop.paid_sale(engine, "800.00")
        refund = RefundDialog(engine, shop.gate, MLA, attempt.id)
        qtbot.addWidget(refund)
        refund.open()
        await wait_until(lambda: refund.payments, 10, "the payments")
        refund.reason.setCurrentText("Devolución parcial")
        refund.amount_field.setText("300")
        refund.partial_radio.setChecked(True)
        qtbot.mouseClick(refund.refund_button, LEFT)
        await enter_pin(qtbot, shop.gate, name="Ana")
        await wait_until(lambda: refund.last_record is not None and not refund._working, 10, "the refund")

        log = AuditLogDialog(engine)
        qtbot.addWidget(log)
        log.open()
        await wait_until(lambda: len(log.entries) == 2, 10, "the audit rows")
        assert log.table.rowCount() == 2
        newest = [log.table.item(0, c).text() for c in range(log.table.columnCount())]
        assert (
            newest[1:3] == ["Ana", "Refund"] and newest[4] == str(payment["id"]) and newest[6] == "Devolución parcial"
        )
        assert newest[3] == (await engine.sale(attempt.sale_id)).code  # the sale as the sales list names it
        assert "amount: 300.00" in newest[7] and "full: False" in newest[7]
        oldest = [log.table.item(1, c).text() for c in range(log.table.columnCount())]
        assert oldest[1:3] == ["Marta", "Order cancelled on the QR"] and oldest[0][:4].isdigit()
        assert "Export" in log.export_button.text()

        out = log.export(tmp_path / "audit.csv")
        assert out == tmp_path / "audit.csv" and "Exported 2 rows" in log.summary.text()
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read the accents
        rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
        assert [r["action"] for r in rows] == ["refund_requested", "cancel_requested"]
        assert rows[0]["actor"] == "Ana" and rows[0]["reason"] == "Devolución parcial"
        assert rows[0]["payment_id"] == str(payment["id"]) and '"amount": "300.00"' in rows[0]["details"]
        assert rows[1]["reason"].startswith("'=HYPERLINK")  # neutralised
        assert rows[0]["at"][:4].isdigit() and "T" in rows[0]["at"]
        assert shop.token not in raw.decode("utf-8-sig")


async def test_a_401_during_a_sale_sends_the_cashier_to_the_supervisor_and_keeps_the_sale(qtbot, shop):
    notices: list[TokenRefusedNotice] = []
    supervisor_called: list[bool] = []

    def refused() -> None:
        notice = TokenRefusedNotice()
        qtbot.addWidget(notice)
        notice.supervisor_requested.connect(lambda: supervisor_called.append(True))
        notice.open()
        notices.append(notice)

    watch = TokenRefusedWatch(shop.http, shop.server.base_url, refused)
    try:
        async with shop.register() as engine:
            attempt = await shop.charge(engine)
            assert attempt.state == S.WAITING
            await shop.control("POST", "/sandbox/token/revoke")  # Mercado Pago now answers 401
            await wait_until(lambda: notices, 10, "the notice")
            refused = watch.count
            # The engine keeps reading (and failing): two more 401s, and still one notice.
            await wait_until(lambda: watch.count >= refused + 2, 10, "two more refused reads")
            assert len(notices) == 1 and watch.count > 1
            notice = notices[0]
            assert notice.isVisible() and notice.text.text() == TOKEN_REFUSED_TEXT
            assert "The sale is kept" in TOKEN_REFUSED_TEXT and "supervisor" in TOKEN_REFUSED_TEXT
            assert shop.token not in notice.text.text()
            # the sale is kept: the attempt stays in the journal, nothing final happened to it
            kept = await engine.attempt(attempt.id)
            assert kept.state in (S.WAITING, S.UNKNOWN) and (await engine.sale(attempt.sale_id)).status == "open"
            qtbot.mouseClick(notice.supervisor_button, LEFT)
            assert supervisor_called == [True] and not notice.isVisible()
            watch.reset()  # e.g. once the token was replaced: the next refusal shows the notice again
            await wait_until(lambda: len(notices) == 2, 10, "a second notice after the reset")
    finally:
        watch.remove()
    assert watch._hook not in shop.http.event_hooks["response"]
