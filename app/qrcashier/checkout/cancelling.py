"""Cancelling: a supervisor takes the order off the QR; a payment in the meantime still wins."""

from __future__ import annotations

import logging

from qrcashier.checkout.engine_base import (
    MAX_REASON,
    MAX_SUPERVISOR,
    EngineBase,
    GatewayError,
    user_message,
)
from qrcashier.checkout.errors import NotChargeable
from qrcashier.checkout.journal import (
    Audit,
)
from qrcashier.domain.cart import clean_text
from qrcashier.domain.sale import (
    Attempt,
    AttemptState,
    Outcome,
)
from qrcashier.mercadopago.point import CannotCancelAtTerminal

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class CancelJobs(EngineBase):
    """cancel() and the withdraw-then-read that settles it."""

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
        gateway = self._gw(attempt)
        on_terminal: CannotCancelAtTerminal | None = None
        try:
            try:
                await gateway.withdraw(order)
            except CannotCancelAtTerminal as exc:  # a card order already on the terminal: read it anyway
                on_terminal = exc
            lookup = await gateway.lookup(order)
        except GatewayError as exc:
            message = (
                f"{user_message(exc)} The cancel is not confirmed yet: the order may still be on the QR. "
                "QR Cashier keeps trying."
            )
            await self._db(lambda db: db.set_message(attempt.id, message))
            if raise_errors:
                raise
            self._notice(attempt.id, message)
            return await self.attempt(attempt.id)
        if on_terminal is not None and lookup.outcome in (Outcome.NOTHING, Outcome.SCANNED, Outcome.REJECTED):
            # Still on the terminal: the cancel waits for the terminal (or the customer); paid still wins.
            message = (
                "The terminal is confirming the cancel; if the customer pays first, the sale is paid."
                if on_terminal.status == 202 else
                "The order is on the card terminal: cancel it on the terminal. If the customer pays first, "
                "the sale is paid."
            )
            current = await self.attempt(attempt.id)
            if current.message != message:
                await self._db(lambda db: db.set_message(attempt.id, message))
                self._notice(attempt.id, message)
            return await self.attempt(attempt.id)
        return await self._apply(attempt.id, lookup, settle=S.CANCELLED)
