"""The Orders API gateway (`/v1/orders`, `type: "qr"`): the newest generation (api §2).

- publish: `POST /v1/orders` with `config.qr.external_pos_id`, the mode (static, dynamic
  or hybrid), string amounts, `expiration_time` (the register's order expiry, which must be
  30 s or more: the gateway refuses a shorter one rather than stretch it), and the
  attempt's idempotency key. The body is built only from the attempt (reference, total,
  lines, title) and the register's settings, so every retry and every republish of the
  attempt sends the same key with the same body: Mercado Pago answers with the order it
  already made instead of making a second one. Dynamic and hybrid modes return `qr_data`,
  handed to the engine in `Published` for the customer's window.
- lookup: `GET /v1/orders/{id}`, one request per read, mapped onto the engine's outcomes by
  `decide_order` (below). Until the publish answered (an unknown outcome: no order id yet)
  the merchant_orders of the reference are read instead (a payment through an Orders order
  creates one underneath, api §3.3), and the order counts as not on the QR, so the engine
  republishes: with the same key, which is how the order id is learnt.
- withdraw: `POST /v1/orders/{id}/cancel` (keyed). A 409 (already processed, canceled or
  expired) or a 404 means it is not on the QR: success.
- refund: the payment's Orders order (from the payment's `point_of_interaction.references`)
  is refunded with `POST /v1/orders/{id}/refund`: no body in full; in part with
  `{"transactions": [{"id": PAY…, "amount": "…"}]}` where the account supports it,
  otherwise (a 400 refusing the body) through `/v1/payments/{id}/refunds`. A payment
  without an Orders order is refunded the classic way.

What the Orders API cannot tell: scans. An order stays `created` while a customer looks
at it in the app, so this gateway emits no "scanned" events.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import ClientGateway, Lookup, OutcomeUnknown, PaymentOrder, Published, RefundResult
from qrcashier.checkout.merchant_orders import merchant_order_json, order_snapshot
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY, publish
from qrcashier.domain.money import Site, quantize
from qrcashier.domain.sale import Decision, Outcome, PaymentInfo, decide
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import BadRequest, Conflict, MalformedResponse, NotFound
from qrcashier.mercadopago.http import NO_RETRY, RetryPolicy
from qrcashier.mercadopago.orders import (
    MAX_EXPIRATION,
    MAX_ITEMS,
    MIN_EXPIRATION,
    NewQrOrder,
    Order,
    OrdersClient,
    QrOrderItem,
)
from qrcashier.mercadopago.vocabulary import QR_MODES

# In `Decision.open_orders`, "the order itself is still payable" (the engine reads the
# tuple as "a payment may still land": it keeps reading for a while after an expiry).
ORDER_STILL_PAYABLE = 0
# 400 codes with which an account refuses a partial refund body (it does full refunds only).
PARTIAL_REFUSED = frozenset({"unsupported_properties", "property_type", "partial_refund_not_allowed"})
# The Orders API status of an order a customer can still pay (the only one its cancel applies to).
PAYABLE_STATUS = "created"
APPROVED_TX = frozenset({"processed", "accredited", "approved"})
FAILED_TX = frozenset({"failed", "rejected"})


def expiration_for(config: RegisterConfig) -> timedelta:
    """The register's order expiry as the Orders API takes it: whole seconds, PT30S to PT3600H.
    Never stretched to the minimum: an order Mercado Pago kept past the attempt's end could be
    paid after the register gave up on it, so a shorter expiry is refused (`check_expiry`)."""
    return timedelta(seconds=int(config.order_expiry.total_seconds()))


def check_expiry(config: RegisterConfig) -> None:
    """ValueError when the Orders API cannot keep an order exactly as long as the register's expiry."""
    expiry = expiration_for(config)
    if not MIN_EXPIRATION <= expiry <= MAX_EXPIRATION:
        raise ValueError(
            f"the Orders API keeps an order from {int(MIN_EXPIRATION.total_seconds())} seconds to "
            f"{int(MAX_EXPIRATION.total_seconds()) // 3600} hours: an order expiry of "
            f"{config.order_expiry.total_seconds():g} seconds cannot be used with it"
        )


# --- status mapping ------------------------------------------------------------------------------

def _payments(order: Order, site: Site) -> tuple[tuple[PaymentInfo, ...], tuple[PaymentInfo, ...]]:
    """(approved, rejected) payments, keyed by the classic payment id (`reference_id`)."""
    approved, rejected = [], []
    for tx in order.payments:
        pid = tx.payment_id
        if pid is None:
            continue
        status = (tx.status or "").lower()
        if status in APPROVED_TX or (tx.paid_amount or 0) > 0:
            amount = quantize(tx.paid_amount if tx.paid_amount is not None else tx.amount, site)
            approved.append(PaymentInfo(pid, "approved", amount, tx.status_detail,
                                        approved_at=order.last_updated_date))  # no date on the transaction (14.3)
        elif status in FAILED_TX:
            rejected.append(PaymentInfo(pid, "rejected", quantize(tx.amount, site), tx.status_detail))
    return tuple(approved), tuple(rejected)


