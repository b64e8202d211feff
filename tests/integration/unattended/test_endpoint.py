"""Every answer of the merchant endpoint, in both documented contracts, over real sockets."""

from __future__ import annotations

import json

import httpx
import pytest

from qrcashier.mercadopago.models import InstoreOrder
from qrcashier.unattended import MerchantEndpoint, SlotState, TakeReason
from tests.integration.unattended.conftest import Running
from tests.unit.unattended.conftest import MLA, fuel_order

WAITING = {
    "202": (202, {"status": {"status_detail": "Waiting_for_order",
                             "message": "There is no order for this point of sale yet."}}),
    "400": (400, {"error": {"type": "unavailable", "message": "There is no order for this point of sale yet."}}),
}
PREPARING = {
    "202": (202, {"status": {"status_detail": "in_process",
                             "message": "The order is being prepared; its amount is not known yet."}}),
    "400": (400, {"error": {"type": "in_process",
                            "message": "The order is being prepared; its amount is not known yet."}}),
}
PAID = {
    "202": (
        202,
        {
            "status": {
                "status_detail": "notihing_to_pay",
                "message": "The order has been paid; there is nothing left to pay.",
            }
        },
    ),
    "400": (
        400,
        {"error": {"type": "unavailable", "message": "The order has been paid; there is nothing left to pay."}},
    ),
}
DEVICE = (400, {"error": {"type": "timeout", "message": "The machine at this point of sale cannot be reached."}})
UNKNOWN = (400, {"error": {"type": "invalid", "message": "This point of sale is not known here."}})
MISSING = (400, {"error": {"type": "invalid", "message": "The pos parameter is missing."}})
GARBLED = (400, {"error": {"type": "invalid", "message": "The pos parameter is not a point of sale id."}})

CONTRACTS = ["202", "400"]


def answer(r: httpx.Response) -> tuple[int, dict]:
    assert r.headers["content-type"] == "application/json"
    assert r.headers["cache-control"] == "no-store"
    return r.status_code, r.json()


@pytest.fixture(params=CONTRACTS)
def contract(request: pytest.FixtureRequest, running: Running) -> str:
    running.endpoint.contract = request.param
    return request.param


@pytest.mark.asyncio
async def test_no_order_yet(running: Running, contract: str) -> None:
    assert answer(await running.poll()) == WAITING[contract]
    assert "order-version" not in (await running.poll()).headers


@pytest.mark.asyncio
async def test_order_being_prepared(running: Running, contract: str) -> None:
    running.endpoint.set_preparing("CAJA1")
    assert answer(await running.poll()) == PREPARING[contract]
    assert answer(await running.poll("SURTIDOR2")) == WAITING[contract]  # per POS
    running.endpoint.set_preparing("CAJA1", False)
    assert answer(await running.poll()) == WAITING[contract]


@pytest.mark.asyncio
async def test_order_ready_is_the_v2_body_with_order_version_2(running: Running, contract: str) -> None:
    order = fuel_order()
    running.endpoint.set_preparing("CAJA1")
    running.endpoint.place("CAJA1", order, MLA)
    r = await running.poll()
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["order-version"] == "2"
    assert "client-id" not in r.headers
    assert r.json() == order.to_json(MLA)  # exactly the Instore Orders v2 body
    assert r.json() == {
        "external_reference": "CAJA1-7-1",
        "title": "Fuel",
        "description": "Pump 2",
        "total_amount": 1500.5,
        "items": [{"title": "Super 95", "unit_price": 1500.5, "quantity": 1, "unit_measure": "unit",
                   "total_amount": 1500.5, "sku_number": "SUPER95"}],
        "notification_url": "https://merchant.example/ipn",
        "expiration_date": "2025-03-10T15:10:00.000+00:00",
    }
    assert InstoreOrder.from_json(r.json()) == order  # and it reads back
    # Every poll gets it again (the customer may retry after a rejection); the other POS waits.
    assert (await running.poll()).json() == r.json()
    assert answer(await running.poll("SURTIDOR2")) == WAITING[contract]
    status = running.endpoint.status("CAJA1")
    assert status.state == SlotState.READY and status.deliveries == 2 and status.polls == 2


