"""The sandbox's records: stores, POS, the order a POS carries, merchant_orders, payments, refunds.

Plain dataclasses with the few derived figures Mercado Pago reports (paid, refunded,
order_status). The rules that create and change them live in `state.py`; their JSON
shapes in `views.py`. Amounts are Decimal, in the account's site's currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any


@dataclass
class Store:
    id: str
    owner: int
    name: str
    external_id: str
    location: dict[str, Any]
    business_hours: dict[str, Any] | None
    date_created: datetime


@dataclass
class OrderItem:
    title: str
    unit_price: Decimal
    quantity: int
    total_amount: Decimal
    unit_measure: str = "unit"
    description: str | None = None
    sku_number: str | None = None
    category: str | None = None
    id: str | None = None
    picture_url: str | None = None


@dataclass
class OrderDraft:
    """A validated order body (v2 PUT, dynamic QR POST or legacy v1 POST)."""

    external_reference: str
    title: str
    total_amount: Decimal
    items: list[OrderItem]
    submitted: dict[str, Any]  # what the GET of the POS order echoes back
    description: str | None = None
    notification_url: str | None = None
    expires_at: datetime | None = None
    sponsor_id: int | None = None


@dataclass
class PosOrder:
    """The one order a POS carries, until paid, expired, deleted or replaced."""

    id: str  # uuid4; the dynamic QR's in_store_order_id
    kind: str  # "v2" | "v1" | "hybrid" | "dynamic" (off the static QR) | "orders" | "unattended"
    pos_id: int
    draft: OrderDraft
    created_at: datetime
    preference_id: str
    merchant_order_ids: list[int] = field(default_factory=list)


@dataclass
class Refund:
    id: int
    payment_id: int
    amount: Decimal
    date_created: datetime


@dataclass
class Payment:
    id: int
    owner: int
    merchant_order_id: int
    pos_id: int
    store_id: str
    status: str  # "approved" | "rejected" | "refunded"
    status_detail: str
    amount: Decimal
    draft: OrderDraft
    date_created: datetime
    date_approved: datetime | None
    date_last_updated: datetime
    refunds: list[Refund] = field(default_factory=list)
    order_reference: str | None = None  # the Orders API order (ORD…) it paid, if any

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal(0))

    @property
    def counts_as_paid(self) -> bool:
        """Approved money, including money refunded later (MP keeps it in paid_amount)."""
        return self.status in ("approved", "refunded")


@dataclass
class MerchantOrder:
    id: int
    owner: int
    pos_id: int
    order_id: str
    preference_id: str
    draft: OrderDraft
    date_created: datetime
    last_updated: datetime
    is_test: bool
    status: str = "opened"  # "opened" | "closed" | "expired"
    payments: list[Payment] = field(default_factory=list)
    payer: dict[str, Any] | None = None

    @property
    def total_amount(self) -> Decimal:
        return self.draft.total_amount

    @property
    def paid_amount(self) -> Decimal:
        return sum((p.amount for p in self.payments if p.counts_as_paid), Decimal(0))

    @property
    def refunded_amount(self) -> Decimal:
        return sum((p.refunded for p in self.payments), Decimal(0))

    @property
    def remaining(self) -> Decimal:
        return max(self.total_amount - self.paid_amount, Decimal(0))

    @property
    def order_status(self) -> str:
        if self.status == "expired":
            return "expired"
        paid, refunded = self.paid_amount, self.refunded_amount
        if refunded > 0:
            return "reverted" if refunded >= paid else "partially_reverted"
        if paid >= self.total_amount:
            return "paid"
        if paid > 0:
            return "partially_paid"
        return "payment_required"


@dataclass
class Pos:
    id: int
    owner: int
    name: str
    fixed_amount: bool
    category: int | None
    store_id: str
    external_store_id: str
    external_id: str
    url: str | None
    uuid: str
    qr_code: str
    date_created: datetime
    date_last_updated: datetime
    order: PosOrder | None = None
    last_merchant_order_id: int | None = None  # the latest scan, for the phone page


@dataclass
class Notification:
    """One IPN the notifier must deliver: POST {url}?topic={topic}&id={resource_id}."""

    url: str
    topic: str  # "merchant_order" | "payment"
    resource_id: int


@dataclass
class Tracked:
    """A delivery's record, whatever it delivers: its attempts and how it ended."""

    attempts: list[dict[str, Any]] = field(default_factory=list, kw_only=True)
    delivered: bool = field(default=False, kw_only=True)
    gave_up: bool = field(default=False, kw_only=True)


@dataclass
class Delivery(Tracked):
    """What happened to one notification, for tests and `GET /sandbox/state`."""

    id: int
    url: str
    topic: str
    resource_id: int
