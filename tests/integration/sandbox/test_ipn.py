"""IPN delivery to a tiny aiohttp receiver on loopback (§7.1)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import pytest_asyncio
from aiohttp import web

from tests.integration.sandbox.conftest import order_body
from tests.support.waiting import wait_until


@dataclass
class Receiver:
    url: str
    answers: list[int] = field(default_factory=list)  # statuses to answer, in order; then 200
    calls: list[dict] = field(default_factory=list)
    stall: float = 0.0

    def received(self, topic: str) -> list[dict]:
        return [c for c in self.calls if c["query"].get("topic") == topic]


@pytest_asyncio.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rec = Receiver(url="")

    async def handle(request: web.Request) -> web.Response:
        rec.calls.append({
            "method": request.method,
            "path": request.path,
            "query": dict(request.query),
            "body": await request.json(),
            "user_agent": request.headers.get("User-Agent"),
            "headers": {k.lower(): v for k, v in request.headers.items()},
        })
        if rec.stall:
            # Real time on purpose: a receiver that answers late is what these tests put the
            # notifier's per-attempt timeout (wall-clock, in aiohttp) against.
            await asyncio.sleep(rec.stall)
        return web.Response(status=rec.answers.pop(0) if rec.answers else 200)

    app = web.Application()
    app.router.add_post("/ipn", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    rec.url = f"http://127.0.0.1:{runner.addresses[0][1]}/ipn?source=sandbox-test"
    try:
        yield rec
    finally:
        await runner.cleanup()


@pytest.mark.asyncio
async def test_scan_and_payment_are_notified_like_mercado_pago(server, seller, receiver) -> None:
    await seller.put_order(notification_url=receiver.url)
    mo = (await seller.control("scan")).json()
    await wait_until(lambda: len(receiver.calls) == 1)
    first = receiver.calls[0]
    assert first["method"] == "POST" and first["path"] == "/ipn"
    assert first["query"] == {"source": "sandbox-test", "topic": "merchant_order", "id": str(mo["id"])}
    assert first["body"] == {"resource": f"{server.base_url}/merchant_orders/{mo['id']}", "topic": "merchant_order"}
    assert first["user_agent"] == "MercadoPago Feed v2.0 merchant_order"
    assert first["headers"]["x-signature"].startswith("ts=") and "x-request-id" in first["headers"]

    payment = (await seller.control("pay", {"status": "approved"})).json()["payment"]
    await wait_until(lambda: len(receiver.calls) == 3)
    [pay_call] = receiver.received("payment")
    assert pay_call["query"]["id"] == str(payment["id"])
    assert pay_call["body"] == {"resource": str(payment["id"]), "topic": "payment"}
    assert pay_call["user_agent"] == "MercadoPago Feed v2.0 payment"
    assert [c["query"]["id"] for c in receiver.received("merchant_order")] == [str(mo["id"])] * 2
    await server.notifier.idle()
    assert all(d.delivered and len(d.attempts) == 1 for d in server.state.deliveries)


@pytest.mark.asyncio
async def test_a_failed_delivery_is_retried_until_200(server, seller, receiver) -> None:
    receiver.answers = [500, 404]
    await seller.put_order(notification_url=receiver.url)
    mo = (await seller.control("scan")).json()
    await wait_until(lambda: len(receiver.calls) == 3)
    await server.notifier.idle()
    [delivery] = server.state.deliveries
    assert delivery.delivered and [a["status"] for a in delivery.attempts] == [500, 404, 200]
    assert {c["query"]["id"] for c in receiver.calls} == {str(mo["id"])}


@pytest.mark.asyncio
async def test_delivery_gives_up_after_the_schedule(server, seller, receiver) -> None:
    receiver.answers = [503, 503, 503, 503]
    await seller.put_order(notification_url=receiver.url)
    await seller.control("scan")
    await wait_until(lambda: bool(server.state.deliveries) and server.state.deliveries[0].gave_up)
    assert len(receiver.calls) == 3  # the first attempt and the two retries of the test schedule


@pytest.mark.asyncio
async def test_unreachable_receiver_is_recorded_as_an_error(server, seller) -> None:
    await seller.put_order(notification_url="http://127.0.0.1:9/ipn")
    await seller.control("scan")
    await wait_until(lambda: bool(server.state.deliveries) and server.state.deliveries[0].gave_up)
    assert all(a["status"] is None and a["error"] for a in server.state.deliveries[0].attempts)


@pytest.mark.asyncio
async def test_a_slow_receiver_never_delays_the_api(server, seller, receiver) -> None:
    receiver.stall = 0.8
    await seller.put_order(notification_url=receiver.url)
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert (await seller.control("scan")).status_code == 201
    assert (await seller.control("pay", {"status": "approved"})).status_code == 201
    assert loop.time() - started < 0.5
    # close() (the fixture's teardown) cancels deliveries still in flight.


@pytest.mark.asyncio
async def test_expiry_and_refund_notify_the_merchant_order(server, seller, receiver) -> None:
    await seller.put_order(notification_url=receiver.url)
    await seller.control("scan")
    await seller.control("expire")
    await wait_until(lambda: len(receiver.calls) == 2)

    await seller.put_order(notification_url=receiver.url, external_reference="second")
    payment = (await seller.control("pay", {"status": "approved"})).json()["payment"]
    await wait_until(lambda: len(receiver.calls) == 5)  # scan + payment + merchant_order
    await seller.client.post(f"/v1/payments/{payment['id']}/refunds", headers={"X-Idempotency-Key": "r"})
    await wait_until(lambda: len(receiver.calls) == 7)
    assert [c["query"]["topic"] for c in receiver.calls[5:]].count("merchant_order") == 1


@pytest.mark.asyncio
async def test_no_notification_url_no_delivery(server, seller, receiver) -> None:
    await seller.client.put(seller.order_path, json=order_body())
    await seller.control("pay", {"status": "approved"})
    await server.notifier.idle()
    assert server.state.deliveries == [] and receiver.calls == []
