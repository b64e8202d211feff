"""CSV import: every physical line is imported or reported, and prices read as the site writes them."""

from __future__ import annotations

from decimal import Decimal

from qrcashier.catalog.csv_import import parse_csv
from qrcashier.domain.money import SITES

MLA = SITES["MLA"]


def test_a_stray_quote_is_reported_on_its_line_and_the_following_lines_still_import():
    rows = [f"C{n};Item {n};{n}0" for n in range(3, 40)]
    text = "\n".join(["code;name;price", 'C1;Bad "quote;10', 'C2;"Open quote;10', *rows])
    products, report = parse_csv(text, MLA)
    assert [line for line, _ in products] == [2, *range(4, 41)]  # a quote inside a cell is just a character
    assert [(r.line, r.text) for r in report.rejected] == [(3, 'C2;"Open quote;10')]
    assert "unreadable row" in report.rejected[0].reason
    assert report.read == 39
    assert products[0][1].name == 'Bad "quote'
    assert dict((p.code, p.name) for _, p in products)["C39"] == "Item 39"


def test_a_thousand_written_as_the_app_writes_it_imports_as_a_thousand():
    products, report = parse_csv("code;name;price\nA23;Miles;1.000\nA24;Con signo;$ 12.000,50\n", MLA)
    assert not report.rejected
    assert [p.price for _, p in products] == [Decimal("1000.00"), Decimal("12000.50")]
