"""The refund slip in the real window with ARCA invoices on: after a refund of an invoiced sale
it shows (and would print) the Nota de Crédito B with its CAE, the Factura it cancels, and its
QR under the rows of the on-screen receipt."""

from __future__ import annotations

import pytest

from qrcashier.fiscal.qr import decode_qr_url
from qrcashier.ui.supervisor.refund_slip import issue_refund_slip
from tests.ui.conftest import running_app, wait_until
from tests.ui.fiscal.test_fiscal_status import SETUP, _sell

pytestmark = [pytest.mark.qt_async, pytest.mark.asyncio]


async def test_the_refund_slip_shows_its_nota_de_credito(qtbot, tmp_path, token):
    async with running_app(qtbot, tmp_path, token, fiscal=SETUP) as w:
        shown = w.receipts_shown
        await _sell(w)
        await wait_until(lambda: w.receipts_shown > shown, what="the sale's receipt")
        engine = w.services.engine
        ((attempt_id, payment_id),) = await engine.journal.run(lambda db: [tuple(r) for r in db.query(
            "SELECT a.id, p.mp_payment_id FROM attempts a JOIN payments p ON p.attempt_id = a.id"
            " WHERE a.state = 'paid'")])
        refund = await engine.refund(payment_id, "1900.00", "ana", "vencido")
        assert refund.state == "approved"
        slip = await issue_refund_slip(w, attempt_id)
        assert slip.invoice.document == "Nota de Crédito" and slip.invoice.authorized
        text = w.receipt_dialog.text()
        assert "Nota de Crédito B N° 00003-00000001" in text and "Factura B N° 00003-00000001" in text
        qr = decode_qr_url(w.receipt_dialog.qr_payload())
        assert qr["tipoCmp"] == 8 and qr["nroCmp"] == 1 and qr["importe"] == 1900