@pytest.mark.asyncio
async def test_whole_amount_sites_send_integers(running: Running) -> None:
    from qrcashier.domain.money import site

    running.endpoint.place("CAJA1", fuel_order(amount="5200"), site("MCO"))
    body = (await running.poll()).json()
    assert body["total_amount"] == 5200 and isinstance(body["total_amount"], int)
    assert '"total_amount":5200,' in (await running.poll()).text


@pytest.mark.asyncio
async def test_client_id_header_when_configured(running: Running) -> None:
    running.endpoint.settings.client_id = "1234567890"
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    r = await running.poll()
    assert r.headers["client-id"] == "1234567890" and r.headers["order-version"] == "2"


@pytest.mark.asyncio
async def test_paid_then_nothing_to_pay_then_waiting(running: Running, contract: str) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    assert (await running.poll()).status_code == 200
    assert running.endpoint.take("CAJA1", "CAJA1-7-1", TakeReason.PAID) is not None
    assert answer(await running.poll()) == PAID[contract]
    running.clock.advance(running.endpoint.book.paid_hold.total_seconds())
    assert answer(await running.poll()) == WAITING[contract]
    assert running.endpoint.status("CAJA1").last_taken == ("CAJA1-7-1", TakeReason.PAID)


@pytest.mark.asyncio
async def test_withdrawn_and_cancelled_orders_go_back_to_waiting(running: Running, contract: str) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    assert running.endpoint.withdraw("CAJA1", "OTHER-1-1") is None  # another reference: left alone
    assert (await running.poll()).status_code == 200
    assert running.endpoint.withdraw("CAJA1", "CAJA1-7-1") is not None
    assert answer(await running.poll()) == WAITING[contract]
    running.endpoint.place("CAJA1", fuel_order("CAJA1-7-2"), MLA)
    running.endpoint.take("CAJA1", None, "cancelled")
    assert answer(await running.poll()) == WAITING[contract]


@pytest.mark.asyncio
async def test_an_expired_order_is_no_longer_offered(running: Running, contract: str) -> None:
    running.endpoint.place("CAJA1", fuel_order(expires_in=30), MLA)
    running.clock.advance(29.9)
    assert (await running.poll()).status_code == 200
    running.clock.advance(0.1)
    assert answer(await running.poll()) == WAITING[contract]
    assert running.endpoint.status("CAJA1").last_taken == ("CAJA1-7-1", TakeReason.EXPIRED)


@pytest.mark.asyncio
async def test_a_new_order_replaces_the_old_one(running: Running) -> None:
    running.endpoint.place("CAJA1", fuel_order("CAJA1-7-1", "100"), MLA)
    running.endpoint.place("CAJA1", fuel_order("CAJA1-8-1", "200"), MLA)
    body = (await running.poll()).json()
    assert body["external_reference"] == "CAJA1-8-1" and body["total_amount"] == 200
    assert running.endpoint.book.history("CAJA1") == [("CAJA1-7-1", TakeReason.REPLACED)]


@pytest.mark.asyncio
async def test_device_down_is_a_timeout_error(running: Running, contract: str) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    running.endpoint.set_device_down("CAJA1")
    assert answer(await running.poll()) == DEVICE
    running.endpoint.set_device_down("CAJA1", False)
    assert (await running.poll()).status_code == 200


@pytest.mark.asyncio
async def test_unknown_pos_and_bad_parameters_are_invalid(running: Running, contract: str) -> None:
    route = running.endpoint.route_url
    assert answer(await running.poll("CAJA9")) == UNKNOWN
    assert answer(await running.client.get(route)) == MISSING
    assert answer(await running.client.get(f"{route}?posid=CAJA1")) == MISSING
    assert answer(await running.client.get(f"{route}?pos=")) == GARBLED
    assert answer(await running.client.get(f"{route}?pos=CAJA-1")) == GARBLED
    assert answer(await running.client.get(f"{route}?pos=CAJA1&pos=SURTIDOR2")) == GARBLED


