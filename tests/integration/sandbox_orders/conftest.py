"""Fixtures for the sandbox's Orders API: a server on loopback with a frozen clock, sellers with a
store and a POS, the real Orders client, and a webhook catcher."""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest_asyncio
from aiohttp import web

from qrcashier.domain.money import SITES
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.orders import OrdersClient
from qrcashier.provisioning import DEMO_LOCATION, RegisterSpec, ensure_register
from qrcashier.sandbox.accounts import token_site
from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.geography import main_place
from qrcashier.sandbox.orders.book import OrdersApi
from qrcashier.sandbox.server import SandboxServer

START = datetime(2025, 12, 9, 17, 19, 54, 99000, tzinfo=UTC)
TLS = ssl.create_default_context()
STORE, POS = "STORE1", "POS1"
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02, max_retry_after=0.5)


@dataclass
class Seller:
    token: str
    http: httpx.AsyncClient  # raw requests, with the seller's bearer
    mp: MercadoPagoClient
    orders: OrdersClient
    user_id: int
    server: SandboxServer

    @property
    def api(self) -> OrdersApi:
        return next(e for e in self.server.state.extensions if isinstance(e, OrdersApi))

    async def create(self, body: dict | None = None, *, key: str | None = "key-1", **overrides: Any) -> httpx.Response:
        headers = {} if key is None else {"X-Idempotency-Key": key}
        return await self.http.post("/v1/orders", json=body if body is not None else order_body(**overrides),
                                    headers=headers)

    async def control(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return await self.http.request(method, path, json=body)

    async def pay(self, status: str = "approved", **extra: Any) -> httpx.Response:
        return await self.control("POST", f"/sandbox/pos/{POS}/pay", {"status": status, **extra})

    async def scan(self) -> httpx.Response:
        return await self.control("POST", f"/sandbox/pos/{POS}/scan")


def order_body(**overrides: Any) -> dict[str, Any]:
    """A valid QR order: 2 × 400.00 + 1 × 200.00 = 1000.00 ARS."""
    body: dict[str, Any] = {
        "type": "qr",
        "total_amount": "1000.00",
        "description": "Kiosco",
        "external_reference": "CAJA1-S1-1",
        "expiration_time": "PT16M",
        "config": {"qr": {"external_pos_id": POS, "mode": "static"}},
        "transactions": {"payments": [{"amount": "1000.00"}]},
        "items": [
            {"title": "Mate", "unit_price": "400.00", "quantity": 2, "unit_measure": "unit", "external_code": "779"},
            {"title": "Yerba", "unit_price": "200.00", "quantity": 1, "unit_measure": "unit"},
        ],
    }
    body.update(overrides)
    return body


@pytest_asyncio.fixture
async def server():
    server = await SandboxServer.start(
        "127.0.0.1", 0, "MLA", clock=Clock(START), ipn_retry_delays=(0.05, 0.05), ipn_timeout=1.0, sweep_interval=0.05
    )
    try:
        yield server
    finally:
        await server.close()


@pytest_asyncio.fixture
async def make_seller(server):
    opened: list[httpx.AsyncClient] = []

    async def make(token: str, *, timeout: float = 5.0) -> Seller:
        raw = httpx.AsyncClient(base_url=server.base_url, verify=TLS, timeout=5.0,
                                headers={"Authorization": f"Bearer {token}"})
        client = httpx.AsyncClient(verify=TLS)
        opened.extend([raw, client])
        http = MercadoPagoHTTP(client, AccessToken(token), base_url=server.base_url,
                               timeout=httpx.Timeout(timeout), retry=FAST_RETRY)
        mp = MercadoPagoClient(http)
        city, state = main_place(token_site(token, SITES["MLA"]).id)  # a store where the seller's site has one
        location = replace(DEMO_LOCATION, city_name=city, state_name=state)
        provisioned = await ensure_register(mp, RegisterSpec(STORE, POS, location=location))
        return Seller(token, raw, mp, OrdersClient(http), provisioned.user.id, server)

    yield make
    for client in opened:
        await client.aclose()


@pytest_asyncio.fixture
async def seller(make_seller, token) -> Seller:
    return await make_seller(token)


@dataclass
class Caught:
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class WebhookCatcher:
    url: str
    caught: list[Caught] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answers to give, in order; then 200
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def wait(self, count: int, timeout: float = 3.0) -> list[Caught]:
        async with asyncio.timeout(timeout):
            while len(self.caught) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.caught


@pytest_asyncio.fixture
async def catcher():
    holder: dict[str, WebhookCatcher] = {}

    async def handle(request: web.Request) -> web.Response:
        c = holder["c"]
        c.caught.append(Caught(dict(request.query), {k.lower(): v for k, v in request.headers.items()},
                               await request.json()))
        c.arrived.set()
        return web.Response(status=c.statuses.pop(0) if c.statuses else 200)

    app = web.Application()
    app.router.add_post("/hooks", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    holder["c"] = WebhookCatcher(f"http://127.0.0.1:{runner.addresses[0][1]}/hooks")
    try:
        yield holder["c"]
    finally:
        await runner.cleanup()
