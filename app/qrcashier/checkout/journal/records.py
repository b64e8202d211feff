"""The records the journal returns (besides the domain's Sale and Attempt), and its Audit row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.domain.sale import AttemptState


@dataclass(frozen=True)
class TransitionRecord:
    attempt_id: int
    from_state: AttemptState | None
    to_state: AttemptState
    at: datetime
    message: str


@dataclass(frozen=True)
class PaymentRecord:
    id: int
    mp_payment_id: int
    attempt_id: int
    merchant_order_id: int | None
    amount: Decimal
    status: str
    status_detail: str | None
    recorded_at: datetime
    approved_at: datetime | None = None  # Mercado Pago's date_approved (None: recorded before it was kept)

    @property
    def paid_at(self) -> datetime:
        """When it was paid: Mercado Pago's approval, else when the journal recorded it (14.3)."""
        return self.approved_at or self.recorded_at


def paid_time(payments: Iterable[PaymentRecord], issued_at: datetime) -> datetime:
    """When a sale was paid, as its receipt says (issue 14.3): the last approval among the approved
    payments recorded by the time its original receipt was issued at `issued_at` (a payment the
    customer made twice later does not move it); without one (a cash sale), `issued_at`."""
    approved = [p.paid_at for p in payments if p.status == "approved" and p.recorded_at <= issued_at]
    return max(approved) if approved else issued_at


class RefundState:
    REQUESTED = "requested"  # written before the call; in flight, or its outcome is unknown
    APPROVED = "approved"
    PENDING = "pending"  # Mercado Pago accepted it but has not finished it
    FAILED = "failed"  # Mercado Pago refused it: nothing was refunded
    HELD = ("requested", "approved", "pending")  # count against what may still be refunded


@dataclass(frozen=True)
class RefundRecord:
    id: int
    payment_id: int  # the journal's payment row
    mp_payment_id: int
    amount: Decimal
    full: bool
    idempotency_key: str
    state: str
    mp_refund_id: int | None
    message: str
    supervisor: str
    reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ReceiptRecord:
    """The journal's record of an issued receipt (the printed layout is `domain.receipt.Receipt`)."""

    id: int
    attempt_id: int
    sale_id: int
    kind: str  # "original" (exactly one per paid attempt) or "copy" (a reprint)
    issued_at: datetime
    printed_at: datetime | None
    operator: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str  # the supervisor (or "system" for the engine's own decisions)
    action: str
    sale_id: int | None
    attempt_id: int | None
    payment_id: int | None
    refund_id: int | None
    reason: str
    details: Any  # parsed JSON


@dataclass(frozen=True)
class Audit:
    """An audit row to write in the same transaction as the change it explains."""

    actor: str
    action: str
    reason: str = ""
    details: Any = None


class StaleState(RuntimeError):
    """The attempt is no longer in the state the caller read: re-read and decide again."""


@dataclass(frozen=True)
class ShiftRecord:
    """A till session: opened with a float, closed with a count (closed_at None while open)."""

    id: int
    register_id: str
    number: int  # sequential per register, never reused
    opened_at: datetime
    opened_by: str
    float_amount: Decimal
    float_counts: dict[str, int] | None
    closed_at: datetime | None
    closed_by: str | None
    counted: Decimal | None
    counts: dict[str, int] | None
    expected: Decimal | None
    difference: Decimal | None
    authorized_by: str | None
    reason: str
    pos_number: int | None = None  # the register's point-of-sale number when it opened (None: before it was kept)
    store_name: str | None = None  # the store's name when it opened (None: before it was kept)

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class MovementRecord:
    """Cash put in or taken out of the drawer, or a cash refund (kind "refund")."""

    id: int
    shift_id: int
    kind: str  # in | out | refund
    amount: Decimal
    reason: str
    at: datetime
    actor: str
    authorized_by: str | None
    sale_id: int | None


@dataclass(frozen=True)
class TenderRecord:
    id: int
    sale_id: int
    kind: str  # cash | qr (| point | card)
    amount: Decimal
    received: Decimal | None
    change: Decimal | None
    attempt_id: int | None
    at: datetime
