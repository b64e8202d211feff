"""Money as Decimal, with each Mercado Pago site's currency rules.

CLP and COP are sent in whole units (Mercado Pago rejects decimals there); the
other sites use two decimals. Every amount that enters the app goes through
`parse_amount`, so an invalid price is refused before it reaches a cart.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# The largest amount one sale may carry. Far above any counter sale, far below
# the 15 significant digits a JSON double keeps exactly.
MAX_AMOUNT = Decimal("999999999")


class InvalidAmount(ValueError):
    """An amount the cashier typed or a caller passed that cannot be charged."""


@dataclass(frozen=True)
class Site:
    id: str  # Mercado Pago site_id, e.g. "MLA"
    country: str  # ISO 3166 alpha-2, as in EMVCo tag 58
    country_code: str  # ISO alpha-3, as the Orders API's country_code
    currency: str  # ISO 4217 alpha
    currency_numeric: str  # ISO 4217 numeric, as in EMVCo tag 53
    decimals: int
    locale: str  # the locale its cashiers read

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)


SITES: dict[str, Site] = {
    s.id: s
    for s in (
        Site("MLA", "AR", "ARG", "ARS", "032", 2, "es_AR"),
        Site("MLB", "BR", "BRA", "BRL", "986", 2, "pt_BR"),
        Site("MLM", "MX", "MEX", "MXN", "484", 2, "es_MX"),
        Site("MLC", "CL", "CHL", "CLP", "152", 0, "es_CL"),
        Site("MCO", "CO", "COL", "COP", "170", 0, "es_CO"),
        Site("MPE", "PE", "PER", "PEN", "604", 2, "es_PE"),
        Site("MLU", "UY", "URY", "UYU", "858", 2, "es_UY"),
    )
}


def site(site_id: str) -> Site:
    try:
        return SITES[site_id.upper()]
    except KeyError:
        raise ValueError(f"unknown Mercado Pago site {site_id!r}") from None


def parse_amount(value: str | int | Decimal, s: Site, *, allow_zero: bool = False) -> Decimal:
    """Turn typed or passed input into a Decimal valid for the site, or raise InvalidAmount.

    Accepts "1234.5", "1234,50" (comma decimal separator) and Decimals/ints.
    Refuses floats (they cannot represent prices exactly), NaN, infinities,
    negatives, zero (unless allowed), more decimals than the site allows, and
    amounts above MAX_AMOUNT.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise InvalidAmount("amounts must be given as text or Decimal, not float")
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not text:
            raise InvalidAmount("enter an amount")
        if "," in text and "." in text:
            raise InvalidAmount(f"{value!r} is ambiguous: use one decimal separator")
        text = text.replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise InvalidAmount(f"{value!r} is not a number") from None
    elif isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    else:
        raise InvalidAmount(f"{value!r} is not an amount")
    if not amount.is_finite():
        raise InvalidAmount("the amount must be a finite number")
    if amount < 0:
        raise InvalidAmount("the amount cannot be negative")
    if amount == 0 and not allow_zero:
        raise InvalidAmount("the amount must be greater than zero")
    if amount > MAX_AMOUNT:
        raise InvalidAmount(f"the amount is above the limit of {MAX_AMOUNT}")
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > s.decimals:
        if s.decimals == 0:
            raise InvalidAmount(f"{s.currency} amounts are whole numbers")
        raise InvalidAmount(f"{s.currency} amounts have at most {s.decimals} decimals")
    return amount.quantize(s.quantum)


def quantize(amount: Decimal, s: Site) -> Decimal:
    """Round a computed amount (e.g. a unit price times a quantity) to the site's unit."""
    return amount.quantize(s.quantum, rounding=ROUND_HALF_UP)


def to_json_number(amount: Decimal, s: Site) -> int | float:
    """The amount as a JSON number for the classic APIs: an int where the site has no decimals.

    A float is exact enough: amounts are capped at MAX_AMOUNT with at most two
    decimals, well inside a double's 15 significant digits, and Python prints
    the shortest repr, so Decimal("12.30") goes out as 12.3.
    """
    q = quantize(amount, s)
    if s.decimals == 0:
        return int(q)
    return float(q)


def to_json_string(amount: Decimal, s: Site) -> str:
    """The amount as the Orders API's decimal string ("50.00", or "5200" for CLP)."""
    return f"{quantize(amount, s):.{s.decimals}f}"


def format_amount(amount: Decimal, s: Site) -> str:
    """A plain, locale-neutral rendering for logs and receipts' machine fields."""
    return f"{s.currency} {quantize(amount, s):,.{s.decimals}f}"
