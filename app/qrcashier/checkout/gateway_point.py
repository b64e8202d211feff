"""The Point gateway: an attempt's amount sent to the register's card terminal through the
Orders API (`type: "point"`), behind the same `Gateway` interface as the QR gateways, so the
engine's watch, single completion path, cancel (paid wins), needs review and refunds apply.

- publish: `POST /v1/orders` with `config.point.terminal_id`, the amount as a string,
  `expiration_time` (the register's order expiry, PT30S..PT3H) and the attempt's key: the body
  is a function of the attempt and the settings only, so a retry or a republish cannot make
  a second order (a busy terminal is `TerminalBusy`, a definitive refusal).
- lookup: `GET /v1/orders/{id}` mapped by `decide_point`. Until the create answered (no order
  id) the order is read by replaying the create with the same key and body: Mercado Pago
  answers with the order it made (or makes it now, which is what the attempt asked for).
- withdraw: cancel while `created`; once `at_terminal` the API refuses (409
  `cannot_cancel_order`), so the gateway asks again with `x-allow-cancelable-status:
  at_terminal` (Point Smart: 202, effective when the terminal confirms); otherwise it raises
  `CannotCancelAtTerminal` ("cancel it on the terminal") and the engine keeps reading: paid wins.
- refund: `POST /v1/orders/{id}/refund`: no body in full, the payment transaction in part.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import ClientGateway, Lookup, OutcomeUnknown, PaymentOrder, Published, RefundResult
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY, publish
from qrcashier.domain.card import CardInfo
from qrcashier.domain.money import Site, quantize
from qrcashier.domain.sale import Decision, Outcome, PaymentInfo
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import Conflict, MalformedResponse, NotFound
from qrcashier.mercadopago.http import NO_RETRY, RetryPolicy
from qrcashier.mercadopago.point import (
    MAX_EXPIRATION,
    MIN_EXPIRATION,
    CannotCancelAtTerminal,
    NewPointOrder,
    PointClient,
    PointOrder,
)

GATEWAY_NAME = "point"
LIVE = ("created", "at_terminal")
DECLINED = {
    "insufficient_amount": "insufficient funds",
    "high_risk": "refused for risk",
    "card_disabled": "card disabled",
    "bad_filled_card_data": "card data wrong",
    "required_call_for_authorize": "the bank asks for a call to authorize",
    "max_attempts_exceeded": "too many attempts",
    "amount_limit_exceeded": "amount over the card's limit",
    "invalid_installments": "installments not allowed",
    "processing_error": "processing error",
}


def point_expiration(config: RegisterConfig) -> timedelta:
    """The register's order expiry as a Point order takes it; refused outside PT30S..PT3H."""
    expiry = timedelta(seconds=int(config.order_expiry.total_seconds()))
    if not MIN_EXPIRATION <= expiry <= MAX_EXPIRATION:
        raise ValueError("a Point order lives from 30 seconds to 3 hours: the register's order expiry does not fit")
    return expiry


def card_of(order: PointOrder) -> CardInfo:
    c = order.card
    last = c.last_four if c.last_four and len(c.last_four) == 4 and c.last_four.isdigit() else None
    return CardInfo(brand=c.brand, last_four=last, installments=c.installments,
                    payment_ref=None if c.payment_id is None else str(c.payment_id), terminal=order.terminal_id)


