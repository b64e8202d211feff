"""Fixtures for the sandbox tests: a server on a free loopback port, with a frozen clock and
fast IPN retries, and an httpx client that talks to it over a real socket."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest_asyncio

from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.geography import main_place
from qrcashier.sandbox.server import SandboxServer
from tests.support.leakwatch import KNOWN_TOKEN

# The suite's leak-watched token: if the sandbox ever logs it, the run fails.
TOKEN = KNOWN_TOKEN
START = datetime(2025, 3, 10, 15, 0, 0, tzinfo=UTC)

LOCATION = {
    "street_number": "1235",
    "street_name": "Otra Calle",
    "city_name": "La Plata",
    "state_name": "Buenos Aires",
    "latitude": -34.9206,
    "longitude": -57.9537,
    "reference": "Near the station",
}


# One verifying TLS context for every client: building one per client (httpx's default) costs
# ~40 ms of certificate loading each, most of this suite's run time. The sandbox is plain
# http on loopback anyway.
TLS = ssl.create_default_context()


def http(base_url: str = "", **kwargs: Any) -> httpx.AsyncClient:
    """An httpx client for the tests (real sockets; shares the TLS context)."""
    kwargs.setdefault("timeout", 5.0)
    return httpx.AsyncClient(base_url=base_url, verify=TLS, **kwargs)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def order_body(**overrides: Any) -> dict[str, Any]:
    """A valid v2 order: 2 × 75.25 + 1 × 49.50 = 200.00 (ARS)."""
    body: dict[str, Any] = {
        "external_reference": "REG1-42-1",
        "title": "Sale 42",
        "description": "Coffee and croissant",
        "total_amount": 200.0,
        "items": [
            {"sku_number": "779", "title": "Coffee", "unit_price": 75.25, "quantity": 2,
             "unit_measure": "unit", "total_amount": 150.5},
            {"title": "Croissant", "unit_price": 49.5, "quantity": 1, "unit_measure": "unit", "total_amount": 49.5},
        ],
    }
    body.update(overrides)
    return body


@dataclass
class Seller:
    """A client logged in as one seller, with a store and a POS ready."""

    client: httpx.AsyncClient
    user_id: int
    store_id: str
    pos_id: int
    external_store_id: str = "STORE1"
    external_pos_id: str = "POS1"

    @property
    def order_path(self) -> str:
        return (
            f"/instore/qr/seller/collectors/{self.user_id}/stores/{self.external_store_id}"
            f"/pos/{self.external_pos_id}/orders"
        )

    @property
    def pos_orders_path(self) -> str:
        return f"/instore/qr/seller/collectors/{self.user_id}/pos/{self.external_pos_id}/orders"

    async def put_order(self, **overrides: Any) -> httpx.Response:
        return await self.client.put(self.order_path, json=order_body(**overrides))

    async def control(self, action: str, body: Any = None) -> httpx.Response:
        return await self.client.post(f"/sandbox/pos/{self.external_pos_id}/{action}", json=body)


@pytest_asyncio.fixture
async def clock() -> Clock:
    return Clock(START)


@pytest_asyncio.fixture
async def server(clock: Clock) -> AsyncIterator[SandboxServer]:
    srv = await SandboxServer.start(clock=clock, ipn_retry_delays=(0.05, 0.05), ipn_timeout=1.0, sweep_interval=0.05)
    try:
        yield srv
    finally:
        await srv.close()


@pytest_asyncio.fixture
async def client(server: SandboxServer, token: str) -> AsyncIterator[httpx.AsyncClient]:
    async with http(server.base_url, headers=auth(token)) as c:
        yield c


async def make_seller(
    client: httpx.AsyncClient, external_store_id: str = "STORE1", external_pos_id: str = "POS1"
) -> Seller:
    me = (await client.get("/users/me")).json()
    location = dict(LOCATION)
    if me["site_id"] != "MLA":  # the store must stand in the seller's own site
        location["city_name"], location["state_name"] = main_place(me["site_id"])
    store = await client.post(
        f"/users/{me['id']}/stores",
        json={"name": "Main street", "external_id": external_store_id, "location": location},
    )
    assert store.status_code == 201, store.text
    pos = await client.post(
        "/pos",
        json={"name": "Register 1", "fixed_amount": True, "store_id": int(store.json()["id"]),
              "external_store_id": external_store_id, "external_id": external_pos_id, "category": 621102},
    )
    assert pos.status_code == 201, pos.text
    return Seller(client, me["id"], store.json()["id"], pos.json()["id"], external_store_id, external_pos_id)


@pytest_asyncio.fixture
async def seller(client: httpx.AsyncClient) -> Seller:
    return await make_seller(client)
