"""Fixtures for the Orders API client tests: a respx router behind an injected transport."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx
import pytest_asyncio
import respx

from qrcashier.mercadopago import AccessToken, MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.orders import OrdersClient
from tests.unit.client.conftest import FakeSleep

BASE = "https://api.mercadopago.com"


@dataclass
class Harness:
    router: respx.Router
    orders: OrdersClient
    sleep: FakeSleep

    @property
    def requests(self) -> list[httpx.Request]:
        return [call.request for call in self.router.calls]


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def json_reply(status: int, payload: Any) -> httpx.Response:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return httpx.Response(status, content=text.encode(), headers={"Content-Type": "application/json"})


@pytest_asyncio.fixture
async def mp(token):
    router = respx.Router(base_url=BASE, assert_all_called=False)
    sleep = FakeSleep()
    client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
    http = MercadoPagoHTTP(client, AccessToken(token), retry=RetryPolicy(attempts=3), sleep=sleep)
    try:
        yield Harness(router, OrdersClient(http), sleep)
    finally:
        await client.aclose()
