"""The notes and coins in circulation per Mercado Pago site, largest first, for counting a till
drawer by denomination (the open and close dialogs). A site not listed counts by total only."""

from __future__ import annotations

from decimal import Decimal

from qrcashier.domain.money import Site


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


# (notes, coins) per site
DENOMINATIONS: dict[str, tuple[tuple[Decimal, ...], tuple[Decimal, ...]]] = {
    "MLA": (_d("20000", "10000", "2000", "1000", "500", "200", "100"), _d("10", "5", "2", "1")),
    "MLB": (_d("200", "100", "50", "20", "10", "5", "2"), _d("1", "0.50", "0.25", "0.10", "0.05")),
    "MLM": (_d("1000", "500", "200", "100", "50", "20"), _d("20", "10", "5", "2", "1", "0.50")),
    "MLC": (_d("20000", "10000", "5000", "2000", "1000"), _d("500", "100", "50", "10")),
    "MCO": (_d("100000", "50000", "20000", "10000", "5000", "2000"), _d("1000", "500", "200", "100", "50")),
    "MPE": (_d("200", "100", "50", "20", "10"), _d("5", "2", "1", "0.50", "0.20", "0.10")),
    "MLU": (_d("2000", "1000", "500", "200", "100", "50", "20"), _d("10", "5", "2", "1")),
}


def denominations(site: Site) -> tuple[tuple[Decimal, ...], tuple[Decimal, ...]]:
    """(notes, coins) of the site, largest first; ((), ()) when the app does not know them."""
    return DENOMINATIONS.get(site.id, ((), ()))