def decide_point(found: PointOrder, total: Decimal, reference: str, site: Site) -> Decision:
    """What a Point order means for an attempt of `total`:

    created              -> NOTHING (waiting for the terminal to show it)
    at_terminal          -> SCANNED (the order is on the terminal: the customer is paying)
    processed, refunded  -> PAID when the paid amount covers the total, else MISMATCH
    failed               -> CANCELLED (the card was declined; the order is over: charge again)
    canceled / expired   -> CANCELLED / EXPIRED
    action_required      -> MISMATCH (only the terminal knows the outcome: a supervisor checks it)
    """
    order = found.order
    status = (order.status or "").lower()
    paid = quantize(order.paid_total, site)
    tx = order.payments[0] if order.payments else None
    approved: tuple[PaymentInfo, ...] = ()
    if tx is not None and tx.payment_id is not None and paid > 0:
        approved = (PaymentInfo(tx.payment_id, "approved", paid, tx.status_detail,
                                approved_at=order.last_updated_date),)  # the processed order's date (14.3)

    def make(outcome: Outcome, message: str, warnings: tuple[str, ...] = ()) -> Decision:
        return Decision(outcome, message, paid, approved, (), (), warnings, (), card_of(found))

    if order.external_reference is not None and order.external_reference != reference:
        return make(Outcome.MISMATCH, f"Card order {order.id} belongs to another sale: a supervisor must review it.")
    if status in ("processed", "refunded"):
        if paid < total or not approved:
            return make(Outcome.MISMATCH, "The terminal's payment does not match the total: a supervisor must "
                        "review it.")
        warnings = ("Mercado Pago already shows a refund on this card payment",) if (
            status == "refunded" or (order.status_detail or "") == "partially_refunded") else ()
        return make(Outcome.PAID, "Paid by card.", warnings)
    if status == "action_required":
        return make(Outcome.MISMATCH, "The card terminal asks to check the payment there: a supervisor must look "
                    "at the terminal and settle this sale.")
    if status == "failed":
        detail = (tx.status_detail if tx else None) or "declined"
        return make(Outcome.CANCELLED, f"The card was declined ({DECLINED.get(detail, detail)}): charge again "
                    "or take another tender.")
    if status == "canceled":
        on_terminal = tx is not None and tx.status_detail == "canceled_on_terminal"
        return make(Outcome.CANCELLED, "Cancelled on the card terminal; nothing was paid." if on_terminal
                    else "The card order was cancelled; nothing was paid.")
    if status == "expired":
        return make(Outcome.EXPIRED, "The card order expired on the terminal unpaid.")
    if status == "at_terminal":
        return make(Outcome.SCANNED, "The customer is paying on the card terminal.")
    return make(Outcome.NOTHING, "Waiting for the card terminal to show the order.")


