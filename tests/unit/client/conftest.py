"""Fixtures for the Mercado Pago client tests: a respx router behind an injected transport."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import pytest_asyncio
import respx

from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy

BASE = "https://api.mercadopago.com"


@dataclass
class FakeSleep:
    """Stands in for asyncio.sleep: records each wait instead of waiting."""

    waits: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@dataclass
class Harness:
    router: respx.Router
    client: MercadoPagoClient
    http: MercadoPagoHTTP
    sleep: FakeSleep

    @property
    def requests(self) -> list[httpx.Request]:
        return [call.request for call in self.router.calls]

    @property
    def last(self) -> httpx.Request:
        return self.router.calls.last.request


def body_of(request: httpx.Request) -> Any:
    """The request's JSON body, floats kept as floats so types can be asserted."""
    return json.loads(request.content)


def raw_path(request: httpx.Request) -> str:
    """The path exactly as sent (percent-encoding kept), without the query."""
    return request.url.raw_path.decode().split("?", 1)[0]


def json_reply(status: int, text: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """A reply whose body is the given JSON text, byte for byte."""
    return httpx.Response(
        status, content=text.encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )


@pytest_asyncio.fixture
async def harness_factory(token):
    """Builds harnesses (router + client) with a chosen retry policy; closes every httpx client."""
    opened: list[httpx.AsyncClient] = []

    def make(retry: RetryPolicy = RetryPolicy(), *, token_text: str | None = None) -> Harness:
        router = respx.Router(base_url=BASE, assert_all_called=False)
        sleep = FakeSleep()
        client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
        opened.append(client)
        http = MercadoPagoHTTP(client, AccessToken(token_text or token), retry=retry, sleep=sleep)
        return Harness(router, MercadoPagoClient(http), http, sleep)

    yield make
    for client in opened:
        await client.aclose()


@pytest_asyncio.fixture
async def mp(harness_factory) -> Harness:
    return harness_factory()


@pytest.fixture
def bearer(token) -> str:
    return f"Bearer {token}"
