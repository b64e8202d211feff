"""The Instore Orders v2 gateway ("QR attended"): PUT the order on the POS, follow it
through merchant_orders searched by external_reference, DELETE it to withdraw.

- publish: `PUT /instore/qr/seller/collectors/{user}/stores/{store}/pos/{pos}/orders` with
  `expiration_date` and (optionally) `notification_url`. The PUT replaces the POS's one
  order, so sending the same attempt again is idempotent. It is sent one try at a time
  (`publishing.publish`, not the HTTP layer's retries) to know whether any try may have
  reached Mercado Pago: only when none could is the failure `NotDelivered`.
- lookup: every merchant_order with the reference (each scan makes its own), decided by
  `domain.sale.decide`; with `check_published`, also the POS's current order.
- withdraw: `DELETE .../pos/{pos}/orders`; nothing there counts as withdrawn.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import ClientGateway, Lookup, PaymentOrder, Published, RefundResult
from qrcashier.checkout.merchant_orders import merchant_order_json, order_snapshot
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY, publish
from qrcashier.domain.sale import decide
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import NotFound
from qrcashier.mercadopago.http import NO_RETRY, RetryPolicy
from qrcashier.mercadopago.models import InstoreOrder, OrderItem


class InstoreV2Gateway(ClientGateway):
    name = "instore_v2"
    withdraw_is_final = True  # the DELETE takes the order off the QR

    def __init__(
        self,
        client: MercadoPagoClient,
        config: RegisterConfig,
        *,
        publish_retry: RetryPolicy | None = None,  # None: publishing.DEFAULT_PUBLISH_RETRY
    ) -> None:
        super().__init__(client, config)
        self.publish_retry = publish_retry

    # --- publish ------------------------------------------------------------------------

    def _body(self, order: PaymentOrder) -> InstoreOrder:
        return InstoreOrder(
            external_reference=order.reference,
            title=order.title,
            total_amount=order.total,
            items=tuple(
                OrderItem(
                    title=line.title,
                    unit_price=line.unit_price,
                    quantity=line.quantity,
                    unit_measure=line.unit_measure,
                    sku_number=line.sku,
                )
                for line in order.lines
            ),
            notification_url=self.config.notification_url,
            expiration_date=order.expires_at,
        )

    async def publish(self, order: PaymentOrder) -> Published:
        cfg = self.config
        body = self._body(order)
        await publish(
            lambda: self.client.put_instore_order(
                cfg.user_id, cfg.external_store_id, cfg.external_pos_id, body, order.site, retry=NO_RETRY
            ),
            policy=self.publish_retry or DEFAULT_PUBLISH_RETRY,
        )
        return Published()

    # --- lookup -------------------------------------------------------------------------

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        orders = await self.client.search_merchant_orders(order.reference)
        decision = decide(order.total, order.reference, [order_snapshot(mo, order.site) for mo in orders])
        published: bool | None = None
        on_pos: str | None = None
        if check_published:
            current = await self.client.get_instore_order(self.config.user_id, self.config.external_pos_id)
            on_pos = None if current is None else current.external_reference
            published = on_pos == order.reference
        now = datetime.now(UTC)
        raw: dict[str, Any] = {
            "gateway": self.name,
            "reference": order.reference,
            "total": str(order.total),
            "outcome": str(decision.outcome),
            "approved_total": str(decision.approved_total),
            "merchant_orders": [merchant_order_json(mo) for mo in orders],
            "at": now.isoformat(),
        }
        if check_published:
            raw["order_on_pos"] = on_pos
        return Lookup(decision=decision, at=now, published=published, raw=raw)

    # --- withdraw and refund ------------------------------------------------------------

    async def withdraw(self, order: PaymentOrder) -> None:
        try:
            await self.client.delete_instore_order(self.config.user_id, self.config.external_pos_id)
        except NotFound as exc:
            if exc.code not in (None, "point_of_sale_in_store_order_not_found", "in_store_order_not_found"):
                raise  # e.g. the POS itself is unknown: a configuration problem, not "already gone"

    async def refund(self, mp_payment_id: int, amount: Decimal | None, idempotency_key: str) -> RefundResult:
        refund = await self.client.refund_payment(
            mp_payment_id, idempotency_key=idempotency_key, amount=amount, site=self.config.site
        )
        return RefundResult(mp_refund_id=refund.id, amount=refund.amount, status=refund.status)
