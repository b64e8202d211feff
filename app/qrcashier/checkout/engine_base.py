"""What every job of the checkout engine shares: its state, its events out, its journal access,
and the one durable move of an attempt."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from qrcashier.checkout.config import Clock, RegisterConfig, SystemClock
from qrcashier.checkout.errors import TillRefused
from qrcashier.checkout.events import (
    Contact,
    Event,
    Notice,
    StateChanged,
)
from qrcashier.checkout.gateway import Gateway, NotDelivered, OutcomeUnknown, PaymentOrder
from qrcashier.checkout.journal import (
    Journal,
    JournalDB,
)
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.cart import CartLine
from qrcashier.domain.payable import payable_lines
from qrcashier.domain.sale import (
    STATE_MESSAGES,
    Attempt,
    AttemptState,
    Sale,
)
from qrcashier.mercadopago.errors import MercadoPagoError

if TYPE_CHECKING:
    from qrcashier.checkout.schedule import ReadSchedule

log = logging.getLogger("qrcashier.checkout")
S = AttemptState
# What a gateway call may raise when Mercado Pago could not be asked or refused.
GatewayError = (MercadoPagoError, NotDelivered, OutcomeUnknown)
# Ended, but a payment may still land on a merchant_order left open (paid wins).
LATE_STATES = frozenset({S.CANCELLED, S.EXPIRED})
# Read again for a while after they end when a scan was still open: a late payment wins
# over cancelled/expired, and a second payment on a paid sale is recorded for a refund.
AFTERCARE_STATES = LATE_STATES | {S.PAID}
MAX_SUPERVISOR = 60
MAX_REASON = 200
# The cancel's message when the gateway cannot take the order off its QR (a dynamic QR).
CANCELLED_STILL_PAYABLE = (
    "Cancelled, but this order's QR cannot be withdrawn: until it expires, a customer who has it "
    "can still pay, and that payment completes the sale."
)
# a split's electronic part paid (issue 20): its tender recorded, the sale open for the rest
PART_PAID = "{paid} of this sale is paid; {left} is left to pay: charge the rest."


NO_SHIFT = "Open a shift (count the float) before charging or moving cash."


def user_message(exc: BaseException) -> str:
    return getattr(exc, "user_message", None) or "Mercado Pago could not be reached."


def is_retryable(exc: BaseException) -> bool:
    return bool(getattr(exc, "retryable", False))




class EngineBase:
    """The engine's shared state and helpers; the jobs (charging, watching, ...) build on it."""

    def __init__(
        self,
        journal: Journal,
        gateway: Gateway,
        config: RegisterConfig,
        *,
        clock: Clock | None = None,
        operator: str = "",
        till: TillConfig | None = None,
        point: Gateway | None = None,
    ) -> None:
        self.journal = journal
        self.till = till  # None: no till (no shift needed, no cash)
        self.gateway = gateway
        # Every gateway an attempt may have gone through, by the name stored with it: the QR one,
        # and the register's card terminal (`point`, checkout.gateway_point) when it has one.
        self.gateways: dict[str, Gateway] = {gateway.name: gateway}
        if point is not None:
            self.gateways[point.name] = point
        self.config = config
        self.operator = operator
        self._clock = clock or SystemClock()
        self._listeners: list[Callable[[Event], None]] = []
        self._queues: set[asyncio.Queue[Event]] = set()
        self._locks: dict[int, asyncio.Lock] = {}
        self._refund_locks: dict[int, asyncio.Lock] = {}
        self._register_lock = asyncio.Lock()
        self._watchers: dict[int, asyncio.Task[None]] = {}
        self._late_watchers: dict[int, asyncio.Task[None]] = {}
        self._wake: dict[int, asyncio.Event] = {}
        self._seen_orders: dict[int, set[int]] = {}
        self._seen_rejections: dict[int, set[int]] = {}
        self._countdown_shown: dict[int, int] = {}
        self._schedules: dict[int, ReadSchedule] = {}  # each watcher's cadence and budget
        self._notified_at: float | None = None  # loop time of the last notification for a live attempt
        self._sales: dict[int, Sale] = {}
        self._ready = False
        self._closed = False
        gateway.on_contact(lambda when: self._emit(Contact(when)))

    def _emit(self, event: Event) -> None:
        for callback in list(self._listeners):
            try:
                callback(event)
            except Exception:
                log.exception("an event listener failed on %s", type(event).__name__)
        for queue in self._queues:
            queue.put_nowait(event)

    def _notice(self, attempt_id: int | None, message: str, level: str = "warning") -> None:
        self._emit(Notice(attempt_id, message, level))

    async def _db(self, op: Callable[[JournalDB], Any]) -> Any:
        return await self.journal.run(op)

    def _now(self) -> datetime:
        return self._clock.now()

    async def _require_shift(self) -> None:
        """With a till, charging is refused until a shift is open on the register."""
        if self.till is not None and self.till.require_shift:
            if await self._db(lambda db: db.current_shift(self.config.register_id)) is None:
                raise TillRefused(NO_SHIFT)

    def _gw(self, attempt: Attempt) -> Gateway:
        """The gateway the attempt's order went through (the QR one for a name it does not know)."""
        return self.gateways.get(attempt.gateway, self.gateway)

    def _still_payable(self, attempt: Attempt) -> bool:
        """Its order cannot be withdrawn (a dynamic QR) and has not expired yet."""
        return not self._gw(attempt).withdraw_is_final and attempt.expires_at > self._now()

    def _payable_after_end(self, attempt: Attempt) -> bool:
        """A cancelled attempt whose order could not be withdrawn and has not expired yet."""
        return attempt.state == S.CANCELLED and self._still_payable(attempt)

    def _lock(self, attempt_id: int) -> asyncio.Lock:
        lock = self._locks.get(attempt_id)
        if lock is None:
            lock = self._locks[attempt_id] = asyncio.Lock()
        return lock

    async def _sale(self, sale_id: int) -> Sale:
        sale = self._sales.get(sale_id)
        if sale is None:
            sale = self._sales[sale_id] = await self.sale(sale_id)
        return sale

    async def _order(self, attempt: Attempt) -> PaymentOrder:
        sale = await self._sale(attempt.sale_id)
        return PaymentOrder(
            attempt_id=attempt.id,
            reference=attempt.reference,
            idempotency_key=attempt.idempotency_key,
            site=self.config.site,
            total=attempt.total,
            # a split sale's QR part is its remainder: one item for it, so the items add up to the total
            lines=payable_lines(sale.lines, self.config.site) if attempt.total == sale.total
            else (CartLine(self.config.order_title, attempt.total, 1),),
            title=self.config.order_title,
            expires_at=attempt.expires_at,
            gateway_order_id=attempt.gateway_order_id,
        )

    # --- moving an attempt --------------------------------------------------------------

    async def _move(self, attempt: Attempt, to: AttemptState, message: str | None = None, **kwargs: Any) -> Attempt:
        """One durable state change (committed before this returns), then its event."""
        text = message or STATE_MESSAGES[to]
        moved = await self._db(
            lambda db: db.transition(attempt.id, to, self._now(), text, expect={attempt.state}, **kwargs)
        )
        self._changed(attempt, moved, text)
        return moved

    def _changed(self, old: Attempt | None, new: Attempt, message: str) -> None:
        self._emit(StateChanged(
            new.id, new.sale_id, new.reference, None if old is None else old.state, new.state, message, new.updated_at,
            new.failure,
        ))
        if not new.live:
            self._forget(new.id)

    def _forget(self, attempt_id: int) -> None:
        self._seen_orders.pop(attempt_id, None)
        self._schedules.pop(attempt_id, None)
        self._seen_rejections.pop(attempt_id, None)
        self._countdown_shown.pop(attempt_id, None)
        wake = self._wake.get(attempt_id)
        if wake is not None:
            wake.set()  # let its watcher see the final state at once
