"""Reconciling: what an earlier run left live is resolved by reference before any new charge; reviews."""

from __future__ import annotations

import logging
from datetime import timedelta
from decimal import Decimal

from qrcashier.checkout.engine_base import (
    LATE_STATES,
    MAX_REASON,
    MAX_SUPERVISOR,
    PART_PAID,
    EngineBase,
    GatewayError,
    user_message,
)
from qrcashier.checkout.errors import CheckoutError
from qrcashier.checkout.events import (
    ReceiptIssued,
)
from qrcashier.checkout.gateway import Lookup
from qrcashier.checkout.journal import (
    Audit,
)
from qrcashier.domain.cart import clean_text
from qrcashier.domain.sale import (
    LIVE_STATES,
    STATE_MESSAGES,
    Attempt,
    AttemptState,
    FailureKind,
    Outcome,
)

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class ReconcileJobs(EngineBase):
    """reconcile() at start-up, and the supervisor's review of attempts it could not settle."""

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
                    self._notice(
                        attempt.id, "Could not check an earlier sale; it stays open and is checked again.", "error"
                    )
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
                    lookup = await self._gw(attempt).lookup(await self._order(attempt), check_published=True)
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
                    attempt, S.FAILED,
                    "QR Cashier stopped before this order was sent; the sale is kept: charge it again.",
                    failure=FailureKind.INTERRUPTED,
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
                    lookup = await self._gw(attempt).lookup(
                        await self._order(attempt), check_published=attempt.state == S.UNKNOWN
                    )
                except GatewayError as exc:
                    self._notice(attempt.id, f"{user_message(exc)} An earlier sale is still being checked.")
                    return attempt
                return await self._apply(attempt.id, lookup)
        await self._expire(attempt.id)
        return await self.attempt(attempt.id)

    async def review_lookup(self, attempt_id: int) -> Lookup:
        """A live lookup of the attempt's reference, for the supervisor's review screen."""
        attempt = await self.attempt(attempt_id)
        return await self._gw(attempt).lookup(await self._order(attempt), check_published=True)

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
                lookup: Lookup | None = await self._gw(attempt).lookup(await self._order(attempt))
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
                due = await self._db(lambda db: db.due(attempt.sale_id))
                if attempt.total < due:  # a split's part (issue 20): its tender; the sale stays open for the rest
                    message = PART_PAID.format(paid=attempt.total, left=due - attempt.total)
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
