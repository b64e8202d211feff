"""The sale as the cashier sees it, without Qt: its state, the cart lock, the countdown and which
buttons are enabled, fed by the engine's attempts and the results of the charge intent.

The window binds widgets to a `SaleSession`; the state's texts are looked up by the UI from the
state's key (the UI owns the translatable source strings). The till, discounts and parked sales
extend this object, not the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from qrcashier.domain.sale import Attempt, AttemptState, FailureKind


class SaleState(StrEnum):
    """What the status panel shows; the values are the UI's text keys."""

    STARTING = "starting"
    IDLE = "idle"
    PUBLISHING = "publishing"
    CHECKING = "checking"
    WAITING = "waiting"
    SCANNED = "scanned"
    REJECTED = "rejected"
    CANCELLING = "cancelling"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"
    VOIDED = "voided"
    OFFLINE = "offline"
    CART = "cart"  # no charge yet, the cart has lines ("Ready - scan..." would say the wrong thing)
    VERIFYING = "verifying"  # the order is on the QR and Mercado Pago stopped answering
    NOT_REACHED = "not_reached"  # Charge was pressed, Mercado Pago never answered: the order may not be on the QR


# Connection problems (the engine's warnings) seen while "checking" before the panel says the truth.
TRIES_BEFORE_NOT_REACHED = 3
# The customer may already have paid on their phone: while Mercado Pago does not answer, say so.
ON_THE_QR = frozenset({"waiting", "scanned", "rejected"})


# The engine's attempt states -> what the cashier sees.
ENGINE_STATES: dict[str, SaleState] = {
    "created": SaleState.PUBLISHING,
    "publishing": SaleState.PUBLISHING,
    "waiting": SaleState.WAITING,
    "unknown": SaleState.CHECKING,
    "cancel_requested": SaleState.CANCELLING,
    "paid": SaleState.PAID,
    "cancelled": SaleState.CANCELLED,
    "expired": SaleState.EXPIRED,
    "failed": SaleState.FAILED,
    "needs_review": SaleState.NEEDS_REVIEW,
    "voided": SaleState.VOIDED,
}
# While one of these shows, an order may be on the QR: the cart is locked.
LIVE = frozenset({
    SaleState.PUBLISHING, SaleState.CHECKING, SaleState.WAITING, SaleState.SCANNED, SaleState.REJECTED,
    SaleState.CANCELLING, SaleState.VERIFYING, SaleState.NOT_REACHED,
})
# No countdown: the order may never have reached the QR, so nothing runs out there.
NO_COUNTDOWN = frozenset({SaleState.CHECKING, SaleState.NOT_REACHED})
# The customer's reads: a later "waiting" of the same attempt does not undo them.
CUSTOMER_READS = frozenset({SaleState.SCANNED, SaleState.REJECTED})


def engine_state(state: str) -> SaleState:
    """The cashier's state for an engine attempt state (anything unknown reads as failed)."""
    return ENGINE_STATES.get(str(state), SaleState.FAILED)


def attempt_state(attempt: Attempt) -> SaleState:
    state = engine_state(attempt.state)
    if state == SaleState.FAILED and attempt.failure == FailureKind.OFFLINE:
        return SaleState.OFFLINE
    return state


def charge_error_state(exc: BaseException) -> SaleState:
    """The state for an error raised by the charge intent (the sale is kept in every case)."""
    from qrcashier.checkout.errors import NotReady
    from qrcashier.mercadopago.errors import MercadoPagoError

    if isinstance(exc, NotReady):
        return SaleState.STARTING
    if isinstance(exc, MercadoPagoError) and exc.retryable:
        return SaleState.OFFLINE
    return SaleState.FAILED


@dataclass(frozen=True)
class Buttons:
    """Which of the sale's buttons are enabled."""

    charge: bool
    edit_lines: bool  # quantity, price, remove
    free_item: bool
    clear: bool
    sales: bool


