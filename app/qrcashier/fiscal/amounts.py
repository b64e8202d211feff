"""The invoice's amounts from the sale's, in Decimal, to the cent.

Prices in an Argentine shop include IVA. For a Factura B (Responsable Inscripto) each rate's
gross is split into net (rounded half-up to the cent) and IVA (gross - net), so net + IVA is
the gross exactly and the invoice's total is the sale's total to the cent. A Factura C
(Monotributo) carries no breakdown: ImpNeto is the total, ImpIVA 0, no Iva array.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# WSFEv1's IVA ids (FEParamGetTiposIva): rate (percent) -> Id.
VAT_IDS: dict[Decimal, int] = {
    Decimal("0"): 3, Decimal("10.5"): 4, Decimal("21"): 5, Decimal("27"): 6, Decimal("5"): 8, Decimal("2.5"): 9,
}
VAT_RATES: dict[int, Decimal] = {v: k for k, v in VAT_IDS.items()}

# Comprobante types (FEParamGetTiposCbte).
FACTURA_B, NOTA_CREDITO_B, FACTURA_C, NOTA_CREDITO_C = 6, 8, 11, 13
LETTERS = {6: "B", 8: "B", 11: "C", 13: "C"}
NAMES = {6: "FACTURA B", 8: "NOTA DE CRÉDITO B", 11: "FACTURA C", 13: "NOTA DE CRÉDITO C"}

RESPONSABLE_INSCRIPTO = "responsable_inscripto"
MONOTRIBUTO = "monotributo"
CATEGORIES = (RESPONSABLE_INSCRIPTO, MONOTRIBUTO)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def document_type(category: str, *, credit_note: bool = False) -> int:
    """The CbteTipo for the shop's tax category: B (6 / NC 8) or C (11 / NC 13)."""
    if category == RESPONSABLE_INSCRIPTO:
        return NOTA_CREDITO_B if credit_note else FACTURA_B
    if category == MONOTRIBUTO:
        return NOTA_CREDITO_C if credit_note else FACTURA_C
    raise ValueError(f"unknown tax category {category!r}: {', '.join(CATEGORIES)}")


@dataclass(frozen=True)
class VatLine:
    """One AlicIva: the rate's IVA id, its net (BaseImp) and its IVA (Importe)."""

    vat_id: int
    base: Decimal
    amount: Decimal

    @property
    def rate(self) -> Decimal:
        return VAT_RATES[self.vat_id]


@dataclass(frozen=True)
class InvoiceAmounts:
    total: Decimal  # ImpTotal
    net: Decimal  # ImpNeto
    vat: Decimal  # ImpIVA
    vat_lines: tuple[VatLine, ...] = ()  # Iva/AlicIva (empty on a C)
    untaxed: Decimal = Decimal("0.00")  # ImpTotConc
    exempt: Decimal = Decimal("0.00")  # ImpOpEx
    other_taxes: Decimal = Decimal("0.00")  # ImpTrib

    def check(self) -> None:
        """The arithmetic ARCA checks; raises ValueError when it does not hold."""
        if self.total != self.net + self.vat + self.untaxed + self.exempt + self.other_taxes:
            raise ValueError("ImpTotal is not ImpNeto + ImpIVA + ImpTotConc + ImpOpEx + ImpTrib")
        if self.vat_lines:
            if sum((v.amount for v in self.vat_lines), Decimal(0)) != self.vat:
                raise ValueError("ImpIVA is not the sum of the AlicIva amounts")
            if sum((v.base for v in self.vat_lines), Decimal(0)) != self.net:
                raise ValueError("ImpNeto is not the sum of the AlicIva bases")


def split_gross(gross: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(net, IVA) of a gross amount that includes IVA at `rate` percent: net + IVA == gross."""
    gross = cents(gross)
    net = cents(gross * 100 / (100 + rate))
    return net, gross - net


def invoice_amounts(lines: Iterable[tuple[Decimal, Decimal]], category: str) -> InvoiceAmounts:
    """The amounts of an invoice for sale lines given as (gross total, VAT rate in percent)."""
    by_rate: dict[Decimal, Decimal] = {}
    for gross, rate in lines:
        rate = Decimal(rate).normalize() if Decimal(rate) != 0 else Decimal("0")
        if rate not in VAT_IDS:
            raise ValueError(f"IVA rate {rate}% is not one of ARCA's ({', '.join(str(r) for r in VAT_IDS)})")
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + Decimal(gross)
    total = cents(sum(by_rate.values(), Decimal(0)))
    if total <= 0:
        raise ValueError("an invoice needs a positive total")
    if category == MONOTRIBUTO:
        return InvoiceAmounts(total=total, net=total, vat=Decimal("0.00"))
    if category != RESPONSABLE_INSCRIPTO:
        raise ValueError(f"unknown tax category {category!r}")
    vat_lines = []
    for rate in sorted(by_rate):
        net, vat = split_gross(by_rate[rate], rate)
        vat_lines.append(VatLine(VAT_IDS[rate], net, vat))
    net = sum((v.base for v in vat_lines), Decimal(0))
    vat = sum((v.amount for v in vat_lines), Decimal(0))
    amounts = InvoiceAmounts(total=net + vat, net=net, vat=vat, vat_lines=tuple(vat_lines))
    amounts.check()
    return amounts
