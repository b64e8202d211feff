"""Card details of a tender: what a Point terminal reports, or what a cashier types for a
card paid on another acquirer's terminal (the `card` tender). Pure, no I/O.

A receipt prints the brand, the last four digits, the installments and the payment id or
authorization code when known; nothing else of a card is ever kept (no full number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from qrcashier.domain.money import InvalidAmount, Site, parse_amount, quantize
from qrcashier.domain.tender import Tender, TenderKind, TenderRefused

AUTHORIZATION_RE = re.compile(r"^[A-Za-z0-9]{1,12}$")
LAST_FOUR_RE = re.compile(r"^\d{4}$")


class CardRefused(InvalidAmount):
    """A typed card detail is not valid (a message for the cashier)."""


@dataclass(frozen=True)
class CardInfo:
    brand: str | None = None  # visa, master, ...
    last_four: str | None = None
    installments: int | None = None
    authorization: str | None = None  # the approval code typed from another terminal's slip
    payment_ref: str | None = None  # Mercado Pago's payment id (Point)
    terminal: str | None = None  # the terminal id (Point)

    def __post_init__(self) -> None:
        if self.last_four is not None and not LAST_FOUR_RE.match(self.last_four):
            raise CardRefused("The last four digits are four digits (0-9).")
        if self.authorization is not None and not AUTHORIZATION_RE.match(self.authorization):
            raise CardRefused("The authorization code is 1 to 12 letters or digits.")
        if self.installments is not None and not 1 <= self.installments <= 99:
            raise CardRefused("Installments are a whole number from 1 to 99.")

    def lines(self) -> list[str]:
        """The receipt's lines for this card (only what is known)."""
        out = []
        head = " ".join(x for x in ((self.brand or "").upper(), f"**** {self.last_four}" if self.last_four else "")
                        if x)
        if head:
            out.append(head)
        if self.installments and self.installments > 1:
            out.append(f"{self.installments} installments")
        if self.authorization:
            out.append(f"Authorization {self.authorization}")
        if self.payment_ref:
            out.append(f"Payment {self.payment_ref}")
        return out


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def card_entry(authorization: str | None, last_four: str | None) -> CardInfo:
    """What the cashier typed for a card paid on another terminal (both optional)."""
    auth = _clean(authorization)
    return CardInfo(last_four=_clean(last_four), authorization=auth.upper() if auth else None)


def card_tender(due: Decimal, amount: str | Decimal | None, site: Site) -> Tender:
    """The `card` tender for what is due (or the typed amount, which must equal it): a card
    never gives change and never opens the drawer."""
    due = quantize(due, site)
    if due <= 0:
        raise TenderRefused("Nothing is due by card.")
    if amount is None or (isinstance(amount, str) and not amount.strip()):
        return Tender(TenderKind.CARD, due)
    value = parse_amount(amount, site)
    if value != due:
        raise TenderRefused(f"The card amount {value} is not the {due} due: nothing was recorded.")
    return Tender(TenderKind.CARD, due)
