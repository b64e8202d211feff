"""Reading merchant_orders for the gateways that find payments through them (Instore v2, the Orders API's QR)."""

from __future__ import annotations

from typing import Any

from qrcashier.domain.money import Site, quantize
from qrcashier.domain.sale import OrderSnapshot, PaymentInfo
from qrcashier.mercadopago.models import MerchantOrder


def order_snapshot(mo: MerchantOrder, site: Site) -> OrderSnapshot:
    """The merchant_order as `decide` reads it, amounts in the site's unit (JSON sends 1000.0)."""
    return OrderSnapshot(
        id=mo.id,
        status=mo.status,
        external_reference=mo.external_reference,
        total_amount=quantize(mo.total_amount, site),
        payments=tuple(
            PaymentInfo(p.id, p.status, quantize(p.transaction_amount, site), p.status_detail, mo.id,
                        p.date_approved)
            for p in mo.payments
        ),
    )


def merchant_order_json(mo: MerchantOrder) -> dict[str, Any]:
    """A JSON-able snapshot of a merchant_order, kept with an attempt under review."""
    return {
        "id": mo.id,
        "status": mo.status,
        "order_status": mo.order_status,
        "external_reference": mo.external_reference,
        "total_amount": str(mo.total_amount),
        "paid_amount": str(mo.paid_amount),
        "payments": [
            {"id": p.id, "status": p.status, "status_detail": p.status_detail, "amount": str(p.transaction_amount)}
            for p in mo.payments
        ],
    }