class PointGateway(ClientGateway):
    name = GATEWAY_NAME
    withdraw_is_final = True  # a cancel that took effect ends the order; one that did not raises

    def __init__(self, client: MercadoPagoClient, config: RegisterConfig, terminal_id: str, *,
                 publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY, print_on_terminal: bool = False) -> None:
        self.expiration = point_expiration(config)
        super().__init__(client, config)
        self.point = PointClient(client.http)
        self.terminal_id = terminal_id
        self.publish_retry = publish_retry
        self.print_on_terminal = print_on_terminal
        # Orders whose cancel now rests with the terminal (202) or the person at it (refused):
        # asked once, then only read, so a watcher does not repeat the cancel every second.
        self._terminal_cancel: dict[str, int] = {}
        NewPointOrder("check", Decimal(1), terminal_id)  # refuses a malformed terminal id at once

    def new_order(self, order: PaymentOrder) -> NewPointOrder:
        return NewPointOrder(
            external_reference=order.reference, amount=order.total, terminal_id=self.terminal_id,
            description=order.title[:150] or None, expiration_time=self.expiration,
            print_on_terminal="seller_ticket" if self.print_on_terminal else "no_ticket",
        )

    async def _create(self, order: PaymentOrder) -> PointOrder:
        new = self.new_order(order)
        try:
            return await publish(
                lambda: self.point.create(new, order.site, idempotency_key=order.idempotency_key, retry=NO_RETRY),
                policy=self.publish_retry,
            )
        except Conflict as exc:
            if exc.code == "idempotency_key_already_used":
                raise OutcomeUnknown(
                    "Mercado Pago already has a card order for this attempt that differs from the one sent."
                ) from exc
            raise

    async def publish(self, order: PaymentOrder) -> Published:
        created = await self._create(order)
        return Published(gateway_order_id=created.id)

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        now = datetime.now(UTC)
        raw: dict[str, Any] = {"gateway": self.name, "reference": order.reference, "total": str(order.total),
                               "terminal": self.terminal_id}
        if order.gateway_order_id is None:
            if check_published:
                # Not known to be on the terminal: the engine republishes (same key: the same order).
                decision = Decision(Outcome.NOTHING, "Checking whether the card order reached the terminal.")
                raw.update(outcome=str(decision.outcome), at=now.isoformat(), order_on_terminal=False)
                return Lookup(decision=decision, at=now, published=False, raw=raw)
            current = await self._create(order)  # replay: the order the key made
        else:
            current = await self.point.get(order.gateway_order_id)
        decision = decide_point(current, order.total, order.reference, order.site)
        raw["order"] = {"id": current.id, "status": current.status, "status_detail": current.order.status_detail,
                        "paid": str(current.order.paid_total), "terminal_id": current.terminal_id,
                        "payments": [{"id": t.id, "status": t.status, "status_detail": t.status_detail,
                                      "reference_id": t.reference_id} for t in current.order.payments]}
        raw.update(outcome=str(decision.outcome), approved_total=str(decision.approved_total), at=now.isoformat())
        published = (current.status in LIVE) if check_published else None
        if check_published:
            raw["order_on_terminal"] = published
        return Lookup(decision=decision, at=now, published=published, raw=raw)

    async def withdraw(self, order: PaymentOrder) -> None:
        order_id = order.gateway_order_id or (await self._create(order)).id
        asked = self._terminal_cancel.get(order_id)
        if asked is not None:
            raise CannotCancelAtTerminal("already asked", status=asked, code="cancel_rests_with_terminal")
        try:
            await self.point.cancel(order_id, idempotency_key=f"{order.idempotency_key}-cancel")
            return
        except NotFound:
            return
        except CannotCancelAtTerminal:
            pass
        except Conflict:
            current = await self.point.get(order_id)
            if current.status not in LIVE:
                return  # already canceled, processed, failed or expired: not on the terminal
            raise
        current = await self.point.get(order_id)
        if current.status not in LIVE:
            return
        try:
            answer = await self.point.cancel(order_id, idempotency_key=f"{order.idempotency_key}-cancel-t",
                                             at_terminal=True)
        except Conflict as exc:
            self._terminal_cancel[order_id] = 409
            raise CannotCancelAtTerminal(exc.mp_message, status=exc.status, code=exc.code) from exc
        if answer.accepted_later:
            self._terminal_cancel[order_id] = 202
            # Accepted (Point Smart): the terminal confirms it; until then the engine keeps reading.
            raise CannotCancelAtTerminal("accepted", status=202, code="cancel_requested_on_terminal")

    async def refund(self, mp_payment_id: int, amount: Decimal | None, idempotency_key: str, *,
                     order_id: str | None = None) -> RefundResult:
        if order_id is None:
            order_id = (await self.client.get_payment(mp_payment_id)).order_id
        if order_id is None:
            raise MalformedResponse(f"payment {mp_payment_id} names no card order")
        current = await self.point.get(order_id)
        tx = current.order.payments[0] if current.order.payments else None
        if tx is None or tx.payment_id != mp_payment_id:
            raise MalformedResponse(f"card order {order_id} does not list payment {mp_payment_id}")
        if amount is None:
            result = await self.point.refund(order_id, idempotency_key=idempotency_key)
        else:
            result = await self.point.refund(order_id, idempotency_key=idempotency_key,
                                             transactions=[(tx.id, amount)], site=self.config.site)
        mine = [r for r in result.refunds if r.transaction_id in (None, tx.id)]
        if not mine or mine[-1].refund_id is None:
            raise MalformedResponse(f"the refund of card order {order_id} lists no refund id")
        refund = mine[-1]
        status = refund.status
        if status not in ("processed", "approved"):
            after = await self.point.get(order_id)
            status = next((r.status for r in after.order.refunds if r.id == refund.id), status)
        return RefundResult(mp_refund_id=refund.refund_id,  # type: ignore[arg-type]
                            amount=refund.amount, status="approved" if status in ("processed", "approved") else status)
