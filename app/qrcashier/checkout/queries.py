"""The engine's read side: attempts, sales, payments, refunds, receipts and audits as the journal
has them; reprints, print confirmations and discards."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal

from qrcashier.checkout.engine_base import (
    MAX_REASON,
    MAX_SUPERVISOR,
    EngineBase,
)
from qrcashier.checkout.events import (
    ReceiptIssued,
)
from qrcashier.checkout.journal import (
    Audit,
    AuditEntry,
    PaymentRecord,
    ReceiptRecord,
    RefundRecord,
    TransitionRecord,
)
from qrcashier.checkout.sales_of_the_day import DaySale, load_sales_of_the_day
from qrcashier.domain.cart import clean_text
from qrcashier.domain.sale import (
    Attempt,
    AttemptState,
    Sale,
)

log = logging.getLogger("qrcashier.checkout")
S = AttemptState


class QueryJobs(EngineBase):
    """Reading the journal for the UI, and the receipt and sale bookkeeping around it."""

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

    async def receipts(self, *, attempt_id: int | None = None, unprinted: bool = False) -> list[ReceiptRecord]:
        """Receipts issued; `unprinted=True` lists those not yet confirmed by `receipt_printed`
        (after a crash: print them, as originals, once)."""
        return await self._db(lambda db: db.receipts(attempt_id=attempt_id, unprinted=unprinted))

    async def audit_log(self, *, attempt_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        """Supervisor actions (cancel, refund, review, discard), newest first."""
        return await self._db(lambda db: db.audit_log(attempt_id=attempt_id, limit=limit))

    async def audit(self, actor: str, action: str, reason: str = "", details: dict | None = None) -> None:
        """Write one row to the audit log (the setup wizard's and the supervisor's own actions)."""
        await self._db(lambda db: db.add_audit(Audit(actor, action, reason, details), self._now()))

    async def reprint(self, attempt_id: int, operator: str = "") -> ReceiptRecord:
        """Issue a copy of a paid attempt's receipt (it prints as COPY)."""
        receipt = await self._db(lambda db: db.issue_copy(attempt_id, self._now(), operator or self.operator))
        self._emit(ReceiptIssued(receipt, "Print the receipt copy."))
        return receipt

    async def receipt_printed(self, receipt_id: int) -> ReceiptRecord:
        """The UI printed the receipt: it is no longer offered as unprinted after a restart."""
        return await self._db(lambda db: db.mark_printed(receipt_id, self._now()))

    async def discard_sale(self, sale_id: int, actor: str, reason: str = "") -> Sale:
        """Drop an open sale nobody will pay (no live attempt, nothing under review). Audited."""
        actor = clean_text(actor, "name", MAX_SUPERVISOR)  # type: ignore[assignment]
        reason = clean_text(reason, "reason", MAX_REASON, required=False) or ""
        return await self._db(lambda db: db.discard_sale(sale_id, self._now(), Audit(actor, "sale_discarded", reason)))

    async def sales_of_the_day(self, since: datetime) -> list[DaySale]:
        """This register's sales charged since `since` (the F9 list), read on the journal thread."""
        register_id, pos = self.config.register_id, (self.till.pos_number if self.till is not None else 1)
        return await self._db(lambda db: load_sales_of_the_day(db, register_id, since, pos))

    @property
    def journal_path(self) -> str:
        """Where the journal lives (diagnostics shows it and copies it into a report)."""
        return str(self.journal.path)

    def expires_in(self, attempt: Attempt) -> timedelta:
        """Time left before the attempt's order expires on the QR (by the engine's clock)."""
        return attempt.expires_at - self._now()
