"""The notification receiver over real loopback sockets: IPN, webhooks, signatures, limits."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

import httpx
import pytest
import pytest_asyncio

from qrcashier.notifications import NotificationReceiver, signature_header

SECRET = "sandbox-webhook-secret"
ORDER_ID = "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ"

pytestmark = pytest.mark.asyncio


class Calls:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.gate: asyncio.Event | None = None

    async def __call__(self, topic: str, resource_id: str) -> None:
        if self.gate is not None:
            await self.gate.wait()
        self.calls.append((topic, resource_id))


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(timeout=5) as client:
        yield client


@pytest_asyncio.fixture
async def make_receiver():
    opened: list[NotificationReceiver] = []

    async def make(**kwargs) -> tuple[NotificationReceiver, Calls]:
        calls = Calls()
        kwargs.setdefault("accept_ipn", True)  # most tests here send IPNs; the default is tested below
        receiver = await NotificationReceiver.start(on_notification=kwargs.pop("callback", calls), **kwargs)
        opened.append(receiver)
        return receiver, calls

    yield make
    for receiver in opened:
        await receiver.close()


def signed_headers(data_id: str, *, secret: str = SECRET, ts: int | None = None, request_id: str | None = None) -> dict:
    request_id = request_id or str(uuid.uuid4())
    ts = int(time.time()) if ts is None else ts
    return {"x-signature": signature_header(secret, data_id, request_id, ts), "x-request-id": request_id}


def webhook_body(data_id: str, kind: str = "order") -> dict:
    return {
        "action": f"{kind}.processed", "api_version": "v1", "type": kind, "live_mode": False,
        "data": {"id": data_id, "status": "processed"}, "date_created": "2025-12-09T17:20:18.363Z",
    }


# --- IPN ---------------------------------------------------------------------------------------------

async def test_ipn_merchant_order_triggers_a_re_read(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    reply = await http.post(
        receiver.url, params={"topic": "merchant_order", "id": "36246917291"},
        json={"resource": "https://api.mercadolibre.com/merchant_orders/36246917291", "topic": "merchant_order"},
        headers={"User-Agent": "MercadoPago Feed v2.0 merchant_order"},
    )
    assert reply.status_code == 200 and reply.json() == {"status": "accepted"}
    await receiver.idle()
    assert calls.calls == [("merchant_order", "36246917291")]


async def test_ipn_payment_id_from_the_body_when_the_query_has_none(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    reply = await http.post(receiver.url, json={"resource": "137159042654", "topic": "payment"})
    assert reply.status_code == 200
    await receiver.idle()
    assert calls.calls == [("payment", "137159042654")]


async def test_ipn_is_accepted_unsigned_even_with_a_secret(make_receiver, http) -> None:
    """Mercado Pago does not sign QR IPNs: their x-signature never verifies (§7.1)."""
    receiver, calls = await make_receiver(secret=SECRET)
    bogus = {"x-signature": f"ts={int(time.time())},v1={'ab' * 32}", "x-request-id": "x"}
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "5"}, json={}, headers=bogus)
    assert reply.status_code == 200
    await receiver.idle()
    assert calls.calls == [("payment", "5")]


async def test_ipn_of_a_topic_not_followed_is_acknowledged_and_ignored(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    reply = await http.post(receiver.url, params={"topic": "chargebacks", "id": "1"}, json={})
    assert reply.status_code == 200 and reply.json() == {"status": "ignored"}
    await receiver.idle()
    assert calls.calls == []


async def test_ipn_is_refused_by_default(http) -> None:
    calls = Calls()
    receiver = await NotificationReceiver.start(on_notification=calls)
    try:
        reply = await http.post(receiver.url, params={"topic": "payment", "id": "1"}, json={})
        assert reply.status_code == 401 and calls.calls == []
    finally:
        await receiver.close()


async def test_ipn_can_be_turned_off(make_receiver, http) -> None:
    receiver, calls = await make_receiver(accept_ipn=False)
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "1"}, json={})
    assert reply.status_code == 401
    assert calls.calls == []


# --- webhooks -----------------------------------------------------------------------------------------

async def test_signed_order_webhook_with_upper_case_id_is_accepted(make_receiver, http) -> None:
    receiver, calls = await make_receiver(secret=SECRET)
    reply = await http.post(
        receiver.url, params={"data.id": ORDER_ID, "type": "order"}, json=webhook_body(ORDER_ID),
        headers=signed_headers(ORDER_ID),
    )
    assert reply.status_code == 200 and reply.json() == {"status": "accepted"}
    await receiver.idle()
    assert calls.calls == [("order", ORDER_ID)]


async def test_ts_in_milliseconds_is_accepted(make_receiver, http) -> None:
    receiver, calls = await make_receiver(secret=SECRET)
    headers = signed_headers("77", ts=int(time.time() * 1000))
    reply = await http.post(receiver.url, params={"data.id": "77", "type": "payment"}, json={}, headers=headers)
    assert reply.status_code == 200
    await receiver.idle()
    assert calls.calls == [("payment", "77")]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda: signed_headers(ORDER_ID, secret="forged-secret"), id="forged"),
        pytest.param(lambda: {"x-request-id": "r1"}, id="missing-header"),
        pytest.param(lambda: signed_headers(ORDER_ID, ts=int(time.time()) - 3600), id="stale"),
        pytest.param(lambda: signed_headers("ORDSOMEOTHER"), id="other-id"),
        pytest.param(lambda: {"x-signature": "nonsense", "x-request-id": "r"}, id="malformed"),
    ],
)
async def test_bad_signatures_are_refused_with_401_and_trigger_nothing(make_receiver, http, headers) -> None:
    receiver, calls = await make_receiver(secret=SECRET)
    reply = await http.post(
        receiver.url, params={"data.id": ORDER_ID, "type": "order"}, json=webhook_body(ORDER_ID), headers=headers()
    )
    assert reply.status_code == 401
    assert reply.json()["reason"] == "invalid_signature"
    await receiver.idle()
    assert calls.calls == []
    assert receiver.stats.rejected == 1


async def test_a_replay_is_acknowledged_but_triggers_nothing(make_receiver, http) -> None:
    receiver, calls = await make_receiver(secret=SECRET)
    headers = signed_headers(ORDER_ID)
    params = {"data.id": ORDER_ID, "type": "order"}
    first = await http.post(receiver.url, params=params, json=webhook_body(ORDER_ID), headers=headers)
    second = await http.post(receiver.url, params=params, json=webhook_body(ORDER_ID), headers=headers)
    assert first.status_code == 200 and first.json()["status"] == "accepted"
    assert second.status_code == 200 and second.json() == {"status": "ignored", "reason": "replayed"}
    await receiver.idle()
    assert calls.calls == [("order", ORDER_ID)]
    assert receiver.stats.replayed == 1


async def test_without_a_secret_webhooks_are_triggers_only(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    assert not receiver.verifies_signatures
    reply = await http.post(receiver.url, params={"data.id": "9", "type": "payment"}, json=webhook_body("9", "payment"))
    assert reply.status_code == 200
    await receiver.idle()
    assert calls.calls == [("payment", "9")]


async def test_merchant_order_webhook_type_is_normalised(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    await http.post(receiver.url, params={"data.id": "12", "type": "topic_merchant_order_wh"}, json={})
    await receiver.idle()
    assert calls.calls == [("merchant_order", "12")]


async def test_webhook_of_an_unfollowed_type_is_ignored(make_receiver, http) -> None:
    receiver, calls = await make_receiver(secret=SECRET)
    reply = await http.post(
        receiver.url, params={"data.id": "1", "type": "subscription_preapproval"}, json={}, headers=signed_headers("1")
    )
    assert reply.status_code == 200 and reply.json()["status"] == "ignored"
    assert calls.calls == []


# --- malformed requests and limits --------------------------------------------------------------------

@pytest.mark.parametrize(
    "params",
    [
        {"topic": "payment"},
        {"topic": "payment", "id": "../../etc"},
        {"type": "order"},
        {"topic": "payment", "id": "9" * 65},
    ],
)
async def test_a_request_without_a_usable_id_is_400(make_receiver, http, params) -> None:
    receiver, calls = await make_receiver()
    reply = await http.post(receiver.url, params=params, json={})
    assert reply.status_code == 400
    assert calls.calls == []


async def test_a_garbled_body_does_not_matter_when_the_query_says_it_all(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "3"}, content=b"{not json")
    assert reply.status_code == 200
    await receiver.idle()
    assert calls.calls == [("payment", "3")]


async def test_a_body_above_the_limit_is_413(make_receiver, http) -> None:
    receiver, calls = await make_receiver(max_body=1024)
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "3"}, content=b"x" * 4096)
    assert reply.status_code == 413
    assert calls.calls == []


async def test_get_answers_for_reachability_and_other_methods_are_405(make_receiver, http) -> None:
    receiver, _ = await make_receiver()
    assert (await http.get(receiver.url)).json() == {"status": "ok"}
    assert (await http.put(receiver.url, json={})).status_code == 405
    assert (await http.post(receiver.url.replace("/notifications", "/other"), json={})).status_code == 404


# --- answering fast, the callback, binding, closing ----------------------------------------------------

async def test_answers_before_the_callback_runs(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    calls.gate = asyncio.Event()
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "1"}, json={})
    assert reply.status_code == 200
    assert calls.calls == []  # still blocked
    calls.gate.set()
    await receiver.idle()
    assert calls.calls == [("payment", "1")]


async def test_a_failing_callback_is_logged_and_the_answer_is_still_200(make_receiver, http, caplog) -> None:
    async def boom(topic: str, resource_id: str) -> None:
        raise RuntimeError("engine exploded")

    receiver, _ = await make_receiver(callback=boom)
    reply = await http.post(receiver.url, params={"topic": "payment", "id": "1"}, json={})
    assert reply.status_code == 200
    await receiver.idle()
    assert receiver.stats.failed_callbacks == 1
    assert "notification callback failed" in caplog.text


async def test_a_plain_function_works_as_the_callback(make_receiver, http) -> None:
    seen = []
    receiver, _ = await make_receiver(callback=lambda topic, rid: seen.append((topic, rid)))
    await http.post(receiver.url, params={"topic": "merchant_order", "id": "8"}, json={})
    await receiver.idle()
    assert seen == [("merchant_order", "8")]


async def test_binds_loopback_by_default(make_receiver) -> None:
    receiver, _ = await make_receiver()
    assert receiver.url.startswith("http://127.0.0.1:")
    assert receiver._runner.addresses[0][0] == "127.0.0.1"


async def test_close_cancels_callbacks_still_running(make_receiver, http) -> None:
    receiver, calls = await make_receiver()
    calls.gate = asyncio.Event()  # never set
    await http.post(receiver.url, params={"topic": "payment", "id": "1"}, json={})
    assert receiver._tasks
    await receiver.close()
    assert not receiver._tasks
    with pytest.raises(httpx.ConnectError):
        await http.post(receiver.url, json={})


async def test_logs_carry_neither_secret_nor_body(make_receiver, http, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="qrcashier.notifications")
    receiver, _ = await make_receiver(secret=SECRET)
    await http.post(receiver.url, params={"data.id": ORDER_ID, "type": "order"},
                    json={"data": {"id": ORDER_ID}, "marker": "BODY-MARKER"}, headers=signed_headers(ORDER_ID))
    await http.post(receiver.url, params={"data.id": ORDER_ID, "type": "order"},
                    json={"marker": "BODY-MARKER"}, headers=signed_headers(ORDER_ID, secret="forged"))
    await receiver.idle()
    assert SECRET not in caplog.text and "BODY-MARKER" not in caplog.text
    assert "bad signature" in caplog.text
