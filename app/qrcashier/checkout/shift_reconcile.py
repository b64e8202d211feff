"""Reconciling a shift with Mercado Pago: what it says was paid on this register's POS in the
shift's window, against the journal's paid QR sales of the shift.

`missing_in_journal`: approved payments on the POS (or with one of the register's references)
that the journal does not have. `unconfirmed`: the shift's QR payments Mercado Pago does not
show approved. Mercado Pago unreachable (or refusing): status "not_reconciled"; never raised,
so it never blocks a close, and it can be run again later. Async over httpx: off the Qt thread.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.journal import Journal, ShiftRecord
from qrcashier.checkout.shift_report import NOT_RECONCILED, shift_pos_number
from qrcashier.domain.money import to_json_string
from qrcashier.domain.receipt import receipt_number
from qrcashier.mercadopago import MercadoPagoClient, MercadoPagoError

log = logging.getLogger("qrcashier.checkout")
PAYMENTS_SEARCH = "/v1/payments/search"
PAGE = 100
MAX_PAGES = 50  # 5,000 payments in one shift's window: far above a register's day
MARGIN = timedelta(minutes=5)  # clocks differ; a payment approved just before the open still counts


def _mp_date(moment: datetime) -> str:
    """yyyy-MM-dd'T'HH:mm:ss.SSSZ, as the payments search wants it (error 1001 otherwise)."""
    return moment.isoformat(timespec="milliseconds")


async def search_payments(client: MercadoPagoClient, begin: datetime, end: datetime) -> list[dict[str, Any]]:
    """Every payment approved in [begin, end], across all pages (raw dicts: the POS id is kept)."""
    found: list[dict[str, Any]] = []
    offset = 0
    for _ in range(MAX_PAGES):
        reply = await client.http.request("GET", PAYMENTS_SEARCH, params={
            "range": "date_approved", "begin_date": _mp_date(begin), "end_date": _mp_date(end),
            "sort": "date_approved", "criteria": "asc", "offset": offset, "limit": PAGE,
        })
        body = reply.body if isinstance(reply.body, dict) else {}
        results = [r for r in body.get("results") or [] if isinstance(r, dict)]
        found += results
        offset += len(results)
        total = (body.get("paging") or {}).get("total", 0)
        if not results or offset >= int(total):
            return found
    log.warning("the payments search for %s..%s has more than %d pages", begin, end, MAX_PAGES)
    return found


async def reconcile_shift(
    client: MercadoPagoClient, journal: Journal, shift: ShiftRecord, config: RegisterConfig, *, now: datetime,
    pos_number: int = 1,
) -> dict[str, Any]:
    """The report's "reconciliation": status "reconciled" | "differences" | "not_reconciled"."""
    site = config.site
    pos_number = shift_pos_number(shift, pos_number)
    begin, end = shift.opened_at - MARGIN, (shift.closed_at or now) + MARGIN
    ours = await journal.run(lambda db: db.query(
        "SELECT p.mp_payment_id, p.amount, s.receipt_no FROM payments p JOIN attempts a ON a.id = p.attempt_id"
        " JOIN sales s ON s.id = a.sale_id WHERE s.shift_id = ? AND a.state = 'paid' ORDER BY p.id", (shift.id,)))
    known = {r[0] for r in await journal.run(lambda db: db.query("SELECT mp_payment_id FROM payments"))}
    try:
        pos = await client.list_pos(external_id=config.external_pos_id)
        pos_ids = {str(p.id) for p in pos.results}
        payments = await search_payments(client, begin, end)
        approved = {int(p["id"]): p for p in payments if p.get("status") in ("approved", "refunded")}
        missing = [
            {"payment_id": pid, "amount": to_json_string(Decimal(str(p.get("transaction_amount", 0))), site),
             "external_reference": p.get("external_reference"), "date_approved": p.get("date_approved")}
            for pid, p in sorted(approved.items())
            if pid not in known and _ours(p, pos_ids, config.register_id)
        ]
        unconfirmed = []
        for mp_id, amount, number in ours:
            if mp_id in approved:
                continue
            try:  # outside the searched window, or not indexed yet: ask for it by id
                status = (await client.get_payment(mp_id)).status
            except MercadoPagoError:
                status = None
            if status not in ("approved", "refunded"):
                unconfirmed.append({"receipt": receipt_number(pos_number, number), "payment_id": mp_id,
                                    "amount": to_json_string(Decimal(amount), site), "status": status})
    except MercadoPagoError as exc:
        log.info("shift %s not reconciled: %s", shift.number, exc)
        return dict(NOT_RECONCILED)
    return {"status": "differences" if missing or unconfirmed else "reconciled",
            "missing_in_journal": missing, "unconfirmed": unconfirmed}


def _ours(payment: dict[str, Any], pos_ids: set[str], register_id: str) -> bool:
    """Paid on this register's POS, or carrying one of this register's references."""
    return str(payment.get("pos_id")) in pos_ids or str(payment.get("external_reference") or "").startswith(
        f"{register_id}-")
