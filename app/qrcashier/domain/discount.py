"""Discounts per line and per cart, in Decimal with the site's rounding. Pure Python, no I/O.

A discount is a percent or an amount, with a reason. How it becomes money, once:

- A **line discount** is taken from the line's gross (unit price times quantity, already in
  the site's unit): a percent is `gross * percent / 100` rounded half-up to the site's unit
  (the one rounding); an amount is taken as typed and may not exceed the gross.
- A **cart discount** is taken from the cart's subtotal after the line discounts (a percent
  rounded once, the same way), then spread over the lines in proportion to what each line
  still costs, by the largest-remainder method in the site's smallest unit. The shares are
  whole units that add up exactly to the cart discount and never exceed a line's amount.

So every line carries its final discount as an amount in the site's unit, a line's total is
gross minus that amount, and the sale's total is the plain sum of its lines: nothing is
rounded a second time and the lines always add up to the total.

`approval_needed` says whether a discount is above the supervisor limit (a percent of what it
is taken from; the default limit is 10 %). Mercado Pago never sees a negative line: see
`payable_lines`, which spreads each line's discount into its unit prices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from qrcashier.domain.money import InvalidAmount, Site, parse_amount, quantize

DEFAULT_APPROVAL_PERCENT = Decimal(10)
MAX_REASON = 80
HUNDRED = Decimal(100)


class InvalidDiscount(ValueError):
    """A discount that cannot be applied; `str()` is one sentence for the cashier."""


class DiscountKind(StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"


@dataclass(frozen=True)
class Discount:
    """A validated discount. Build it with `Discount.create`, which checks every field."""

    kind: DiscountKind
    value: Decimal  # a percent (0 < p <= 100, at most 2 decimals) or an amount in the site's unit
    reason: str
    approved_by: str | None = None  # the supervisor who approved it (None: within the limit)

    @classmethod
    def create(
        cls, kind: str | DiscountKind, value: str | int | Decimal, reason: str, site: Site,
        *, approved_by: str | None = None,
    ) -> Discount:
        try:
            kind = DiscountKind(kind)
        except ValueError:
            raise InvalidDiscount("a discount is a percent or an amount") from None
        text = " ".join(str(reason or "").split())
        if not text:
            raise InvalidDiscount("give a reason for the discount")
        if len(text) > MAX_REASON or any(not ch.isprintable() for ch in text):
            raise InvalidDiscount(f"the discount's reason is at most {MAX_REASON} printable characters")
        if kind is DiscountKind.PERCENT:
            percent = _percent(value)
            return cls(kind, percent, text, approved_by)
        try:
            amount = parse_amount(value, site)
        except InvalidAmount as exc:
            raise InvalidDiscount(f"the discount amount is invalid: {exc}") from None
        return cls(kind, amount, text, approved_by)

    def amount_of(self, base: Decimal, site: Site) -> Decimal:
        """The discount in money, taken from `base` (a line's gross or the cart's subtotal).

        Raises InvalidDiscount when an amount is above `base`."""
        if self.kind is DiscountKind.PERCENT:
            return quantize(base * self.value / HUNDRED, site)
        if self.value > base:
            raise InvalidDiscount(
                f"the discount of {self.value} is above the amount it is taken from ({base})"
            )
        return self.value

    def percent_of(self, base: Decimal) -> Decimal:
        """The discount as a percent of `base` (for the supervisor limit)."""
        if self.kind is DiscountKind.PERCENT:
            return self.value
        if base <= 0:
            return HUNDRED
        return self.value * HUNDRED / base

    def describe(self) -> str:
        if self.kind is DiscountKind.PERCENT:
            return f"{_plain(self.value)} % ({self.reason})"
        return f"{self.value} ({self.reason})"


def _percent(value: object) -> Decimal:
    if isinstance(value, bool) or isinstance(value, float):
        raise InvalidDiscount("give the percent as text or a Decimal")
    try:
        percent = Decimal(str(value).strip().replace(",", ".").rstrip("%").strip())
    except (InvalidOperation, ValueError):
        raise InvalidDiscount(f"{value!r} is not a percent") from None
    if not percent.is_finite():
        raise InvalidDiscount("the percent must be a finite number")
    if percent <= 0:
        raise InvalidDiscount("a discount must be more than 0 %")
    if percent > HUNDRED:
        raise InvalidDiscount("a discount cannot be more than 100 %")
    if percent != percent.quantize(Decimal("0.01")):
        raise InvalidDiscount("a percent has at most 2 decimals")
    return percent.quantize(Decimal("0.01"))


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def approval_needed(discount: Discount, base: Decimal, limit_percent: Decimal = DEFAULT_APPROVAL_PERCENT) -> bool:
    """True when the discount is above the limit (a percent of `base`): the supervisor PIN is asked."""
    return discount.percent_of(base) > limit_percent


def allocate(total: Decimal, weights: Sequence[Decimal], site: Site) -> list[Decimal]:
    """Split `total` over `weights` in proportion, in whole units of the site, exactly.

    Largest remainder: each share is floored to the site's unit, then the units left go one
    each to the largest remainders (ties: the first line). The shares add up to `total`, and
    no share exceeds its weight when `total` <= sum(weights) (all in the site's unit)."""
    quantum = site.quantum
    units = [int(w / quantum) for w in weights]
    want = int(total / quantum)
    whole = sum(units)
    if want == 0 or whole == 0:
        if want and not whole:
            raise InvalidDiscount("there is nothing left to discount")
        return [Decimal(0).quantize(quantum)] * len(weights)
    if want > whole:
        raise InvalidDiscount(f"the discount of {total} is above the amount it is taken from ({whole * quantum})")
    floors = [(want * u) // whole for u in units]
    rests = [(want * u) % whole for u in units]
    left = want - sum(floors)
    order = sorted(range(len(units)), key=lambda i: (-rests[i], i))
    for i in order[:left]:
        floors[i] += 1
    return [(Decimal(f) * quantum).quantize(quantum) for f in floors]

