"""The return slip after a return by line (Shift+F9): the original sale's receipt (its number and
date, from the engine) turned into a return (`domain.return_receipt`), printed when a printer is
set and shown on the window, as a sale's receipt is."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from qrcashier.domain.receipt import Receipt, StoreHeader
from qrcashier.domain.return_receipt import ReturnedLine, build_return_receipt
from qrcashier.domain.sale import AttemptState
from qrcashier.ui.printing.slip import print_and_show, window_header

log = logging.getLogger("qrcashier.ui.saletools")


async def original_receipt(engine: Any, sale_id: int, header: StoreHeader) -> Receipt:
    """The paid sale's receipt as it was issued (its number, date and tenders)."""
    paid = await engine.attempts(sale_id=sale_id, states={AttemptState.PAID})
    for attempt in reversed(paid):
        issued = [r for r in await engine.receipts(attempt_id=attempt.id) if r.kind == "original"]
        if issued:
            return await engine.receipt_for(issued[0], header)
    raise LookupError(f"sale {sale_id} has no issued receipt")


async def build_return_slip(engine: Any, result: Any, header: StoreHeader, *, operator: str = "",
                            now: datetime | None = None) -> Receipt:
    original = await original_receipt(engine, result.sale_id, header)
    returned = [ReturnedLine(line.line_no, line.quantity, line.amount) for line in result.lines]
    return build_return_receipt(original, returned, return_no=result.return_no, kind=result.kind,
                                returned_at=(now or datetime.now(UTC)).astimezone(), operator=operator)


async def issue_return_slip(window: Any, result: Any, operator: str = "") -> Receipt:
    services = window.services
    slip = await build_return_slip(window.engine, result, window_header(window), operator=operator)
    if getattr(services, "fiscal", None) is not None:  # issue 21: the return's Nota de Crédito
        slip = await services.fiscal.credit_note_slip(slip, result.sale_id)
    print_and_show(window, slip, QCoreApplication.translate("ReturnSlip", "The return slip did not print: %1"))
    return slip
