"""The report model: a well-formed dict parses to typed values; a malformed or partial one is
refused with an error that names the field."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from qrcashier.reports.model import ReportError, parse_report
from tests.unit.reports.sample import generated_report, without, z_report


def test_a_z_report_parses_to_decimals_counts_and_times():
    report = parse_report(z_report())
    s = report.shift
    assert (s.number, s.kind, s.site.id, s.currency) == (12, "Z", "MLA", "ARS")
    assert s.difference == Decimal("-150.00") == s.counted_cash - s.expected_cash
    assert s.opened_at.utcoffset().total_seconds() == -3 * 3600
    assert report.sales_count == 7
    assert report.sales_total == Decimal("41715.39")
    assert report.tenders["cash"].total + report.tenders["qr"].total == report.sales_total
    assert sum(t.total for t in report.qr_by_api.values()) == report.tenders["qr"].total
    split = report.sales[2]
    assert [t.kind for t in split.tenders] == ["cash", "qr"]
    assert split.tenders[0].received - split.tenders[0].change == split.tenders[0].amount
    assert report.reconciliation.status == "discrepancies"


def test_an_x_report_has_no_count_yet():
    s = parse_report(z_report("X")).shift
    assert (s.kind, s.closed_at, s.counted_cash, s.difference) == ("X", None, None, None)


def test_a_long_shift_parses():
    assert len(parse_report(generated_report(300)).sales) == 300


@pytest.mark.parametrize(("path", "field"), [
    (("shift",), "report.shift: missing"),
    (("shift", "float"), "shift.float: missing"),
    (("shift", "site"), "shift.site: missing"),
    (("tenders", "qr"), "tenders.qr: missing"),
    (("sales", 2, "tenders"), "sales[2].tenders: missing"),
    (("sales", 0, "tenders", 0, "received"), "sales[0].tenders[0]: a cash tender needs"),
    (("reconciliation", "status"), "reconciliation.status: missing"),
    (("sales_by_hour",), "report.sales_by_hour: missing"),
])
def test_a_partial_report_names_the_missing_field(path, field):
    with pytest.raises(ReportError, match=f"^{field}".replace("[", r"\[").replace("]", r"\]")):
        parse_report(without(z_report(), *path))


def broken(mutate) -> dict:
    data = copy.deepcopy(z_report())
    mutate(data)
    return data


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["shift"].update(float=20000.0), "shift.float: expected a decimal string"),
    (lambda d: d["shift"].update(expected_cash="1.234,50"), "shift.expected_cash: expected a decimal string"),
    (lambda d: d["shift"].update(kind="Y"), "shift.kind: expected one of X, Z"),
    (lambda d: d["shift"].update(closed_at=None), "shift.closed_at: a Z report"),
    (lambda d: d["shift"].update(opened_at="2026-12-07T08:00:00"), "has no UTC offset"),
    (lambda d: d["shift"].update(opened_at="yesterday"), "expected an ISO 8601 time"),
    (lambda d: d["shift"].update(currency="BRL"), "is not the currency of site MLA"),
    (lambda d: d["shift"].update(site="XXX"), "unknown Mercado Pago site"),
    (lambda d: d["shift"].update(number=0), "shift.number"),
    (lambda d: d["shift"].update(cancellations=-1), "shift.cancellations: expected a count"),
    (lambda d: d["sales"][0].update(total="9.99"), r"sales\[0\]: the tender amounts do not add up"),
    (lambda d: d["sales"][0]["tenders"][0].update(change="1.00"), r"received 2000.00 - change 1.00"),
    (lambda d: d["cash_movements"][0].update(kind="sideways"), r"cash_movements\[0\].kind"),
    (lambda d: d["sales_by_hour"][0].update(hour="8"), r"sales_by_hour\[0\].hour"),
    (lambda d: d["reconciliation"].update(status="maybe"), "reconciliation.status"),
    (lambda d: d.update(sales={}), "sales: expected a list"),
])
def test_a_malformed_report_says_which_field_and_why(mutate, message):
    with pytest.raises(ReportError, match=message):
        parse_report(broken(mutate))


def test_not_a_dict_at_all():
    with pytest.raises(ReportError, match="report: expected an object, got list"):
        parse_report([])
