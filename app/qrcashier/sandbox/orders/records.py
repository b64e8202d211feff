"""The Orders API's records as the sandbox keeps them, and their ids."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.sandbox.models import Tracked

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(now: datetime) -> str:
    """26 Crockford base-32 characters: 48 bits of milliseconds, 80 random bits."""
    value = ((int(now.timestamp() * 1000) & ((1 << 48) - 1)) << 80) | secrets.randbits(80)
    return "".join(CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(26)))


@dataclass
class RefundTx:
    id: str
    transaction_id: str
    refund_id: int  # the classic refund underneath
    amount: Decimal
    status: str = "processed"


@dataclass
class QrOrder:
    id: str
    owner: int
    pos_id: int
    pos_order_id: str  # the PosOrder the order sits on its POS as
    external_reference: str
    description: str | None
    total_amount: Decimal
    expiration_time: str
    expires_at: datetime
    mode: str
    items: list[dict[str, Any]]
    payment_tx_id: str
    created_date: datetime
    last_updated_date: datetime
    application_id: str
    live_mode: bool
    qr_data: str | None = None
    status: str = "created"
    status_detail: str = "created"
    tx_status: str = "created"
    tx_status_detail: str = "ready_to_process"
    paid_amount: Decimal | None = None
    payment_id: int | None = None  # the classic payment (approved, or the last rejected one)
    refunds: list[RefundTx] = field(default_factory=list)
    version: int = 1

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal(0))


@dataclass
class StoredAnswer:
    fingerprint: str
    status: int
    body: Any
    expires_at: datetime


@dataclass
class WebhookConfig:
    url: str | None
    secret: str


@dataclass
class WebhookDelivery(Tracked):
    id: int
    owner: int
    url: str
    action: str
    order_id: str
    request_id: str
