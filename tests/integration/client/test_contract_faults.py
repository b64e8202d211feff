"""Contract tests under the sandbox's faults: what is retried, what is typed, what is sent once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from qrcashier.mercadopago import (
    BadRequest,
    Conflict,
    Forbidden,
    MalformedResponse,
    NotFound,
    RateLimited,
    RetryPolicy,
    ServerError,
    Timeout,
    Unauthorized,
    Unreachable,
)
from qrcashier.mercadopago.models import NewPos, NewStore
from tests.integration.client.conftest import FAST_TIMEOUT, LOCATION, MLA, Env, assert_error, paid_payment

# =============================================================================================
# the fault matrix
# =============================================================================================

@pytest.mark.asyncio
async def test_fault_status_on_get_is_retried(env):
    await env.faults({"path": "/users/me", "method": "GET", "kind": "status", "status": 503, "times": 2})
    assert (await env.client.get_me()).id == env.user_id
    assert len(env.sleep.waits) == 2
    assert await env.fault_hits() == []  # the rule is used up


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_fault_status_forever_is_server_error(env, status):
    await env.faults({"path": "/merchant_orders/*", "method": "GET", "kind": "status", "status": status})
    with pytest.raises(ServerError) as info:
        await env.client.search_merchant_orders("SALE-1")
    assert_error(info.value, status)
    assert await env.fault_hits() == [env.http.retry.attempts]


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "cls"), [(400, BadRequest), (401, Unauthorized), (403, Forbidden),
                                             (404, NotFound), (409, Conflict)])
async def test_fault_4xx_status_is_typed_and_not_retried(env, status, cls):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "status", "status": status})
    with pytest.raises(cls) as info:
        await env.client.get_pos(env.pos.id)
    assert_error(info.value, status)
    assert await env.fault_hits() == [1]


@pytest.mark.asyncio
async def test_fault_rate_limit_short_retry_after_is_waited(env):
    await env.faults({"path": "/v1/payments/*", "method": "GET", "kind": "rate_limit", "retry_after": 1, "times": 1})
    pid = await paid_payment(env)
    assert (await env.client.get_payment(pid)).id == pid
    assert env.sleep.waits == [1.0]


@pytest.mark.asyncio
async def test_fault_rate_limit_long_retry_after_goes_to_the_caller(env):
    await env.faults({"path": "/merchant_orders/*", "method": "GET", "kind": "rate_limit", "retry_after": 30})
    with pytest.raises(RateLimited) as info:
        await env.client.search_merchant_orders("SALE-1")
    assert_error(info.value, 429)
    assert info.value.retry_after == 30 and env.sleep.waits == []
    assert await env.fault_hits() == [1]


@pytest.mark.asyncio
async def test_fault_latency_shorter_than_the_timeout_is_just_slow(make_env):
    e = await make_env(timeout=httpx.Timeout(2.0))
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 0.2, "times": 1})
    assert (await e.client.get_me()).id == e.user_id
    assert e.sleep.waits == []


@pytest.mark.asyncio
async def test_fault_latency_beyond_the_timeout_is_retried(make_env):
    e = await make_env(timeout=FAST_TIMEOUT)
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 2, "times": 1})
    assert (await e.client.get_me()).id == e.user_id
    assert len(e.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_latency_forever_is_timeout(make_env):
    e = await make_env(timeout=FAST_TIMEOUT, retry=RetryPolicy(attempts=2))
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 2})
    with pytest.raises(Timeout) as info:
        await e.client.get_me()
    assert info.value.retryable and info.value.user_message.strip()
    assert len(e.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_drop_is_retried_then_unreachable(env):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "drop", "times": 1})
    assert (await env.client.get_pos(env.pos.id)).id == env.pos.id
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "drop"})
    with pytest.raises(Unreachable) as info:
        await env.client.get_pos(env.pos.id)
    assert info.value.user_message.strip()
    assert await env.fault_hits() == [env.http.retry.attempts]


@pytest.mark.asyncio
async def test_fault_malformed_is_retried_then_malformed(env):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "malformed", "times": 1})
    assert (await env.client.get_pos(env.pos.id)).id == env.pos.id
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "malformed"})
    with pytest.raises(MalformedResponse) as info:
        await env.client.get_pos(env.pos.id)
    assert info.value.status == 200 and info.value.user_message.strip()


@pytest.mark.asyncio
async def test_fault_after_on_put_is_retried_and_the_order_is_there(env):
    path = f"/instore/qr/seller/collectors/{env.user_id}/stores/STORE1/pos/CAJA1/orders"
    await env.faults({"path": path, "method": "PUT", "kind": "drop", "after": True, "times": 1})
    await env.put_order("SALE-D")
    assert (await env.client.get_instore_order(env.user_id, "CAJA1")).external_reference == "SALE-D"
    assert len(env.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_delete_retried(env):
    await env.put_order()
    await env.faults({"path": "/instore/*", "method": "DELETE", "kind": "status", "status": 502, "times": 1})
    await env.client.delete_instore_order(env.user_id, "CAJA1")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["status", "drop", "malformed"])
async def test_fault_after_on_refund_retried_with_same_key_one_refund(env, kind):
    pid = await paid_payment(env)
    await env.faults({"path": f"/v1/payments/{pid}/refunds", "method": "POST", "kind": kind, "after": True, "times": 1})
    refund = await env.client.refund_payment(pid, idempotency_key="refund-after", amount=Decimal("10"), site=MLA)
    assert refund.amount == Decimal(10)
    payment = await env.client.get_payment(pid)
    assert [r.id for r in payment.refunds] == [refund.id]  # the retry did not refund twice
    assert len(env.sleep.waits) == 1


def _unkeyed_posts(env: Env) -> dict[str, tuple[str, Callable[[], Awaitable[Any]]]]:
    return {
        "create_pos": ("/pos", lambda: env.client.create_pos(
            NewPos(name="C2", external_id="CAJA2", store_id=env.store.id, external_store_id="STORE1"))),
        "create_store": (f"/users/{env.user_id}/stores", lambda: env.client.create_store(
            env.user_id, NewStore("B", "STORE2", LOCATION))),
        "create_dynamic_qr": (f"/instore/orders/qr/seller/collectors/{env.user_id}/pos/CAJA1/qrs",
                              lambda: env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order(), MLA)),
        "create_v1_order": (f"/mpmobile/instore/qr/{env.user_id}/CAJA1",
                            lambda: env.client.create_v1_order(env.user_id, "CAJA1", env.order(), MLA)),
    }


@pytest.mark.asyncio
@pytest.mark.parametrize("method", ["create_pos", "create_store", "create_dynamic_qr", "create_v1_order"])
async def test_unkeyed_post_under_503_reaches_the_sandbox_once(env, method):
    path, call = _unkeyed_posts(env)[method]
    await env.faults({"path": path, "method": "POST", "kind": "status", "status": 503})
    with pytest.raises(ServerError) as info:
        await call()
    assert_error(info.value, 503)
    assert await env.fault_hits() == [1]
    assert env.sleep.waits == []
    # Nothing was created behind the refusal.
    assert (await env.client.list_pos()).total == 1
    assert (await env.client.search_stores(env.user_id)).total == 1
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["drop", "malformed", "rate_limit"])
async def test_unkeyed_post_under_other_faults_is_sent_once(env, kind):
    path, call = _unkeyed_posts(env)["create_dynamic_qr"]
    await env.faults({"path": path, "method": "POST", "kind": kind, "after": kind != "rate_limit"})
    with pytest.raises((Unreachable, MalformedResponse, RateLimited)):
        await call()
    assert await env.fault_hits() == [1]
    assert env.sleep.waits == []


@pytest.mark.asyncio
async def test_unkeyed_post_timeout_is_not_retried(make_env):
    e = await make_env(timeout=FAST_TIMEOUT)
    await e.provision()
    path, call = _unkeyed_posts(e)["create_dynamic_qr"]
    await e.faults({"path": path, "method": "POST", "kind": "latency", "seconds": 2})
    with pytest.raises(Timeout):
        await call()
    assert await e.fault_hits() == [1]
    assert e.sleep.waits == []


@pytest.mark.asyncio
async def test_no_token_in_logs_across_a_contract_run(env, token, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    await env.put_order("SALE-L")
    await env.pay("approved")
    await env.client.search_merchant_orders("SALE-L")
    await env.faults({"path": "/users/me", "kind": "status", "status": 503, "times": 1})
    await env.client.get_me()
    with pytest.raises(NotFound):
        await env.client.get_payment(1)
    await env.ctl("POST", "/sandbox/token/revoke")
    with pytest.raises(Unauthorized) as info:
        await env.client.get_me()
    assert token not in str(info.value) and token not in repr(info.value)
    assert caplog.records
    for rec in caplog.records:
        assert token not in rec.getMessage()
    assert token not in caplog.text

