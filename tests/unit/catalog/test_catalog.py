"""The catalog: lookups, type-ahead search, CSV import with a per-row report, 100k rows."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from qrcashier.catalog import Catalog, Product, demo_catalog_path, gtin_check_digit, valid_gtin
from qrcashier.domain.money import site

MLA = site("MLA")
CLP = site("MLC")


@pytest.fixture
def catalog():
    c = Catalog.open(":memory:", MLA)
    yield c
    c.close()


def ean13(body12: str) -> str:
    return body12 + str(gtin_check_digit(body12))


def test_gtin_check_digits():
    assert valid_gtin("7790895000102")
    assert not valid_gtin("7790895000103")
    assert valid_gtin("96385074")  # EAN-8
    assert valid_gtin("036000291452")  # UPC-A
    assert not valid_gtin("12345")
    assert not valid_gtin("７７９０８９５０００１０２")  # full-width digits are not a scan


def test_demo_catalog_is_valid_and_realistic(catalog):
    report = catalog.import_csv(demo_catalog_path())
    assert report.ok and not report.rejected, report.details()
    assert 55 <= catalog.count() <= 80
    coke = catalog.lookup("7790895000102")
    assert coke is not None and coke.name.startswith("Coca-Cola") and coke.price == Decimal("3800.00")
    assert all(valid_gtin(p.barcode) for p in catalog.search("a", limit=500) if p.barcode)


def test_lookup_by_barcode_then_code(catalog):
    catalog.upsert([
        Product("A1", "Alfajor", Decimal("700"), barcode=ean13("779058000138")),
        Product("779", "Code that looks like digits", Decimal("5")),
        Product("B2", "UPC item", Decimal("10"), barcode="0036000291452"),
    ])
    assert catalog.lookup(ean13("779058000138")).code == "A1"
    assert catalog.lookup(" a1 ").code == "A1"  # codes are case-insensitive, spaces trimmed
    assert catalog.lookup("779").code == "779"
    assert catalog.lookup("036000291452").code == "B2"  # a UPC-A scan of a 0-prefixed EAN-13
    assert catalog.lookup("nothing") is None
    assert catalog.lookup("") is None


def test_search_folds_accents_and_case_and_matches_word_prefixes(catalog):
    catalog.import_csv(demo_catalog_path())
    assert [p.name for p in catalog.search("yer pla")] == ["Yerba Mate Playadito 1 kg", "Yerba Mate Playadito 500 g"]
    assert [p.name for p in catalog.search("CAFE")] == ["Café La Virginia molido 250 g"]
    assert [p.name for p in catalog.search("limon")] == [
        "Detergente Magistral limón 500 ml",
        "Sprite Lima-Limón 2,25 L",
    ]
    assert catalog.search("") == []
    assert catalog.search('"*') == []  # FTS syntax in the query is not an error
    assert len(catalog.search("a", limit=5)) == 5


def test_csv_import_reports_each_rejected_row(catalog):
    good = ean13("779000000001")
    text = "\n".join([
        "codigo;EAN;Descripción;Precio;Unidad",
        f"P1;{good};Yerba 1 kg;5600,50;un",
        "P2;;Pan francés;3200;kg",
        ";;No code;10;",
        "P3;;;10;",
        "P4;;Bad price;diez;",
        "P5;;Too many decimals;10,123;",
        "P6;7790000000019;Bad check digit;10;",
        "P7;;Negative;-5;",
        "P1;;Repeated code;10;",
        f"P8;{good};Repeated barcode;10;",
        "P9;;Unknown unit;10;caja",
        "",
        "P10;;Last good;1.234.5;",
    ])
    report = catalog.import_csv_text(text)
    assert report.ok
    assert report.added == 2 and report.updated == 0
    assert report.read == 12
    lines = {r.line: r.reason for r in report.rejected}
    assert sorted(lines) == [4, 5, 6, 7, 8, 9, 10, 11, 12, 14]
    assert "no code" in lines[4]
    assert "no name" in lines[5]
    assert "price" in lines[6]
    assert "decimals" in lines[7]
    assert "check digit" in lines[8]
    assert "negative" in lines[9]
    assert "repeats line 2" in lines[10]
    assert "repeats line 2" in lines[11]
    assert "unit" in lines[12]
    assert catalog.by_code("P1").price == Decimal("5600.50")
    assert catalog.by_code("P2").unit == "kg"
    assert "line 4: no code" in report.details()
    assert report.summary() == "12 rows read: 2 added, 0 updated, 10 rejected."


def test_reimport_updates_by_code_and_refuses_a_barcode_owned_by_another_product(catalog):
    b1, b2 = ean13("779000000001"), ean13("779000000002")
    catalog.import_csv_text(f"code,barcode,name,price\nA,{b1},Old name,10\nB,{b2},Other,20\n")
    report = catalog.import_csv_text(f"code,barcode,name,price\nA,{b1},New name,11\nC,{b2},Thief,5\n")
    assert (report.added, report.updated) == (0, 1)
    assert [r.line for r in report.rejected] == [3]
    assert "already belongs to product B" in report.rejected[0].reason
    assert catalog.by_code("A").name == "New name"
    assert catalog.search("new")[0].price == Decimal("11.00")
    assert catalog.search("old") == []  # the search index follows updates


def test_whole_file_refused_with_a_clear_reason(catalog, tmp_path):
    assert "no price column" in catalog.import_csv_text("code,name\nA,B\n").error
    assert "empty" in catalog.import_csv_text("").error
    missing = catalog.import_csv(tmp_path / "nope.csv")
    assert not missing.ok and "cannot be read" in missing.error
    assert missing.summary().startswith("Nothing imported")


def test_windows_1252_file_and_whole_unit_currency(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("code;name;price\nA;Café;5200\nB;Té;10,5\n".encode("cp1252"))
    c = Catalog.open(tmp_path / "c.db", CLP)
    report = c.import_csv(path)
    assert report.added == 1 and "whole numbers" in report.rejected[0].reason
    assert c.by_code("A").name == "Café" and c.by_code("A").price == Decimal("5200")
    c.close()


def test_100k_products_import_lookup_and_search_quickly(tmp_path):
    rows = ["code,barcode,name,price,unit"]
    words = ["Yerba", "Galletitas", "Leche", "Arroz", "Fideos", "Aceite", "Café", "Agua", "Jugo", "Pan"]
    brands = ["Playadito", "Arcor", "Serenísima", "Gallo", "Matarazzo", "Natura", "Virginia", "Villavicencio"]
    for i in range(100_000):
        body = f"779{i:09d}"
        rows.append(f"C{i},{ean13(body)},{words[i % 10]} {brands[i % 8]} {i},{100 + i % 5000}.50,unit")
    c = Catalog.open(tmp_path / "big.db", MLA)
    t0 = time.perf_counter()
    report = c.import_csv_text("\n".join(rows))
    import_s = time.perf_counter() - t0
    assert report.added == 100_000 and not report.rejected
    t0 = time.perf_counter()
    for i in range(0, 100_000, 1000):
        assert c.lookup(ean13(f"779{i:09d}")).code == f"C{i}"
    lookup_ms = (time.perf_counter() - t0) * 1000 / 100
    t0 = time.perf_counter()
    for q in ("y", "ye", "yer", "yerba p", "yerba play 12", "cafe vir"):
        assert c.search(q, limit=20)
    search_ms = (time.perf_counter() - t0) * 1000 / 6
    c.close()
    # Generous bounds: the benchmark measures; this only catches a missing index.
    assert import_s < 30
    assert lookup_ms < 5
    assert search_ms < 50
