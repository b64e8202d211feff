"""The async Mercado Pago client: typed models and typed errors over an injected httpx.AsyncClient.

The names below load on first use (PEP 562): importing a light submodule such as
`qrcashier.mercadopago.vocabulary` or `.secret` must not pull in httpx and the client,
which cost about 120 ms before the first paint."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "AccessToken": "secret",
    "BadRequest": "errors",
    "Conflict": "errors",
    "Forbidden": "errors",
    "MalformedResponse": "errors",
    "MercadoPagoClient": "client",
    "MercadoPagoError": "errors",
    "MercadoPagoHTTP": "http",
    "NewQrOrder": "orders",
    "NotFound": "errors",
    "Order": "orders",
    "OrdersClient": "orders",
    "RateLimited": "errors",
    "RetryPolicy": "http",
    "ServerError": "errors",
    "Timeout": "errors",
    "TokenMissing": "errors",
    "Unauthorized": "errors",
    "Unreachable": "errors",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


if TYPE_CHECKING:
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
