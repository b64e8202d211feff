"""The Orders API's JSON shapes (api §2): an order, a refund's answer, an order.* webhook."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_string
from qrcashier.sandbox.clock import utc_date
from qrcashier.sandbox.orders.records import QrOrder, RefundTx


def order_view(order: QrOrder, site: Site, external_pos_id: str) -> dict[str, Any]:
    tx: dict[str, Any] = {
        "id": order.payment_tx_id,
        "amount": to_json_string(order.total_amount, site),
        "status": order.tx_status,
        "status_detail": order.tx_status_detail,
    }
    if order.payment_id is not None:
        tx["reference_id"] = str(order.payment_id)
    if order.paid_amount is not None:
        tx["paid_amount"] = to_json_string(order.paid_amount, site)
        tx["payment_method"] = {"id": "account_money", "type": "account_money", "installments": 1}
    body: dict[str, Any] = {
        "id": order.id,
        "type": "qr",
        "processing_mode": "automatic",
        "external_reference": order.external_reference,
        "total_amount": to_json_string(order.total_amount, site),
        "expiration_time": order.expiration_time,
        "country_code": site.country_code,
        "user_id": str(order.owner),
        "status": order.status,
        "status_detail": order.status_detail,
        "currency": site.currency,
        "created_date": utc_date(order.created_date),
        "last_updated_date": utc_date(order.last_updated_date),
        "integration_data": {"application_id": order.application_id},
        "transactions": {"payments": [tx]},
        "config": {"qr": {"external_pos_id": external_pos_id, "mode": order.mode}},
    }
    if order.description is not None:
        body["description"] = order.description
    if order.paid_amount is not None:
        body["total_paid_amount"] = to_json_string(order.paid_amount, site)
    if order.refunds:
        body["transactions"]["refunds"] = [refund_view(r, site) for r in order.refunds]
    if order.items:
        body["items"] = order.items
    if order.qr_data is not None:
        body["type_response"] = {"qr_data": order.qr_data}
    return body


def refund_view(r: RefundTx, site: Site, status: str | None = None) -> dict[str, Any]:
    return {"id": r.id, "transaction_id": r.transaction_id, "reference_id": str(r.refund_id),
            "amount": to_json_string(r.amount, site), "status": status or r.status}


def refund_answer(order: QrOrder, site: Site, new: RefundTx, before: tuple[str, str]) -> dict[str, Any]:
    """The 201 of a refund (§2.4): the order as it was, the new refund still `processing`."""
    return {
        "id": order.id,
        "status": before[0],
        "status_detail": before[1],
        "transactions": {
            "refunds": [refund_view(r, site, "processing" if r is new else None) for r in order.refunds]
        },
    }


def webhook_payload(order: QrOrder, site: Site, view: dict[str, Any], action: str, now: datetime) -> dict[str, Any]:
    """The body of an `order.*` webhook (§7.2)."""
    return {
        "action": action,
        "api_version": "v1",
        "application_id": order.application_id,
        "data": {
            "id": order.id,
            "external_reference": order.external_reference,
            "status": order.status,
            "status_detail": order.status_detail,
            "total_paid_amount": view.get("total_paid_amount", to_json_string(Decimal(0), site)),
            "transactions": view["transactions"],
            "type": "qr",
            "version": order.version,
        },
        "date_created": utc_date(now),
        "live_mode": order.live_mode,
        "type": "order",
        "user_id": str(order.owner),
    }
