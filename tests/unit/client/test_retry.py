"""Retries: only where repeating is harmless, with Retry-After honoured and attempts capped."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago import (
    MalformedResponse,
    MercadoPagoError,
    RateLimited,
    RetryPolicy,
    ServerError,
    Timeout,
    Unreachable,
)
from qrcashier.mercadopago.http import parse_retry_after
from qrcashier.mercadopago.models import InstoreOrder, Location, NewPos, NewStore, OrderItem
from tests.unit.client import payloads as P
from tests.unit.client.conftest import json_reply

MLA = site("MLA")
ORDER = InstoreOrder("SALE-1", "Sale", Decimal("10"), (OrderItem("x", Decimal("10"), 1),))
FAIL_503 = json_reply(503, '{"message": "down", "error": "unavailable", "status": 503, "causes": []}')


def rate_limited(retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return json_reply(429, '{"message": "slow down", "error": "too_many_requests", "status": 429}', headers)


def http_date(seconds_from_now: float) -> str:
    return email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=seconds_from_now), usegmt=True)


# --- safe methods are retried ------------------------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize(
    "failure",
    [FAIL_503, json_reply(500, "{}"), json_reply(502, ""), json_reply(504, ""),
     httpx.ReadTimeout("slow"), httpx.ConnectError("refused"), httpx.RemoteProtocolError("dropped"),
     rate_limited(), httpx.Response(200, text="<html>")],
    ids=["503", "500", "502", "504", "timeout", "connect", "dropped", "429", "malformed"],
)
async def test_get_retried_then_succeeds(mp, failure):
    route = mp.router.get("/users/me").mock(side_effect=[failure, failure, json_reply(200, P.USERS_ME)])
    me = await mp.client.get_me()
    assert me.id == 495852790
    assert route.call_count == 3
    assert len(mp.sleep.waits) == 2 and all(w > 0 for w in mp.sleep.waits)


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
async def test_4xx_is_never_retried(mp, status):
    route = mp.router.get("/pos/1").mock(return_value=json_reply(status, '{"error": "e", "message": "m"}'))
    with pytest.raises(MercadoPagoError):
        await mp.client.get_pos(1)
    assert route.call_count == 1 and mp.sleep.waits == []


@pytest.mark.asyncio
async def test_backoff_grows_with_jitter_and_is_capped(harness_factory):
    policy = RetryPolicy(attempts=6, base_delay=0.5, max_delay=2.0)
    mp = harness_factory(policy)
    route = mp.router.get("/users/me").mock(return_value=FAIL_503)
    with pytest.raises(ServerError):
        await mp.client.get_me()
    assert route.call_count == 6  # attempts in all, the first included
    nominal = [0.5, 1.0, 2.0, 2.0, 2.0]
    assert len(mp.sleep.waits) == 5
    for wait, base in zip(mp.sleep.waits, nominal, strict=True):
        assert base / 2 <= wait <= base


@pytest.mark.asyncio
@pytest.mark.parametrize("attempts", [1, 2, 4])
async def test_attempts_are_capped_by_policy(harness_factory, attempts):
    mp = harness_factory(RetryPolicy(attempts=attempts))
    route = mp.router.get("/v1/payments/5").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(Timeout):
        await mp.client.get_payment(5)
    assert route.call_count == attempts and len(mp.sleep.waits) == attempts - 1


@pytest.mark.asyncio
async def test_per_request_policy_overrides_default(mp):
    route = mp.router.get("/users/me").mock(return_value=FAIL_503)
    with pytest.raises(ServerError):
        await mp.http.request("GET", "/users/me", retry=RetryPolicy(attempts=5))
    assert route.call_count == 5


# --- Retry-After ---------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_retry_after_seconds_is_honoured(mp):
    route = mp.router.get("/users/me").mock(side_effect=[rate_limited("2"), json_reply(200, P.USERS_ME)])
    await mp.client.get_me()
    assert route.call_count == 2 and mp.sleep.waits == [2.0]


@pytest.mark.asyncio
async def test_retry_after_fraction_and_zero(mp):
    route = mp.router.get("/users/me").mock(
        side_effect=[rate_limited("0.5"), rate_limited("0"), json_reply(200, P.USERS_ME)]
    )
    await mp.client.get_me()
    assert route.call_count == 3 and mp.sleep.waits == [0.5, 0.0]


@pytest.mark.asyncio
async def test_retry_after_http_date_is_honoured(mp):
    route = mp.router.get("/users/me").mock(side_effect=[rate_limited(http_date(4)), json_reply(200, P.USERS_ME)])
    await mp.client.get_me()
    assert route.call_count == 2
    [wait] = mp.sleep.waits
    assert 2.0 <= wait <= 4.0  # HTTP-dates have whole seconds


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["30", "5.5"])
async def test_long_retry_after_is_handed_to_the_caller(mp, value):
    route = mp.router.get("/users/me").mock(return_value=rate_limited(value))
    with pytest.raises(RateLimited) as info:
        await mp.client.get_me()
    assert info.value.retry_after == float(value) and info.value.status == 429
    assert route.call_count == 1 and mp.sleep.waits == []
    assert info.value.user_message.strip()


@pytest.mark.asyncio
async def test_long_retry_after_http_date_is_handed_to_the_caller(mp):
    route = mp.router.get("/users/me").mock(return_value=rate_limited(http_date(120)))
    with pytest.raises(RateLimited) as info:
        await mp.client.get_me()
    assert 100 <= info.value.retry_after <= 120
    assert route.call_count == 1 and mp.sleep.waits == []


@pytest.mark.asyncio
async def test_max_retry_after_is_configurable(harness_factory):
    mp = harness_factory(RetryPolicy(max_retry_after=60))
    route = mp.router.get("/users/me").mock(side_effect=[rate_limited("30"), json_reply(200, P.USERS_ME)])
    await mp.client.get_me()
    assert route.call_count == 2 and mp.sleep.waits == [30.0]


@pytest.mark.asyncio
async def test_rate_limited_on_every_try_raises_with_retry_after(mp):
    route = mp.router.get("/users/me").mock(return_value=rate_limited("1"))
    with pytest.raises(RateLimited) as info:
        await mp.client.get_me()
    assert info.value.retry_after == 1.0
    assert route.call_count == 3 and mp.sleep.waits == [1.0, 1.0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("  3 ", 3.0), ("-4", 0.0), ("soon", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],  # a date in the past: retry now
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value) == expected


def test_parse_retry_after_future_date():
    assert 8 <= parse_retry_after(http_date(10)) <= 10


# --- PUT and DELETE are idempotent: retried ----------------------------------------------------

@pytest.mark.asyncio
@pytest.mark.parametrize("failure", [FAIL_503, httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped")],
                         ids=["503", "timeout", "dropped"])
async def test_put_instore_order_retried(mp, failure):
    path = "/instore/qr/seller/collectors/1/stores/S1/pos/C1/orders"
    route = mp.router.put(path).mock(side_effect=[failure, httpx.Response(204)])
    await mp.client.put_instore_order(1, "S1", "C1", ORDER, MLA)
    assert route.call_count == 2
    first, second = (c.request for c in route.calls)
    assert first.content == second.content


@pytest.mark.asyncio
async def test_update_pos_retried(mp):
    route = mp.router.put("/pos/9").mock(side_effect=[FAIL_503, json_reply(200, P.POS_CREATED)])
    await mp.client.update_pos(9, name="Caja")
    assert route.call_count == 2


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda c: c.delete_pos(9), "/pos/9"),
        (lambda c: c.delete_instore_order(1, "C1"), "/instore/qr/seller/collectors/1/pos/C1/orders"),
        (lambda c: c.delete_v1_order(1, "C1"), "/mpmobile/instore/qr/1/C1"),
    ],
    ids=["pos", "instore", "v1"],
)
async def test_deletes_retried(mp, call, path):
    route = mp.router.delete(path).mock(side_effect=[FAIL_503, httpx.ReadTimeout("slow"), httpx.Response(204)])
    await call(mp.client)
    assert route.call_count == 3 and len(mp.sleep.waits) == 2


# --- keyed POST: retried with the same key ----------------------------------------------------

@pytest.mark.asyncio
async def test_refund_retried_with_the_same_key_and_body(mp):
    route = mp.router.post("/v1/payments/77/refunds").mock(
        side_effect=[FAIL_503, httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"),
                     json_reply(201, P.REFUND)]
    )
    mp.http.retry = RetryPolicy(attempts=4)
    refund = await mp.client.refund_payment(77, idempotency_key="refund-77-a", amount=Decimal("10.50"), site=MLA)
    assert refund.id == 1234567890
    assert route.call_count == 4
    keys = {c.request.headers["X-Idempotency-Key"] for c in route.calls}
    bodies = {c.request.content for c in route.calls}
    assert keys == {"refund-77-a"} and bodies == {b'{"amount":10.5}'}


@pytest.mark.asyncio
async def test_full_refund_retried_with_the_same_key(mp):
    route = mp.router.post("/v1/payments/77/refunds").mock(side_effect=[rate_limited("1"), json_reply(200, P.REFUND)])
    await mp.client.refund_payment(77, idempotency_key="refund-77-full")
    assert [c.request.headers["X-Idempotency-Key"] for c in route.calls] == ["refund-77-full"] * 2
    assert [c.request.content for c in route.calls] == [b"{}"] * 2
    assert mp.sleep.waits == [1.0]


@pytest.mark.asyncio
async def test_keyed_post_gives_up_after_the_policy(mp):
    route = mp.router.post("/v1/payments/77/refunds").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(Timeout):
        await mp.client.refund_payment(77, idempotency_key="k")
    assert route.call_count == 3


# --- unkeyed POST: sent exactly once, whatever happens ----------------------------------------

UNKEYED = {
    "create_pos": (
        "/pos",
        lambda c: c.create_pos(NewPos(name="C", external_id="C1", store_id="1", external_store_id="S1")),
    ),
    "create_store": (
        "/users/1/stores",
        lambda c: c.create_store(
            1, NewStore("S", "S1", Location("1", "a", "La Plata", "Buenos Aires", Decimal(0), Decimal(0)))
        ),
    ),
    "create_dynamic_qr": (
        "/instore/orders/qr/seller/collectors/1/pos/C1/qrs",
        lambda c: c.create_dynamic_qr(1, "C1", ORDER, MLA),
    ),
    "create_v1_order": ("/mpmobile/instore/qr/1/C1", lambda c: c.create_v1_order(1, "C1", ORDER, MLA)),
}
FAILURES = {
    "500": (json_reply(500, "{}"), ServerError),
    "503": (FAIL_503, ServerError),
    "429-short": (rate_limited("1"), RateLimited),
    "429-bare": (rate_limited(), RateLimited),
    "timeout": (httpx.ReadTimeout("slow"), Timeout),
    "connect": (httpx.ConnectError("refused"), Unreachable),
    "connect-timeout": (httpx.ConnectTimeout("slow connect"), Unreachable),
    "dropped": (httpx.RemoteProtocolError("dropped"), Unreachable),
    "read-error": (httpx.ReadError("reset"), Unreachable),
    "malformed": (httpx.Response(201, text="<html>"), MalformedResponse),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("method", list(UNKEYED))
@pytest.mark.parametrize("failure", list(FAILURES))
async def test_unkeyed_post_is_never_retried(harness_factory, method, failure):
    mp = harness_factory(RetryPolicy(attempts=5))
    path, call = UNKEYED[method]
    reply, expected = FAILURES[failure]
    route = mp.router.post(path).mock(side_effect=[reply] + [json_reply(500, "{}")] * 5)
    with pytest.raises(expected):
        await call(mp.client)
    assert route.call_count == 1 and mp.router.calls.call_count == 1
    assert mp.sleep.waits == []
    assert "X-Idempotency-Key" not in route.calls.last.request.headers


@pytest.mark.asyncio
async def test_unkeyed_post_ignores_a_per_request_policy(mp):
    route = mp.router.post("/pos").mock(return_value=FAIL_503)
    with pytest.raises(ServerError):
        await mp.http.request("POST", "/pos", json_body={}, retry=RetryPolicy(attempts=5))
    assert route.call_count == 1


@pytest.mark.asyncio
async def test_retry_sleeps_use_the_injected_sleep_only(mp, monkeypatch):
    import asyncio

    async def forbidden(_):
        raise AssertionError("the real asyncio.sleep was used")

    monkeypatch.setattr(asyncio, "sleep", forbidden)
    mp.router.get("/users/me").mock(side_effect=[FAIL_503, json_reply(200, P.USERS_ME)])
    await mp.client.get_me()
    assert len(mp.sleep.waits) == 1
