"""Choose the register's gateway from its settings.

    gateway = make_gateway(settings.mp_api, client, config, qr_mode=settings.qr_mode)

`api` (the setting's value):
- "instore_v2" (the default): Instore Orders v2, `PUT .../pos/{pos}/orders`; with a dynamic
  or hybrid `qr_mode`, the legacy `/qrs` dynamic QR of the same family;
- "orders": the Orders API, `POST /v1/orders` (static, dynamic or hybrid);
- "v1": the legacy `/mpmobile/instore/qr/{user}/{pos}` call (static QR only).

With a `board` (an unattended merchant endpoint's order board), the register runs the
unattended model: orders wait on the endpoint, which Mercado Pago polls after a scan
(`UnattendedGateway`; instore v2 family, static QR only).

`qr_mode`: "static" (the POS's printed QR; the default), "dynamic" (a QR made for each
order, shown on the customer's window) or "hybrid" (both).
"""

from __future__ import annotations

from qrcashier.checkout.board import OrderBoard
from qrcashier.checkout.config import RegisterConfig
from qrcashier.checkout.gateway import Gateway
from qrcashier.checkout.gateway_orders import OrdersGateway
from qrcashier.checkout.gateway_unattended import UnattendedGateway
from qrcashier.checkout.gateway_v1 import InstoreQrGateway, LegacyV1Gateway
from qrcashier.checkout.instore_v2 import InstoreV2Gateway
from qrcashier.checkout.publishing import DEFAULT_PUBLISH_RETRY
from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.http import RetryPolicy
from qrcashier.mercadopago.vocabulary import API_FAMILIES, DEFAULT_API, DEFAULT_QR_MODE, QR_MODES


def make_gateway(
    api: str | None,
    client: MercadoPagoClient,
    config: RegisterConfig,
    *,
    qr_mode: str | None = DEFAULT_QR_MODE,
    publish_retry: RetryPolicy = DEFAULT_PUBLISH_RETRY,
    board: OrderBoard | None = None,
) -> Gateway:
    """The gateway for a setting value; ValueError for a value or combination it cannot do."""
    api = (api or DEFAULT_API).strip().lower()
    mode = (qr_mode or DEFAULT_QR_MODE).strip().lower()
    if api not in API_FAMILIES:
        raise ValueError(f"unknown Mercado Pago API {api!r}: choose one of {', '.join(API_FAMILIES)}")
    if mode not in QR_MODES:
        raise ValueError(f"unknown QR mode {mode!r}: choose one of {', '.join(QR_MODES)}")
    if board is not None:
        if api != "instore_v2" or mode != "static":
            raise ValueError("self-service (unattended) registers use instore v2 with the static QR")
        return UnattendedGateway(client, config, board, publish_retry=publish_retry)
    if api == "orders":
        return OrdersGateway(client, config, mode=mode, publish_retry=publish_retry)
    if api == "v1":
        if mode != "static":
            raise ValueError("the legacy v1 API places orders on the static QR only")
        return LegacyV1Gateway(client, config, publish_retry=publish_retry)
    if mode == "static":
        return InstoreV2Gateway(client, config, publish_retry=publish_retry)
    return InstoreQrGateway(client, config, mode=mode, publish_retry=publish_retry)
