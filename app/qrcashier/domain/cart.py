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

from qrcashier.domain.discount import Discount, InvalidDiscount, allocate
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
    discount: Decimal = Decimal(0)  # the line's final discount in the site's unit (domain.discount)
    discount_reason: str | None = None
    vat_rate: Decimal | None = None  # None: the site's default rate (domain.vat)

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
        discount: Decimal = Decimal(0),
        discount_reason: str | None = None,
        vat_rate: Decimal | None = None,
    ) -> CartLine:
        line = cls(
            title=clean_text(title, "item name", MAX_TITLE),  # type: ignore[arg-type]
            unit_price=parse_amount(unit_price, site),
            quantity=check_quantity(quantity),
            sku=clean_text(sku, "item code", MAX_SKU, required=False),
            unit_measure=clean_text(unit_measure, "unit of measure", MAX_UNIT_MEASURE),  # type: ignore[arg-type]
            discount=parse_amount(discount, site, allow_zero=True) if discount else Decimal(0),
            discount_reason=clean_text(discount_reason, "discount reason", MAX_TITLE, required=False),
            vat_rate=None if vat_rate is None else Decimal(vat_rate),
        )
        if line.unit_price * line.quantity > MAX_AMOUNT:
            raise InvalidAmount(f"the line {line.title!r} is above the limit of {MAX_AMOUNT}")
        if line.discount > line.gross(site):
            raise InvalidDiscount(f"the discount on {line.title!r} is above the line's amount")
        return line

    def gross(self, site: Site) -> Decimal:
        """Unit price times quantity, before the discount."""
        return quantize(self.unit_price * self.quantity, site)

    def total(self, site: Site) -> Decimal:
        """What the line costs: its gross minus its discount (never negative)."""
        return self.gross(site) - self.discount

    def copy_with(self, site: Site, **changes: object) -> CartLine:
        """A re-validated copy with some fields changed."""
        fields = {
            "unit_price": self.unit_price, "quantity": self.quantity, "sku": self.sku,
            "unit_measure": self.unit_measure, "discount": self.discount,
            "discount_reason": self.discount_reason, "vat_rate": self.vat_rate,
        }
        fields.update(changes)
        title = fields.pop("title", self.title)
        return CartLine.create(site, title, **fields)  # type: ignore[arg-type]


def cart_total(lines: Iterable[CartLine], site: Site) -> Decimal:
    """The sum of the lines' totals, in the site's unit."""
    return quantize(sum((line.total(site) for line in lines), Decimal(0)), site)


