"""In-store orders v2: PUT (both paths), GET (object or array), DELETE, validation, expiry (§1.1-1.3)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from qrcashier.sandbox.clock import local_date
from tests.integration.sandbox.conftest import START, http, make_seller, order_body


@pytest.mark.asyncio
async def test_put_answers_204_and_get_returns_the_order_as_submitted(seller) -> None:
    expires = local_date(START + timedelta(minutes=15), "MLA")
    body = order_body(notification_url="https://example.com/ipn", expiration_date=expires, sponsor={"id": 446566691})
    r = await seller.client.put(seller.order_path, json=body)
    assert r.status_code == 204 and r.content == b""
    r = await seller.client.get(seller.pos_orders_path)
    assert r.status_code == 200
    got = r.json()
    assert isinstance(got, dict)
    assert got == body
    assert isinstance(got["items"][0]["quantity"], int)


@pytest.mark.asyncio
async def test_get_can_answer_the_one_element_array_form(client: httpx.AsyncClient, seller) -> None:
    await seller.put_order()
    r = await client.put("/sandbox/settings", json={"instore_order_get_format": "array"})
    assert r.json()["instore_order_get_format"] == "array"
    got = (await client.get(seller.pos_orders_path)).json()
    assert isinstance(got, list) and len(got) == 1 and got[0]["external_reference"] == "REG1-42-1"


@pytest.mark.asyncio
async def test_the_older_path_without_store_works_and_a_put_replaces_the_order(seller) -> None:
    r = await seller.client.put(seller.pos_orders_path, json=order_body(external_reference="first"))
    assert r.status_code == 204
    await seller.put_order(external_reference="second")
    assert (await seller.client.get(seller.pos_orders_path)).json()["external_reference"] == "second"


@pytest.mark.asyncio
async def test_delete_removes_the_order(seller) -> None:
    await seller.put_order()
    r = await seller.client.delete(seller.pos_orders_path)
    assert r.status_code == 204 and r.content == b""
    r = await seller.client.get(seller.pos_orders_path)
    assert r.status_code == 404
    assert r.json() == {
        "message": "No associated order found.",
        "error": "point_of_sale_in_store_order_not_found",
        "status": 404,
        "causes": [],
    }
    # Deleting again is harmless.
    assert (await seller.client.delete(seller.pos_orders_path)).status_code == 204


@pytest.mark.asyncio
async def test_unknown_pos_wrong_store_and_numeric_pos_id_are_pos_obtainment_error(seller) -> None:
    c, uid = seller.client, seller.user_id
    for path in (
        f"/instore/qr/seller/collectors/{uid}/stores/STORE1/pos/NOSUCHPOS/orders",
        f"/instore/qr/seller/collectors/{uid}/stores/OTHERSTORE/pos/POS1/orders",
        f"/instore/qr/seller/collectors/{uid}/pos/{seller.pos_id}/orders",  # numeric id, not external_id
    ):
        r = await c.put(path, json=order_body())
        assert r.status_code == 404, path
        assert r.json() == {
            "message": "Point of sale not found",
            "error": "pos_obtainment_error",
            "status": 404,
            "causes": [],
        }


@pytest.mark.asyncio
async def test_non_numeric_collector_is_invalid_collector_id(seller) -> None:
    r = await seller.client.put("/instore/qr/seller/collectors/me/stores/STORE1/pos/POS1/orders", json=order_body())
    assert r.status_code == 400 and r.json()["error"] == "invalid_collectorId"
    r = await seller.client.get("/instore/qr/seller/collectors/abc/pos/POS1/orders")
    assert r.status_code == 400 and r.json()["error"] == "invalid_collectorId"
    r = await seller.client.get(f"/instore/qr/seller/collectors/{seller.user_id}/pos/POS-1/orders")
    assert r.status_code == 400 and r.json()["error"] == "invalid_externalPosId"


def item(**overrides):
    base = {"title": "Tea", "unit_price": 10.0, "quantity": 3, "unit_measure": "unit", "total_amount": 30.0}
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not ...}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"external_reference": ...}, "invalid_external_reference"),
        ({"external_reference": "x" * 257}, "invalid_external_reference"),
        ({"title": ""}, "invalid_title"),
        ({"description": 5}, "invalid_description"),
        ({"total_amount": 199.99}, "invalid_total_amount"),  # totals that don't add up
        ({"total_amount": "200.00"}, "invalid_total_amount"),  # a string is not a number
        ({"notification_url": "ftp://example.com/ipn"}, "invalid_notification_url"),
        ({"expiration_date": "tomorrow"}, "invalid_expiration_date"),
        ({"expiration_date": "2025-03-10T10:00:00"}, "invalid_expiration_date"),  # no offset
        ({"expiration_date": "2025-03-10T11:59:59.000-03:00"}, "invalid_expiration_date"),  # in the past
        ({"sponsor": {"id": "abc"}}, "invalid_sponsor.id"),
        ({"items": []}, "invalid_items"),
        ({"items": [item(title=...)], "total_amount": 30.0}, "invalid_items.title"),
        ({"items": [item(unit_measure=...)], "total_amount": 30.0}, "invalid_items.unit_measure"),
        ({"items": [item(quantity=0)], "total_amount": 30.0}, "invalid_items.quantity"),
        ({"items": [item(quantity=1.5)], "total_amount": 30.0}, "invalid_items.quantity"),
        ({"items": [item(unit_price=10.005, total_amount=30.015)], "total_amount": 30.015}, "invalid_items.unit_price"),
        ({"items": [item(total_amount=31.0)], "total_amount": 31.0}, "invalid_items.total_amount"),
        ({"items": [item(currency_id="USD")], "total_amount": 30.0}, "invalid_items.currency_id"),
    ],
)
async def test_order_validation(seller, overrides, error: str) -> None:
    body = {k: v for k, v in order_body(**overrides).items() if v is not ...}
    r = await seller.client.put(seller.order_path, json=body)
    assert r.status_code == 400, r.text
    assert r.json()["error"] == error
    assert r.json()["status"] == 400 and r.json()["causes"] == []
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404  # nothing was stored


@pytest.mark.asyncio
async def test_own_user_as_sponsor_is_refused(seller) -> None:
    r = await seller.put_order(sponsor={"id": seller.user_id})
    assert r.status_code == 400 and r.json()["error"] == "invalid_sponsor.id"


@pytest.mark.asyncio
async def test_chilean_pesos_take_no_decimals(server, token) -> None:
    async with http(server.base_url, headers={"Authorization": "Bearer SANDBOX-MLC-cl"}) as c:
        seller = await make_seller(c)
        ok = order_body(total_amount=5200, items=[item(unit_price=2600, quantity=2, total_amount=5200)])
        assert (await seller.client.put(seller.order_path, json=ok)).status_code == 204
        got = (await c.get(seller.pos_orders_path)).json()
        assert got["total_amount"] == 5200 and isinstance(got["total_amount"], int)
        cents = order_body(total_amount=10.5, items=[item(unit_price=10.5, quantity=1, total_amount=10.5)])
        r = await seller.client.put(seller.order_path, json=cents)
        assert r.status_code == 400 and r.json()["error"] == "invalid_items.unit_price"


@pytest.mark.asyncio
async def test_an_order_expires_at_its_expiration_date(seller, clock) -> None:
    await seller.put_order(expiration_date=local_date(START + timedelta(minutes=10), "MLA"))
    mo = (await seller.control("scan")).json()
    clock.advance(9 * 60)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 200
    clock.advance(61)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404
    expired = (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()
    assert (expired["status"], expired["order_status"]) == ("expired", "expired")


@pytest.mark.asyncio
async def test_the_sweeper_expires_orders_without_any_request(server, seller, clock) -> None:
    from tests.support.waiting import wait_until

    await seller.put_order(expiration_date=local_date(START + timedelta(minutes=1), "MLA"))
    pos = server.state.pos[seller.pos_id]
    clock.advance(120)
    await wait_until(lambda: pos.order is None, timeout=3.0)
