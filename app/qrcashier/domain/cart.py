"""The cart: lines the cashier builds before pressing Charge. Pure Python, no I/O.

Every value that enters a line is validated here, with a message the cashier can act
on, so a bad price, quantity or text is refused long before anything reaches Mercado
Pago. Amounts are Decimal with the site's rules (`money.parse_amount`); a line's total
is its unit price times its quantity, and the cart's total is always the sum of its
lines (it is computed, never stored separately).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from qrcashier.domain.money import MAX_AMOUNT, InvalidAmount, Site, parse_amount, quantize

MAX_LINES = 100  # one counter sale; far above a real basket, far below what a reply can carry
MAX_QUANTITY = 9999
MAX_TITLE = 120  # Mercado Pago accepts 256; a receipt line and the payer's app show far less
MAX_SKU = 40
MAX_UNIT_MEASURE = 10


class InvalidCart(ValueError):
    """The cart or one of its lines cannot be charged; `str()` is a sentence for the cashier."""


def clean_text(value: object, what: str, max_len: int, *, required: bool = True) -> str | None:
    """Strip and check one piece of text: printable, at most `max_len` characters.

    Returns None for an empty optional value. Raises InvalidCart naming `what`.
    """
    if value is None:
        if required:
            raise InvalidCart(f"the {what} is missing")
        return None
    if not isinstance(value, str):
        raise InvalidCart(f"the {what} must be text")
    text = " ".join(value.split())  # collapse runs of whitespace, drop tabs and newlines
    if not text:
        if required:
            raise InvalidCart(f"the {what} is empty")
        return None
    if any(not ch.isprintable() for ch in text):
        raise InvalidCart(f"the {what} contains characters that cannot be printed")
    if len(text) > max_len:
        raise InvalidCart(f"the {what} is too long ({len(text)} characters, at most {max_len})")
    return text


def check_quantity(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidCart("the quantity must be a whole number")
    if value < 1:
        raise InvalidCart("the quantity must be at least 1")
    if value > MAX_QUANTITY:
        raise InvalidCart(f"the quantity is above the limit of {MAX_QUANTITY}")
    return value


@dataclass(frozen=True)
class CartLine:
    """One validated line. Build it with `CartLine.create` (or `Cart.add`), which checks every field."""

    title: str
    unit_price: Decimal
    quantity: int
    sku: str | None = None
    unit_measure: str = "unit"

    @classmethod
    def create(
        cls,
        site: Site,
        title: str,
        unit_price: str | int | Decimal,
        quantity: int = 1,
        *,
        sku: str | None = None,
        unit_measure: str = "unit",
    ) -> CartLine:
        line = cls(
            title=clean_text(title, "item name", MAX_TITLE),  # type: ignore[arg-type]
            unit_price=parse_amount(unit_price, site),
            quantity=check_quantity(quantity),
            sku=clean_text(sku, "item code", MAX_SKU, required=False),
            unit_measure=clean_text(unit_measure, "unit of measure", MAX_UNIT_MEASURE),  # type: ignore[arg-type]
        )
        if line.unit_price * line.quantity > MAX_AMOUNT:
            raise InvalidAmount(f"the line {line.title!r} is above the limit of {MAX_AMOUNT}")
        return line

    def total(self, site: Site) -> Decimal:
        return quantize(self.unit_price * self.quantity, site)


def cart_total(lines: Iterable[CartLine], site: Site) -> Decimal:
    """The sum of the lines' totals, in the site's unit."""
    return quantize(sum((line.total(site) for line in lines), Decimal(0)), site)


def validate_lines(lines: Iterable[CartLine], site: Site) -> tuple[tuple[CartLine, ...], Decimal]:
    """Check a whole cart before it is charged: not empty, not too long, total in range.

    Lines are re-validated field by field, so a line built by hand (not through
    `CartLine.create`) cannot slip through. Returns the lines and their total.
    """
    checked = tuple(
        CartLine.create(site, line.title, line.unit_price, line.quantity, sku=line.sku, unit_measure=line.unit_measure)
        for line in lines
    )
    if not checked:
        raise InvalidCart("the cart is empty: add at least one item")
    if len(checked) > MAX_LINES:
        raise InvalidCart(f"the cart has {len(checked)} lines, at most {MAX_LINES}")
    total = cart_total(checked, site)
    if total <= 0:
        raise InvalidAmount("the total must be greater than zero")
    if total > MAX_AMOUNT:
        raise InvalidAmount(f"the total is above the limit of {MAX_AMOUNT}")
    return checked, total


class Cart:
    """The cashier's working cart for one site: add, change and remove lines, read the total.

    Mutable on purpose (it is the screen's model); `lines` is a tuple snapshot. When the
    cashier presses Charge the engine freezes the lines into a sale.
    """

    def __init__(self, site: Site, lines: Iterable[CartLine] = ()) -> None:
        self.site = site
        self._lines: list[CartLine] = []
        for line in lines:
            self.append(line)

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    @property
    def total(self) -> Decimal:
        return cart_total(self._lines, self.site)

    def __len__(self) -> int:
        return len(self._lines)

    def add(
        self,
        title: str,
        unit_price: str | int | Decimal,
        quantity: int = 1,
        *,
        sku: str | None = None,
        unit_measure: str = "unit",
    ) -> CartLine:
        """Validate and append a line; returns it. Raises InvalidCart or InvalidAmount."""
        line = CartLine.create(self.site, title, unit_price, quantity, sku=sku, unit_measure=unit_measure)
        self.append(line)
        return line

    def append(self, line: CartLine) -> None:
        line = CartLine.create(
            self.site, line.title, line.unit_price, line.quantity, sku=line.sku, unit_measure=line.unit_measure
        )
        if len(self._lines) >= MAX_LINES:
            raise InvalidCart(f"the cart is full ({MAX_LINES} lines)")
        if cart_total([*self._lines, line], self.site) > MAX_AMOUNT:
            raise InvalidAmount(f"the total would be above the limit of {MAX_AMOUNT}")
        self._lines.append(line)

    def set_quantity(self, index: int, quantity: int) -> CartLine:
        old = self._line(index)
        new = CartLine.create(self.site, old.title, old.unit_price, quantity, sku=old.sku, unit_measure=old.unit_measure)
        others = self._lines[:index] + self._lines[index + 1 :]
        if cart_total([*others, new], self.site) > MAX_AMOUNT:
            raise InvalidAmount(f"the total would be above the limit of {MAX_AMOUNT}")
        self._lines[index] = new
        return new

    def remove(self, index: int) -> CartLine:
        line = self._line(index)
        del self._lines[index]
        return line

    def clear(self) -> None:
        self._lines.clear()

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self._lines):
            raise InvalidCart(f"there is no line {index + 1} in the cart")
        return self._lines[index]
