"""Sales of the day: every sale charged on a register since a moment, with its latest attempt.

Runs on the journal's thread (`CheckoutEngine.sales_of_the_day` calls it through `journal.run`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from qrcashier.checkout.journal import JournalDB, RefundState
from qrcashier.domain.receipt import receipt_number
from qrcashier.domain.sale import Attempt, AttemptState, Sale


@dataclass(frozen=True)
class DaySale:
    sale: Sale
    attempt: Attempt  # the sale's latest attempt
    attempts: int
    payment_ids: tuple[int, ...]  # its approved Mercado Pago payments
    receipt: str | None = None  # its receipt number, PPPPP-NNNNNNNN, once paid
    refunded: Decimal = Decimal(0)  # approved refunds of those payments
    earlier: tuple[AttemptState, ...] = ()  # the states of the sale's earlier attempts, oldest first

    @property
    def paid(self) -> Decimal:
        return self.sale.total if self.attempt.state == AttemptState.PAID else Decimal(0)

    @property
    def net(self) -> Decimal:
        """What the sale leaves in the till: paid minus refunded (never below zero)."""
        return max(self.paid - self.refunded, Decimal(0))


def load_sales_of_the_day(db: JournalDB, register_id: str, since: datetime, pos_number: int = 1) -> list[DaySale]:
    """The register's sales with an attempt created at or after `since`, newest first."""
    # only rows touched since then are read: an attempt created at `since` or later was updated then too
    attempts = db.attempts(register_id=register_id, updated_after=since - timedelta(microseconds=1), limit=100_000)
    by_sale: dict[int, list[Attempt]] = {}
    for a in attempts:
        if a.created_at >= since:
            by_sale.setdefault(a.sale_id, []).append(a)
    rows = []
    for sale_id, items in by_sale.items():
        items.sort(key=lambda a: a.number)
        payments = tuple(p.mp_payment_id for p in db.payments(sale_id=sale_id) if p.status == "approved")
        number = db.receipt_number(sale_id)
        receipt = None if number is None else receipt_number(pos_number, number)
        refunded = sum(
            (r.amount for pid in payments for r in db.refunds(mp_payment_id=pid) if r.state == RefundState.APPROVED),
            Decimal(0),
        )
        earlier = tuple(a.state for a in items[:-1])
        rows.append(DaySale(db.sale(sale_id), items[-1], len(items), payments, receipt, refunded, earlier))
    rows.sort(key=lambda r: r.attempt.created_at, reverse=True)
    return rows