class SaleSession:
    """One register's current sale: the attempt being followed, the charge in flight, the lock."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self._now = now or (lambda: datetime.now(UTC))
        self.attempt: Attempt | None = None
        self.state: SaleState = SaleState.STARTING
        self.charging = False  # the charge intent is being sent
        self.finished = False  # the sale was paid: the next scan starts a new one
        self.engine_ready = False
        self.has_engine = False
        self.offline = False  # Mercado Pago is not answering (the engine's last word was a warning)
        self.problems = 0  # warnings since the last answer
        self.sale_id: int | None = None  # the open sale the cart was frozen into (a re-charge reuses it)
        self.sale_code: str | None = None  # that sale's code, for the status panel

    # --- derived ---------------------------------------------------------------------------

    @property
    def live(self) -> bool:
        """An order may be on the QR (or is being sent): the cart is locked."""
        return self.charging or (self.attempt is not None and engine_state(self.attempt.state) in LIVE)

    @property
    def locked(self) -> bool:
        return self.live

    def buttons(self, has_lines: bool) -> Buttons:
        live = self.live
        return Buttons(
            charge=self.engine_ready and not live and not self.finished and has_lines,
            edit_lines=not live and not self.finished,
            free_item=not live,  # after a paid sale it starts the next one
            clear=not live,
            sales=self.has_engine,
        )

    def countdown(self) -> int | None:
        """Seconds left on the QR for a live attempt, None otherwise (and None while it is not
        known whether the order reached the QR)."""
        attempt = self.attempt
        if attempt is None or not attempt.expires_at or engine_state(attempt.state) not in LIVE:
            return None
        if engine_state(attempt.state) in NO_COUNTDOWN or self.state in NO_COUNTDOWN:
            return None
        return int((attempt.expires_at - self._now()).total_seconds())

    # --- the engine's news and the intents' results ----------------------------------------

    def follow(self, attempt: Attempt, shown: str | None = None) -> SaleState:
        """An attempt's new state (from charge(), a restore after restart, or an event); `shown`
        is the state on screen: a later read of the same attempt keeps the customer's read."""
        previous = self.attempt
        self.attempt = attempt
        state = attempt_state(attempt)
        if (
            state == SaleState.WAITING and previous is not None and previous.id == attempt.id
            and shown in CUSTOMER_READS
        ):
            state = SaleState(shown)
        if attempt.state == AttemptState.PAID:
            self.finished = True
        self.state = state
        return state

    def charge_started(self) -> SaleState:
        self.charging = True
        self.state = SaleState.PUBLISHING
        return self.state

    def charge_failed(self, exc: BaseException) -> SaleState:
        self.charging = False
        self.state = charge_error_state(exc)
        return self.state

    def charge_sent(self) -> None:
        self.charging = False

    # --- what the panel says, beyond the attempt's own state --------------------------------

    @staticmethod
    def ready_state(has_lines: bool) -> SaleState:
        """Nothing is being charged: "idle" for an empty cart, "cart" once it has lines."""
        return SaleState.CART if has_lines else SaleState.IDLE

    def connection_problem(self, shown: str) -> SaleState | None:
        """Mercado Pago stopped answering while `shown` is on screen; the state to show instead, or None.

        An order on the QR -> "verifying" (the customer may pay meanwhile: do not charge again).
        "checking" after a few tries -> "not_reached" (say it is not known, offer the way out)."""
        self.offline = True
        self.problems += 1
        if shown in ON_THE_QR:
            return SaleState.VERIFYING
        if shown == SaleState.CHECKING and self.problems >= TRIES_BEFORE_NOT_REACHED:
            return SaleState.NOT_REACHED
        return None

    def connection_back(self, shown: str) -> bool:
        """Mercado Pago answered again: True when the screen shows a connection state that the
        attempt's own state must now replace."""
        self.offline = False
        self.problems = 0
        return shown in (SaleState.VERIFYING, SaleState.NOT_REACHED)

    def while_offline(self, shown: str) -> SaleState | None:
        """The attempt's state was just shown (e.g. "waiting" again from a read of the journal)
        while Mercado Pago still does not answer: what to show instead, or None."""
        if not self.offline:
            return None
        if shown in ON_THE_QR:
            return SaleState.VERIFYING
        if shown == SaleState.CHECKING and self.problems >= TRIES_BEFORE_NOT_REACHED:
            return SaleState.NOT_REACHED
        return None
    def new_sale(self) -> None:
        """The cart was emptied for the next sale: nothing followed, nothing frozen."""
        self.attempt = None
        self.finished = False
        self.sale_id = None
        self.sale_code = None
        self.state = SaleState.IDLE

    def cart_changed(self) -> int | None:
        """The cart differs from the open sale: returns that sale's id (to discard), if any;
        the next Charge makes a new sale. An unpaid attempt stops being followed."""
        dropped, self.sale_id, self.sale_code = self.sale_id, None, None
        if self.attempt is not None and not self.finished:
            self.attempt = None
            self.state = SaleState.IDLE
        return dropped
