"""Refunds: checked against what is left, written with their key before the call, never sent twice."""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal

from qrcashier.checkout.engine_base import (
    MAX_REASON,
    MAX_SUPERVISOR,
    EngineBase,
    GatewayError,
    is_retryable,
    user_message,
)
from qrcashier.checkout.errors import NotChargeable, RefundRefused
from qrcashier.checkout.events import (
    RefundChanged,
)
from qrcashier.checkout.journal import (
    JournalDB,
    RefundRecord,
    RefundState,
)
from qrcashier.domain.cart import clean_text
from qrcashier.domain.money import parse_amount
from qrcashier.domain.sale import (
    AttemptState,
)

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class RefundJobs(EngineBase):
    """refund(), retry_refund() and the start-up retry of refunds whose outcome was unknown."""

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
        def paid_by(db: JournalDB):
            return db.attempt(db.payment(record.mp_payment_id).attempt_id)

        attempt = await self._db(paid_by)
        gateway = self._gw(attempt)
        extra = {"order_id": attempt.gateway_order_id} if gateway.name == "point" else {}
        try:
            result = await gateway.refund(
                record.mp_payment_id, None if record.full else record.amount, record.idempotency_key, **extra
            )
        except GatewayError as exc:
            if is_retryable(exc):
                message = (
                    f"{user_message(exc)} The refund is not confirmed yet; retrying uses the same key, "
                    "so it can never be refunded twice."
                )
                await self._db(lambda db: db.finish_refund(record.id, RefundState.REQUESTED, self._now(), message))
            else:
                message = f"Mercado Pago refused the refund: {user_message(exc)}"
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

    async def _retry_pending_refunds(self) -> None:
        def pending(db: JournalDB) -> list[RefundRecord]:
            return [
                r for r in db.refunds(states=[RefundState.REQUESTED])
                if db.attempt(db.payment(r.mp_payment_id).attempt_id).register_id == self.config.register_id
            ]

        for record in await self._db(pending):
            await self.retry_refund(record.id)
