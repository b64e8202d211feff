"""Fault injection, as a plain httpx client sees it."""

from __future__ import annotations

import json
import logging
import time

import httpx
import pytest

from qrcashier.sandbox.faults import FaultRule
from tests.integration.sandbox.conftest import order_body


async def set_faults(client: httpx.AsyncClient, *rules: dict) -> None:
    r = await client.put("/sandbox/faults", json=list(rules))
    assert r.status_code == 200, r.text


@pytest.mark.asyncio
async def test_latency_makes_a_short_client_timeout_fire(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "latency", "seconds": 2.0, "times": 1})
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        await client.get("/users/me", timeout=0.2)
    assert time.monotonic() - started < 1.0
    assert (await client.get("/users/me", timeout=0.5)).status_code == 200  # times: 1 is used up


@pytest.mark.asyncio
async def test_latency_then_a_normal_answer(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "latency", "seconds": 0.3})
    started = time.monotonic()
    r = await client.get("/users/me")
    assert r.status_code == 200 and time.monotonic() - started >= 0.3


@pytest.mark.asyncio
async def test_status_fault_answers_the_classic_envelope(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "/merchant_orders/*", "method": "GET", "kind": "status", "status": 503})
    r = await client.get("/merchant_orders/search")
    assert r.status_code == 503
    body = r.json()
    assert set(body) == {"message", "error", "status", "causes"} and body["status"] == 503
    assert body["error"] == "internal_error"
    assert (await client.get("/users/me")).status_code == 200  # other paths are untouched


@pytest.mark.asyncio
async def test_rate_limit_sets_retry_after(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "rate_limit", "retry_after": 2})
    r = await client.get("/users/me")
    assert r.status_code == 429 and r.headers["Retry-After"] == "2"
    assert r.json()["error"] == "too_many_requests" and r.json()["status"] == 429


@pytest.mark.asyncio
async def test_drop_is_a_transport_error_not_a_500(client: httpx.AsyncClient, caplog) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "drop", "times": 1})
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(httpx.TransportError):
            await client.get("/users/me")
        assert (await client.get("/users/me")).status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


@pytest.mark.asyncio
async def test_malformed_body_fails_json_decoding(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "malformed", "times": 1})
    r = await client.get("/users/me")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        r.json()


@pytest.mark.asyncio
async def test_times_is_honoured_and_rules_apply_in_order(client: httpx.AsyncClient) -> None:
    await set_faults(
        client,
        {"path": "/users/me", "kind": "status", "status": 502, "times": 2},
        {"path": "*", "kind": "status", "status": 500, "times": 1},
    )
    statuses = [(await client.get("/users/me")).status_code for _ in range(4)]
    assert statuses == [502, 502, 500, 200]
    assert (await client.get("/sandbox/faults")).json() == []


@pytest.mark.asyncio
async def test_faults_never_touch_the_control_api(client: httpx.AsyncClient) -> None:
    await set_faults(client, {"path": "*", "kind": "drop"})
    listed = await client.get("/sandbox/faults")
    assert listed.status_code == 200 and listed.json()[0]["kind"] == "drop"
    assert (await client.delete("/sandbox/faults")).status_code == 204
    assert (await client.get("/users/me")).status_code == 200


@pytest.mark.asyncio
async def test_a_fault_before_the_request_changes_nothing(seller) -> None:
    await set_faults(
        seller.client, {"path": "/instore/*", "method": "PUT", "kind": "status", "status": 500, "times": 1}
    )
    assert (await seller.put_order()).status_code == 500
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404
    await set_faults(seller.client, {"path": "/instore/*", "method": "PUT", "kind": "drop", "times": 1})
    with pytest.raises(httpx.TransportError):
        await seller.put_order()
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
async def test_after_performs_the_request_then_drops_the_answer(seller) -> None:
    await set_faults(seller.client, {"path": "/instore/*", "method": "PUT", "kind": "drop", "after": True, "times": 1})
    with pytest.raises(httpx.TransportError):
        await seller.put_order()
    assert (await seller.client.get(seller.pos_orders_path)).json()["external_reference"] == "REG1-42-1"


@pytest.mark.asyncio
async def test_outcome_unknown_refund_retried_with_the_same_key_refunds_once(seller) -> None:
    await seller.put_order()
    payment = (await seller.control("pay", {"status": "approved"})).json()["payment"]
    path = f"/v1/payments/{payment['id']}/refunds"
    headers = {"X-Idempotency-Key": "refund-once"}
    await set_faults(seller.client, {"path": "/v1/payments/*/refunds", "kind": "drop", "after": True, "times": 1})
    with pytest.raises(httpx.TransportError):
        await seller.client.post(path, json={"amount": 25}, headers=headers)
    retry = await seller.client.post(path, json={"amount": 25}, headers=headers)
    assert retry.status_code == 201
    after = (await seller.client.get(f"/v1/payments/{payment['id']}")).json()
    assert [r["id"] for r in after["refunds"]] == [retry.json()["id"]]


@pytest.mark.asyncio
async def test_after_variants_of_status_malformed_and_latency(seller) -> None:
    c = seller.client
    await set_faults(
        c, {"path": "/instore/*", "method": "PUT", "kind": "status", "status": 504, "after": True, "times": 1}
    )
    assert (await seller.put_order(external_reference="A")).status_code == 504
    assert (await c.get(seller.pos_orders_path)).json()["external_reference"] == "A"

    await set_faults(c, {"path": "/pos/*", "method": "GET", "kind": "malformed", "after": True, "times": 1})
    r = await c.get(f"/pos/{seller.pos_id}")
    assert r.status_code == 200 and r.content.startswith(b'{"id": ')
    with pytest.raises(json.JSONDecodeError):
        r.json()

    await set_faults(
        c, {"path": "/instore/*", "method": "PUT", "kind": "latency", "seconds": 2, "after": True, "times": 1}
    )
    with pytest.raises(httpx.ReadTimeout):
        await c.put(seller.order_path, json=order_body(external_reference="B"), timeout=0.2)
    assert (await c.get(seller.pos_orders_path)).json()["external_reference"] == "B"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "rules",
    [
        {"kind": "drop"},  # not a list
        [{"kind": "explode"}],
        [{"kind": "status", "status": 200}],
        [{"kind": "latency", "seconds": -1}],
        [{"kind": "drop", "times": 0}],
        [{"kind": "drop", "colour": "red"}],
        [{"kind": "drop", "path": "users/me"}],
    ],
)
async def test_invalid_rules_are_refused_whole(client: httpx.AsyncClient, rules) -> None:
    await set_faults(client, {"path": "/users/me", "kind": "status"})
    r = await client.put("/sandbox/faults", json=rules)
    assert r.status_code == 400 and r.json()["error"] == "invalid_fault"
    assert len((await client.get("/sandbox/faults")).json()) == 1  # the old rules stand


@pytest.mark.asyncio
async def test_faults_can_be_set_in_process(server, client: httpx.AsyncClient) -> None:
    server.state.faults.set([FaultRule(kind="status", path="/users/me", status=500, times=1)])
    assert (await client.get("/users/me")).status_code == 500
    assert (await client.get("/users/me")).status_code == 200
