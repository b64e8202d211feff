"""The shift report's `invoices` section (Argentina's ARCA invoices, issue 21), read from the
journal's `invoices` table on the journal's thread, like the rest of the report:

    "invoices": {
      "documents": [{"type": 6, "letter": "B", "name": "Factura B", "point_of_sale": 3, "count": 4,
                     "first": 1, "last": 4, "total", "net", "vat", "taxes": [{"rate", "net", "tax"}]}],
      "pending": [{"receipt", "type", "letter", "total", "state"}],
      "pending_total": "0.00",
      "by_letter": {"B": {"count", "total", "pending"}}
    }

`documents` are what ARCA authorized, one entry per type and punto de venta (Facturas for the
shift's sales, Notas de Crédito for the refunds given in the shift), with their first and last
number, totals and IVA by rate; `pending` lists what ARCA has not authorized yet (pending,
requesting or rejected: the state says which); `by_letter` counts the authorized documents of
each letter, their total net of the credit notes, and the pending ones. The section is None on a journal without
invoices (no fiscal, or a shift with no invoiced sale). Amounts are decimal strings.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_string
from qrcashier.domain.receipt import receipt_number
from qrcashier.domain.vat import TaxLine, merge

# WSFEv1's comprobante types and IVA ids (fiscal.amounts keeps the same: checkout cannot import it).
NAMES = {6: ("B", "Factura B"), 8: ("B", "Nota de Crédito B"), 11: ("C", "Factura C"), 13: ("C", "Nota de Crédito C")}
VAT_RATES = {3: Decimal("0"), 4: Decimal("10.5"), 5: Decimal("21"), 6: Decimal("27"), 8: Decimal("5"),
             9: Decimal("2.5")}
CREDIT_NOTES = (8, 13)


def shift_invoices(db: Any, shift: Any, site: Site, window: tuple[str, str, str],
                   pos_number: int) -> dict[str, Any] | None:
    """The section for `shift` (`window`: register, start and end as journal timestamps)."""
    if not db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'invoices'"):
        return None
    rows = list(db.query(
        "SELECT i.*, s.receipt_no FROM invoices i JOIN sales s ON s.id = i.sale_id"
        " WHERE s.shift_id = ? AND i.kind = 'invoice' ORDER BY i.id", (shift.id,)))
    if {"refund_id", "movement_id"} <= {r[1] for r in db.query("PRAGMA table_info(invoices)")}:
        rows += db.query(
            "SELECT c.*, s.receipt_no FROM invoices c JOIN sales s ON s.id = c.sale_id"
            " LEFT JOIN cash_movements m ON m.id = c.movement_id LEFT JOIN refunds r ON r.id = c.refund_id"
            " LEFT JOIN payments p ON p.id = r.payment_id LEFT JOIN attempts a ON a.id = p.attempt_id"
            " WHERE c.kind = 'credit_note' AND (m.shift_id = ? OR (a.register_id = ? AND r.updated_at BETWEEN ? AND ?))"
            " ORDER BY c.id", (shift.id, *window))
    if not rows:
        return None

    def money(value: Decimal) -> str:
        return to_json_string(value, site)

    groups: dict[tuple[int, int], dict[str, Any]] = {}
    pending, by_letter = [], {}
    for row in rows:
        kind = row["doc_type"]
        letter, name = NAMES.get(kind, ("?", str(kind)))
        amounts = json.loads(row["amounts"])
        sign = -1 if kind in CREDIT_NOTES else 1
        total = Decimal(amounts["total"])
        bucket = by_letter.setdefault(letter, {"count": 0, "total": Decimal(0), "pending": 0})
        if row["status"] != "authorized":
            bucket["pending"] += 1
            pending.append({"receipt": receipt_number(pos_number, row["receipt_no"]) if row["receipt_no"] else None,
                            "type": kind, "letter": letter, "total": money(total), "state": row["status"]})
            continue
        bucket["count"] += 1
        bucket["total"] += sign * total
        g = groups.setdefault((kind, row["point_of_sale"]), {
            "type": kind, "letter": letter, "name": name, "point_of_sale": row["point_of_sale"], "count": 0,
            "first": row["number"], "last": row["number"], "total": Decimal(0), "net": Decimal(0),
            "vat": Decimal(0), "_taxes": []})
        g["count"] += 1
        g["first"], g["last"] = min(g["first"], row["number"]), max(g["last"], row["number"])
        g["total"] += total
        g["net"] += Decimal(amounts["net"])
        g["vat"] += Decimal(amounts["vat"])
        g["_taxes"] += [TaxLine(VAT_RATES[int(i)], Decimal(b), Decimal(v)) for i, b, v in amounts["vat_lines"]]
    documents = [{k: v for k, v in g.items() if k != "_taxes"}
                 | {"total": money(g["total"]), "net": money(g["net"]), "vat": money(g["vat"]),
                    "taxes": [t.to_json(site) for t in merge(g["_taxes"], site)]}
                 for _, g in sorted(groups.items())]
    return {
        "documents": documents,
        "pending": pending,
        "pending_total": money(sum((Decimal(p["total"]) for p in pending), Decimal(0))),
        "by_letter": {k: {"count": v["count"], "total": money(v["total"]), "pending": v["pending"]}
                      for k, v in sorted(by_letter.items())},
    }
