"""What the engine tells the UI. Plain dataclasses delivered to plain callbacks
(`engine.subscribe(callback)`) or through `async for event in engine.events()`. No Qt.

Every event is delivered on the event loop's thread, in order. A callback must not
block; a callback that raises is logged and does not stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from qrcashier.checkout.journal import ReceiptRecord, RefundRecord
from qrcashier.domain.sale import AttemptState, FailureKind


@dataclass(frozen=True)
class StateChanged:
    """An attempt moved (`old` is None when it was just created). `message` is one sentence for the cashier."""

    attempt_id: int
    sale_id: int
    reference: str
    old: AttemptState | None
    new: AttemptState
    message: str
    at: datetime
    failure: FailureKind | None = None  # why, when `new` is FAILED (OFFLINE: charge again once back online)


@dataclass(frozen=True)
class Countdown:
    """Seconds until the live attempt's order expires on the QR (emitted about once a second)."""

    attempt_id: int
    seconds_left: int
    expires_at: datetime


@dataclass(frozen=True)
class Scanned:
    """A customer scanned the QR (a new merchant_order appeared for the attempt)."""

    attempt_id: int
    merchant_order_id: int
    message: str


@dataclass(frozen=True)
class PaymentRejected:
    """A payment was rejected; the order stays on the QR and the customer may try again."""

    attempt_id: int
    mp_payment_id: int
    status_detail: str | None
    message: str


@dataclass(frozen=True)
class ReceiptIssued:
    """Print this receipt. `receipt.kind` is "original" (once per paid attempt) or "copy"."""

    receipt: ReceiptRecord
    message: str


@dataclass(frozen=True)
class RefundChanged:
    """A refund was requested, approved, refused, or its outcome is not known yet."""

    refund: RefundRecord
    message: str


@dataclass(frozen=True)
class Contact:
    """Mercado Pago answered successfully at `at` (for a "last contact" indicator)."""

    at: datetime


@dataclass(frozen=True)
class Notice:
    """Something the cashier or supervisor should read: a connection problem the engine is
    retrying, a payment made twice, an order that could not be withdrawn."""

    attempt_id: int | None
    message: str
    level: str = "warning"  # "info" | "warning" | "error"


Event = StateChanged | Countdown | Scanned | PaymentRejected | ReceiptIssued | RefundChanged | Contact | Notice
