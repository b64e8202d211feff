"""Unattended POS: a scan makes the sandbox poll the POS url for the order, as MP does (§6)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import pytest_asyncio
from aiohttp import web

from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.server import SandboxServer
from tests.integration.sandbox.conftest import START, auth, http, make_seller, order_body


@dataclass
class Merchant:
    """The merchant's endpoint: answers the scripted (status, body) pairs, then the last one forever."""

    url: str = ""
    script: list[tuple[int, object]] = field(default_factory=list)
    calls: int = 0
    methods: set[str] = field(default_factory=set)


@pytest_asyncio.fixture
async def merchant() -> AsyncIterator[Merchant]:
    m = Merchant()

    async def handle(request: web.Request) -> web.Response:
        m.calls += 1
        m.methods.add(request.method)
        status, body = m.script[min(m.calls, len(m.script)) - 1]
        return web.json_response(body, status=status)

    app = web.Application()
    app.router.add_get("/pay-mp", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    m.url = f"http://127.0.0.1:{runner.addresses[0][1]}/pay-mp?storeid=1&posid=2"
    try:
        yield m
    finally:
        await runner.cleanup()


@pytest_asyncio.fixture
async def fast_server() -> AsyncIterator[SandboxServer]:
    srv = await SandboxServer.start(clock=Clock(START), unattended_poll_interval=0.02, unattended_timeout=0.5)
    try:
        yield srv
    finally:
        await srv.close()


@pytest_asyncio.fixture
async def pump(fast_server, merchant, token):
    """A seller whose POS "PUMP1" is unattended (created with the merchant's url)."""
    async with http(fast_server.base_url, headers=auth(token)) as client:
        seller = await make_seller(client, external_pos_id="PUMP1")
        r = await client.put(f"/pos/{seller.pos_id}", json={"url": merchant.url, "fixed_amount": True})
        assert r.status_code == 200 and r.json()["url"] == merchant.url
        yield seller


@pytest.mark.asyncio
async def test_scan_polls_until_the_merchant_has_an_order(pump, merchant) -> None:
    merchant.script = [
        (202, {"status": {"status_detail": "Waiting_for_order", "message": "wait"}}),
        (400, {"error": {"type": "in_process", "message": "preparing"}}),  # the older contract
        (200, order_body(external_reference="PUMP-7")),
    ]
    view = (await pump.client.get("/sandbox/pos/PUMP1")).json()
    assert (view["step"], view["order"], view["pos"]["unattended"]) == ("scan", None, True)

    r = await pump.control("scan")
    assert r.status_code == 201, r.text
    assert r.json()["external_reference"] == "PUMP-7" and r.json()["total_amount"] == 200.0
    assert merchant.calls == 3 and merchant.methods == {"GET"}
    assert (await pump.client.get(pump.pos_orders_path)).json()["external_reference"] == "PUMP-7"
    paid = (await pump.control("pay", {"status": "approved"})).json()["merchant_order"]
    assert paid["status"] == "closed"
    assert merchant.calls == 3  # the pay used the scanned order; no new poll


@pytest.mark.asyncio
async def test_pay_without_a_scan_also_asks_the_merchant(pump, merchant) -> None:
    merchant.script = [(200, order_body(external_reference="PUMP-8"))]
    r = await pump.control("pay", {"status": "approved"})
    assert r.status_code == 201 and r.json()["merchant_order"]["external_reference"] == "PUMP-8"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("script", "status", "error"),
    [
        ([(202, {"status": {"status_detail": "notihing_to_pay", "message": "none"}})], 409, "no_order"),
        ([(400, {"error": {"type": "unavailable", "message": "none"}})], 409, "no_order"),
        ([(400, {"error": {"type": "invalid", "message": "bad params"}})], 502, "unattended_error"),
        ([(500, {"oops": True})], 502, "unattended_error"),
        ([(200, order_body(total_amount=1))], 502, "unattended_invalid_order"),
        ([(202, {"status": {"status_detail": "in_process", "message": "later"}})], 504, "unattended_timeout"),
    ],
)
async def test_what_the_merchant_answers_decides_the_scan(pump, merchant, script, status, error) -> None:
    merchant.script = script
    r = await pump.control("scan")
    assert r.status_code == status, r.text
    assert r.json()["error"] == error
    assert (await pump.client.get(pump.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
async def test_an_unreachable_url_is_the_cannot_operate_case(fast_server, token) -> None:
    async with http(fast_server.base_url, headers=auth(token)) as client:
        seller = await make_seller(client, external_pos_id="PUMP2")
        await client.put(f"/pos/{seller.pos_id}", json={"url": "http://127.0.0.1:9/pay", "fixed_amount": True})
        r = await seller.control("scan")
    assert r.status_code == 502 and r.json()["error"] == "unattended_error"


@pytest.mark.asyncio
async def test_an_order_put_by_the_register_is_used_without_polling(pump, merchant) -> None:
    merchant.script = [(500, {})]
    assert (await pump.put_order(external_reference="FROM-REGISTER")).status_code == 204
    r = await pump.control("scan")
    assert r.status_code == 201 and r.json()["external_reference"] == "FROM-REGISTER"
    assert merchant.calls == 0
