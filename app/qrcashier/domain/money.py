"""Money as Decimal, with each Mercado Pago site's currency rules.

CLP and COP are sent in whole units (Mercado Pago rejects decimals there); the
other sites use two decimals. Every amount that enters the app goes through
`parse_amount`, so an invalid price is refused before it reaches a cart. Typed
text is read with the site's own separators, the way `receipt.format_money`
writes it ("1.000" is a thousand pesos in Buenos Aires, "1,000" a thousand in
Mexico City), so an amount copied from the screen reads back as the same amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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
    grouping: str = "."  # thousands separator, as format_money writes it
    decimal_mark: str = ","
    symbol: str = "$"
    symbol_gap: str = " "  # between the symbol and the number, as format_money writes it

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)


SITES: dict[str, Site] = {
    s.id: s
    for s in (
        Site("MLA", "AR", "ARG", "ARS", "032", 2, "es_AR"),
        Site("MLB", "BR", "BRA", "BRL", "986", 2, "pt_BR", symbol="R$"),
        Site("MLM", "MX", "MEX", "MXN", "484", 2, "es_MX", ",", ".", symbol_gap=""),
        Site("MLC", "CL", "CHL", "CLP", "152", 0, "es_CL"),
        Site("MCO", "CO", "COL", "COP", "170", 0, "es_CO"),
        Site("MPE", "PE", "PER", "PEN", "604", 2, "es_PE", ",", ".", "S/"),
        Site("MLU", "UY", "URY", "UYU", "858", 2, "es_UY"),
    )
}


def site(site_id: str) -> Site:
    try:
        return SITES[site_id.upper()]
    except KeyError:
        raise ValueError(f"unknown Mercado Pago site {site_id!r}") from None


_BLANKS = re.compile(r"[\s\u00a0\u202f\u2009]+")  # spaces, incl. the no-break ones format_money may carry
_NOT_FINITE = {"nan", "snan", "inf", "infinity"}
_EXPONENT = re.compile(r"[\d.,]*[eE][+-]?\d*")
_PLAIN = re.compile(r"\d+(\.\d+)?")  # what Decimal, JSON and to_json_string write: "1234.50"


def _site_reading(text: str, s: Site) -> tuple[str, str] | None:
    """(whole digits, decimal digits) of text written with the site's separators, or None."""
    whole, mark, decimals = text.partition(s.decimal_mark)
    if s.decimal_mark in decimals or s.grouping in decimals or (mark and not decimals):
        return None
    if s.grouping in whole:
        group = re.escape(s.grouping)
        if not re.fullmatch(rf"\d{{1,3}}({group}\d{{3}})+", whole):
            return None
        whole = whole.replace(s.grouping, "")
    if not (whole.isascii() and whole.isdigit()) or (decimals and not (decimals.isascii() and decimals.isdigit())):
        return None
    return whole, decimals


def _read_text(value: str, s: Site) -> Decimal:
    """Typed text as a Decimal: the site's way of writing amounts first, then the plain form.

    A text that fits the site's way is read that way ("1.000" is 1000 in MLA); a text
    that cannot (a "." followed by other than three digits, in MLA) is read in the plain
    form "1234.50" that code and data files write. Anything else is refused, saying how
    it was read. No signs, exponents or words.
    """
    text = _BLANKS.sub("", value)
    if not text:
        raise InvalidAmount("enter an amount")
    if _EXPONENT.fullmatch(text.lstrip("+-")):
        raise InvalidAmount(f"{value!r} has an exponent: write the amount in full")
    if text.startswith("-"):
        raise InvalidAmount("the amount cannot be negative")
    for symbol in (s.symbol, "$"):
        if text.startswith(symbol):
            text = text[len(symbol) :]
            break
    if text.lower() in _NOT_FINITE:
        raise InvalidAmount("the amount must be a finite number")
    example = f"1{s.grouping}234" + (f"{s.decimal_mark}{'50'[: s.decimals]:0<{s.decimals}}" if s.decimals else "")
    if not re.fullmatch(r"\d[\d.,]*", text):
        raise InvalidAmount(f"{value!r} is not a number (write amounts as {example})")
    reading = _site_reading(text, s)
    mark = s.decimal_mark
    if reading is None and _PLAIN.fullmatch(text):
        whole, _, decimals = text.partition(".")
        reading, mark = (whole, decimals), "."
    if reading is None:
        raise InvalidAmount(
            f"{value!r} is ambiguous: in {s.currency} {s.grouping!r} separates thousands in groups of three "
            f"and {s.decimal_mark!r} marks decimals (write {example})"
        )
    whole, decimals = reading
    if len(decimals) > s.decimals:
        rule = "are whole numbers" if s.decimals == 0 else f"have at most {s.decimals} decimals"
        raise InvalidAmount(
            f"{value!r} reads as {int(whole)} with {len(decimals)} decimals after {mark!r}: "
            f"{s.currency} amounts {rule} (a thousand is written 1{s.grouping}000)"
        )
    return Decimal(f"{whole}.{decimals}" if decimals else whole)


def _decimal_places(amount: Decimal) -> int:
    """Significant decimal places, without normalize() (it underflows 1e-999999999 to zero)."""
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing)) if any(digits) else 0


def parse_amount(value: str | int | Decimal, s: Site, *, allow_zero: bool = False) -> Decimal:
    """Turn typed or passed input into a Decimal valid for the site, or raise InvalidAmount.

    Text is read as the site writes amounts ("$ 1.234,50" in MLA, "$1,234.50" in MLM;
    symbol and grouping optional), or in the plain form "1234.50" where that cannot be
    mistaken for the site's way. Refuses floats (they cannot represent prices exactly),
    exponents, NaN, infinities, negatives, zero (unless allowed), more decimals than
    the site allows, and amounts above MAX_AMOUNT.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise InvalidAmount("amounts must be given as text or Decimal, not float")
    if isinstance(value, str):
        amount = _read_text(value, s)
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
    if _decimal_places(amount) > s.decimals:
        if s.decimals == 0:
            raise InvalidAmount(f"{s.currency} amounts are whole numbers")
        raise InvalidAmount(f"{s.currency} amounts have at most {s.decimals} decimals")
    return amount.quantize(s.quantum) if amount else Decimal(0).quantize(s.quantum)


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
