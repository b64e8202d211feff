"""domain/receipt.py: money formatting per site and the 42-column receipt text (no Qt)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import (
    RECEIPT_WIDTH,
    Receipt,
    ReceiptLine,
    format_money,
    format_quantity,
)
from tests.support.samples import sample_receipt


@pytest.mark.parametrize(
    ("site_id", "amount", "expected"),
    [
        ("MLA", "1234.5", "$ 1.234,50"),
        ("MLA", "1234567.89", "$ 1.234.567,89"),
        ("MLA", "0.5", "$ 0,50"),
        ("MLB", "1234.5", "R$ 1.234,50"),
        ("MLM", "1234.5", "$1,234.50"),
        ("MLM", "999", "$999.00"),
        ("MLC", "1234", "$ 1.234"),
        ("MLC", "1234.5", "$ 1.235"),  # CLP has no decimals: rounded half up
        ("MCO", "25000", "$ 25.000"),
        ("MLU", "1234.5", "$ 1.234,50"),
        ("MPE", "1234.5", "S/ 1,234.50"),
        ("MLA", "-500", "-$ 500,00"),
        ("MLB", "-0.001", "R$ 0,00"),  # rounds to zero: no "-0"
    ],
)
def test_format_money_per_site(site_id, amount, expected):
    assert format_money(Decimal(amount), SITES[site_id]) == expected


def test_format_money_refuses_floats():
    with pytest.raises(TypeError):
        format_money(12.5, SITES["MLA"])


def test_format_quantity_uses_the_sites_decimal_separator():
    assert format_quantity(Decimal("2.000"), SITES["MLA"]) == "2"
    assert format_quantity(Decimal("0.350"), SITES["MLA"]) == "0,35"
    assert format_quantity(Decimal("1.5"), SITES["MLM"]) == "1.5"


def test_paid_at_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        Receipt(
            store_name="S",
            register_name="R",
            sale_number=1,
            lines=[],
            total=Decimal(0),
            site=SITES["MLA"],
            paid_at=datetime(2026, 1, 1, 12, 0),
        )


def test_amounts_must_be_decimal():
    with pytest.raises(TypeError):
        ReceiptLine("x", Decimal(1), 1.5, Decimal("1.5"))


def test_every_row_fits_the_paper_and_money_is_right_aligned():
    r = sample_receipt(refunds=True)
    rows = r.rows()
    assert all(len(row.text) <= RECEIPT_WIDTH for row in rows)
    text = r.to_text()
    lines = text.splitlines()
    # every line item's total ends exactly at column 42
    for amount in ("$ 1.200,00", "$ 1.350,00", "$ 3.430,00"):
        (line,) = [ln for ln in lines if ln.endswith(" " + amount)]  # not the refund's "-$ 1.200,00"
        assert len(line) == RECEIPT_WIDTH
    assert "  3 x $ 450,00" in text
    assert "  0,35 x $ 9.800,00" in text


def test_total_is_emphasised_and_aligned():
    r = sample_receipt()
    (total,) = [row for row in r.rows() if row.text.startswith("TOTAL")]
    assert total.emphasis
    assert total.text.endswith("$ 5.980,00") and len(total.text) == RECEIPT_WIDTH


def test_receipt_carries_sale_and_mercadopago_ids():
    text = sample_receipt().to_text()
    for expected in ("Almacén Don Pepe", "Caja 1", "Venta N° 1042", "Cajero: Ana", "123456789012", "98765432101"):
        assert expected in text
    assert "01/09/2026 14:03:27" in text  # in the datetime's own zone (UTC-3), not converted
    assert "COPIA" not in text


def test_reprint_has_copy_banner_at_top_and_bottom():
    lines = sample_receipt(copy=True).to_text().splitlines()
    assert "COPIA" in lines[0] and "COPIA" in lines[-1]
    assert len(lines[0]) == RECEIPT_WIDTH
    assert sum("COPIA" in ln for ln in lines) == 2
    assert sample_receipt().as_copy().to_text() == sample_receipt(copy=True).to_text()


@pytest.mark.parametrize(("site_id", "language", "word"), [("MLB", None, "CÓPIA"), ("MLA", "en", "COPY")])
def test_copy_banner_follows_language(site_id, language, word):
    from dataclasses import replace

    r = replace(sample_receipt(copy=True, site_id=site_id), language=language)
    lines = r.to_text().splitlines()
    assert word in lines[0] and word in lines[-1]


def test_refunds_and_net_total():
    text = sample_receipt(refunds=True).to_text()
    assert "DEVOLUCIONES" in text
    assert "-$ 1.200,00" in text
    (net,) = [ln for ln in text.splitlines() if ln.startswith("TOTAL NETO")]
    assert net.endswith("$ 4.780,00")
    assert "DEVOLUCIONES" not in sample_receipt().to_text()


def test_long_descriptions_wrap_and_narrow_paper():
    r = Receipt(
        store_name="Padaria",
        register_name="Caixa 2",
        sale_number="A-7",
        lines=[
            ReceiptLine(
                "Pão de queijo recheado com requeijão cremoso e calabresa", Decimal(1), Decimal("12.5"), Decimal("12.5")
            )
        ],
        total=Decimal("12.5"),
        site=SITES["MLB"],
        paid_at=datetime.fromisoformat("2026-09-01T10:00:00-03:00"),
    )
    for width in (32, 42):
        rows = [row.text for row in r.rows(width)]
        assert all(len(t) <= width for t in rows)
        assert any(t.endswith("R$ 12,50") for t in rows)
    assert "Venda nº A-7" in r.to_text()
    assert "requeijão" in r.to_text()
