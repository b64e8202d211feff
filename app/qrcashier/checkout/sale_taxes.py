"""A sale's discount and its net and tax by rate, read from the journal (for the X/Z report).

`taxes` follows `domain.vat.breakdown`: each rate's tax-included amount split once, so a sale's
net + tax over all rates is exactly its total. `shift_taxes` adds the sales' lines up by rate.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qrcashier.checkout.journal.parked_store import discarded_in_shift
from qrcashier.domain.money import Site, to_json_string
from qrcashier.domain.vat import TaxLine, breakdown, merge


def sale_extras(db: Any, sale_ids: list[int], site: Site, *, vat: bool = True) -> dict[int, dict[str, Any]]:
    """{sale_id: {"discount": str, "taxes": [...], "_lines": [TaxLine]}} in one query."""
    out: dict[int, dict[str, Any]] = {}
    if not sale_ids:
        return out
    marks = ", ".join("?" for _ in sale_ids)
    rows = db.query(f"SELECT sale_id, total, discount, vat_rate FROM sale_lines WHERE sale_id IN ({marks})"
                    " ORDER BY sale_id, line_no", tuple(sale_ids))
    amounts: dict[int, list[tuple[Decimal | None, Decimal]]] = {sid: [] for sid in sale_ids}
    discounts: dict[int, Decimal] = dict.fromkeys(sale_ids, Decimal(0))
    for r in rows:
        rate = None if r["vat_rate"] is None else Decimal(r["vat_rate"])
        amounts[r["sale_id"]].append((rate, Decimal(r["total"])))
        discounts[r["sale_id"]] += Decimal(r["discount"] or "0")
    for sid in sale_ids:
        lines = breakdown(amounts[sid], site, enabled=vat)
        out[sid] = {"discount": to_json_string(discounts[sid], site),
                    "taxes": [t.to_json(site) for t in lines], "_lines": lines}
    return out


def shift_taxes(extras: dict[int, dict[str, Any]], site: Site) -> list[dict[str, str]]:
    lines: list[TaxLine] = [t for e in extras.values() for t in e["_lines"]]
    return [t.to_json(site) for t in merge(lines, site)]


def parked_discarded(db: Any, shift_id: int) -> int:
    return discarded_in_shift(db, shift_id)
