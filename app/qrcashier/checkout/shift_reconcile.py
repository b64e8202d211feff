"""Reconciling a shift with Mercado Pago: what it says was paid on this register's POS in the
shift's window, against the journal's paid QR sales of the shift.

`missing_in_journal`: approved payments on the POS (or with one of the register's references)
that the journal does not have, found by either search: the payments search (`range=date_approved`
over the window; a payment carries its POS) and the merchant_orders search (`last_updated_from/_to`
over the window; an order carries its reference), each paginated; one that answers is enough,
`sources` says which did. `unconfirmed`: the shift's QR payments Mercado Pago does not
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
MERCHANT_ORDERS_SEARCH = "/merchant_orders/search"
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


async def search_merchant_orders(client: MercadoPagoClient, begin: datetime, end: datetime) -> list[dict[str, Any]]:
    """Every merchant order updated in [begin, end], across all pages (`{elements, next_offset, total}`)."""
    found: list[dict[str, Any]] = []
    offset = 0
    for _ in range(MAX_PAGES):
        reply = await client.http.request("GET", MERCHANT_ORDERS_SEARCH, params={
            "last_updated_from": _mp_date(begin), "last_updated_to": _mp_date(end), "offset": offset, "limit": PAGE,
        })
        body = reply.body if isinstance(reply.body, dict) else {}
        elements = [e for e in body.get("elements") or [] if isinstance(e, dict)]  # null when empty, on some sites
        found += elements
        offset += len(elements)
        if not elements or offset >= int(body.get("total") or 0):
            return found
    log.warning("the merchant_orders search for %s..%s has more than %d pages", begin, end, MAX_PAGES)
    return found


def _from_merchant_orders(orders: list[dict[str, Any]], register_id: str) -> dict[int, dict[str, Any]]:
    """The approved payments of this register's merchant orders, as payments-search-like dicts."""
    found: dict[int, dict[str, Any]] = {}
    for mo in orders:
        reference = str(mo.get("external_reference") or "")
        if not reference.startswith(f"{register_id}-"):
            continue
        for p in mo.get("payments") or []:
            if isinstance(p, dict) and p.get("status") in ("approved", "refunded") and p.get("id") is not None:
                found[int(p["id"])] = {
                    "id": p["id"], "status": p["status"], "external_reference": reference,
                    "transaction_amount": p.get("transaction_amount", 0),
                    "date_approved": p.get("date_approved"), "merchant_order_id": mo.get("id"),
                }
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
        sources: list[str] = []
        approved: dict[int, dict[str, Any]] = {}
        failure: MercadoPagoError | None = None
        try:
            pos = await client.list_pos(external_id=config.external_pos_id)
            pos_ids = {str(p.id) for p in pos.results}
            payments = await search_payments(client, begin, end)
            approved = {int(p["id"]): p for p in payments
                        if p.get("status") in ("approved", "refunded") and _ours(p, pos_ids, config.register_id)}
            sources.append("payments")
        except MercadoPagoError as exc:
            failure = exc
            log.info("shift %s: the payments search failed (%s); trying merchant_orders", shift.number, exc)
        try:
            orders = await search_merchant_orders(client, begin, end)
            for pid, p in _from_merchant_orders(orders, config.register_id).items():
                approved.setdefault(pid, p)
            sources.append("merchant_orders")
        except MercadoPagoError as exc:
            log.info("shift %s: the merchant_orders search failed (%s)", shift.number, exc)
            if failure is not None:
                raise
        missing = [
            {"payment_id": pid, "amount": to_json_string(Decimal(str(p.get("transaction_amount", 0))), site),
             "external_reference": p.get("external_reference"), "date_approved": p.get("date_approved")}
            for pid, p in sorted(approved.items())
            if pid not in known
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
            "missing_in_journal": missing, "unconfirmed": unconfirmed, "sources": sources}


def _ours(payment: dict[str, Any], pos_ids: set[str], register_id: str) -> bool:
    """Paid on this register's POS, or carrying one of this register's references."""
    return str(payment.get("pos_id")) in pos_ids or str(payment.get("external_reference") or "").startswith(
        f"{register_id}-")
