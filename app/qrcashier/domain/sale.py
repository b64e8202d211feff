"""Sales, payment attempts and their states, references, and the paid decision. Pure Python.

A **sale** is a frozen cart. Each press of Charge on a sale makes a **payment attempt**
with its own `external_reference` (`<register>-<sale>-<attempt>`) and idempotency key.
An attempt moves through the states below; the engine (`qrcashier.checkout`) writes
each move to the journal before the network call that depends on it, and
`check_transition` refuses any move the table does not allow.

    created ──> publishing ──> waiting ──────────────> paid
       │            │   └───> unknown ──> waiting        ^
       │            │            │  (publish outcome     │  (closed, approved >= total)
       │            └──> failed  │   not known yet)      │
       │                         ├──> cancel_requested ──┤──> cancelled ──> paid (a late payment)
       └──> failed / cancelled   ├──> expired ──> paid (a late payment)
                                 └──> needs_review ──────┘──> voided

`decide()` is the one place that reads Mercado Pago's merchant_orders and says what they
mean for an attempt; it is pure so every rule is unit-tested without I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from qrcashier.domain.cart import CartLine

if TYPE_CHECKING:
    from qrcashier.domain.card import CardInfo

# --- states ----------------------------------------------------------------------------------

class AttemptState(StrEnum):
    CREATED = "created"  # written to the journal; nothing sent yet
    PUBLISHING = "publishing"  # about to send / sending the order to the register's QR
    WAITING = "waiting"  # the order is on the QR; the customer may scan and pay
    UNKNOWN = "unknown"  # the publish outcome is not known yet: reconciling by reference
    CANCEL_REQUESTED = "cancel_requested"  # a supervisor asked to cancel; withdrawing, then one more read
    PAID = "paid"  # final: approved payments cover the total; the receipt was issued
    CANCELLED = "cancelled"  # final: withdrawn from the QR, and the last read showed no payment
    EXPIRED = "expired"  # final: the order expired unpaid (checked by a final read)
    FAILED = "failed"  # final: Mercado Pago refused the order, or it was never sent
    NEEDS_REVIEW = "needs_review"  # outcome unknown or inconsistent: a supervisor decides
    VOIDED = "voided"  # final: a supervisor resolved a review as not paid


S = AttemptState


class FailureKind(StrEnum):
    """Why an attempt is FAILED; the sale is kept and can be charged again in every case."""

    OFFLINE = "offline"  # Mercado Pago unreachable or timed out: charge again when the connection is back
    REFUSED = "refused"  # Mercado Pago refused the order outright (a definitive error)
    INTERRUPTED = "interrupted"  # QR Cashier stopped before the order was sent

# States in which an order is (or may be) on the register's QR: at most one per register.
# Final states are done for the register and the cashier; `cancelled` and `expired` keep
# one exit, to `paid`, for a payment that lands late (paid wins).
LIVE_STATES: frozenset[AttemptState] = frozenset({S.CREATED, S.PUBLISHING, S.WAITING, S.UNKNOWN, S.CANCEL_REQUESTED})
FINAL_STATES: frozenset[AttemptState] = frozenset({S.PAID, S.CANCELLED, S.EXPIRED, S.FAILED, S.VOIDED})
# After these the sale may be charged again with a new attempt.
RECHARGEABLE_STATES: frozenset[AttemptState] = frozenset({S.CANCELLED, S.EXPIRED, S.FAILED, S.VOIDED})

TRANSITIONS: dict[AttemptState, frozenset[AttemptState]] = {
    S.CREATED: frozenset({S.PUBLISHING, S.FAILED, S.CANCELLED}),
    S.PUBLISHING: frozenset({S.WAITING, S.UNKNOWN, S.FAILED}),
    S.WAITING: frozenset({S.PAID, S.CANCEL_REQUESTED, S.EXPIRED, S.CANCELLED, S.NEEDS_REVIEW}),
    S.UNKNOWN: frozenset({S.WAITING, S.PAID, S.CANCEL_REQUESTED, S.EXPIRED, S.CANCELLED, S.NEEDS_REVIEW, S.FAILED}),
    S.CANCEL_REQUESTED: frozenset({S.CANCELLED, S.PAID, S.NEEDS_REVIEW}),
    S.NEEDS_REVIEW: frozenset({S.PAID, S.VOIDED}),
    S.PAID: frozenset(),
    # A withdrawn or expired order can leave a scan's merchant_order open: a customer who
    # was already confirming may still pay it. That late payment wins.
    S.CANCELLED: frozenset({S.PAID}),
    S.EXPIRED: frozenset({S.PAID}),
    S.FAILED: frozenset(),
    S.VOIDED: frozenset(),
}

# One sentence for the cashier per state, used when a move has no more specific message.
STATE_MESSAGES: dict[AttemptState, str] = {
    S.CREATED: "The sale is saved; sending the order to the QR.",
    S.PUBLISHING: "Sending the order to the QR.",
    S.WAITING: "The order is on the QR: the customer can scan and pay.",
    S.UNKNOWN: "Checking with Mercado Pago whether the order reached the QR.",
    S.CANCEL_REQUESTED: "Cancelling: removing the order from the QR and checking for a last-second payment.",
    S.PAID: "Paid. The receipt is printing.",
    S.CANCELLED: "Cancelled: the order was removed from the QR and nothing was paid.",
    S.EXPIRED: "The order expired unpaid; you can charge the sale again.",
    S.FAILED: "The order could not be placed on the QR; you can charge the sale again.",
    S.NEEDS_REVIEW: "The payment could not be confirmed: a supervisor must review this sale.",
    S.VOIDED: "A supervisor marked this attempt as not paid.",
}


class IllegalTransition(RuntimeError):
    """A move the state table does not allow (a bug, or a stale read: re-read and retry)."""


def check_transition(old: AttemptState, new: AttemptState) -> None:
    if new not in TRANSITIONS[old]:
        raise IllegalTransition(f"an attempt cannot go from {old} to {new}")


# --- references ------------------------------------------------------------------------------

MAX_REFERENCE = 64
REFERENCE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SEGMENT_RE = re.compile(r"^[A-Za-z0-9_]+$")  # '-' separates segments, so it cannot occur inside one
REGISTER_ID_RE = re.compile(r"^[A-Za-z0-9_]{1,24}$")
MAX_ATTEMPTS_PER_SALE = 9999


class InvalidReference(ValueError):
    pass


def check_register_id(register_id: str) -> str:
    if not isinstance(register_id, str) or not REGISTER_ID_RE.match(register_id):
        raise InvalidReference("a register id is 1 to 24 letters, digits or underscores (no '-')")
    return register_id


def build_reference(register_id: str, sale_code: str, attempt_no: int) -> str:
    """`<register>-<sale>-<attempt>`: at most 64 characters of [A-Za-z0-9_-]."""
    check_register_id(register_id)
    if not isinstance(sale_code, str) or not SEGMENT_RE.match(sale_code):
        raise InvalidReference("a sale code is letters, digits or underscores")
    if isinstance(attempt_no, bool) or not isinstance(attempt_no, int) or not 1 <= attempt_no <= MAX_ATTEMPTS_PER_SALE:
        raise InvalidReference(f"an attempt number is 1 to {MAX_ATTEMPTS_PER_SALE}")
    reference = f"{register_id}-{sale_code}-{attempt_no}"
    if len(reference) > MAX_REFERENCE:
        raise InvalidReference(f"the reference {reference!r} is longer than {MAX_REFERENCE} characters")
    return reference


def parse_reference(reference: str) -> tuple[str, str, int]:
    """Split a reference built by `build_reference` into (register, sale code, attempt number)."""
    if not isinstance(reference, str) or not REFERENCE_RE.match(reference):
        raise InvalidReference(f"{reference!r} is not a reference of at most 64 [A-Za-z0-9_-] characters")
    parts = reference.split("-")
    if len(parts) != 3 or not all(parts) or not parts[2].isdigit():
        raise InvalidReference(f"{reference!r} is not <register>-<sale>-<attempt>")
    register_id, sale_code, attempt = parts
    build_reference(register_id, sale_code, int(attempt))  # same rules both ways
    return register_id, sale_code, int(attempt)


# --- the journal's records, as the domain sees them -------------------------------------------

@dataclass(frozen=True)
class Sale:
    id: int
    code: str  # the sale segment of every attempt's reference
    register_id: str
    site_id: str
    lines: tuple[CartLine, ...]
    total: Decimal  # always the sum of the lines
    status: str  # open | paid | discarded
    created_at: datetime


@dataclass(frozen=True)
class Attempt:
    id: int
    sale_id: int
    number: int  # 1 for the first charge of the sale, 2 for the next...
    register_id: str
    reference: str
    idempotency_key: str
    gateway: str
    total: Decimal
    state: AttemptState
    created_at: datetime
    updated_at: datetime
    expires_at: datetime
    message: str  # the last sentence shown to the cashier for this attempt
    gateway_order_id: str | None = None
    qr_data: str | None = None  # a dynamic QR's EMVCo payload, when the gateway makes one
    review: str | None = None  # JSON: why it needs review, with the live lookup attached
    failure: FailureKind | None = None  # set when the state is FAILED

    @property
    def live(self) -> bool:
        return self.state in LIVE_STATES

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES


# --- what Mercado Pago says about a reference ------------------------------------------------

@dataclass(frozen=True)
class PaymentInfo:
    """A payment Mercado Pago reports for a reference (from a merchant_order's payments)."""

    mp_payment_id: int
    status: str  # approved | rejected | pending | in_process | refunded | ...
    amount: Decimal
    status_detail: str | None = None
    merchant_order_id: int | None = None
    # When Mercado Pago approved it, as it says (issue 14.3: the receipt's date): a payment's
    # `date_approved`; for the Orders API and Point the processed order's `last_updated_date`.
    approved_at: datetime | None = None


@dataclass(frozen=True)
class OrderSnapshot:
    """One merchant_order as `decide()` needs it (every scan of a QR makes its own)."""

    id: int
    status: str  # opened | closed | expired
    external_reference: str | None
    total_amount: Decimal
    payments: tuple[PaymentInfo, ...] = ()

    @property
    def approved(self) -> tuple[PaymentInfo, ...]:
        return tuple(p for p in self.payments if p.status == "approved")

    @property
    def approved_total(self) -> Decimal:
        return sum((p.amount for p in self.approved), Decimal(0))


class Outcome(StrEnum):
    NOTHING = "nothing"  # no merchant_order for this reference: nobody scanned yet
    SCANNED = "scanned"  # a customer scanned; no payment decided yet
    REJECTED = "rejected"  # a payment was rejected; the order stays open and the customer may retry
    PAID = "paid"  # a closed merchant_order whose approved payments cover the total
    PARTIAL = "partial"  # approved payments that do not cover the total: needs review
    MISMATCH = "mismatch"  # closed, but the amounts do not match the total: needs review
    EXPIRED = "expired"  # Mercado Pago expired the order unpaid
    CANCELLED = "cancelled"  # Mercado Pago reports the order cancelled (gateways that can tell)


REVIEW_OUTCOMES = frozenset({Outcome.PARTIAL, Outcome.MISMATCH})


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    message: str  # one sentence for the cashier
    approved_total: Decimal = Decimal(0)
    payments: tuple[PaymentInfo, ...] = ()  # approved payments to record (all of them, for review too)
    rejected: tuple[PaymentInfo, ...] = ()
    merchant_order_ids: tuple[int, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    open_orders: tuple[int, ...] = ()  # merchant_orders still "opened": a customer may still pay them
    card: CardInfo | None = None  # a Point payment's `domain.card.CardInfo`, recorded with its tender


def decide(total: Decimal, reference: str, orders: Iterable[OrderSnapshot]) -> Decision:
    """What the merchant_orders found for `reference` mean for an attempt of `total`.

    - Only merchant_orders whose external_reference is exactly `reference` count.
    - PAID: a merchant_order with status "closed" whose approved payments add up to at
      least `total`. If more than one is, the customer paid twice: still PAID (one
      receipt), with a warning so a supervisor refunds the extra payment.
    - MISMATCH: a "closed" merchant_order whose approved payments do not cover `total`
      (Mercado Pago thinks it is paid, the amounts say otherwise).
    - PARTIAL: approved money that does not cover `total` on an open order.
    - REJECTED: a rejected payment and nothing approved: keep waiting, the customer may retry.
    - EXPIRED: every merchant_order expired, none paid.
    - SCANNED: at least one merchant_order (opened), nothing else decided.
    - NOTHING: no merchant_order at all.
    """
    ours = [mo for mo in orders if mo.external_reference == reference]
    decision = _decide(total, ours)
    return replace(decision, open_orders=tuple(mo.id for mo in ours if mo.status == "opened"))


def _decide(total: Decimal, ours: list[OrderSnapshot]) -> Decision:
    ids = tuple(mo.id for mo in ours)
    approved = tuple(p for mo in ours for p in mo.approved)
    approved_total = sum((p.amount for p in approved), Decimal(0))
    rejected = tuple(p for mo in ours for p in mo.payments if p.status in ("rejected", "cancelled"))

    paid_orders = [mo for mo in ours if mo.status == "closed" and mo.approved_total >= total]
    if paid_orders:
        warnings: list[str] = []
        if len(paid_orders) > 1:
            warnings.append(
                f"the customer paid {len(paid_orders)} times for this sale: refund the extra payments"
            )
        over = approved_total - total
        if over > 0 and len(paid_orders) == 1:
            warnings.append(f"Mercado Pago approved {over} more than the total")
        return Decision(Outcome.PAID, "Paid.", approved_total, approved, rejected, ids, tuple(warnings))

    closed_short = [mo for mo in ours if mo.status == "closed"]
    if closed_short:
        return Decision(
            Outcome.MISMATCH,
            "Mercado Pago closed the order but the amounts paid do not match the total: a supervisor must review it.",
            approved_total, approved, rejected, ids,
        )
    if approved_total > 0:
        return Decision(
            Outcome.PARTIAL,
            f"Only {approved_total} of {total} was paid: a supervisor must review this sale.",
            approved_total, approved, rejected, ids,
        )
    if ours and all(mo.status == "expired" for mo in ours):
        return Decision(Outcome.EXPIRED, "The order expired unpaid.", approved_total, approved, rejected, ids)
    if rejected:
        return Decision(
            Outcome.REJECTED,
            "The payment was rejected: the customer may try again with another card or account.",
            approved_total, approved, rejected, ids,
        )
    if ours:
        return Decision(Outcome.SCANNED, "The customer scanned the QR.", approved_total, approved, rejected, ids)
    return Decision(
        Outcome.NOTHING, "Waiting for the customer to scan the QR.", approved_total, approved, rejected, ids
    )


def refundable(paid: Decimal, refunds_held: Sequence[Decimal]) -> Decimal:
    """What may still be refunded: paid minus every refund approved or still in flight."""
    left = paid - sum(refunds_held, Decimal(0))
    return left if left > 0 else Decimal(0)
