"""Fixtures for the merchant endpoint tests: an endpoint on a free loopback port with a
steerable clock, and an httpx client calling it over a real socket, as Mercado Pago would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest_asyncio

from qrcashier.domain.money import site
from qrcashier.mercadopago.models import InstoreOrder, OrderItem
from qrcashier.unattended import MerchantEndpoint

MLA = site("MLA")
START = datetime(2025, 3, 10, 15, 0, 0, tzinfo=UTC)
REGISTERS = ("CAJA1", "SURTIDOR2")


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def fuel_order(reference: str = "CAJA1-7-1", amount: str = "1500.50", *, expires_in: float | None = 600,
               now: datetime = START, notification_url: str | None = "https://merchant.example/ipn") -> InstoreOrder:
    return InstoreOrder(
        external_reference=reference,
        title="Fuel",
        description="Pump 2",
        total_amount=Decimal(amount),
        items=(OrderItem("Super 95", Decimal(amount), 1, unit_measure="unit", sku_number="SUPER95"),),
        notification_url=notification_url,
        expiration_date=None if expires_in is None else now + timedelta(seconds=expires_in),
    )


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
