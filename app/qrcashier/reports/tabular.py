"""The report as JSON (the dict as given, in a stable key order) and as CSV.

CSV: one file of several tables, Excel-friendly: UTF-8 with a byte-order mark (so Excel reads
ñ and á), comma-separated, CRLF line ends, amounts as decimal strings with a point ("1234.50",
never a float, never the site's thousands separator). Each table starts with a row holding only
its name, then its header row; a blank row ends it. Tables: "sales" (one row per sale-tender:
a split sale gives two rows with the same receipt), "shift" (field,value), "tenders"
(kind,api,count,total; api empty for the kind's own total), "cash_movements", "refunds",
"sales_by_hour", "reconciliation" (list,item: the status row, then each entry as JSON), and with
ARCA invoices (issue 21) "invoices" (type,name,point_of_sale,count,first,last,total,vat, then
one "pending" row per document ARCA has not authorized: receipt, name, total, state).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from qrcashier.reports.model import ShiftReport

TOP_ORDER = ("shift", "tenders", "sales", "cash_movements", "refunds", "sales_by_hour", "reconciliation", "invoices")
SHIFT_ORDER = ("number", "register", "store", "cashier", "kind", "opened_at", "closed_at", "float",
               "expected_cash", "counted_cash", "difference", "first_receipt", "last_receipt",
               "cancellations", "needs_review", "currency", "site")


def _ordered(obj: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """The documented keys first in the documented order, then any others sorted by name."""
    known = [k for k in order if k in obj]
    return {k: obj[k] for k in known + sorted(k for k in obj if k not in order)}


def render_json(report: ShiftReport) -> str:
    data = _ordered(dict(report.raw), TOP_ORDER)
    data["shift"] = _ordered(dict(data["shift"]), SHIFT_ORDER)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def render_csv(report: ShiftReport) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")

    def table(name: str, header: list[str], rows: list[list[Any]]) -> None:
        w.writerow([name])
        w.writerow(header)
        w.writerows([[_s(v) for v in row] for row in rows])
        w.writerow([])

    sales = []
    for sale in report.sales:
        paid_at = sale.paid_at.isoformat() if sale.paid_at else ""
        for t in sale.tenders or ():
            sales.append([sale.receipt, paid_at, sale.state, sale.total, sale.api, t.kind, t.amount, t.received,
                          t.change])
    table("sales", ["receipt", "paid_at", "state", "sale_total", "api", "tender", "amount", "received", "change"],
          sales)
    shift = _ordered(dict(report.raw["shift"]), SHIFT_ORDER)
    table("shift", ["field", "value"], [[k, v] for k, v in shift.items() if not isinstance(v, list | dict)])
    tenders = []
    for kind, total in report.tenders.items():
        tenders.append([kind, "", total.count, total.total])
        if kind == "qr":
            tenders += [[kind, api, t.count, t.total] for api, t in report.qr_by_api.items()]
    table("tenders", ["kind", "api", "count", "total"], tenders)
    table("cash_movements", ["kind", "amount", "reason"], [[m.kind, m.amount, m.reason] for m in report.cash_movements])
    table("refunds", ["kind", "amount"], [[r.kind, r.amount] for r in report.refunds])
    table("sales_by_hour", ["hour", "count", "total"], [[h.hour, h.count, h.total] for h in report.sales_by_hour])
    rec = report.reconciliation
    rows: list[list[Any]] = [["status", rec.status]]
    rows += [["missing_in_journal", json.dumps(i, ensure_ascii=False)] for i in rec.missing_in_journal]
    rows += [["unconfirmed", json.dumps(i, ensure_ascii=False)] for i in rec.unconfirmed]
    table("reconciliation", ["list", "item"], rows)
    if report.invoices is not None:
        inv = report.invoices
        table("invoices", ["type", "name", "point_of_sale", "count", "first", "last", "total", "vat"],
              [[d.type, d.name, d.point_of_sale, d.count, d.first, d.last, d.total, d.vat] for d in inv.documents]
              + [["pending", p.name, p.receipt, "", "", "", p.total, p.state] for p in inv.pending])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
