"""The refund slip: the sale's receipt layout with its approved refunds and the net, printed
(when a printer is set) and shown after a refund is approved.

Hook (ui/supervisor/actions.py, where the refund dialog is built): `attach(dialog, window)`.
The window gives the store header, the printer name and `show_receipt`, as for a sale's receipt.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication

from qrcashier.checkout import RefundState
from qrcashier.domain.receipt import Receipt, ReceiptRefund, StoreHeader, build_receipt
from qrcashier.ui.printing.slip import print_and_show, window_header

log = logging.getLogger("qrcashier.ui.supervisor")


async def build_refund_slip(engine: Any, attempt_id: int, header: StoreHeader) -> Receipt:
    """The paid sale's receipt (the original's date and operator) with every approved refund."""
    attempt = await engine.attempt(attempt_id)
    sale = await engine.sale(attempt.sale_id)
    payments = await engine.payments(attempt_id=attempt_id)
    receipts = await engine.receipts(attempt_id=attempt_id)
    issued = next((r for r in receipts if r.kind == "original"), None) or receipts[0]
    receipt = build_receipt(sale, issued, payments, header)
    refunds = []
    for payment in payments:
        if payment.status != "approved":
            continue
        for refund in await engine.refunds(payment.mp_payment_id):
            if refund.state == RefundState.APPROVED:
                refunds.append(ReceiptRefund(refund.amount, str(refund.mp_payment_id), refund.updated_at.astimezone()))
    return replace(receipt, refunds=refunds, copy=False)


def attach(dialog: Any, window: Any) -> None:
    """After each approved refund in `dialog`, print the slip and show it on the window."""

    @qasync.asyncSlot(object)
    async def on_refunded(record: Any) -> None:
        if record.state != RefundState.APPROVED:
            return
        try:
            await issue_refund_slip(window, dialog.attempt_id)
        except Exception:  # the refund itself is done; a slip that fails to print is said on screen
            log.exception("the refund slip failed")

    dialog.refunded.connect(on_refunded)


async def issue_refund_slip(window: Any, attempt_id: int) -> Receipt:
    services = window.services
    slip = await build_refund_slip(services.engine, attempt_id, window_header(window))
    if getattr(services, "fiscal", None) is not None:  # issue 21: the refund's Nota de Crédito
        slip = await services.fiscal.credit_note_slip(slip, (await services.engine.attempt(attempt_id)).sale_id)
    print_and_show(window, slip, QCoreApplication.translate("RefundSlip", "The refund slip did not print: %1"))
    return slip
