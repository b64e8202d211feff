"""The journal's invoices for the back office: `qrcashier-admin invoices` and the `invoice` field
of each sale in `qrcashier-admin report` (shared/contracts.md). Read-only, through the caller's
`query(sql, params) -> rows` (JournalDB.query: the admin reads a snapshot of the journal)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from qrcashier.fiscal.amounts import LETTERS
from qrcashier.fiscal.invoices import InvoiceRecord, _record

Query = Callable[[str, Sequence[Any]], list]
OPEN = ("pending", "requesting", "rejected")  # not authorized: what --pending lists
FIELDS = ("sale", "receipt", "type", "letter", "point_of_sale", "number", "cae", "cae_due", "status", "state",
          "issued", "total", "net", "vat", "attempts", "last_error", "qr_url", "kind", "cancels")


def has_invoices(query: Query) -> bool:
    return bool(query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoices'", ()))


def records(query: Query, *, day: date | None = None, pending: bool = False,
            credit_notes: bool = False) -> list[tuple[InvoiceRecord, int | None, str | None]]:
    """(invoice, the sale's receipt sequence, its printed number PPPPP-NNNNNNNN) in journal order;
    `day` is the invoice's date (CbteFch); `credit_notes`: the refunds' Notas de Crédito too."""
    from qrcashier.domain.receipt import receipt_number

    if not has_invoices(query):
        return []
    where, params = ([] if credit_notes else ["i.kind = 'invoice'"]), []
    if day is not None:
        where.append("i.issued = ?")
        params.append(day.isoformat())
    if pending:
        where.append(f"i.status IN ({', '.join('?' for _ in OPEN)})")
        params.extend(OPEN)
    rows = query(
        "SELECT i.*, s.receipt_no AS receipt_no, COALESCE(sh.pos_number, 1) AS register_pos FROM invoices i"
        " JOIN sales s ON s.id = i.sale_id LEFT JOIN shifts sh ON sh.id = s.shift_id"
        f" WHERE {' AND '.join(where) or '1'}"
        " ORDER BY i.id", params)
    return [(_record(r), r["receipt_no"],
             receipt_number(r["register_pos"], r["receipt_no"]) if r["receipt_no"] is not None else None) for r in rows]


def report_status(record: InvoiceRecord) -> str:
    """The contract's status: `authorized`, or `pending` for everything ARCA has not authorized."""
    return "authorized" if record.status == "authorized" else "pending"


def invoice_field(record: InvoiceRecord) -> dict[str, Any]:
    """A sale's `invoice` object in the report JSON."""
    return record.as_report() | {"status": report_status(record)}


def invoice_row(record: InvoiceRecord, receipt: str | None, cancels: InvoiceRecord | None = None) -> dict[str, Any]:
    """One line of `qrcashier-admin invoices` (amounts as decimal strings); a credit note names
    the invoice it `cancels` (PPPPP-NNNNNNNN)."""
    a = record.amounts
    return {
        "sale": record.sale_id, "receipt": receipt, "type": record.doc_type, "letter": LETTERS.get(record.doc_type),
        "point_of_sale": record.point_of_sale, "number": record.number, "cae": record.cae,
        "cae_due": record.cae_due.isoformat() if record.cae_due else None, "status": report_status(record),
        "state": record.status, "issued": record.issued.isoformat(), "total": str(a.total), "net": str(a.net),
        "vat": str(a.vat), "attempts": record.attempts, "last_error": record.last_error, "qr_url": record.qr_url,
        "kind": record.kind, "cancels": f"{cancels.point_of_sale:05d}-{cancels.number:08d}"
        if cancels is not None and cancels.number is not None else None,
    }


def invoice_rows(query: Query, *, day: date | None = None, pending: bool = False) -> list[dict[str, Any]]:
    """Every line of `qrcashier-admin invoices`: the invoices and the refunds' credit notes."""
    found = records(query, day=day, pending=pending, credit_notes=True)
    related = {r.related_invoice_id for r, _, _ in found if r.related_invoice_id is not None}
    by_id = {r.id: r for r, _, _ in found} | ({r.id: r for r, _, _ in records(query)} if related else {})
    return [invoice_row(rec, receipt, by_id.get(rec.related_invoice_id) if rec.related_invoice_id else None)
            for rec, _, receipt in found]


def attach_to_report(query: Query, report: dict[str, Any]) -> dict[str, Any]:
    """Each sale of a shift report dict gains `invoice` (None when the sale has none)."""
    by_receipt = {receipt_no: rec for rec, receipt_no, _ in records(query)}
    for sale in report.get("sales", []):
        sequence = str(sale.get("receipt", "")).rpartition("-")[2]
        record = by_receipt.get(int(sequence)) if sequence.isdigit() else None
        sale["invoice"] = invoice_field(record) if record is not None else None
    return report


def csv_lines(rows: Iterable[dict[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row[k] is None else row[k] for k in FIELDS})
    return out.getvalue()
