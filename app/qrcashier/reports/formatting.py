"""Shared by the text and PDF renderers: times and the section rows, in the site's words."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from qrcashier.domain.receipt import format_money
from qrcashier.reports.labels import Labels
from qrcashier.reports.model import ShiftReport, describe_item


def format_time(moment: datetime | None, language: str) -> str:
    """In the shift's own offset (the register's local time), as the site writes dates."""
    if moment is None:
        return "-"
    return moment.strftime("%Y-%m-%d %H:%M" if language == "en" else "%d/%m/%Y %H:%M")


Row = tuple[str, str]  # (label, value); a section title has value ""


def sections(report: ShiftReport) -> list[tuple[str, list[Row]]]:
    """The report as titled sections of label/value rows: what paper, screen and PDF print."""
    s, site, lab = report.shift, report.site, Labels(report.site)

    def money(value: Decimal | None) -> str:
        return lab["not_counted"] if value is None else format_money(value, site)

    head = [(lab["store"], s.store)] if s.store else []  # the till may not know the store's name
    head += [(lab["register"], s.register), (lab["shift"], str(s.number)),
            (lab["cashier"], s.cashier), (lab["opened"], format_time(s.opened_at, lab.language)),
            (lab["closed"], format_time(s.closed_at, lab.language) if s.closed_at else lab["running"]),
            (lab["first"], s.first_receipt or "-"), (lab["last"], s.last_receipt or "-")]
    sales = [(lab["sales_count"], str(report.sales_count)), (lab["total"], money(report.sales_total))]
    discount = sum((sale.discount for sale in report.sales if sale.state == "paid"), Decimal(0))
    if discount:
        sales.append((lab["discounts"], money(-discount)))
    if s.parked_discarded:
        sales.append((lab["parked_discarded"], str(s.parked_discarded)))
    taxes: list[Row] = []
    for t in s.taxes:
        taxes += [(f"{lab['vat']} {t.rate} %: {lab['net']}", money(t.net)), (f"{lab['vat']} {t.rate} %", money(t.tax))]
    tenders: list[Row] = []
    for kind, total in report.tenders.items():
        if total.count == 0 and kind not in ("cash", "qr"):  # a kind this register does not take
            continue
        tenders.append((f"{lab[kind]} ({total.count})", money(total.total)))
        if kind == "qr":
            tenders += [(f"  {api} ({t.count})", money(t.total)) for api, t in report.qr_by_api.items()]
    refunds = [(lab[r.kind], money(-r.amount)) for r in report.refunds] or [(lab["none"], "")]
    refunds += [(lab["cancellations"], str(s.cancellations)), (lab["needs_review"], str(s.needs_review))]
    movements = [(f"{lab[m.kind]}: {m.reason}", money(m.amount if m.kind == "in" else -m.amount))
                 for m in report.cash_movements] or [(lab["none"], "")]
    drawer = [(lab["float"], money(s.float)), (lab["expected"], money(s.expected_cash)),
              (lab["counted"], money(s.counted_cash)),
              (lab["difference"], money(s.difference))]
    rec = report.reconciliation
    reconciliation: list[Row] = [(lab[rec.status], "")]
    for key in ("missing_in_journal", "unconfirmed"):
        items = getattr(rec, key)
        if items:
            reconciliation.append((f"{lab[key]}: {len(items)}", ""))
            reconciliation += [(f"  {describe_item(item)}", "") for item in items]
    invoices = _invoice_rows(report, money, lab)
    return [("", head), (lab["sales"], sales), *([(lab["taxes"], taxes)] if taxes else []),
            *([(lab["invoices"], invoices)] if invoices else []),
            (lab["by_tender"], tenders), (lab["refunds"], refunds), (lab["movements"], movements),
            (lab["drawer"], drawer), (lab["reconciliation"], reconciliation)]


def _invoice_rows(report: ShiftReport, money, lab: Labels) -> list[Row]:
    """ARCA's documents by type with their first and last number, total and IVA by rate, then
    what is still pending (issue 21)."""
    if report.invoices is None:
        return []
    rows: list[Row] = []
    for d in report.invoices.documents:
        rows.append((f"{d.name} {d.point_of_sale:05d} ({d.count})", money(d.total)))
        rows.append((f"  N° {d.first:08d}" + (f" {lab['to']} {d.last:08d}" if d.last != d.first else ""), ""))
        rows += [(f"  {lab['vat']} {t.rate} %", money(t.tax)) for t in d.taxes if t.tax]
    pending = report.invoices.pending
    rows.append((f"{lab['invoices_pending']} ({len(pending)})", money(report.invoices.pending_total)))
    rows += [(f"  {p.receipt or '-'} {p.name} ({lab.get('state_' + p.state, p.state)})", money(p.total))
             for p in pending]
    return rows


def title(report: ShiftReport) -> str:
    return Labels(report.site)[f"title_{report.shift.kind}"]
