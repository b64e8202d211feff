"""The Orders API keeps an order 30 s at least (PT30S, api §2.1): a register whose order expiry is
shorter is refused by the gateway, never stretched to 30 s (the engine would end the attempt while
Mercado Pago still offers the order)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
import pytest_asyncio

from qrcashier.checkout import RegisterConfig
from qrcashier.checkout.gateway_orders import OrdersGateway, expiration_for
from qrcashier.checkout.gateways import make_gateway
from qrcashier.domain.money import SITES
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP
from qrcashier.mercadopago.orders import format_duration

pytestmark = pytest.mark.asyncio


def config(seconds: float) -> RegisterConfig:
    return RegisterConfig("CAJA1", 1, "STORE1", "POS1", SITES["MLA"], order_expiry=timedelta(seconds=seconds))


@pytest_asyncio.fixture
async def client(token):
    async with httpx.AsyncClient() as http:  # never sends: the gateways are only built here
        yield MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(token)))


@pytest.mark.parametrize("seconds", [1, 1.2, 10, 29, 29.9])
@pytest.mark.parametrize("mode", ["static", "dynamic", "hybrid"])
async def test_an_expiry_below_thirty_seconds_is_refused(client, seconds, mode):
    with pytest.raises(ValueError, match="30 seconds"):
        make_gateway("orders", client, config(seconds), qr_mode=mode)


@pytest.mark.parametrize("api", ["instore_v2", "v1"])
async def test_the_other_apis_take_a_short_expiry(client, api):
    assert make_gateway(api, client, config(1.2)).name == api


@pytest.mark.parametrize(("seconds", "sent"), [(30, "PT30S"), (30.7, "PT30S"), (600, "PT10M"), (86400, "PT24H")])
async def test_an_accepted_expiry_goes_out_as_it_is(client, seconds, sent):
    gateway = make_gateway("orders", client, config(seconds))
    assert isinstance(gateway, OrdersGateway)
    assert format_duration(expiration_for(gateway.config)) == sent
