"""Unknown routes, the state dump, settings, the clock control, and a few decisions worth pinning."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from qrcashier.sandbox.clock import local_date
from tests.integration.sandbox.conftest import START, http


@pytest.mark.asyncio
async def test_unknown_route_and_wrong_method_answer_json(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/nothing/here")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert r.json() == {
        "message": "Resource /v1/nothing/here not found",
        "error": "not_found",
        "status": 404,
        "causes": [],
    }
    r = await client.patch("/users/me")
    assert r.status_code == 405 and r.json()["error"] == "method_not_allowed" and r.json()["causes"] == []
    r = await client.get("/sandbox/nothing")
    assert r.status_code == 404 and r.json()["status"] == 404


@pytest.mark.asyncio
async def test_state_dump_has_every_record_and_no_token(client: httpx.AsyncClient, seller, token: str) -> None:
    await seller.put_order(notification_url="http://127.0.0.1:9/ipn")
    await seller.control("pay", {"status": "approved"})
    r = await client.get("/sandbox/state")
    assert r.status_code == 200
    assert token not in r.text and "Bearer" not in r.text
    [account] = r.json()["accounts"]
    assert account["user"]["id"] == seller.user_id
    assert len(account["stores"]) == 1 and len(account["pos"]) == 1
    assert account["merchant_orders"][0]["status"] == "closed" and account["payments"][0]["status"] == "approved"
    assert {d["topic"] for d in r.json()["deliveries"]} == {"merchant_order", "payment"}


@pytest.mark.asyncio
async def test_settings_are_validated(client: httpx.AsyncClient) -> None:
    r = await client.put("/sandbox/settings", json={"instore_order_get_format": "xml"})
    assert r.status_code == 400
    r = await client.put("/sandbox/settings", json={"colour": "red"})
    assert r.status_code == 400
    assert (await client.get("/sandbox/settings")).json() == {
        "instore_order_get_format": "object", "search_empty_elements": "list"}


@pytest.mark.asyncio
async def test_the_clock_control_expires_orders_of_a_running_sandbox(seller) -> None:
    await seller.put_order(expiration_date=local_date(START + timedelta(minutes=5), "MLA"))
    mo = (await seller.control("scan")).json()
    r = await seller.client.post("/sandbox/clock/advance", json={"seconds": 301})
    assert r.status_code == 200 and r.json()["now"].startswith("2025-03-10T15:05:01")
    assert (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()["status"] == "expired"
    assert (await seller.client.post("/sandbox/clock/advance", json={"seconds": -1})).status_code == 400


@pytest.mark.asyncio
async def test_a_scanned_order_replaced_by_the_cashier_can_still_be_paid_by_its_merchant_order(seller) -> None:
    """Decision: replacing or deleting the POS order leaves earlier scans opened and payable (the customer's
    app already shows the amount); the payment closes that merchant_order and the new order stays put."""
    await seller.put_order(external_reference="OLD")
    old = (await seller.control("scan")).json()
    await seller.put_order(external_reference="NEW")
    paid = (await seller.control("pay", {"status": "approved", "merchant_order_id": old["id"]})).json()
    assert (paid["merchant_order"]["external_reference"], paid["merchant_order"]["status"]) == ("OLD", "closed")
    assert (await seller.client.get(seller.pos_orders_path)).json()["external_reference"] == "NEW"


@pytest.mark.asyncio
async def test_the_older_merchant_orders_search_path(seller) -> None:
    await seller.put_order()
    await seller.control("scan")
    r = await seller.client.get("/merchant_orders", params={"external_reference": "REG1-42-1"})
    assert r.status_code == 200 and r.json()["total"] == 1


@pytest.mark.asyncio
async def test_status_fault_may_carry_retry_after(client: httpx.AsyncClient) -> None:
    await client.put("/sandbox/faults", json=[{"path": "/users/me", "kind": "status", "status": 503, "retry_after": 3}])
    r = await client.get("/users/me")
    assert r.status_code == 503 and r.headers["Retry-After"] == "3"


@pytest.mark.asyncio
async def test_control_needs_an_account(server) -> None:
    async with http(server.base_url) as anonymous:
        for path in ("/sandbox/pos/POS1/scan", "/sandbox/token/revoke", "/sandbox/account/qr"):
            r = await anonymous.post(path, json={})
            assert r.status_code == 401, path
