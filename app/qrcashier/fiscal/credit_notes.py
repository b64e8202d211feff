"""Credit notes: a refund of an invoiced sale gets a Nota de Crédito (B = 8, C = 13) tied to the
original invoice (CbtesAsoc), through the same queue as the invoices (fiscal.invoices).

Which refunds: an approved Mercado Pago refund (`refunds`, state approved) or cash given back
(`cash_movements`, kind refund) of a sale whose invoice ARCA authorized; each gets one row in
`invoices` (kind `credit_note`, `related_invoice_id` the invoice, `refund_id` or `movement_id`
the refund, unique), written by `enqueue_credit_notes` on the queue's thread, in the same
transaction as the invoices. A refund of a sale whose invoice is still pending waits: its credit
note is written once the invoice has its number. A sale from before fiscal was switched on has no
invoice, so its refunds get no credit note.

Amounts: a return by line (line_returns) credits those lines at their own IVA rates; any other
refund splits the amount over the invoice's rates in proportion to each rate's gross (a full
refund credits exactly what the invoice said). The credit notes of an invoice never add up to
more than its total.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from qrcashier.fiscal.amounts import (
    FACTURA_B,
    MONOTRIBUTO,
    RESPONSABLE_INSCRIPTO,
    VAT_RATES,
    InvoiceAmounts,
    cents,
    document_type,
    invoice_amounts,
)

ARGENTINA = timezone(timedelta(hours=-3))


def credit_amounts(original: InvoiceAmounts, amount: Decimal, category: str,
                   lines: list[tuple[Decimal, Decimal]] | None = None) -> InvoiceAmounts:
    """The credit note's amounts for `amount` given back of an invoice with `original`'s amounts;
    `lines` (gross, VAT rate) when the refund is a return by line and they add up to `amount`."""
    amount = cents(Decimal(amount))
    if lines and cents(sum((g for g, _ in lines), Decimal(0))) == amount:
        return invoice_amounts(lines, category)
    if not original.vat_lines:
        return invoice_amounts([(amount, Decimal("0"))], category)
    grosses = [(VAT_RATES[v.vat_id], v.base + v.amount) for v in original.vat_lines]
    pairs, left = [], amount
    for i, (rate, gross) in enumerate(grosses):
        part = left if i == len(grosses) - 1 else cents(amount * gross / original.total)
        left -= part
        if part > 0:
            pairs.append((part, rate))
    return invoice_amounts(pairs, category)


def _issued(at: str | None, now: datetime) -> str:
    moment = datetime.fromisoformat(at) if at else now
    return moment.astimezone(ARGENTINA).date().isoformat()


def enqueue_credit_notes(db: sqlite3.Connection, config, now: datetime) -> int:
    """Inside the queue's transaction: a credit-note row for every refund of an authorized invoice
    that has none. Returns how many were written."""
    from qrcashier.checkout.journal.codec import to_ts
    from qrcashier.fiscal.invoices import _amounts_from, _amounts_json

    columns = {r[1] for r in db.execute("PRAGMA table_info(invoices)")}
    if "refund_id" not in columns:
        return 0
    refunds = db.execute(
        "SELECT 'refund_id' AS ref, r.id, r.amount, r.updated_at AS at, a.sale_id FROM refunds r"
        " JOIN payments p ON p.id = r.payment_id JOIN attempts a ON a.id = p.attempt_id"
        " JOIN invoices i ON i.sale_id = a.sale_id AND i.kind = 'invoice' AND i.status = 'authorized'"
        " LEFT JOIN invoices c ON c.refund_id = r.id WHERE r.state = 'approved' AND c.id IS NULL"
        " UNION ALL SELECT 'movement_id', m.id, m.amount, m.at, m.sale_id FROM cash_movements m"
        " JOIN invoices i ON i.sale_id = m.sale_id AND i.kind = 'invoice' AND i.status = 'authorized'"
        " LEFT JOIN invoices c ON c.movement_id = m.id WHERE m.kind = 'refund' AND c.id IS NULL"
        " ORDER BY at").fetchall()
    rate_sql = "l.vat_rate" if "vat_rate" in {r[1] for r in db.execute("PRAGMA table_info(sale_lines)")} else "NULL"
    written = 0
    for ref, ref_id, amount, at, sale_id in refunds:
        invoice = db.execute("SELECT * FROM invoices WHERE sale_id = ? AND kind = 'invoice'", (sale_id,)).fetchone()
        original = _amounts_from(invoice["amounts"])
        credited = sum((Decimal(r[0]) for r in db.execute(
            "SELECT total FROM invoices WHERE related_invoice_id = ? AND kind = 'credit_note'", (invoice["id"],))),
            Decimal(0))
        value = min(Decimal(amount), original.total - credited)
        if value <= 0:
            continue
        returned = db.execute(
            f"SELECT r.amount, {rate_sql} FROM line_returns r JOIN sale_lines l"
            f" ON l.sale_id = r.sale_id AND l.line_no = r.line_no WHERE r.{ref} = ?", (ref_id,)).fetchall()
        lines = [(Decimal(a), Decimal(rt) if rt is not None else config.default_vat_rate) for a, rt in returned]
        category = RESPONSABLE_INSCRIPTO if invoice["doc_type"] == FACTURA_B else MONOTRIBUTO  # as invoiced
        amounts = credit_amounts(original, value, category, lines)
        db.execute(
            f"INSERT INTO invoices (sale_id, kind, related_invoice_id, {ref}, cuit, point_of_sale, doc_type, issued,"
            " amounts, total, created_at) VALUES (?, 'credit_note', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sale_id, invoice["id"], ref_id, invoice["cuit"], invoice["point_of_sale"],
             document_type(category, credit_note=True), max(_issued(at, now), invoice["issued"]),
             _amounts_json(amounts), str(amounts.total), to_ts(now)),
        )
        written += 1
    return written


def uncredited(db: sqlite3.Connection, sale_id: int) -> int:
    """The refunds of a sale (approved Mercado Pago refunds, cash given back) without a credit note."""
    if "refund_id" not in {r[1] for r in db.execute("PRAGMA table_info(invoices)")}:
        return 0
    return db.execute(
        "SELECT (SELECT COUNT(*) FROM refunds r JOIN payments p ON p.id = r.payment_id"
        " JOIN attempts a ON a.id = p.attempt_id LEFT JOIN invoices c ON c.refund_id = r.id"
        " WHERE a.sale_id = ? AND r.state = 'approved' AND c.id IS NULL)"
        " + (SELECT COUNT(*) FROM cash_movements m LEFT JOIN invoices c ON c.movement_id = m.id"
        " WHERE m.sale_id = ? AND m.kind = 'refund' AND c.id IS NULL)", (sale_id, sale_id)).fetchone()[0]
