"""What Mercado Pago is sent for a discounted sale: items with no negative or zero price. Pure Python.

Mercado Pago's in-store orders take `items[]` whose `unit_price` is a positive amount with the
site's decimals and whose `total_amount` is `unit_price * quantity`, and the order's
`total_amount` must equal the sum of the items (mercadopago-api.md §1.1; a negative or zero
unit price is refused, as the sandbox does). So a discount never travels as a negative line:
it is spread into the discounted line's own unit prices. A line of quantity q whose total is
T units of the site (cents, or pesos in CLP/COP) becomes one item of q at T/q when that
divides, else two items of the same product: (q - r) at floor(T/q) and r at floor(T/q) + 1
unit, r = T mod q. A line discounted to nothing is left out. The items therefore add up to
the sale's total exactly, with no rounding at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from qrcashier.domain.cart import CartLine
from qrcashier.domain.money import Site


def payable_lines(lines: Iterable[CartLine], site: Site) -> tuple[CartLine, ...]:
    """The sale's lines as Mercado Pago items: undiscounted, positive prices, adding up to the total."""
    out: list[CartLine] = []
    quantum = site.quantum
    for line in lines:
        if not line.discount:
            out.append(_plain(line))
            continue
        units = int(line.total(site) / quantum)
        if units <= 0:
            continue
        base, extra = divmod(units, line.quantity)
        if base:
            out.append(_plain(line, base * quantum, line.quantity - extra))
        if extra:
            out.append(_plain(line, (base + 1) * quantum, extra))
    return tuple(out)


def _plain(line: CartLine, unit_price=None, quantity: int | None = None) -> CartLine:  # type: ignore[no-untyped-def]
    return CartLine(
        line.title,
        line.unit_price if unit_price is None else unit_price,
        line.quantity if quantity is None else quantity,
        line.sku,
        line.unit_measure,
    )
