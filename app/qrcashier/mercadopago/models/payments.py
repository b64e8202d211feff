"""What a scan leaves behind: merchant orders, their payments, payments and refunds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.mercadopago.errors import MalformedResponse
from qrcashier.mercadopago.reading import (
    read_int,
    read_key,
    read_money,
    read_obj,
    read_opt_money,
    read_opt_str,
    read_opt_time,
    read_time,
)


@dataclass(frozen=True)
class OrderPayment:
    """A payment as listed inside a merchant_order."""

    id: int
    status: str
    status_detail: str | None
    transaction_amount: Decimal
    total_paid_amount: Decimal
    amount_refunded: Decimal
    currency_id: str | None
    date_approved: datetime | None

    @classmethod
    def from_json(cls, data: Any) -> OrderPayment:
        d = read_obj(data, "merchant_order payment")
        amount = read_money(read_key(d, "transaction_amount", "merchant_order payment"), "transaction_amount")
        approved = d.get("date_approved")
        return cls(
            id=read_int(read_key(d, "id", "merchant_order payment"), "payment id"),
            status=str(read_key(d, "status", "merchant_order payment")),
            status_detail=read_opt_str(d.get("status_detail")),
            transaction_amount=amount,
            total_paid_amount=read_money(d["total_paid_amount"], "total_paid_amount")
            if d.get("total_paid_amount") is not None
            else amount,
            amount_refunded=read_opt_money(d.get("amount_refunded"), "amount_refunded"),
            currency_id=read_opt_str(d.get("currency_id")),
            date_approved=read_time(approved) if approved else None,
        )


@dataclass(frozen=True)
class MerchantOrder:
    id: int
    status: str  # opened | closed | expired
    order_status: str | None  # payment_required | paid | partially_paid | reverted | ...
    external_reference: str | None
    total_amount: Decimal
    paid_amount: Decimal
    refunded_amount: Decimal
    payments: tuple[OrderPayment, ...]
    site_id: str | None = None
    preference_id: str | None = None
    date_created: datetime | None = None
    last_updated: datetime | None = None
    is_test: bool | None = None

    @property
    def approved_payments(self) -> tuple[OrderPayment, ...]:
        return tuple(p for p in self.payments if p.status == "approved")

    @property
    def approved_total(self) -> Decimal:
        return sum((p.transaction_amount for p in self.approved_payments), Decimal(0))

    @classmethod
    def from_json(cls, data: Any) -> MerchantOrder:
        d = read_obj(data, "merchant_order")
        payments = d.get("payments") or []
        if not isinstance(payments, list):
            raise MalformedResponse("merchant_order payments is not a list")
        created, updated = d.get("date_created"), d.get("last_updated")
        return cls(
            id=read_int(read_key(d, "id", "merchant_order"), "merchant_order id"),
            status=str(read_key(d, "status", "merchant_order")),
            order_status=read_opt_str(d.get("order_status")),
            external_reference=read_opt_str(d.get("external_reference")),
            total_amount=read_money(read_key(d, "total_amount", "merchant_order"), "total_amount"),
            paid_amount=read_opt_money(d.get("paid_amount"), "paid_amount"),
            refunded_amount=read_opt_money(d.get("refunded_amount"), "refunded_amount"),
            payments=tuple(OrderPayment.from_json(p) for p in payments),
            site_id=read_opt_str(d.get("site_id")),
            preference_id=read_opt_str(d.get("preference_id")),
            date_created=read_opt_time(created),
            last_updated=read_opt_time(updated),
            is_test=d.get("is_test") if isinstance(d.get("is_test"), bool) else None,
        )


@dataclass(frozen=True)
class MerchantOrderPage:
    elements: list[MerchantOrder]
    total: int
    next_offset: int | None

    @classmethod
    def from_json(cls, data: Any) -> MerchantOrderPage:
        d = read_obj(data, "merchant_orders search")
        raw = d.get("elements") or []  # `elements` may be null when nothing matches
        if not isinstance(raw, list):
            raise MalformedResponse("merchant_orders search elements is not a list")
        elements = [MerchantOrder.from_json(e) for e in raw]
        nxt = d.get("next_offset")
        return cls(
            elements=elements,
            total=read_int(d.get("total", len(elements)), "total"),
            next_offset=None if nxt is None else read_int(nxt, "next_offset"),
        )


@dataclass(frozen=True)
class Refund:
    id: int
    payment_id: int
    amount: Decimal
    status: str | None
    date_created: datetime | None = None

    @classmethod
    def from_json(cls, data: Any) -> Refund:
        d = read_obj(data, "refund")
        created = d.get("date_created")
        return cls(
            id=read_int(read_key(d, "id", "refund"), "refund id"),
            payment_id=read_int(read_key(d, "payment_id", "refund"), "refund payment_id"),
            amount=read_money(read_key(d, "amount", "refund"), "refund amount"),
            status=read_opt_str(d.get("status")),
            date_created=read_opt_time(created),
        )


@dataclass(frozen=True)
class Payment:
    id: int
    status: str
    status_detail: str | None
    transaction_amount: Decimal
    transaction_amount_refunded: Decimal
    currency_id: str | None
    external_reference: str | None
    merchant_order_id: str | None  # payment.order.id, a string in real replies
    date_approved: datetime | None = None
    refunds: tuple[Refund, ...] = field(default_factory=tuple)
    order_id: str | None = None  # the Orders API order it came from (point_of_interaction, api §4.4)

    @property
    def refundable(self) -> Decimal:
        return self.transaction_amount - self.transaction_amount_refunded

    @classmethod
    def from_json(cls, data: Any) -> Payment:
        d = read_obj(data, "payment")
        order = d.get("order") if isinstance(d.get("order"), dict) else {}
        approved = d.get("date_approved")
        return cls(
            id=read_int(read_key(d, "id", "payment"), "payment id"),
            status=str(read_key(d, "status", "payment")),
            status_detail=read_opt_str(d.get("status_detail")),
            transaction_amount=read_money(read_key(d, "transaction_amount", "payment"), "transaction_amount"),
            transaction_amount_refunded=read_opt_money(d.get("transaction_amount_refunded"), "refunded"),
            currency_id=read_opt_str(d.get("currency_id")),
            external_reference=read_opt_str(d.get("external_reference")),
            merchant_order_id=read_opt_str(order.get("id")),
            date_approved=read_time(approved) if approved else None,
            refunds=tuple(Refund.from_json(r) for r in d.get("refunds") or [] if isinstance(r, dict)),
            order_id=_orders_api_order(d),
        )


def _orders_api_order(d: dict) -> str | None:
    """The `ORDER_MP` id among `point_of_interaction.references`, if any."""
    poi = d.get("point_of_interaction") if isinstance(d.get("point_of_interaction"), dict) else {}
    for ref in poi.get("references") or []:
        if isinstance(ref, dict) and str(ref.get("type", "")).upper() == "ORDER_MP" and ref.get("id"):
            return str(ref["id"])
    return None