def decide_order(order: Order, total: Decimal, reference: str, site: Site) -> Decision:
    """What an Orders API order means for an attempt of `total` (the table in the README).

    created                      → NOTHING (REJECTED when its payment failed: the payer may retry)
    processed/accredited         → PAID when what was paid covers the total, else MISMATCH
    processed/partially_refunded → PAID (refunds are the supervisor's business)
    refunded                     → PAID, with a warning (it was paid, then refunded)
    expired                      → EXPIRED
    canceled                     → CANCELLED
    failed                       → CANCELLED (final: nothing paid; rejected payments reported)
    action_required, processing  → SCANNED (the payer is in the middle of it)
    charged_back                 → MISMATCH (money came and went: a supervisor decides)
    anything else                → SCANNED, or PARTIAL when money shows as paid
    An order of another reference is a MISMATCH. Amounts are in the site's unit.
    """
    status = (order.status or "").lower()
    detail = (order.status_detail or "").lower()
    approved, rejected = _payments(order, site)
    paid = quantize(order.paid_total, site)
    payable = (ORDER_STILL_PAYABLE,) if status == PAYABLE_STATUS else ()

    def make(outcome: Outcome, message: str, *, warnings: tuple[str, ...] = ()) -> Decision:
        return Decision(outcome, message, paid, approved, rejected, (), warnings, payable)

    if order.external_reference is not None and order.external_reference != reference:
        return make(
            Outcome.MISMATCH, f"Mercado Pago's order {order.id} belongs to another sale: a supervisor must review it."
        )
    if status in ("processed", "refunded"):
        if paid < total or not approved:
            return make(
                Outcome.MISMATCH,
                "Mercado Pago processed the order but the amount paid does not match the total: "
                "a supervisor must review it.",
            )
        warnings: list[str] = []
        if paid > total:
            warnings.append(f"Mercado Pago approved {paid - total} more than the total")
        if status == "refunded" or detail in ("refunded", "partially_refunded"):
            warnings.append("Mercado Pago already shows a refund on this payment")
        return make(Outcome.PAID, "Paid.", warnings=tuple(warnings))
    if status == "charged_back":
        return make(Outcome.MISMATCH, "The payment was charged back: a supervisor must review this sale.")
    if paid > 0:
        return make(Outcome.PARTIAL, f"Only {paid} of {total} was paid: a supervisor must review this sale.")
    if status == "expired":
        return make(Outcome.EXPIRED, "The order expired unpaid.")
    if status == "canceled":
        return make(Outcome.CANCELLED, "The order was cancelled; nothing was paid.")
    if status == "failed":
        return make(Outcome.CANCELLED, "The payment failed and Mercado Pago closed the order; nothing was paid.")
    if status == PAYABLE_STATUS:
        if rejected:
            return make(
                Outcome.REJECTED, "The payment was rejected: the customer may try again with another card or account."
            )
        return make(Outcome.NOTHING, "Waiting for the customer to scan the QR.")
    return make(Outcome.SCANNED, "The customer is paying.")


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "status": order.status,
        "status_detail": order.status_detail,
        "external_reference": order.external_reference,
        "total_amount": None if order.total_amount is None else str(order.total_amount),
        "total_paid_amount": str(order.paid_total),
        "mode": order.mode,
        "payments": [
            {"id": tx.id, "reference_id": tx.reference_id, "status": tx.status, "status_detail": tx.status_detail,
             "amount": str(tx.amount), "paid_amount": None if tx.paid_amount is None else str(tx.paid_amount)}
            for tx in order.payments
        ],
        "refunds": [{"id": r.id, "reference_id": r.reference_id, "status": r.status, "amount": str(r.amount)}
                    for r in order.refunds],
    }


# --- the gateway ----------------------------------------------------------------------------------

