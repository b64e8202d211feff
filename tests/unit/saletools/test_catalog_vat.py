"""The catalog CSV's VAT column: a site's rate is kept per product; another rate refuses the row only."""

from __future__ import annotations

from decimal import Decimal

from qrcashier.catalog.store import Catalog
from qrcashier.domain.money import SITES


def test_vat_rates_per_product_and_a_bad_rate_refuses_its_row(tmp_path):
    catalog = Catalog.open(tmp_path / "catalog.sqlite3", SITES["MLA"])
    text = "codigo;nombre;precio;iva\nYER1;Yerba 1kg;3000;21\nPAN1;Pan;1000;10,5\nVIN1;Vino;5000;19\nAGU1;Agua;800;\n"
    report = catalog.import_csv_text(text)
    assert (report.added, [r.line for r in report.rejected]) == (3, [4])
    assert "not a tax rate in AR" in report.rejected[0].reason
    assert catalog.by_code("PAN1").vat_rate == Decimal("10.5")
    assert catalog.by_code("AGU1").vat_rate is None and catalog.by_code("VIN1") is None
