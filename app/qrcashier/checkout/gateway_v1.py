"""The legacy v1 gateway (`/mpmobile/instore/qr/{user_id}/{external_id}`), for accounts still
on the oldest in-store call (api §1.4), and the legacy dynamic/hybrid QR gateway (`/qrs`, §1.5).

Both follow a sale exactly like Instore v2 (every merchant_order of the reference, decided by
`domain.sale.decide`; refunds through `/v1/payments/{id}/refunds`), so they extend
`InstoreV2Gateway` and change only how the order is placed and withdrawn.

`LegacyV1Gateway`
- publish: `POST /mpmobile/instore/qr/{user}/{pos}` with the v1 body (items carry
  `currency_id`; no expiration date) and `X-Ttl-Store-Preference: <whole seconds left>`, so
  the order leaves the QR by the time the attempt expires. The POST places the POS's one order
  (create or replace), so sending the same attempt again is harmless; tries go out one at
  a time to tell "never sent" from "outcome unknown".
- withdraw: `DELETE /mpmobile/instore/qr/{user}/{pos}` (204; nothing there is success).
- "is it on the QR?" asks the v2 `GET .../pos/{pos}/orders`. Whether Mercado Pago shows a v1
  order there is not documented: if it does not (a 404), the engine sees the order as not
  placed and places it again, which for this replace-only call changes nothing.

`InstoreQrGateway` (dynamic or hybrid QR, legacy family)
- dynamic: `POST /instore/orders/qr/seller/collectors/{user}/pos/{pos}/qrs` → `qr_data`
  (rendered on the customer's window) and `in_store_order_id`. Each POST makes a new QR,
  so it is sent once: a failure whose outcome is unknown is reconciled by reference, never
  blindly repeated. (A QR whose reply was lost was never shown, so it counts as not on the
  QR: once a read finds nothing paid or scanned, the engine's one republish makes a new one.)
- hybrid: `PUT` on the same path: the order goes on the POS's static QR and a dynamic QR is
  made as well. A PUT replaces, so it is retried like the v2 PUT. Whether it answers with
  `qr_data` is disputed (§1.5): when it does not, the static QR is shown.
- dynamic withdraw: nothing can be sent. A POSTed dynamic QR is not on the POS's static QR
  and has no DELETE (§1.5): it stays payable until its `expiration_date` (the attempt's
  `expires_at`). So `withdraw_is_final` is False and the engine keeps reading a cancelled
  attempt until then (a payment still wins). "Is it on the QR?" is answered from what the
  gateway knows (the v2 GET shows only the static QR's order): the QR was made (the attempt
  has its `in_store_order_id`), it is not paid or expired, and `expires_at` is ahead.
- hybrid withdraw: the v2 `DELETE` (the order is on the static QR; the dynamic QR shows
  the same order).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import Lookup, PaymentOrder, Published
from qrcashier.checkout.instore_v2 import InstoreV2Gateway
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY, publish
from qrcashier.domain.sale import Outcome
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import NotFound
from qrcashier.mercadopago.http import NO_RETRY, RetryPolicy

V1_GONE = (None, "point_of_sale_in_store_order_not_found", "in_store_order_not_found", "not_found")


def ttl_seconds(order: PaymentOrder, now: datetime | None = None) -> int:
    """Whole seconds until the attempt expires, rounded down (at least 1): the v1 order's
    lifetime, so it never outlives the attempt."""
    left = (order.expires_at - (now or datetime.now(UTC))).total_seconds()
    return max(1, math.floor(left))


class LegacyV1Gateway(InstoreV2Gateway):
    name = "v1"

    def __init__(
        self, client: MercadoPagoClient, config: RegisterConfig, *, publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY
    ) -> None:
        super().__init__(client, config, publish_retry=publish_retry)

    async def publish(self, order: PaymentOrder) -> Published:
        cfg = self.config
        body = self._body(order)
        placed = await publish(
            # The TTL is worked out again on each try: the order never outlives the attempt.
            lambda: self.client.create_v1_order(
                cfg.user_id, cfg.external_pos_id, body, order.site, ttl_seconds=ttl_seconds(order), retry=NO_RETRY
            ),
            policy=self.publish_retry,
        )
        return Published(gateway_order_id=placed.id)

    async def withdraw(self, order: PaymentOrder) -> None:
        try:
            await self.client.delete_v1_order(self.config.user_id, self.config.external_pos_id)
        except NotFound as exc:
            if exc.code not in V1_GONE:
                raise  # e.g. the POS itself is unknown: a configuration problem


class InstoreQrGateway(InstoreV2Gateway):
    name = "instore_v2"

    def __init__(
        self,
        client: MercadoPagoClient,
        config: RegisterConfig,
        *,
        mode: str = "dynamic",
        publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY,
    ) -> None:
        if mode not in ("dynamic", "hybrid"):
            raise ValueError('the legacy QR gateway is "dynamic" or "hybrid"')
        super().__init__(client, config, publish_retry=publish_retry)
        self.mode = mode
        # False in dynamic mode: `withdraw` cannot take the order off its QR, which stays
        # payable until the attempt's expires_at (§1.5).
        self.withdraw_is_final = mode == "hybrid"

    async def publish(self, order: PaymentOrder) -> Published:
        cfg = self.config
        body = self._body(order)
        if self.mode == "hybrid":
            placed = await publish(
                lambda: self.client.put_hybrid_order(
                    cfg.user_id, cfg.external_pos_id, body, order.site, retry=NO_RETRY
                ),
                policy=self.publish_retry,
            )
        else:
            # A POST makes a new QR each time: one try only.
            placed = await publish(
                lambda: self.client.create_dynamic_qr(cfg.user_id, cfg.external_pos_id, body, order.site),
                policy=NO_RETRY,
            )
        return Published(gateway_order_id=placed.in_store_order_id, qr_data=placed.qr_data)

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        if self.mode == "hybrid":
            return await super().lookup(order, check_published=check_published)
        found = await super().lookup(order)  # the v2 GET would only show the static QR's order
        if not check_published:
            return found
        live = (
            order.gateway_order_id is not None
            and found.outcome not in (Outcome.PAID, Outcome.EXPIRED, Outcome.CANCELLED)
            and datetime.now(UTC) < order.expires_at
        )
        return replace(found, published=live, raw={**found.raw, "dynamic_qr_live": live})

    async def withdraw(self, order: PaymentOrder) -> None:
        if self.mode == "hybrid":
            await super().withdraw(order)
        # dynamic: there is no DELETE for a dynamic QR; it ends at its expiration_date.