class OrdersGateway(ClientGateway):
    name = "orders"
    withdraw_is_final = True  # POST .../cancel ends the order, in every QR mode

    def __init__(
        self,
        client: MercadoPagoClient,
        config: RegisterConfig,
        *,
        mode: str = "static",
        publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY,
        partial_refunds: bool = True,
    ) -> None:
        if mode not in QR_MODES:
            raise ValueError(f"the QR mode is one of {QR_MODES}")
        check_expiry(config)
        super().__init__(client, config)
        self.orders = OrdersClient(client.http)
        self.mode = mode
        self.publish_retry = publish_retry
        self.partial_refunds = partial_refunds

    # --- publish ------------------------------------------------------------------------

    def new_order(self, order: PaymentOrder) -> NewQrOrder:
        """The create body: a function of the attempt and the settings only (see the docstring)."""
        items = ()
        if len(order.lines) <= MAX_ITEMS:
            items = tuple(
                QrOrderItem(
                    title=line.title[:150],
                    unit_price=line.unit_price,
                    quantity=line.quantity,
                    unit_measure=(line.unit_measure or "unit")[:10],
                    external_code=line.sku[:30] if line.sku else None,
                )
                for line in order.lines
            )
        return NewQrOrder(
            external_reference=order.reference,
            total_amount=order.total,
            external_pos_id=self.config.external_pos_id,
            mode=self.mode,
            description=order.title[:150] or None,
            expiration_time=expiration_for(self.config),
            items=items,
        )

    async def _create(self, order: PaymentOrder) -> Order:
        """POST the order (or replay it: same key, same body, same answer)."""
        new = self.new_order(order)
        try:
            return await publish(
                lambda: self.orders.create(new, order.site, idempotency_key=order.idempotency_key, retry=NO_RETRY),
                policy=self.publish_retry,
            )
        except Conflict as exc:
            if exc.code == "idempotency_key_already_used":
                # The key made an order from another body (the settings changed since):
                # an order may exist that we cannot name. Reconcile by reference.
                raise OutcomeUnknown(
                    "Mercado Pago already has an order for this attempt that differs from the one sent."
                ) from exc
            raise

    async def publish(self, order: PaymentOrder) -> Published:
        created = await self._create(order)
        return Published(gateway_order_id=created.id, qr_data=created.qr_data if self.mode != "static" else None)

    # --- lookup -------------------------------------------------------------------------

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        now = datetime.now(UTC)
        raw: dict[str, Any] = {"gateway": self.name, "reference": order.reference, "total": str(order.total)}
        if order.gateway_order_id is None:
            # No answer to the create yet: what the reference shows (merchant_orders).
            found = await self.client.search_merchant_orders(order.reference)
            decision = decide(order.total, order.reference, [order_snapshot(mo, order.site) for mo in found])
            raw["merchant_orders"] = [merchant_order_json(mo) for mo in found]
            published = False if check_published else None
        else:
            current = await self.orders.get(order.gateway_order_id)
            decision = decide_order(current, order.total, order.reference, order.site)
            raw["order"] = order_json(current)
            published = (current.status == PAYABLE_STATUS) if check_published else None
        raw.update(outcome=str(decision.outcome), approved_total=str(decision.approved_total), at=now.isoformat())
        if check_published:
            raw["order_on_qr"] = published
        return Lookup(decision=decision, at=now, published=published, raw=raw)

    # --- withdraw -----------------------------------------------------------------------

    async def withdraw(self, order: PaymentOrder) -> None:
        order_id = order.gateway_order_id
        if order_id is None:
            # The create's answer was lost: replaying it (same key, same body) names the
            # order if it exists, and at worst makes it now, to be cancelled at once.
            order_id = (await self._create(order)).id
        try:
            await self.orders.cancel(order_id, idempotency_key=f"{order.idempotency_key}-cancel")
        except (Conflict, NotFound) as refusal:
            # Trusted as "withdrawn" only if the order itself says it can no longer be paid
            # (processed, canceled, expired, or gone); one still `created` keeps the cancel pending.
            try:
                current = await self.orders.get(order_id)
            except NotFound:
                return
            if current.status == PAYABLE_STATUS:
                raise refusal

    # --- refund -------------------------------------------------------------------------

    async def _classic_refund(self, mp_payment_id: int, amount: Decimal | None, key: str) -> RefundResult:
        refund = await self.client.refund_payment(
            mp_payment_id, idempotency_key=key, amount=amount, site=self.config.site
        )
        return RefundResult(mp_refund_id=refund.id, amount=refund.amount, status=refund.status)

    async def refund(self, mp_payment_id: int, amount: Decimal | None, idempotency_key: str) -> RefundResult:
        # The Orders order a payment came from (`point_of_interaction.references`, api §4.4).
        order_id = (await self.client.get_payment(mp_payment_id)).order_id
        if order_id is None:
            return await self._classic_refund(mp_payment_id, amount, idempotency_key)
        current = await self.orders.get(order_id)
        tx = next((t for t in current.payments if t.payment_id == mp_payment_id), None)
        if tx is None:
            raise MalformedResponse(f"order {order_id} does not list payment {mp_payment_id}")
        if amount is None:
            result = await self.orders.refund(order_id, idempotency_key=idempotency_key)
        elif not self.partial_refunds:
            return await self._classic_refund(mp_payment_id, amount, f"{idempotency_key}-p")
        else:
            try:
                result = await self.orders.refund(
                    order_id, idempotency_key=idempotency_key, transactions=[(tx.id, amount)], site=self.config.site
                )
            except BadRequest as exc:
                if exc.code not in PARTIAL_REFUSED:
                    raise
                # This account refunds orders in full only: refund the payment in part instead
                # (its own key, stable across retries).
                return await self._classic_refund(mp_payment_id, amount, f"{idempotency_key}-p")
        mine = [r for r in result.refunds if r.transaction_id in (None, tx.id)]
        if not mine:
            raise MalformedResponse(f"the refund of order {order_id} lists no refund")
        refund = mine[-1]
        refund_id = refund.refund_id
        if refund_id is None:
            raise MalformedResponse(f"refund {refund.id} carries no payment refund id")
        status = refund.status
        if status not in ("processed", "approved"):
            # Accepted and "processing": read the order once to see whether it finished.
            after = await self.orders.get(order_id)
            status = next((r.status for r in after.refunds if r.id == refund.id), status)
        return RefundResult(
            mp_refund_id=refund_id,
            amount=refund.amount,
            status="approved" if status in ("processed", "approved") else status,
        )
