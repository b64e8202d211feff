"""Helpers for the merchant endpoint tests: a steerable clock and a fuel order (the endpoint on a
loopback port is in tests/integration/unattended)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from qrcashier.domain.money import site
from qrcashier.mercadopago.models import InstoreOrder, OrderItem

MLA = site("MLA")
START = datetime(2025, 3, 10, 15, 0, 0, tzinfo=UTC)


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
