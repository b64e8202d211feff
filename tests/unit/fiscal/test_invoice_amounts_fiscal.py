"""The invoice's amounts equal the sale's to the cent (hypothesis), for B (IVA by rate) and C; the
RG 4892 QR round-trips; the receipt's IVA lines are the invoice's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from qrcashier.fiscal.amounts import MONOTRIBUTO, RESPONSABLE_INSCRIPTO, VAT_IDS, invoice_amounts
from qrcashier.fiscal.qr import QrData, decode_qr_url, qr_url

RATES = sorted(VAT_IDS)
lines = st.lists(st.tuples(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2),
                           st.sampled_from(RATES)), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_a_factura_b_adds_up_to_the_sale_to_the_cent(sale_lines):
    amounts = invoice_amounts(sale_lines, RESPONSABLE_INSCRIPTO)
    total = sum((gross for gross, _ in sale_lines), Decimal(0))
    assert amounts.total == total
    assert amounts.net + amounts.vat == total
    assert sum((v.base for v in amounts.vat_lines), Decimal(0)) == amounts.net
    assert sum((v.amount for v in amounts.vat_lines), Decimal(0)) == amounts.vat
    for line in amounts.vat_lines:  # each rate's IVA is its net times the rate, to half a cent
        assert abs(line.base * line.rate / 100 - line.amount) <= Decimal("0.01") * (1 + line.rate / 100)
        assert line.base.as_tuple().exponent == -2 and line.amount.as_tuple().exponent == -2
    assert len({v.vat_id for v in amounts.vat_lines}) == len(amounts.vat_lines)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_a_factura_c_carries_no_iva(sale_lines):
    amounts = invoice_amounts(sale_lines, MONOTRIBUTO)
    assert amounts.total == amounts.net == sum((g for g, _ in sale_lines), Decimal(0))
    assert amounts.vat == 0 and amounts.vat_lines == ()


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99998), st.sampled_from([6, 11]), st.integers(1, 99_999_999),
       st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2),
       st.integers(10**13, 10**14 - 1))
def test_the_qr_round_trips(pos, kind, number, total, cae):
    url = qr_url(QrData(date(2026, 12, 7), 20111111112, pos, kind, number, total, str(cae)))
    data = decode_qr_url(url)
    assert url.startswith("https://www.afip.gob.ar/fe/qr/?p=")
    assert (data["ptoVta"], data["tipoCmp"], data["nroCmp"], data["codAut"]) == (pos, kind, number, cae)
    assert Decimal(str(data["importe"])) == total and data["fecha"] == "2026-12-07" and data["tipoDocRec"] == 99
