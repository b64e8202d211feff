"""The async Mercado Pago client: typed models and typed errors over an injected httpx.AsyncClient."""

from .client import MercadoPagoClient
from .errors import (
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
from .http import MercadoPagoHTTP, RetryPolicy
from .orders import NewQrOrder, Order, OrdersClient
from .secret import AccessToken

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
