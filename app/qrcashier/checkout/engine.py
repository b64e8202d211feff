"""The checkout engine: charge, watch, cancel, refund and reconcile, for one register.

The payment flow (DESIGN.md §1-9), in the order the engine does it:

1. `charge(cart)` validates the cart, writes the sale, its lines and a payment attempt
   (state `created`, unique reference, idempotency key) in one committed transaction,
   then `publishing` (committed), then asks the gateway to publish. A definitive refusal
   makes the attempt `failed` (the sale can be charged again); an unknown outcome leaves
   it live as `unknown`, resolved by reference and, only if the order is certainly not on
   the QR, published again with the same reference and key. A second press on the same
   sale returns the live attempt; a different sale while one is live is refused.
2. A watcher task per live attempt reads Mercado Pago about once a second (backing off
   on errors, honouring Retry-After), emits countdown / scanned / rejected events, and
   stops at expiry after withdrawing the order and one final read.
3. Every reading goes through `complete()`, under the attempt's lock, re-reading the
   attempt from the journal first: it is idempotent, and the one place an attempt
   becomes paid (payments recorded with UNIQUE ids, one original receipt).
4. `cancel()` records the request (audited), withdraws the order, reads once more: paid wins.
   When the gateway cannot withdraw it (`withdraw_is_final` False: a legacy dynamic QR has
   no DELETE), the attempt is cancelled but read until its `expires_at`: a payment wins.
5. `refund()` checks what is left to refund, writes the refund with its key, then calls.
6. `start()` / `reconcile()` resolves every attempt left live by an earlier run before
   any new charge; what cannot be learnt after expiry becomes `needs_review`, which a
   supervisor settles with `resolve_review()`.

The engine never blocks the event loop: the journal runs on its own thread and every
network call is awaited. Events go to plain callbacks (`subscribe`) or `events()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.checkout.config import Clock, RegisterConfig, SystemClock
from qrcashier.checkout.errors import CheckoutError, NotChargeable, NotReady, RefundRefused, RegisterBusy
from qrcashier.checkout.events import (
    Contact,
    Countdown,
    Event,
    Notice,
    PaymentRejected,
    ReceiptIssued,
    RefundChanged,
    Scanned,
    StateChanged,
)
from qrcashier.checkout.gateway import Gateway, Lookup, NotDelivered, OutcomeUnknown, PaymentOrder
from qrcashier.checkout.journal import (
    Audit,
    AuditEntry,
    Journal,
    JournalDB,
    PaymentRecord,
    Receipt,
    RefundRecord,
    RefundState,
    TransitionRecord,
)
from qrcashier.checkout.sales_of_the_day import DaySale, load_sales_of_the_day
from qrcashier.domain.cart import Cart, clean_text, validate_lines
from qrcashier.domain.money import parse_amount
from qrcashier.domain.sale import (
    LIVE_STATES,
    REVIEW_OUTCOMES,
    STATE_MESSAGES,
    Attempt,
    AttemptState,
    Decision,
    Outcome,
    Sale,
)
from qrcashier.mercadopago.errors import MercadoPagoError, RateLimited

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


def _user_message(exc: BaseException) -> str:
    return getattr(exc, "user_message", None) or "Mercado Pago could not be reached."


def _retryable(exc: BaseException) -> bool:
    return bool(getattr(exc, "retryable", False))


class CheckoutEngine:
    """The checkout engine for one register. See the module docstring for the flow.

    Create it with an open `Journal`, a `Gateway` and the register's `RegisterConfig`;
    `await start()` before charging (it reconciles what an earlier run left live);
    `await close()` when done (the journal is the caller's to close). `clock` is
    injectable so tests can move time forward; `operator` is written on receipts.
    """

    def __init__(
        self,
        journal: Journal,
        gateway: Gateway,
        config: RegisterConfig,
        *,
        clock: Clock | None = None,
        operator: str = "",
    ) -> None:
        self.journal = journal
        self.gateway = gateway
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
        self._last_read: dict[int, float] = {}  # loop time of each watcher's last read
        self._sales: dict[int, Sale] = {}
        self._ready = False
        self._closed = False
        gateway.on_contact(lambda when: self._emit(Contact(when)))

    # --- life cycle ---------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the start-up reconciliation has run: charging is allowed."""
        return self._ready

    @property
    def last_contact(self) -> datetime | None:
        """When Mercado Pago last answered successfully (None: not yet in this run)."""
        return self.gateway.last_contact

    async def start(self) -> list[Attempt]:
        """Reconcile what an earlier run left live, then watch what is still live.

        Returns the attempts that were live at start-up, as they are now."""
        return await self.reconcile()

    async def close(self) -> None:
        """Stop every watcher. Live attempts stay live in the journal for the next start."""
        self._closed = True
        tasks = [*self._watchers.values(), *self._late_watchers.values()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._watchers.clear()
        self._late_watchers.clear()

    # --- events -------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        """Call `callback(event)` for every event, on the loop's thread. Returns an unsubscribe function."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(callback)

        return unsubscribe

    async def events(self) -> AsyncIterator[Event]:
        """Every event from now on, as an async iterator (ends when the consumer stops)."""
        queue: asyncio.Queue[Event] = asyncio.Queue()
        self._queues.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues.discard(queue)

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

    # --- reading the journal ------------------------------------------------------------

    async def _db(self, op: Callable[[JournalDB], Any]) -> Any:
        return await self.journal.run(op)

    async def attempt(self, attempt_id: int) -> Attempt:
        """An attempt as the journal has it now (UnknownRecord if there is none)."""
        return await self._db(lambda db: db.attempt(attempt_id))

    async def live_attempt(self) -> Attempt | None:
        """This register's live attempt (the order on its QR), if any."""
        return await self._db(lambda db: db.live_attempt(self.config.register_id))

    async def sale(self, sale_id: int) -> Sale:
        """A sale with its lines (its total is always their sum)."""
        return await self._db(lambda db: db.sale(sale_id))

    async def attempts(
        self, *, sale_id: int | None = None, states: set[AttemptState] | None = None, limit: int = 1000
    ) -> list[Attempt]:
        """This register's attempts, oldest first (e.g. `states={AttemptState.NEEDS_REVIEW}`)."""
        return await self._db(
            lambda db: db.attempts(register_id=self.config.register_id, sale_id=sale_id, states=states, limit=limit)
        )

    async def history(self, attempt_id: int) -> list[TransitionRecord]:
        """Every state change of an attempt, with its time and message."""
        return await self._db(lambda db: db.transitions(attempt_id))

    async def payments(self, *, attempt_id: int | None = None, sale_id: int | None = None) -> list[PaymentRecord]:
        """Mercado Pago payments recorded for an attempt or a sale (each exactly once)."""
        return await self._db(lambda db: db.payments(attempt_id=attempt_id, sale_id=sale_id))

    async def refunds(self, mp_payment_id: int | None = None) -> list[RefundRecord]:
        """Refunds, of one payment or all, with their state and message."""
        return await self._db(lambda db: db.refunds(mp_payment_id=mp_payment_id))

    async def refundable(self, mp_payment_id: int) -> Decimal:
        """What may still be refunded on a payment: paid minus refunds approved or in flight."""
        return await self._db(lambda db: db.refundable(mp_payment_id))

    async def receipts(self, *, attempt_id: int | None = None, unprinted: bool = False) -> list[Receipt]:
        """Receipts issued; `unprinted=True` lists those not yet confirmed by `receipt_printed`
        (after a crash: print them, as originals, once)."""
        return await self._db(lambda db: db.receipts(attempt_id=attempt_id, unprinted=unprinted))

    async def audit_log(self, *, attempt_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        """Supervisor actions (cancel, refund, review, discard), newest first."""
        return await self._db(lambda db: db.audit_log(attempt_id=attempt_id, limit=limit))

    def _now(self) -> datetime:
        return self._clock.now()

    def _still_payable(self, attempt: Attempt) -> bool:
        """Its order cannot be withdrawn (a dynamic QR) and has not expired yet."""
        return not self.gateway.withdraw_is_final and attempt.expires_at > self._now()

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
            lines=sale.lines,
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
            new.id, new.sale_id, new.reference, None if old is None else old.state, new.state, message, new.updated_at
        ))
        if not new.live:
            self._forget(new.id)

    def _forget(self, attempt_id: int) -> None:
        self._seen_orders.pop(attempt_id, None)
        self._last_read.pop(attempt_id, None)
        self._seen_rejections.pop(attempt_id, None)
        self._countdown_shown.pop(attempt_id, None)
        wake = self._wake.get(attempt_id)
        if wake is not None:
            wake.set()  # let its watcher see the final state at once

    # --- charge -------------------------------------------------------------------------

    async def charge(self, target: Cart | Sale | int) -> Attempt:
        """Charge a cart (frozen into a new sale) or charge an open sale again.

        Returns the attempt as it stands after the publish: `waiting` (on the QR),
        `unknown` (being reconciled), or `failed` (its `message` says why; the sale can
        be charged again). Pressing Charge again on the same sale (or an identical cart)
        while its order is live returns that live attempt and sends nothing.

        Raises, before any network call: `InvalidCart` / `InvalidAmount` (bad input),
        `RegisterBusy` (another sale is live on this register), `NotChargeable` (the
        sale is paid, discarded or awaits review), `NotReady` (start() has not finished).
        """
        site = self.config.site
        lines = total = None
        if isinstance(target, Cart):
            if target.site.id != site.id:
                raise NotChargeable(f"This cart is in {target.site.currency}; this register charges in {site.currency}.")
            lines, total = validate_lines(target.lines, site)
        if not self._ready:
            raise NotReady("QR Cashier is still checking earlier sales with Mercado Pago; try again in a moment.")
        async with self._register_lock:
            live = await self.live_attempt()
            if live is not None:
                if await self._same_sale(live, target, lines):
                    return live  # a second press: nothing to do
                raise RegisterBusy(
                    "Another sale's order is still on this register's QR: wait for it, or ask a supervisor to cancel it.",
                    live.id,
                )
            now = self._now()
            expires = now + self.config.order_expiry
            message = STATE_MESSAGES[S.CREATED]
            if lines is not None:
                new_sale = (self.config.register_id, site, lines, total)
                attempt = await self._db(lambda db: db.create_attempt(
                    gateway=self.gateway.name, now=now, expires_at=expires, message=message, new_sale=new_sale
                ))
            else:
                sale_id = target.id if isinstance(target, Sale) else int(target)  # type: ignore[union-attr,arg-type]
                sale = await self.sale(sale_id)
                if sale.register_id != self.config.register_id:
                    raise NotChargeable("This sale belongs to another register.")
                attempt = await self._db(lambda db: db.create_attempt(
                    gateway=self.gateway.name, now=now, expires_at=expires, message=message, sale_id=sale_id
                ))
            self._changed(None, attempt, message)
        return await self._publish(attempt)

    async def _same_sale(self, live: Attempt, target: Cart | Sale | int, lines: Any) -> bool:
        if isinstance(target, Cart):
            return (await self._sale(live.sale_id)).lines == lines
        sale_id = target.id if isinstance(target, Sale) else target
        return sale_id == live.sale_id

    async def _publish(self, attempt: Attempt) -> Attempt:
        async with self._lock(attempt.id):
            attempt = await self.attempt(attempt.id)
            if attempt.state != S.CREATED:
                return attempt  # cancelled before it was sent
            attempt = await self._move(attempt, S.PUBLISHING)
            order = await self._order(attempt)
            try:
                published = await self.gateway.publish(order)
            except NotDelivered as exc:
                return await self._move(
                    attempt, S.FAILED,
                    f"{exc.user_message} The order was not sent; the sale is kept: charge it again when the connection is back.",
                )
            except GatewayError as exc:
                if _retryable(exc):
                    attempt = await self._move(
                        attempt, S.UNKNOWN, f"{_user_message(exc)} Checking whether the order reached the QR."
                    )
                    retry_after = exc.retry_after if isinstance(exc, RateLimited) and exc.retry_after else 0.0
                    self._watch(attempt.id, first_delay=max(self.config.poll.interval, retry_after))
                    return attempt
                return await self._move(attempt, S.FAILED, f"{_user_message(exc)} The sale is kept; you can charge it again.")
            except Exception:
                log.exception("publishing attempt %s failed unexpectedly", attempt.id)
                attempt = await self._move(attempt, S.UNKNOWN, "Something went wrong while sending the order; checking with Mercado Pago.")
                self._watch(attempt.id)
                return attempt
            attempt = await self._move(
                attempt, S.WAITING, gateway_order_id=published.gateway_order_id, qr_data=published.qr_data
            )
            self._watch(attempt.id)
            return attempt

    async def _republish_locked(self, attempt: Attempt) -> Attempt:
        """The one allowed retry of an unknown publish: the same attempt, reference and key,
        and only once a lookup showed the order is not on the QR and nobody scanned it."""
        order = await self._order(attempt)
        try:
            published = await self.gateway.publish(order)
        except GatewayError as exc:
            if _retryable(exc):
                self._notice(attempt.id, f"{_user_message(exc)} Still trying to place the order on the QR.")
                raise
            return await self._move(attempt, S.FAILED, f"{_user_message(exc)} The sale is kept; you can charge it again.")
        return await self._move(
            attempt, S.WAITING, gateway_order_id=published.gateway_order_id, qr_data=published.qr_data
        )

    # --- completing (the one path) ------------------------------------------------------

    async def complete(self, attempt_id: int, lookup: Lookup) -> Attempt:
        """Apply what Mercado Pago said about an attempt. The poll, a notification's re-read,
        the start-up sweep and a cancel all end here. Idempotent: under the attempt's lock,
        on the attempt re-read from the journal; a paid attempt stays paid with one receipt."""
        async with self._lock(attempt_id):
            return await self._apply(attempt_id, lookup)

    async def _apply(self, attempt_id: int, lookup: Lookup, *, settle: AttemptState | None = None) -> Attempt:
        """`complete` with the lock held. `settle`: the state to end in when nothing was paid
        (CANCELLED after a cancel's withdraw, EXPIRED after expiry's final read)."""
        attempt = await self.attempt(attempt_id)
        decision = lookup.decision
        if attempt.state in (S.CREATED, S.PUBLISHING):
            return attempt  # an order not yet sent has nothing to read
        if attempt.state == S.PAID:
            await self._record_extra_payments(attempt, decision)
            return attempt  # paid stays paid, with its one receipt
        late = attempt.state in LATE_STATES  # only a payment can still change it
        if not (attempt.live or late or attempt.state == S.NEEDS_REVIEW):
            if decision.outcome == Outcome.PAID:
                log.warning("attempt %s is %s but Mercado Pago shows it paid", attempt_id, attempt.state)
                self._notice(
                    attempt_id,
                    f"Mercado Pago shows a payment for {attempt.reference}, which is already {attempt.state}: "
                    "a supervisor should refund it or settle the sale.",
                    "error",
                )
            return attempt
        if attempt.live:
            self._observe(attempt, lookup)

        if decision.outcome == Outcome.PAID:
            if attempt.state == S.CANCEL_REQUESTED:
                message = "The customer paid before the cancel took effect: the sale is paid and the receipt is printing."
            elif late:
                message = (
                    f"The customer paid just after the order was {attempt.state}: the sale is paid and the receipt "
                    "is printing. If they also paid another way, a supervisor should refund one payment."
                )
            else:
                message = STATE_MESSAGES[S.PAID]
            paid, receipt = await self._db(lambda db: db.complete_paid(
                attempt_id, decision.payments, self._now(), message, operator=self.operator
            ))
            if receipt is None:
                return paid
            self._changed(attempt, paid, message)
            self._emit(ReceiptIssued(receipt, "Print the receipt."))
            for warning in decision.warnings:
                self._notice(attempt_id, f"Sale {paid.reference}: {warning}.", "error")
            if decision.open_orders:
                self._watch_late(paid.id)  # another scan is still open: the customer could pay twice
            return paid

        if late or attempt.state == S.NEEDS_REVIEW:
            return attempt  # only a payment covering the total (or a supervisor) changes these

        if decision.outcome in REVIEW_OUTCOMES:
            await self._db(lambda db: db.record_payments(attempt_id, decision.payments, self._now()))
            review = {"reason": str(decision.outcome), "message": decision.message, "lookup": lookup.raw}
            moved = await self._move(attempt, S.NEEDS_REVIEW, decision.message, review=review)
            await self._withdraw_quietly(moved)
            return moved

        if settle is not None or decision.outcome in (Outcome.EXPIRED, Outcome.CANCELLED):
            # The order is off the QR (withdrawn, expired or cancelled by Mercado Pago) and unpaid;
            # or, cancelled on a gateway that cannot withdraw it, unpaid so far and payable until expiry.
            if attempt.state == S.CANCEL_REQUESTED:
                message = CANCELLED_STILL_PAYABLE if self._still_payable(attempt) else None
                ended = await self._move(attempt, S.CANCELLED, message)
            elif decision.outcome == Outcome.CANCELLED:
                ended = await self._move(attempt, S.CANCELLED, "Mercado Pago cancelled the order; nothing was paid.")
            else:
                ended = await self._move(attempt, S.EXPIRED)
            if decision.open_orders or self._payable_after_end(ended):
                # A customer was still confirming, or the QR could not be withdrawn: a payment may land late.
                self._watch_late(ended.id)
            return ended

        if attempt.state == S.UNKNOWN and (lookup.published or decision.outcome != Outcome.NOTHING):
            return await self._move(attempt, S.WAITING, "Mercado Pago has the order: the customer can scan and pay.")
        return attempt

    async def _record_extra_payments(self, attempt: Attempt, decision: Decision) -> None:
        """A paid attempt that Mercado Pago shows with more approved payments: the customer
        paid twice. Record them (each once) so a supervisor can refund, and say so."""
        known = {p.mp_payment_id for p in await self.payments(attempt_id=attempt.id)}
        extra = [p for p in decision.payments if p.mp_payment_id not in known]
        if not extra:
            return
        await self._db(lambda db: db.record_payments(attempt.id, extra, self._now()))
        ids = ", ".join(str(p.mp_payment_id) for p in extra)
        self._notice(
            attempt.id,
            f"Sale {attempt.reference} was already paid, and the customer paid again (payment {ids}): "
            "a supervisor should refund the extra payment.",
            "error",
        )

    def _observe(self, attempt: Attempt, lookup: Lookup) -> None:
        """Scanned / rejected events, once per merchant_order and per rejected payment."""
        seen = self._seen_orders.setdefault(attempt.id, set())
        for mo_id in lookup.decision.merchant_order_ids:
            if mo_id not in seen:
                seen.add(mo_id)
                self._emit(Scanned(attempt.id, mo_id, "The customer scanned the QR."))
        rejected = self._seen_rejections.setdefault(attempt.id, set())
        for payment in lookup.decision.rejected:
            if payment.mp_payment_id not in rejected:
                rejected.add(payment.mp_payment_id)
                self._emit(PaymentRejected(
                    attempt.id, payment.mp_payment_id, payment.status_detail,
                    "The payment was rejected: the customer may try again with another card or account.",
                ))

    async def _withdraw_quietly(self, attempt: Attempt) -> bool:
        try:
            await self.gateway.withdraw(await self._order(attempt))
            return True
        except GatewayError as exc:
            self._notice(attempt.id, f"Could not remove the order from the QR: {_user_message(exc)}")
            return False

    # --- watching -----------------------------------------------------------------------

    def notify(self, topic: str | None = None, resource_id: str | int | None = None) -> None:
        """A notification arrived (IPN, webhook, or the sandbox's push): re-read now.

        It is never trusted on its own; it only wakes every watcher of this register."""
        log.debug("notification %s %s: re-reading", topic, resource_id)
        for wake in self._wake.values():
            wake.set()

    on_notification = notify

    async def refresh(self, attempt_id: int) -> Attempt:
        """Read Mercado Pago for this attempt now and apply it (a "check now" button).
        Works on live attempts, on cancelled or expired ones (a late payment wins), and on
        paid ones (a second payment is recorded for a refund)."""
        attempt = await self.attempt(attempt_id)
        if not (attempt.live or attempt.state in AFTERCARE_STATES):
            return attempt
        lookup = await self.gateway.lookup(await self._order(attempt), check_published=attempt.state == S.UNKNOWN)
        return await self.complete(attempt_id, lookup)

    def _watch(self, attempt_id: int, first_delay: float | None = None) -> None:
        """Start the attempt's watcher. Its first read comes one interval after the last
        exchange (a publish or a read), unless `first_delay` says otherwise."""
        if self._closed:
            return
        task = self._watchers.get(attempt_id)
        if task is not None and not task.done():
            return
        self._wake.setdefault(attempt_id, asyncio.Event())
        task = asyncio.get_running_loop().create_task(
            self._watch_loop(attempt_id, first_delay), name=f"watch-attempt-{attempt_id}"
        )
        self._watchers[attempt_id] = task
        task.add_done_callback(lambda t: self._watch_done(attempt_id, t))

    def _watch_late(self, attempt_id: int) -> None:
        """An attempt that ended (cancelled, expired or paid) while its last read still showed
        an open merchant_order (a customer confirming in the app) is read again, slowly, for
        `late_window` seconds. A payment found then wins (cancelled/expired → paid), or, on a
        paid attempt, is recorded as paid twice for a refund. A cancelled attempt whose order
        could not be withdrawn (`withdraw_is_final` False) is read until its `expires_at`."""
        if self._closed or attempt_id in self._late_watchers:
            return
        task = asyncio.get_running_loop().create_task(self._late_loop(attempt_id), name=f"late-{attempt_id}")
        self._late_watchers[attempt_id] = task
        task.add_done_callback(lambda _t: self._late_watchers.pop(attempt_id, None))

    async def _late_loop(self, attempt_id: int) -> None:
        """Read every `idle_interval` until nothing is left that a customer could pay, or the
        window ends (`late_window` after the attempt ended; for an order that could not be
        withdrawn, not before its `expires_at`)."""
        policy = self.config.poll
        errors = 0
        while True:
            attempt = await self.attempt(attempt_id)
            now = self._now()
            left = (attempt.updated_at - now).total_seconds() + policy.late_window
            if self._payable_after_end(attempt):
                left = max(left, (attempt.expires_at - now).total_seconds())
            if attempt.state not in AFTERCARE_STATES or left <= 0:
                return
            await asyncio.sleep(min(policy.idle_interval if errors == 0 else policy.backoff(errors), left))
            try:
                lookup = await self.gateway.lookup(await self._order(attempt), check_published=True)
                await self.complete(attempt_id, lookup)
            except GatewayError:
                errors += 1
                continue
            except Exception:
                log.exception("the late-payment watch of attempt %s failed", attempt_id)
                return
            errors = 0
            if not (lookup.decision.open_orders or lookup.published or self._payable_after_end(attempt)):
                return  # nothing left that a customer could still pay

    def _watch_done(self, attempt_id: int, task: asyncio.Task[None]) -> None:
        if self._watchers.get(attempt_id) is task:
            del self._watchers[attempt_id]
            self._wake.pop(attempt_id, None)

    async def _watch_loop(self, attempt_id: int, first_delay: float | None) -> None:
        policy = self.config.poll
        loop = asyncio.get_running_loop()
        errors = 0
        active_since = loop.time()
        seen_before = 0
        await self._wait(attempt_id, policy.interval if first_delay is None else first_delay)
        while True:
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            left = (attempt.expires_at - self._now()).total_seconds()
            self._countdown(attempt, left)
            started = loop.time()  # reads keep a steady cadence: the next is due `delay` after this one began
            if left <= 0:
                await self._expire(attempt_id)
                attempt = await self.attempt(attempt_id)
                if not attempt.live:
                    return
                delay = policy.backoff(errors := errors + 1)
            else:
                try:
                    await self._tick(attempt)
                except GatewayError as exc:
                    errors += 1
                    delay = policy.backoff(errors)
                    if isinstance(exc, RateLimited) and exc.retry_after:
                        delay = max(delay, exc.retry_after)
                    when = f"in {delay:.0f} s" if delay >= 1.5 else "in a moment"
                    self._notice(attempt_id, f"{_user_message(exc)} Checking again {when}.")
                except Exception:
                    errors += 1
                    delay = policy.backoff(errors)
                    log.exception("watching attempt %s failed unexpectedly", attempt_id)
                    self._notice(attempt_id, "Something went wrong while checking the payment; trying again.", "error")
                else:
                    errors = 0
                    seen = len(self._seen_orders.get(attempt_id, ()))
                    if seen != seen_before:
                        seen_before, active_since = seen, loop.time()
                    idle = loop.time() - active_since > policy.idle_after
                    delay = policy.idle_interval if idle else policy.interval
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            left = (attempt.expires_at - self._now()).total_seconds()
            delay = max(0.0, delay - (loop.time() - started))
            await self._wait(attempt_id, max(0.0, min(delay, left)) if left > 0 else delay)

    async def _tick(self, attempt: Attempt) -> None:
        """One read of a live attempt, applied; raises the gateway's error when it failed."""
        if attempt.state == S.CANCEL_REQUESTED:
            async with self._lock(attempt.id):
                current = await self.attempt(attempt.id)
                if current.state == S.CANCEL_REQUESTED:
                    await self._settle_cancel_locked(current, raise_errors=True)
            return
        order = await self._order(attempt)
        self._last_read[attempt.id] = asyncio.get_running_loop().time()
        lookup = await self.gateway.lookup(order, check_published=attempt.state == S.UNKNOWN)
        async with self._lock(attempt.id):
            current = await self._apply(attempt.id, lookup)
            if (
                current.state == S.UNKNOWN
                and lookup.published is False
                and lookup.outcome == Outcome.NOTHING
            ):
                await self._republish_locked(current)

    async def _wait(self, attempt_id: int, seconds: float) -> None:
        """Sleep up to `seconds`, emitting the countdown. A notification cuts the wait short,
        but never to less than `min_gap` after the last read: a burst of notifications
        (scan, payment, merchant_order) makes one read, not three."""
        loop = asyncio.get_running_loop()
        wake = self._wake.setdefault(attempt_id, asyncio.Event())
        deadline = loop.time() + seconds
        policy = self.config.poll
        while (remaining := deadline - loop.time()) > 0:
            try:
                async with asyncio.timeout(min(remaining, policy.tick)):
                    await wake.wait()
            except TimeoutError:
                attempt = await self.attempt(attempt_id)
                if not attempt.live:
                    return
                self._countdown(attempt, (attempt.expires_at - self._now()).total_seconds())
                continue
            wake.clear()
            attempt = await self.attempt(attempt_id)
            gap_left = self._last_read.get(attempt_id, -policy.min_gap) + policy.min_gap - loop.time()
            if not attempt.live or gap_left <= 0:
                return
            deadline = min(deadline, loop.time() + gap_left)

    def _countdown(self, attempt: Attempt, left: float) -> None:
        seconds = max(0, int(left + 0.999))
        if self._countdown_shown.get(attempt.id) != seconds:
            self._countdown_shown[attempt.id] = seconds
            self._emit(Countdown(attempt.id, seconds, attempt.expires_at))

    async def _expire(self, attempt_id: int) -> None:
        """At expiry: wait the grace period (Mercado Pago expires the order itself), then one
        final read. Not paid → expired (cancelled if a cancel was pending); unreadable →
        needs_review. If the order is still on the QR (the clocks disagree), withdraw it."""
        async with self._lock(attempt_id):
            attempt = await self.attempt(attempt_id)
            if not attempt.live:
                return
            if self.config.poll.expiry_grace:
                await asyncio.sleep(self.config.poll.expiry_grace)
            try:
                lookup = await self.gateway.lookup(await self._order(attempt), check_published=True)
            except GatewayError as exc:
                review = {
                    "reason": "unreachable",
                    "message": f"The final read after expiry failed: {_user_message(exc)}",
                    "error": str(exc),
                    "lookup": None,
                }
                await self._move(
                    attempt, S.NEEDS_REVIEW,
                    "Mercado Pago could not be asked whether this sale was paid before its order expired: "
                    "a supervisor must review it.",
                    review=review,
                )
                return
            stuck_on_qr = (
                bool(lookup.published) and lookup.outcome != Outcome.PAID and not await self._withdraw_quietly(attempt)
            )
            settle = S.CANCELLED if attempt.state == S.CANCEL_REQUESTED else S.EXPIRED
            ended = await self._apply(attempt_id, lookup, settle=settle)
            if stuck_on_qr and ended.state in LATE_STATES:
                self._watch_late(ended.id)  # still payable on the QR: keep reading for a late payment

    # --- cancel -------------------------------------------------------------------------

    async def cancel(self, attempt_id: int, supervisor: str, reason: str = "") -> Attempt:
        """A supervisor cancels the order on the QR. Records the request (audited), withdraws
        the order, then reads once more: if the customer paid meanwhile, paid wins. When the
        gateway cannot withdraw it (a dynamic QR), the attempt is cancelled with a message
        saying so and read until it expires: a payment until then still wins.

        Returns the attempt: `cancelled`, `paid` (with its receipt event), or still
        `cancel_requested` when Mercado Pago could not be reached (the engine keeps trying
        and a Notice says so). A final attempt is returned unchanged."""
        supervisor = clean_text(supervisor, "supervisor", MAX_SUPERVISOR)  # type: ignore[assignment]
        reason = clean_text(reason, "reason", MAX_REASON, required=False) or ""
        async with self._lock(attempt_id):
            attempt = await self.attempt(attempt_id)
            if attempt.register_id != self.config.register_id:
                raise NotChargeable("This attempt belongs to another register.")
            if not attempt.live:
                return attempt
            audit = Audit(supervisor, "cancel_requested", reason, {"state": str(attempt.state)})
            if attempt.state == S.CREATED:  # nothing was sent: nothing to withdraw
                return await self._move(attempt, S.CANCELLED, "Cancelled before the order was sent.", audit=audit)
            if attempt.state != S.CANCEL_REQUESTED:
                attempt = await self._move(attempt, S.CANCEL_REQUESTED, audit=audit)
            result = await self._settle_cancel_locked(attempt, raise_errors=False)
        if result.live:
            self._watch(attempt_id)
        return result

    async def _settle_cancel_locked(self, attempt: Attempt, *, raise_errors: bool) -> Attempt:
        order = await self._order(attempt)
        try:
            await self.gateway.withdraw(order)
            lookup = await self.gateway.lookup(order)
        except GatewayError as exc:
            message = (
                f"{_user_message(exc)} The cancel is not confirmed yet: the order may still be on the QR. "
                "QR Cashier keeps trying."
            )
            await self._db(lambda db: db.set_message(attempt.id, message))
            if raise_errors:
                raise
            self._notice(attempt.id, message)
            return await self.attempt(attempt.id)
        return await self._apply(attempt.id, lookup, settle=S.CANCELLED)

    # --- refunds ------------------------------------------------------------------------

    async def refund(
        self, mp_payment_id: int, amount: str | Decimal | None, supervisor: str, reason: str = ""
    ) -> RefundRecord:
        """Refund a recorded payment in full (`amount=None`: what is left) or in part.

        Refused before any call (`RefundRefused`, `InvalidAmount`) when the amount is
        invalid or above what was paid and not yet refunded. The refund is written with
        its stable idempotency key before the call; its `state` then says `approved`,
        `failed` (nothing refunded; `message` says why) or `requested` (outcome unknown:
        `retry_refund` sends it again with the same key, so it never refunds twice)."""
        supervisor = clean_text(supervisor, "supervisor", MAX_SUPERVISOR)  # type: ignore[assignment]
        reason = clean_text(reason, "reason", MAX_REASON, required=False) or ""
        value = None if amount is None else parse_amount(amount, self.config.site)
        lock = self._refund_locks.setdefault(mp_payment_id, asyncio.Lock())
        async with lock:
            def create(db: JournalDB) -> RefundRecord:
                payment = db.payment(mp_payment_id)
                attempt = db.attempt(payment.attempt_id)
                if attempt.register_id != self.config.register_id:
                    raise NotChargeable("This payment belongs to another register.")
                left = db.refundable(mp_payment_id)
                if value is None and left <= 0:
                    raise RefundRefused(f"Payment {mp_payment_id} is already refunded in full.")
                full = value is None and left == payment.amount  # nothing refunded yet: a true full refund
                return db.create_refund(
                    mp_payment_id, left if value is None else value, full=full, now=self._now(),
                    supervisor=supervisor, reason=reason,
                )

            record = await self._db(create)
            self._emit(RefundChanged(record, record.message))
            return await self._send_refund(record)

    async def retry_refund(self, refund_id: int) -> RefundRecord:
        """Send a refund whose outcome is unknown again, with the same idempotency key."""
        record = await self._db(lambda db: db.refund(refund_id))
        lock = self._refund_locks.setdefault(record.mp_payment_id, asyncio.Lock())
        async with lock:
            record = await self._db(lambda db: db.refund(refund_id))
            if record.state != RefundState.REQUESTED:
                return record
            return await self._send_refund(record)

    async def _send_refund(self, record: RefundRecord) -> RefundRecord:
        try:
            result = await self.gateway.refund(
                record.mp_payment_id, None if record.full else record.amount, record.idempotency_key
            )
        except GatewayError as exc:
            if _retryable(exc):
                message = (
                    f"{_user_message(exc)} The refund is not confirmed yet; retrying uses the same key, "
                    "so it can never be refunded twice."
                )
                await self._db(lambda db: db.finish_refund(record.id, RefundState.REQUESTED, self._now(), message))
            else:
                message = f"Mercado Pago refused the refund: {_user_message(exc)}"
                await self._db(lambda db: db.finish_refund(record.id, RefundState.FAILED, self._now(), message))
        else:
            if result.status in (None, "approved"):
                state, message = RefundState.APPROVED, f"Refunded {result.amount}."
            else:
                state, message = RefundState.PENDING, f"Mercado Pago is processing the refund of {result.amount}."
            await self._db(lambda db: db.finish_refund(
                record.id, state, self._now(), message, mp_refund_id=result.mp_refund_id
            ))
        updated = await self._db(lambda db: db.refund(record.id))
        self._emit(RefundChanged(updated, updated.message))
        return updated

    # --- reconcile and review -----------------------------------------------------------

    async def reconcile(self) -> list[Attempt]:
        """Resolve every attempt an earlier run left live, by reference, then allow charging.

        - `created`: never sent (publishing is recorded before the call) → failed, sale kept.
        - `publishing`: the publish outcome is unknown → unknown, then read like the others.
        - past expiry: withdraw, final read → paid / expired / cancelled, or needs_review
          (with the error attached) when Mercado Pago cannot be asked.
        - `cancel_requested`: withdraw and read again → cancelled or paid.
        - otherwise: read once and apply; still live ones are watched.
        Refunds whose outcome was unknown are sent again with their key."""
        results: list[Attempt] = []
        async with self._register_lock:
            live = await self._db(lambda db: db.attempts(register_id=self.config.register_id, states=LIVE_STATES))
            for attempt in live:
                try:
                    results.append(await self._reconcile_one(attempt))
                except Exception:
                    log.exception("reconciling attempt %s failed", attempt.id)
                    self._notice(attempt.id, "Could not check an earlier sale; it stays open and is checked again.", "error")
                    results.append(await self.attempt(attempt.id))
            await self._withdraw_unresolved()
            await self._retry_pending_refunds()
            self._ready = True
        for attempt in results:
            if attempt.live:
                self._watch(attempt.id)
        window = timedelta(seconds=self.config.poll.late_window)
        if not self.gateway.withdraw_is_final:  # a cancelled order stays payable until its expiry
            window = max(window, self.config.order_expiry)
        since = self._now() - window
        recent = await self._db(lambda db: db.attempts(
            register_id=self.config.register_id, states=LATE_STATES, updated_after=since
        ))
        for attempt in recent:
            self._watch_late(attempt.id)
        return results

    async def _withdraw_unresolved(self) -> None:
        """A sale moved to needs_review is withdrawn right after the move; a stop in between
        left its order on the QR, where a customer could still pay more. Withdraw it, if its
        order is still the one there: the register may have charged the next sale since."""
        review = await self._db(lambda db: db.attempts(
            register_id=self.config.register_id, states=frozenset({S.NEEDS_REVIEW})
        ))
        for attempt in review:
            if attempt.expires_at <= self._now():
                continue
            async with self._lock(attempt.id):
                try:
                    lookup = await self.gateway.lookup(await self._order(attempt), check_published=True)
                except GatewayError as exc:
                    log.info("could not check whether attempt %s is still on the QR: %s", attempt.id, exc)
                    continue
                if lookup.published:
                    await self._withdraw_quietly(attempt)

    async def _reconcile_one(self, attempt: Attempt) -> Attempt:
        async with self._lock(attempt.id):
            attempt = await self.attempt(attempt.id)
            if attempt.state == S.CREATED:
                return await self._move(
                    attempt, S.FAILED, "QR Cashier stopped before this order was sent; the sale is kept: charge it again."
                )
            if attempt.state == S.PUBLISHING:
                attempt = await self._move(
                    attempt, S.UNKNOWN, "QR Cashier stopped while sending this order; checking with Mercado Pago."
                )
            if attempt.state == S.CANCEL_REQUESTED:
                return await self._settle_cancel_locked(attempt, raise_errors=False)
            if attempt.expires_at <= self._now():
                pass  # handled below, outside this lock (`_expire` takes it)
            else:
                try:
                    lookup = await self.gateway.lookup(
                        await self._order(attempt), check_published=attempt.state == S.UNKNOWN
                    )
                except GatewayError as exc:
                    self._notice(attempt.id, f"{_user_message(exc)} An earlier sale is still being checked.")
                    return attempt
                return await self._apply(attempt.id, lookup)
        await self._expire(attempt.id)
        return await self.attempt(attempt.id)

    async def _retry_pending_refunds(self) -> None:
        def pending(db: JournalDB) -> list[RefundRecord]:
            return [
                r for r in db.refunds(states=[RefundState.REQUESTED])
                if db.attempt(db.payment(r.mp_payment_id).attempt_id).register_id == self.config.register_id
            ]

        for record in await self._db(pending):
            await self.retry_refund(record.id)

    async def review_lookup(self, attempt_id: int) -> Lookup:
        """A live lookup of the attempt's reference, for the supervisor's review screen."""
        attempt = await self.attempt(attempt_id)
        return await self.gateway.lookup(await self._order(attempt), check_published=True)

    async def resolve_review(self, attempt_id: int, supervisor: str, resolution: str, reason: str) -> Attempt:
        """A supervisor settles an attempt awaiting review: "paid" (issues the receipt) or
        "void" (not paid; the sale can be charged again). Audited with who and why.

        A live lookup is tried first: if Mercado Pago shows the sale paid, it is marked
        paid whatever was chosen (paid wins), and the audit says so."""
        supervisor = clean_text(supervisor, "supervisor", MAX_SUPERVISOR)  # type: ignore[assignment]
        reason = clean_text(reason, "reason", MAX_REASON)  # type: ignore[assignment]
        if resolution not in ("paid", "void"):
            raise ValueError('resolution is "paid" or "void"')
        async with self._lock(attempt_id):
            attempt = await self.attempt(attempt_id)
            if attempt.state != S.NEEDS_REVIEW:
                raise CheckoutError(f"This attempt is {attempt.state}, not awaiting review.")
            try:
                lookup: Lookup | None = await self.gateway.lookup(await self._order(attempt))
            except GatewayError:
                lookup = None
            paid_live = lookup is not None and lookup.outcome == Outcome.PAID
            details = {"chosen": resolution, "live_lookup": None if lookup is None else lookup.raw}
            if paid_live or resolution == "paid":
                audit = Audit(supervisor, "review_resolved_paid", reason, details)
                message = (
                    "Mercado Pago shows this sale paid: it is marked paid and the receipt is printing."
                    if paid_live and resolution == "void"
                    else "A supervisor confirmed the payment: the receipt is printing."
                )
                payments = lookup.decision.payments if lookup is not None else ()
                paid, receipt = await self._db(lambda db: db.complete_paid(
                    attempt_id, payments, self._now(), message, audit=audit, operator=self.operator
                ))
                self._changed(attempt, paid, message)
                if receipt is not None:
                    self._emit(ReceiptIssued(receipt, "Print the receipt."))
                return paid
            audit = Audit(supervisor, "review_resolved_void", reason, details)
            recorded = await self.payments(attempt_id=attempt_id)
            message = STATE_MESSAGES[S.VOIDED]
            if recorded:
                received = sum((p.amount for p in recorded), Decimal(0))
                message += f" {received} was received for it: refund it from the payments list."
            return await self._move(attempt, S.VOIDED, message, audit=audit)

    # --- receipts and sales -------------------------------------------------------------

    async def reprint(self, attempt_id: int, operator: str = "") -> Receipt:
        """Issue a copy of a paid attempt's receipt (it prints as COPY)."""
        receipt = await self._db(lambda db: db.issue_copy(attempt_id, self._now(), operator or self.operator))
        self._emit(ReceiptIssued(receipt, "Print the receipt copy."))
        return receipt

    async def receipt_printed(self, receipt_id: int) -> Receipt:
        """The UI printed the receipt: it is no longer offered as unprinted after a restart."""
        return await self._db(lambda db: db.mark_printed(receipt_id, self._now()))

    async def discard_sale(self, sale_id: int, actor: str, reason: str = "") -> Sale:
        """Drop an open sale nobody will pay (no live attempt, nothing under review). Audited."""
        actor = clean_text(actor, "name", MAX_SUPERVISOR)  # type: ignore[assignment]
        reason = clean_text(reason, "reason", MAX_REASON, required=False) or ""
        return await self._db(lambda db: db.discard_sale(sale_id, self._now(), Audit(actor, "sale_discarded", reason)))

    def expires_in(self, attempt: Attempt) -> timedelta:
        """Time left before the attempt's order expires on the QR (by the engine's clock)."""
        return attempt.expires_at - self._now()

    # --- read-only views for the UI (no widget touches the journal) -----------------------

    async def sales_of_the_day(self, since: datetime) -> list[DaySale]:
        """This register's sales charged since `since` (the F9 list), read on the journal thread."""
        register_id = self.config.register_id
        return await self.journal.run(lambda db: load_sales_of_the_day(db, register_id, since))

    @property
    def journal_path(self) -> str:
        """Where the journal lives (diagnostics shows it and copies it into a report)."""
        return str(self.journal.path)
