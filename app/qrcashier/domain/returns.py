"""Returns by line: how much of a paid line's amount goes back for some of its units. Pure Python.

A line of quantity q that cost T (after its discount) gives back, for its first K returned
units, `round_half_up(T * K / q)` in the site's unit; a return of k more units after K gives
the difference between K + k and K. So however a line is returned, in one go or unit by
unit, the amounts add up to at most T, and to exactly T once every unit is back: a return
never exceeds what was paid. Returning more units than were sold is refused.
"""

from __future__ import annotations

from decimal import Decimal

from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site, quantize


class InvalidReturn(ValueError):
    """A return that cannot be made; `str()` is one sentence for the supervisor."""


def returned_value(line: CartLine, units: int, site: Site) -> Decimal:
    """What the first `units` returned units of the line are worth."""
    return quantize(line.total(site) * units / line.quantity, site)


def return_amount(line: CartLine, already: int, quantity: int, site: Site) -> Decimal:
    """The money for returning `quantity` more units of `line`, `already` being back."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise InvalidReturn("the quantity to return must be a whole number of at least 1")
    left = line.quantity - already
    if quantity > left:
        if left <= 0:
            raise InvalidReturn(f"every unit of {line.title!r} was already returned")
        raise InvalidReturn(f"only {left} of {line.title!r} can still be returned")
    return returned_value(line, already + quantity, site) - returned_value(line, already, site)
