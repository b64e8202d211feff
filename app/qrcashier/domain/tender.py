"""Tenders: how a sale is settled (cash, QR, later Point and card), and the change for cash.

A paid sale's tender amounts add up to its total; a cash tender also carries what the
customer handed over and the change, with received - change = amount. Everything is
Decimal in the site's unit: CLP and COP whole units, the other sites two decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from qrcashier.domain.money import InvalidAmount, Site, parse_amount, quantize


class TenderKind(StrEnum):
    CASH = "cash"
    QR = "qr"  # the Mercado Pago QR flow, any API family
    POINT = "point"  # a Mercado Pago Point terminal (an attempt through the Point gateway)
    CARD = "card"  # a card on another acquirer's terminal, recorded by hand


class TenderRefused(InvalidAmount):
    """The cash handed over cannot settle what is due (a message for the cashier)."""


@dataclass(frozen=True)
class Tender:
    kind: TenderKind
    amount: Decimal  # the part of the sale's total this tender settles
    received: Decimal | None = None  # cash only: what the customer handed over
    change: Decimal | None = None  # cash only: what went back

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise InvalidAmount("a tender settles a positive amount")
        if (self.kind == TenderKind.CASH) != (self.received is not None and self.change is not None):
            raise InvalidAmount("a cash tender, and only a cash tender, has the amount received and the change")
        if self.received is not None and self.change is not None and self.received - self.change != self.amount:
            raise InvalidAmount("received - change must equal the tender's amount")


def cash_tender(due: Decimal, received: str | Decimal | int, site: Site, *, ceiling: Decimal) -> Tender:
    """The cash tender for `due` when the customer hands over `received` (typed text or Decimal).

    Refuses text that is not an amount, negatives, more decimals than the site allows,
    anything above `ceiling` (an absurd amount is a typo), and less than what is due."""
    due = quantize(due, site)
    if due <= 0:
        raise TenderRefused("Nothing is due in cash.")
    value = parse_amount(received, site)
    if value > ceiling:
        raise TenderRefused(f"The amount received is above the limit of {quantize(ceiling, site)}: check it.")
    if value < due:
        raise TenderRefused(f"The customer handed over {value}, less than the {due} due: nothing was recorded.")
    return Tender(TenderKind.CASH, due, value, value - due)


def exact_cash(due: Decimal, site: Site) -> Tender:
    """The customer paid exactly what is due."""
    due = quantize(due, site)
    return Tender(TenderKind.CASH, due, due, Decimal(0).quantize(site.quantum))


def quick_amounts(due: Decimal, notes: Sequence[Decimal]) -> list[Decimal]:
    """The quick buttons: for each of the site's notes, the smallest multiple of it that covers `due`."""
    found = {(due / note).to_integral_value(rounding=ROUND_CEILING) * note for note in notes if note > 0}
    return sorted(found)


def split(total: Decimal, cash_part: Decimal, site: Site) -> Decimal:
    """What remains for the QR after `cash_part` of `total` is paid in cash (positive)."""
    cash_part = parse_amount(cash_part, site)
    total = quantize(total, site)
    if cash_part >= total:
        raise TenderRefused("The cash part covers the whole sale: take it as a cash sale.")
    return total - cash_part


def check_tenders(total: Decimal, tenders: Sequence[Tender]) -> None:
    """A paid sale's tenders add up to its total."""
    if not tenders:
        raise InvalidAmount("a paid sale has at least one tender")
    settled = sum((t.amount for t in tenders), Decimal(0))
    if settled != total:
        raise InvalidAmount(f"the tenders settle {settled}, not the sale's total {total}")
