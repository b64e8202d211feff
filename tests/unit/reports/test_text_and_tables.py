"""Text (32 / 48 columns), JSON and CSV renders of a shift report."""

from __future__ import annotations

import csv
import io
import json

import pytest

from qrcashier.reports.model import parse_report
from qrcashier.reports.tabular import render_csv, render_json
from qrcashier.reports.text import render_text
from tests.unit.reports.sample import z_report


@pytest.mark.parametrize("width", [32, 48])
def test_text_fits_the_printer_and_carries_every_figure(width):
    text = render_text(parse_report(z_report()), width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) == width
    for figure in ("$ 41.715,39", "$ 21.489,90", "$ 20.225,49", "$ 14.445,50", "-$ 780,00", "-$ 640,00",
                   "$ 20.000,00", "$ 35.849,90", "$ 35.699,90", "-$ 150,00", "-$ 10.000,00", "$ 5.000,00",
                   "00003-00000041", "00003-00000047", "María José Núñez", "Almacén Ñandú", "INFORME Z"):
        assert figure in text, figure
    assert "Diferencia" in text and "Con diferencias" in text and "1319208876" in text
    # the amounts are right-aligned: every row that ends in an amount ends at the last column
    assert next(line for line in lines if line.startswith("Efectivo esperado")).endswith("$ 35.849,90")


def test_text_hour_chart_scales_to_the_busiest_hour():
    lines = render_text(parse_report(z_report()), 32).splitlines()
    chart = lines[lines.index("VENTAS POR HORA") + 1:-1]
    assert [line[:2] for line in chart] == ["08", "09", "11", "14", "17"]
    bars = {line[:2]: line.count("#") for line in chart}
    assert bars["08"] == bars["11"] == 32 - len("08 ") - len(" 2")  # the busiest hour fills the line
    assert bars["09"] == bars["14"] == round(bars["08"] / 2)


def test_labels_follow_the_site_language():
    data = z_report()
    data["shift"].update(site="MLB", currency="BRL")
    text = render_text(parse_report(data), 48)
    assert "RELATÓRIO Z" in text and "Dinheiro" in text and "R$ 41.715,39" in text and "Sangria" in text
    data["shift"].update(site="MLM", currency="MXN")
    text = render_text(parse_report(data), 48)
    assert "INFORME Z" in text and "$41,715.39" in text


def test_an_x_report_says_the_shift_is_open_and_not_counted():
    text = render_text(parse_report(z_report("X")), 48)
    assert "INFORME X" in text and "Turno abierto" in text and "sin contar aún" in text and "Sin conciliar" in text


def test_json_is_the_dict_in_the_documented_order_with_decimal_strings():
    data = z_report()
    shuffled = {k: data[k] for k in reversed(list(data))} | {"extra": 1}
    text = render_json(parse_report(shuffled))
    out = json.loads(text)
    assert out == data | {"extra": 1}
    assert list(out) == ["shift", "tenders", "sales", "cash_movements", "refunds", "sales_by_hour",
                         "reconciliation", "extra"]
    assert list(out["shift"])[:4] == ["number", "register", "store", "cashier"]
    assert '"float": "20000.00"' in text and "Ñandú" in text  # strings, not floats; UTF-8, not \\u escapes
    assert render_json(parse_report(shuffled)) == text


def tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    assert b"\r\n" in data
    out: dict[str, list[dict[str, str]]] = {}
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    i = 0
    while i < len(rows):
        name, header = rows[i][0], rows[i + 1]
        i += 2
        out[name] = []
        while i < len(rows) and rows[i]:
            out[name].append(dict(zip(header, rows[i], strict=True)))
            i += 1
        i += 1
    return out


def test_csv_has_one_row_per_sale_tender_and_the_summary_tables():
    t = tables(render_csv(parse_report(z_report())))
    assert list(t) == ["sales", "shift", "tenders", "cash_movements", "refunds", "sales_by_hour", "reconciliation"]
    assert len(t["sales"]) == 8  # seven sales, one of them split in two tenders
    split = [r for r in t["sales"] if r["receipt"] == "00003-00000043"]
    assert [(r["tender"], r["amount"], r["received"], r["change"]) for r in split] == [
        ("cash", "3000.00", "5000.00", "2000.00"), ("qr", "4999.99", "", "")]
    assert {r["sale_total"] for r in split} == {"7999.99"}
    shift = {r["field"]: r["value"] for r in t["shift"]}
    assert shift["difference"] == "-150.00" and shift["store"] == "Almacén Ñandú"
    assert {(r["kind"], r["api"]): r["total"] for r in t["tenders"]}[("qr", "instore_v2")] == "14445.50"
    assert t["cash_movements"][1]["reason"] == "Retiro para depósito ¿señor López?"
    assert t["reconciliation"][0] == {"list": "status", "item": "discrepancies"}
    assert json.loads(t["reconciliation"][1]["item"])["payment_id"] == "1319208876"


def test_an_unknown_store_name_and_unused_tender_kinds_are_left_out():
    data = z_report()
    data["shift"]["store"] = ""
    data["tenders"]["point"] = {"count": 0, "total": "0.00"}
    data["tenders"]["card"] = {"count": 1, "total": "0.00"}  # not a real figure: shows that a used kind stays
    text = render_text(parse_report(data), 48)
    assert "Tienda" not in text and "Point" not in text and "Tarjeta (1)" in text
    assert "Efectivo (4)" in text and "QR Mercado Pago (4)" in text