@pytest.mark.asyncio
async def test_only_known_registers_are_served_and_registers_can_change(running: Running) -> None:
    assert answer(await running.poll("CAJA3")) == UNKNOWN
    running.endpoint.add_register("CAJA3")
    assert answer(await running.poll("CAJA3")) == WAITING["202"]
    running.endpoint.place("CAJA3", fuel_order("CAJA3-1-1"), MLA)
    assert running.endpoint.remove_register("CAJA3").external_reference == "CAJA3-1-1"
    assert answer(await running.poll("CAJA3")) == UNKNOWN


@pytest.mark.asyncio
async def test_post_and_head_are_answered_like_get(running: Running) -> None:
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    url = running.endpoint.pos_url("CAJA1")
    post = await running.client.post(url, json={"anything": "ignored"})
    assert post.status_code == 200 and post.headers["order-version"] == "2"
    assert post.json()["external_reference"] == "CAJA1-7-1"
    head = await running.client.head(url)
    assert head.status_code == 200 and head.content == b""


@pytest.mark.asyncio
async def test_other_paths_and_methods(running: Running) -> None:
    base = running.endpoint.base_url
    r = await running.client.get(f"{base}/mp/unattended/extra?pos=CAJA1")
    assert answer(r) == (404, {"error": {"type": "invalid", "message": "There is nothing at this path."}})
    r = await running.client.put(running.endpoint.pos_url("CAJA1"))
    assert answer(r) == (405, {"error": {"type": "invalid", "message": "Use GET."}})
    assert "GET" in r.headers["allow"]


@pytest.mark.asyncio
async def test_contract_is_switchable_while_running(running: Running) -> None:
    running.endpoint.contract = "400"
    assert (await running.poll()).status_code == 400
    running.endpoint.contract = "202"
    assert (await running.poll()).status_code == 202
    with pytest.raises(ValueError):
        running.endpoint.contract = "201"


@pytest.mark.asyncio
async def test_start_with_the_400_contract() -> None:
    async with await MerchantEndpoint.start(registers=["CAJA1"], contract="400") as endpoint:
        async with httpx.AsyncClient() as client:
            r = await client.get(endpoint.pos_url("CAJA1"))
    assert (r.status_code, r.json()["error"]["type"]) == (400, "unavailable")


@pytest.mark.asyncio
async def test_pos_urls(running: Running) -> None:
    endpoint = running.endpoint
    assert endpoint.base_url.startswith("http://127.0.0.1:")
    assert endpoint.pos_url("CAJA1") == f"{endpoint.base_url}/mp/unattended?pos=CAJA1"
    with pytest.raises(ValueError):
        endpoint.pos_url("CAJA 1")
    endpoint.public_url = "https://pay.example.com/mp/unattended?store=6232"
    assert endpoint.pos_url("CAJA1") == "https://pay.example.com/mp/unattended?store=6232&pos=CAJA1"
    endpoint.public_url = "https://pay.example.com/" + "x" * 280
    with pytest.raises(ValueError, match="299"):
        endpoint.pos_url("CAJA1")  # Mercado Pago refuses a POS url of 300 characters or more


@pytest.mark.asyncio
async def test_a_public_url_with_its_own_query_is_served_behind_a_proxy(running: Running) -> None:
    # A proxy forwards the query as is: extra parameters next to pos are ignored.
    running.endpoint.place("CAJA1", fuel_order(), MLA)
    r = await running.client.get(f"{running.endpoint.route_url}?storeid=6232&pos=CAJA1&x=%20")
    assert r.status_code == 200


@pytest.mark.asyncio
async def test_bind_refuses_a_bad_public_url() -> None:
    with pytest.raises(ValueError):
        await MerchantEndpoint.start(registers=["CAJA1"], public_url="ftp://example.com/x")


def test_the_answers_table_is_documented() -> None:
    from qrcashier.unattended import endpoint

    doc = endpoint.__doc__ or ""
    for word in ("Waiting_for_order", "in_process", "notihing_to_pay", "unavailable", "timeout", "invalid",
                 "order-version: 2"):
        assert word in doc
    assert json.loads(endpoint.NOT_READY[endpoint.Contract.ACCEPTED][SlotState.IDLE].body)["status"]
