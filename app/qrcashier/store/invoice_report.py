"""The store report's ARCA invoices (issue 21): per register and for the store, the documents
whose date (CbteFch) is the report's, by type and punto de venta, with their first and last
number, totals and IVA, and how many ARCA has not authorized yet:

    "invoices": {"documents": [{"type", "name", "letter", "point_of_sale", "count", "first", "last",
                                "total", "vat"}],
                 "pending": N, "pending_total": "0.00"}

Only on a store database with the invoices table (store init's "invoices" migration)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

NAMES = {6: ("B", "Factura B"), 8: ("B", "Nota de Crédito B"), 11: ("C", "Factura C"), 13: ("C", "Nota de Crédito C")}


def _money(value: Any) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _empty() -> dict[str, Any]:
    return {"documents": [], "pending": 0, "pending_total": "0.00"}


def add_invoices(conn: Any, day: date, reg: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """Each register's `invoices` (set on `reg(name)`); returns the store's as {"invoices": ...},
    or {} when the store has no invoices table."""
    if not conn.execute("SELECT to_regclass('invoices') IS NOT NULL").fetchone()[0]:
        return {}
    store: dict[tuple[int, int], dict[str, Any]] = {}
    store_pending = [0, Decimal(0)]
    for name, kind, pos, count, first, last, total, vat in conn.execute(
            "SELECT register, doc_type, point_of_sale, count(*), min(number), max(number), sum(total), sum(vat)"
            " FROM invoices WHERE issued = %(day)s AND status = 'authorized' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            {"day": day}):
        letter, label = NAMES.get(kind, ("?", str(kind)))
        reg(name).setdefault("invoices", _empty())["documents"].append({
            "type": kind, "name": label, "letter": letter, "point_of_sale": pos, "count": count, "first": first,
            "last": last, "total": _money(total), "vat": _money(vat)})
        doc = store.setdefault((kind, pos), {"type": kind, "name": label, "letter": letter, "point_of_sale": pos,
                                             "count": 0, "first": first, "last": last, "total": Decimal(0),
                                             "vat": Decimal(0)})
        doc["count"] += count
        doc["first"], doc["last"] = min(doc["first"], first), max(doc["last"], last)
        doc["total"] += Decimal(total)
        doc["vat"] += Decimal(vat)
    for name, count, total in conn.execute(
            "SELECT register, count(*), sum(total) FROM invoices WHERE issued = %(day)s AND status <> 'authorized'"
            " GROUP BY 1 ORDER BY 1", {"day": day}):
        section = reg(name).setdefault("invoices", _empty())
        section["pending"], section["pending_total"] = count, _money(total)
        store_pending[0] += count
        store_pending[1] += Decimal(total)
    return {"invoices": {
        "documents": [d | {"total": _money(d["total"]), "vat": _money(d["vat"])} for _, d in sorted(store.items())],
        "pending": store_pending[0], "pending_total": _money(store_pending[1])}}
