"""The unattended gateway (self-service registers, pumps, vending machines; api §6).

The POS was created with a `url` pointing at the merchant endpoint (`qrcashier.unattended`);
Mercado Pago asks that url for the order when a customer scans. So the order is not sent to
Mercado Pago at all: it is placed on the endpoint, and everything after the scan is the
attended flow again. That is why this gateway extends `InstoreV2Gateway` and changes only
where the order goes:

- publish: place the v2 order body (the same `_body` as the v2 PUT: items, total,
  `notification_url`, `expiration_date`) on the endpoint's slot for this POS, through an
  `OrderBoard` (in-process `LocalBoard`, or `RemoteBoard` for a `qrcashier-merchant-server`
  elsewhere). Placing the same attempt again replaces it with the same body: idempotent.
- lookup: exactly the v2 lookup (every merchant_order with the reference, decided by
  `domain.sale.decide`). "Is it on the QR?" (`check_published`) asks the endpoint instead
  of Mercado Pago. When the reading is paid, the order is taken off the endpoint, so a
  second scan gets "nothing to pay" instead of the same order again (Mercado Pago removes
  a paid v2 order from the POS itself; here that is the merchant's job).
- withdraw: take this attempt's order off the endpoint (another attempt's order is left
  alone; nothing there is success).
- refund: the v2 refund (`POST /v1/payments/{id}/refunds`).

Endpoint failures become the engine's gateway errors: a refusal (unknown register, an
order it will not offer) or a connection never made is `NotDelivered` (nothing changed);
a request that may have arrived is `OutcomeUnknown`.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from qrcashier.checkout.board import BoardRefused, BoardUnreachable, OrderBoard, TakeReason
from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import Lookup, NotDelivered, OutcomeUnknown, PaymentOrder, Published
from qrcashier.checkout.instore_v2 import InstoreV2Gateway
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY
from qrcashier.domain.sale import Outcome
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.http import RetryPolicy

log = logging.getLogger("qrcashier.checkout.unattended")


def _gateway_error(exc: BoardRefused | BoardUnreachable) -> NotDelivered | OutcomeUnknown:
    if isinstance(exc, BoardUnreachable) and exc.delivered:
        return OutcomeUnknown(exc.user_message)
    return NotDelivered(exc.user_message)


class UnattendedGateway(InstoreV2Gateway):
    name = "unattended"

    def __init__(
        self,
        client: MercadoPagoClient,
        config: RegisterConfig,
        board: OrderBoard,
        *,
        publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY,
    ) -> None:
        super().__init__(client, config, publish_retry=publish_retry)
        self.board = board

    async def publish(self, order: PaymentOrder) -> Published:
        try:
            await self.board.place(self.config.external_pos_id, self._body(order), order.site)
        except (BoardRefused, BoardUnreachable) as exc:
            raise _gateway_error(exc) from exc
        return Published()

    async def lookup(self, order: PaymentOrder, *, check_published: bool = False) -> Lookup:
        found = await super().lookup(order, check_published=False)
        published: bool | None = None
        raw = dict(found.raw)
        if check_published:
            try:
                on_endpoint = await self.board.current_reference(self.config.external_pos_id)
            except (BoardRefused, BoardUnreachable) as exc:
                raise _gateway_error(exc) from exc
            published = on_endpoint == order.reference
            raw["order_on_endpoint"] = on_endpoint
        if found.outcome == Outcome.PAID:
            await self._take_paid(order.reference)
        return replace(found, published=published, raw=raw)

    async def _take_paid(self, reference: str) -> None:
        try:
            await self.board.take(self.config.external_pos_id, reference, TakeReason.PAID)
        except (BoardRefused, BoardUnreachable) as exc:
            # The sale is paid whatever happens here; the order still leaves the endpoint at
            # its expiration date. Said loudly: until then a scan would be offered it again.
            log.warning("paid order %s could not be taken off the merchant endpoint: %s", reference, exc)

    async def withdraw(self, order: PaymentOrder) -> None:
        try:
            await self.board.take(self.config.external_pos_id, order.reference, TakeReason.WITHDRAWN)
        except (BoardRefused, BoardUnreachable) as exc:
            raise _gateway_error(exc) from exc
