"""The store's day (`qrcashier-admin store report`): per register and for the store, the paid
sales of the date and their totals by tender kind, the refunds, the day's shifts with the cash
difference of each closed one (its Z), and how many sales are not yet reconciled (a QR tender
whose Mercado Pago payment has not reached the store). Amounts are decimal strings.

The date is the store server's calendar day (its TimeZone setting) of each sale's payment.

With ARCA invoices (issue 21, a store migrated by `store init`), each register and the store
gain `invoices`: the documents of the date (their CbteFch) by type and punto de venta with the
first and last number, totals and IVA, and how many are still pending (store/invoice_report.py)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any


def _day(column: str) -> str:
    """The server's calendar day as a range on the column itself, so its index serves (sales_paid_at)."""
    return f"({column} >= %(day)s::date::timestamptz AND {column} < (%(day)s::date + 1)::timestamptz)"


def _money(value: Any) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def build_report(conn: Any, day: date) -> dict[str, Any]:
    registers: dict[str, dict[str, Any]] = {}

    def reg(name: str) -> dict[str, Any]:
        return registers.setdefault(name, {"register": name, "sales": 0, "totals": {"cash": "0.00", "qr": "0.00"},
                                           "refunds": [], "shifts": [], "unreconciled": 0})

    for (name,) in conn.execute("SELECT name FROM registers ORDER BY name"):
        reg(name)
    for name, n in conn.execute(f"SELECT register, count(*) FROM sales WHERE {_day('paid_at')} GROUP BY register",
                                {"day": day}):
        reg(name)["sales"] = n
    for name, kind, total in conn.execute(
            "SELECT t.register, t.kind, sum(t.amount) FROM tenders t JOIN sales s"
            f" ON s.register = t.register AND s.code = t.sale_code WHERE {_day('s.paid_at')} GROUP BY 1, 2",
            {"day": day}):
        reg(name)["totals"][kind] = _money(total)
    for name, n in conn.execute(
            "SELECT t.register, count(DISTINCT t.sale_code) FROM tenders t JOIN sales s"
            f" ON s.register = t.register AND s.code = t.sale_code WHERE {_day('s.paid_at')} AND t.kind = 'qr'"
            " AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.register = t.register AND p.sale_code = t.sale_code)"
            " GROUP BY 1", {"day": day}):
        reg(name)["unreconciled"] = n
    for name, kind, total in conn.execute(
            f"SELECT register, 'cash', sum(amount) FROM movements WHERE kind = 'refund' AND {_day('at')} GROUP BY 1"
            " UNION ALL SELECT register, 'qr', sum(amount) FROM refunds WHERE state = 'approved'"
            f" AND {_day('updated_at')} GROUP BY 1 ORDER BY 1, 2", {"day": day}):
        reg(name)["refunds"].append({"kind": kind, "amount": _money(total)})
    for row in conn.execute(
            "SELECT register, number, opened_at, closed_at, float, expected, counted, difference FROM shifts"
            f" WHERE {_day('opened_at')} OR {_day('closed_at')} ORDER BY register, number", {"day": day}):
        name, number, opened, closed, flt, expected, counted, diff = row
        reg(name)["shifts"].append({
            "number": number, "opened_at": opened.isoformat(), "closed_at": closed and closed.isoformat(),
            "float": _money(flt), "expected_cash": None if expected is None else _money(expected),
            "counted_cash": None if counted is None else _money(counted),
            "difference": None if diff is None else _money(diff)})
    store_totals: dict[str, Decimal] = {}
    for r in registers.values():
        for kind, amount in r["totals"].items():
            store_totals[kind] = store_totals.get(kind, Decimal(0)) + Decimal(amount)
    from qrcashier.store.invoice_report import add_invoices

    store_invoices = add_invoices(conn, day, reg)
    return {
        "date": day.isoformat(),
        "registers": list(registers.values()),
        "store": store_invoices | {
            "sales": sum(r["sales"] for r in registers.values()),
            "totals": {k: _money(v) for k, v in sorted(store_totals.items())},
            "cash_difference": _money(sum((Decimal(s["difference"]) for r in registers.values()
                                           for s in r["shifts"] if s["difference"] is not None), Decimal(0))),
            "unreconciled": sum(r["unreconciled"] for r in registers.values()),
        },
    }


def render_json(report: dict[str, Any]) -> bytes:
    return (json.dumps(report, indent=2) + "\n").encode("utf-8")


def render_csv(report: dict[str, Any]) -> bytes:
    kinds = sorted(report["store"]["totals"]) or ["cash", "qr"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["date", "register", "sales", *kinds, "cash_difference", "unreconciled"])
    for r in report["registers"]:
        diff = sum((Decimal(s["difference"]) for s in r["shifts"] if s["difference"] is not None), Decimal(0))
        w.writerow([report["date"], r["register"], r["sales"], *(r["totals"].get(k, "0.00") for k in kinds),
                    _money(diff), r["unreconciled"]])
    s = report["store"]
    w.writerow([report["date"], "STORE", s["sales"], *(s["totals"].get(k, "0.00") for k in kinds),
                s["cash_difference"], s["unreconciled"]])
    return out.getvalue().encode("utf-8")


def render_pdf(report: dict[str, Any]) -> bytes:
    from qrcashier.reports.pdf_writer import PdfDocument

    doc = PdfDocument(title=f"Store report {report['date']}")
    doc.new_page()
    y = 60.0
    doc.text(50, y, f"Store report {report['date']}", 16, bold=True)
    kinds = sorted(report["store"]["totals"]) or ["cash", "qr"]
    y += 30
    for r in [*report["registers"], {"register": "Store", **report["store"], "shifts": []}]:
        if y > 760:
            doc.new_page()
            y = 60.0
        doc.text(50, y, str(r["register"]), 12, bold=True)
        y += 16
        parts = [f"sales {r['sales']}", *(f"{k} {r['totals'].get(k, '0.00')}" for k in kinds)]
        doc.text(60, y, "   ".join(parts), 10)
        y += 14
        for s in r["shifts"]:
            doc.text(60, y, f"shift {s['number']}: expected {s['expected_cash']}, counted {s['counted_cash']},"
                            f" difference {s['difference']}", 9)
            y += 12
        invoices = r.get("invoices")  # ARCA (issue 21)
        for d in (invoices or {}).get("documents", []):
            doc.text(60, y, f"{d['name']} {d['point_of_sale']:05d}: {d['count']} (N° {d['first']} to {d['last']}),"
                            f" total {d['total']}, IVA {d['vat']}", 9)
            y += 12
        if invoices:
            doc.text(60, y, f"pending in ARCA: {invoices['pending']} ({invoices['pending_total']})", 9)
            y += 12
        y += 8
    return doc.to_bytes()


RENDERERS = {"json": render_json, "csv": render_csv, "pdf": render_pdf}
