"""The till's arithmetic: the float and counts (optionally by denomination), cash movements,
expected cash and the difference. Pure functions on Decimal; the journal keeps the records.

expected cash = float + cash tender amounts + cash in - cash out - cash refunds
difference    = counted - expected (negative: the drawer is short)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qrcashier.domain.money import InvalidAmount, Site, parse_amount


class MovementKind(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class Movement:
    kind: MovementKind
    amount: Decimal
    reason: str

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise InvalidAmount("a cash movement moves a positive amount")
        if not self.reason.strip():
            raise InvalidAmount("a cash movement needs a reason")


def count_total(counts: Mapping[Decimal, int], site: Site) -> Decimal:
    """The total of a count by denomination ({note or coin value: how many})."""
    total = Decimal(0)
    for value, pieces in counts.items():
        value = parse_amount(value, site)
        if isinstance(pieces, bool) or not isinstance(pieces, int) or pieces < 0:
            raise InvalidAmount(f"the count of {value} must be a whole number, zero or more")
        total += value * pieces
    return total.quantize(site.quantum)


def expected_cash(
    float_amount: Decimal,
    cash_tenders: Iterable[Decimal],
    movements: Iterable[Movement],
    cash_refunds: Iterable[Decimal] = (),
) -> Decimal:
    """What the drawer should hold: float + cash tender amounts + in - out - cash refunds."""
    total = float_amount + sum(cash_tenders, Decimal(0)) - sum(cash_refunds, Decimal(0))
    for m in movements:
        total += m.amount if m.kind == MovementKind.IN else -m.amount
    return total


def difference(counted: Decimal, expected: Decimal) -> Decimal:
    return counted - expected


def needs_authorization(diff: Decimal, threshold: Decimal) -> bool:
    """A difference (over or short) beyond the threshold needs a supervisor and a reason."""
    return abs(diff) > threshold
