"""Completing: the one path where what Mercado Pago said about an attempt is applied (paid wins)."""

from __future__ import annotations

import logging

from qrcashier.checkout.engine_base import (
    CANCELLED_STILL_PAYABLE,
    LATE_STATES,
    PART_PAID,
    EngineBase,
    GatewayError,
    user_message,
)
from qrcashier.checkout.events import (
    PaymentRejected,
    ReceiptIssued,
    Scanned,
)
from qrcashier.checkout.gateway import Lookup
from qrcashier.domain.sale import (
    REVIEW_OUTCOMES,
    STATE_MESSAGES,
    Attempt,
    AttemptState,
    Decision,
    Outcome,
)

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class CompletionJobs(EngineBase):
    """complete() and what it records and announces on the way."""

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
                message = (
                    "The customer paid before the cancel took effect: the sale is paid and the receipt is printing."
                )
            elif late:
                message = (
                    f"The customer paid just after the order was {attempt.state}: the sale is paid and the receipt "
                    "is printing. If they also paid another way, a supervisor should refund one payment."
                )
            else:
                message = STATE_MESSAGES[S.PAID]
            due = await self._db(lambda db: db.due(attempt.sale_id))
            if attempt.total < due:  # a split's electronic part: its tender, and the sale stays open for the rest
                message = PART_PAID.format(paid=attempt.total, left=due - attempt.total)
            paid, receipt = await self._db(lambda db: db.complete_paid(
                attempt_id, decision.payments, self._now(), message, operator=self.operator, card=decision.card
            ))
            if receipt is None:
                if paid.state == S.PAID and attempt.state != S.PAID:
                    await self._part_paid(attempt, paid, decision)  # a split's part: the sale stays open for the rest
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
                said = decision.message if decision.card is not None else None  # a card order says why
                ended = await self._move(
                    attempt, S.CANCELLED, said or "Mercado Pago cancelled the order; nothing was paid."
                )
            else:
                ended = await self._move(attempt, S.EXPIRED)
            if decision.open_orders or self._payable_after_end(ended):
                # A customer was still confirming, or the QR could not be withdrawn: a payment may land late.
                self._watch_late(ended.id)
            return ended

        if attempt.state == S.UNKNOWN and (lookup.published or decision.outcome != Outcome.NOTHING):
            return await self._move(attempt, S.WAITING, "Mercado Pago has the order: the customer can scan and pay.")
        return attempt

    async def _part_paid(self, before: Attempt, paid: Attempt, decision: Decision) -> None:
        """A split's electronic part is paid (its tender recorded, the sale still open): say
        what is left, so the cashier charges the rest (QR, terminal, card or cash)."""
        self._changed(before, paid, paid.message)
        for warning in decision.warnings:
            self._notice(paid.id, f"Sale {paid.reference}: {warning}.", "error")
        if decision.open_orders:
            self._watch_late(paid.id)  # another scan is still open: the customer could pay twice

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
            await self._gw(attempt).withdraw(await self._order(attempt))
            return True
        except GatewayError as exc:
            self._notice(attempt.id, f"Could not remove the order from the QR: {user_message(exc)}")
            return False
