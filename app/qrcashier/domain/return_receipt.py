"""The return slip: a return by line printed as a return, through the one receipt layout
(`domain.receipt.Receipt`). Its title says RETURN (and its number), the header keeps the
original sale's number with the original's date as its reference, the returned lines and the
total are negative, and the tender is the refund (in cash, or to Mercado Pago), negative too.
Qt-free; the UI builds it from the original's receipt and the engine's return result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from qrcashier.domain.receipt import Receipt, ReceiptLine, ReceiptTender, _when

_RETURN_LABELS: dict[str, dict[str, str]] = {
    "en": {"title": "RETURN No. {}", "original": "Original sale of {}",
           "refund_cash": "Refund in cash", "refund_qr": "Refund to Mercado Pago", "footer": "Return recorded"},
    "es": {"title": "DEVOLUCIÓN N° {}", "original": "Venta original del {}",
           "refund_cash": "Devolución en efectivo", "refund_qr": "Devolución a Mercado Pago",
           "footer": "Devolución registrada"},
    "pt": {"title": "DEVOLUÇÃO Nº {}", "original": "Venda original de {}",
           "refund_cash": "Devolução em dinheiro", "refund_qr": "Estorno no Mercado Pago",
           "footer": "Devolução registrada"},
}


@dataclass(frozen=True)
class ReturnedLine:
    """One returned line: its number on the original (1-based), the units and what they refund."""

    line_no: int
    quantity: int
    amount: Decimal  # positive: what these units are given back for


def build_return_receipt(
    original: Receipt, returned: Sequence[ReturnedLine], *, return_no: int, kind: str, returned_at: datetime,
    operator: str = "",
) -> Receipt:
    """The slip of return `return_no` of the sale whose receipt is `original` (its number and date kept as
    the reference). `kind` is "cash" or "qr": how the amount goes back."""
    if kind not in ("cash", "qr"):
        raise ValueError(f"a return is refunded in cash or by QR, not {kind!r}")
    if returned_at.tzinfo is None:
        raise ValueError("returned_at must be an aware datetime")
    labels = _RETURN_LABELS[original.lang]
    by_no: Mapping[int, ReceiptLine] = dict(enumerate(original.lines, start=1))
    lines = []
    for item in returned:
        if item.quantity <= 0 or item.amount < 0:
            raise ValueError("a returned line has a positive quantity and a non-negative amount")
        source = by_no.get(item.line_no)
        if source is None:
            raise ValueError(f"the original sale has no line {item.line_no}")
        unit = (item.amount / item.quantity).quantize(original.site.quantum)
        lines.append(ReceiptLine(source.description, Decimal(-item.quantity), unit, -item.amount))
    total = -sum((item.amount for item in returned), Decimal(0))
    return replace(
        original,
        title=labels["title"].format(return_no),
        reference=labels["original"].format(_when(original.paid_at, original.lang)),
        lines=tuple(lines),
        total=total,
        paid_at=returned_at,  # printed in its own zone (the caller gives local time)
        operator=operator or original.operator,
        tenders=(ReceiptTender(labels[f"refund_{kind}"], total),),  # a tender's kind with no label prints as given
        payment_ids=(), merchant_order_id=None, refunds=(), taxes=(), legend="", copy=False,
        footer=labels["footer"],
    )
