"""Fixtures for the merchant endpoint tests: an endpoint on a free loopback port with a
steerable clock, and an httpx client calling it over a real socket, as Mercado Pago would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest_asyncio

from qrcashier.unattended import MerchantEndpoint
from tests.unit.unattended.conftest import FakeClock

REGISTERS = ("CAJA1", "SURTIDOR2")


@dataclass
class Running:
    endpoint: MerchantEndpoint
    client: httpx.AsyncClient
    clock: FakeClock

    async def poll(self, pos: str | None = "CAJA1", **kw) -> httpx.Response:
        url = self.endpoint.pos_url(pos) if pos is not None else self.endpoint.route_url
        return await self.client.get(url, **kw)


@pytest_asyncio.fixture
async def running() -> AsyncIterator[Running]:
    clock = FakeClock()
    endpoint = await MerchantEndpoint.start(registers=REGISTERS, contract="202", clock=clock, control_port=0)
    async with httpx.AsyncClient(timeout=5) as client:
        yield Running(endpoint, client, clock)
    await endpoint.close()
