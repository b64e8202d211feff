"""What the request tests (test_requests_*.py) share: the sample orders and the checks on a request."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import httpx

from qrcashier.domain.money import site
from qrcashier.mercadopago.models import (
    InstoreOrder,
    OrderItem,
)

MLA, MLC, MCO = site("MLA"), site("MLC"), site("MCO")
USER = 495852790
ISO_MS_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")

def order(**overrides) -> InstoreOrder:
    fields = dict(
        external_reference="SALE-7",
        title="Counter sale",
        total_amount=Decimal("1234.50"),
        items=(
            OrderItem("Empanada", Decimal("411.50"), 3, sku_number="A1", category="food", description="carne"),
        ),
        description="2 items",
        notification_url="https://example.com/ipn",
        expiration_date=datetime(2030, 8, 22, 16, 34, 56, 559123, tzinfo=timezone(timedelta(hours=-4))),
        sponsor_id=446566691,
    )
    fields.update(overrides)
    return InstoreOrder(**fields)


def clp_order() -> InstoreOrder:
    return InstoreOrder(
        external_reference="VENTA-1",
        title="Venta",
        total_amount=Decimal("4500"),
        items=(OrderItem("Completo", Decimal("1500"), 3),),
    )


def assert_common_headers(request: httpx.Request, bearer: str, *, has_body: bool) -> None:
    assert request.headers["Authorization"] == bearer
    assert request.headers["Accept"] == "application/json"
    if has_body:
        assert request.headers["Content-Type"] == "application/json"
    assert "access_token" not in str(request.url)  # the deprecated query-string form is never used


def assert_no_number_beyond_cents(raw: bytes) -> None:
    """Every JSON number in the body has at most two decimals."""

    def walk(value) -> None:
        if isinstance(value, Decimal):
            assert -value.as_tuple().exponent <= 2, (value, raw)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(raw, parse_float=Decimal))
