"""VAT by rate: each site's rates, a product's rate, and a sale's net and tax by rate. Pure Python.

Prices are tax-included, as the customer sees them. For each rate the tax-included amounts
of the lines at that rate are added first, then split once:
`net = round_half_up(gross / (1 + rate / 100))` in the site's unit and `tax = gross - net`.
So net + tax is exactly the gross of each rate, the rates add up to the sale's total, and the
tax by rate adds up to the total tax (rounding happens once per rate, never per line).

Rates per site (the issue's list): Argentina IVA 21 / 10.5 / 27 / 0, Chile 19, Colombia
19 / 5 / 0, Mexico 16 / 0, Peru IGV 18, Uruguay 22 / 10. Brazil has no VAT breakdown: its
sales report one line at rate 0 (everything is net), and, when a store configures it, the
approximate-taxes total of Lei 12.741/2012 (`approximate_taxes`). A shop that switches the
breakdown off gets the same single line at rate 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from qrcashier.domain.money import Site, quantize

SITE_RATES: dict[str, tuple[Decimal, ...]] = {
    "MLA": (Decimal("21"), Decimal("10.5"), Decimal("27"), Decimal("0")),
    "MLB": (),
    "MLC": (Decimal("19"),),
    "MCO": (Decimal("19"), Decimal("5"), Decimal("0")),
    "MLM": (Decimal("16"), Decimal("0")),
    "MPE": (Decimal("18"),),
    "MLU": (Decimal("22"), Decimal("10")),
}
ZERO = Decimal(0)


class InvalidRate(ValueError):
    """A tax rate the site does not have; `str()` is one sentence for the cashier."""


def rates(site: Site) -> tuple[Decimal, ...]:
    return SITE_RATES.get(site.id, ())


def default_rate(site: Site) -> Decimal:
    """The site's standard rate (the first listed), 0 where the site has no VAT breakdown."""
    known = rates(site)
    return known[0] if known else ZERO


def rate_text(rate: Decimal) -> str:
    """A rate as the report writes it: "21", "10.5", "0"."""
    text = format(rate.normalize(), "f")
    return text


def parse_rate(value: object, site: Site) -> Decimal:
    """A rate typed in a CSV cell or a field ("21", "10,5", "21 %"), checked against the site's rates."""
    if isinstance(value, Decimal):
        rate = value
    else:
        text = str(value if value is not None else "").strip().rstrip("%").strip().replace(",", ".")
        try:
            rate = Decimal(text)
        except (InvalidOperation, ValueError):
            raise InvalidRate(f"{value!r} is not a tax rate") from None
    known = rates(site)
    if not rate.is_finite() or not any(rate == r for r in known):
        allowed = " / ".join(rate_text(r) for r in known) or "none (no VAT breakdown)"
        raise InvalidRate(f"{rate_text(rate) if rate.is_finite() else value} % is not a tax rate in {site.country} "
                          f"(the rates are {allowed})")
    return next(r for r in known if r == rate)


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    net: Decimal
    tax: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax

    def to_json(self, site: Site) -> dict[str, str]:
        return {"rate": rate_text(self.rate), "net": f"{self.net:.{site.decimals}f}",
                "tax": f"{self.tax:.{site.decimals}f}"}


def split(gross: Decimal, rate: Decimal, site: Site) -> TaxLine:
    net = quantize(gross / (1 + rate / 100), site)
    return TaxLine(rate, net, gross - net)


def breakdown(amounts: Iterable[tuple[Decimal | None, Decimal]], site: Site, *, enabled: bool = True) -> list[TaxLine]:
    """Net and tax by rate of (rate, tax-included amount) pairs, highest rate first.

    A rate of None is the site's default. Disabled, or on a site without VAT breakdown,
    everything is one line at rate 0. Amounts may be negative (a return)."""
    by_rate: dict[Decimal, Decimal] = {}
    for rate, amount in amounts:
        key = ZERO if not enabled or not rates(site) else (default_rate(site) if rate is None else rate)
        by_rate[key] = by_rate.get(key, ZERO) + amount
    return [split(quantize(by_rate[r], site), r, site) for r in sorted(by_rate, reverse=True)]


def merge(lines: Iterable[TaxLine], site: Site) -> list[TaxLine]:
    """Tax lines of several sales added up by rate (a shift's taxes), highest rate first."""
    net: dict[Decimal, Decimal] = {}
    tax: dict[Decimal, Decimal] = {}
    for line in lines:
        net[line.rate] = net.get(line.rate, ZERO) + line.net
        tax[line.rate] = tax.get(line.rate, ZERO) + line.tax
    return [TaxLine(r, quantize(net[r], site), quantize(tax[r], site)) for r in sorted(net, reverse=True)]


def approximate_taxes(total: Decimal, percent: Decimal, site: Site) -> Decimal:
    """Brazil, Lei 12.741/2012: the approximate taxes contained in `total` at the store's percent."""
    return quantize(total * percent / 100, site)