def validate_lines(lines: Iterable[CartLine], site: Site) -> tuple[tuple[CartLine, ...], Decimal]:
    """Check a whole cart before it is charged: not empty, not too long, total in range.

    Lines are re-validated field by field, so a line built by hand (not through
    `CartLine.create`) cannot slip through. Returns the lines and their total.
    """
    checked = tuple(line.copy_with(site) for line in lines)
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
    """The cashier's working cart for one site: add, change and remove lines, discount, read the total.

    Mutable on purpose (it is the screen's model); `lines` is a tuple snapshot of the priced
    lines: each carries its final discount (its own plus its share of the cart discount,
    `domain.discount`), so the lines always add up to `total`. When the cashier presses
    Charge the engine freezes these lines into a sale.
    """

    def __init__(self, site: Site, lines: Iterable[CartLine] = ()) -> None:
        self.site = site
        self._lines: list[CartLine] = []  # undiscounted lines (the discount specs are kept apart)
        self._discounts: list[Discount | None] = []
        self._kept: list[tuple[Decimal, str | None]] = []  # a resumed line's discount amount, as priced
        self.cart_discount: Discount | None = None
        for line in lines:
            self.append(line)

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return self._priced(self._lines, self._discounts, self._kept, self.cart_discount)

    @property
    def total(self) -> Decimal:
        return cart_total(self.lines, self.site)

    @property
    def subtotal(self) -> Decimal:
        """The lines' gross, before any discount."""
        return quantize(sum((line.gross(self.site) for line in self._lines), Decimal(0)), self.site)

    @property
    def discount_total(self) -> Decimal:
        return self.subtotal - self.total

    def line_discount(self, index: int) -> Discount | None:
        self._line(index)
        return self._discounts[index]

    def kept_discount(self, index: int) -> tuple[Decimal, str | None]:
        """Line `index`'s discount kept as an amount (a line appended with one, e.g. resumed from a
        cart parked before its discounts' specs were kept), and its reason; (0, None) when none."""
        self._line(index)
        return self._kept[index]

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
        vat_rate: Decimal | None = None,
    ) -> CartLine:
        """Validate and append a line; returns it. Raises InvalidCart or InvalidAmount."""
        line = CartLine.create(
            self.site, title, unit_price, quantity, sku=sku, unit_measure=unit_measure, vat_rate=vat_rate
        )
        self.append(line)
        return line

    def append(self, line: CartLine) -> None:
        """Append a line. A line that already carries a discount (a resumed cart) keeps it as an amount."""
        kept = (line.discount, line.discount_reason)
        line = line.copy_with(self.site, discount=Decimal(0), discount_reason=None)
        if len(self._lines) >= MAX_LINES:
            raise InvalidCart(f"the cart is full ({MAX_LINES} lines)")
        self._check([*self._lines, line], [*self._discounts, None], [*self._kept, kept], self.cart_discount)
        self._lines.append(line)
        self._discounts.append(None)
        self._kept.append(kept)

    def _replace_line(self, index: int, new: CartLine) -> None:
        """Line `index` becomes `new` (its kept amount, from a resume, dropped) once the cart with
        it still checks out."""
        lines = [*self._lines]
        lines[index] = new
        kept = [*self._kept]
        kept[index] = (Decimal(0), None)
        self._check(lines, self._discounts, kept, self.cart_discount)
        self._lines, self._kept = lines, kept

    def set_quantity(self, index: int, quantity: int) -> CartLine:
        old = self._line(index)
        new = old.copy_with(self.site, quantity=quantity)
        self._replace_line(index, new)
        return new

    def set_unit_price(self, index: int, unit_price: str | int | Decimal) -> CartLine:
        """Reprice line `index` (F7). Its discount and the cart's stay what they are: a percent
        stays a percent of the new price; a resumed line's kept amount is dropped, as for a quantity."""
        old = self._line(index)
        new = CartLine.create(self.site, old.title, unit_price, old.quantity, sku=old.sku,
                              unit_measure=old.unit_measure, vat_rate=old.vat_rate)
        self._replace_line(index, new)
        return self.lines[index]

    def set_line_discount(self, index: int, discount: Discount | None) -> CartLine:
        """Give line `index` a discount (None removes it). Raises InvalidDiscount, nothing changed."""
        self._line(index)
        discounts = [*self._discounts]
        discounts[index] = discount
        kept = [*self._kept]
        kept[index] = (Decimal(0), None)
        self._check(self._lines, discounts, kept, self.cart_discount)
        self._discounts, self._kept = discounts, kept
        return self.lines[index]

    def set_cart_discount(self, discount: Discount | None) -> Decimal:
        """Give the whole cart a discount (None removes it); returns the new total."""
        self._check(self._lines, self._discounts, self._kept, discount)
        self.cart_discount = discount
        return self.total

    def remove(self, index: int) -> CartLine:
        line = self._line(index)
        del self._lines[index]
        del self._discounts[index]
        del self._kept[index]
        return line

    def clear(self) -> None:
        self._lines.clear()
        self._discounts.clear()
        self._kept.clear()
        self.cart_discount = None

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self._lines):
            raise InvalidCart(f"there is no line {index + 1} in the cart")
        return self._lines[index]

    def _check(self, lines, discounts, kept, cart_discount) -> None:  # type: ignore[no-untyped-def]
        priced = self._priced(lines, discounts, kept, cart_discount)
        if cart_total(priced, self.site) > MAX_AMOUNT:
            raise InvalidAmount(f"the total would be above the limit of {MAX_AMOUNT}")

    def _priced(
        self, lines: list[CartLine], discounts: list[Discount | None], kept: list[tuple[Decimal, str | None]],
        cart_discount: Discount | None,
    ) -> tuple[CartLine, ...]:
        site = self.site
        amounts: list[Decimal] = []
        reasons: list[str | None] = []
        # a line appended to `_lines` directly (bypassing `append`) has no discount
        discounts = [*discounts, *[None] * (len(lines) - len(discounts))]
        kept = [*kept, *[(Decimal(0), None)] * (len(lines) - len(kept))]
        for line, discount, (kept_amount, kept_reason) in zip(lines, discounts, kept, strict=True):
            if discount is None:  # (gross is not computed for a plain line: a bad one is refused later)
                amount = min(kept_amount, line.gross(site)) if kept_amount else Decimal(0)
                reason = kept_reason if amount else None
            else:
                amount = discount.amount_of(line.gross(site), site)
                reason = discount.reason
            amounts.append(amount)
            reasons.append(reason)
        if cart_discount is not None and lines:
            remaining = [line.gross(site) - a for line, a in zip(lines, amounts, strict=True)]
            whole = cart_discount.amount_of(sum(remaining, Decimal(0)), site)
            shares = allocate(whole, remaining, site)
            for i, share in enumerate(shares):
                if share:
                    amounts[i] += share
                    reasons[i] = "; ".join(r for r in (reasons[i], cart_discount.reason) if r)
        return tuple(
            line if not amount else line.copy_with(site, discount=amount, discount_reason=reason)
            for line, amount, reason in zip(lines, amounts, reasons, strict=True)
        )
