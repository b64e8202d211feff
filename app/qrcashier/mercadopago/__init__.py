"""The async Mercado Pago client: typed models and typed errors over an injected httpx.AsyncClient."""

from qrcashier.mercadopago.client import MercadoPagoClient
from qrcashier.mercadopago.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    MalformedResponse,
    MercadoPagoError,
    NotFound,
    RateLimited,
    ServerError,
    Timeout,
    TokenMissing,
    Unauthorized,
    Unreachable,
)
from qrcashier.mercadopago.http import MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.orders import NewQrOrder, Order, OrdersClient
from qrcashier.mercadopago.secret import AccessToken

__all__ = [
    "AccessToken",
    "BadRequest",
    "Conflict",
    "Forbidden",
    "MalformedResponse",
    "MercadoPagoClient",
    "MercadoPagoError",
    "MercadoPagoHTTP",
    "NewQrOrder",
    "NotFound",
    "Order",
    "OrdersClient",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "Timeout",
    "TokenMissing",
    "Unauthorized",
    "Unreachable",
]
