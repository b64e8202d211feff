"""Legacy v1 (`/mpmobile/instore/qr`) and dynamic QR (`.../qrs`) orders (§1.4, §1.5)."""

from __future__ import annotations

import uuid

import pytest

from qrcashier.domain import emvco

from .conftest import order_body


def v1_body(**overrides):
    body = {
        "external_reference": "REG1-7-1",
        "notification_url": "https://example.com/ipn",
        "items": [
            {"id": "779", "title": "Coffee", "currency_id": "ARS", "unit_price": 75.25, "quantity": 2,
             "description": "Espresso", "picture_url": "https://example.com/coffee.png"},
            {"title": "Water", "currency_id": "ARS", "unit_price": 30, "quantity": 1},
        ],
    }
    body.update(overrides)
    return body


@pytest.mark.asyncio
async def test_v1_post_answers_a_preference_and_puts_the_order_on_the_pos(seller) -> None:
    path = f"/mpmobile/instore/qr/{seller.user_id}/POS1"
    r = await seller.client.post(path, json=v1_body())
    assert r.status_code == 200
    pref = r.json()
    assert isinstance(pref["id"], str) and pref["id"].startswith(f"{seller.user_id}-")
    assert pref["collector_id"] == seller.user_id and pref["total_amount"] == 180.5
    assert pref["external_reference"] == "REG1-7-1" and pref["operation_type"] == "regular_payment"
    assert pref["payment_methods"]["excluded_payment_types"] == [{"id": "ticket"}, {"id": "atm"}]
    assert pref["marketplace"] == "NONE" and pref["processing_modes"] == ["aggregator"] and pref["expires"] is False
    assert pref["site_id"] == "MLA" and pref["items"][0]["picture_url"] == "https://example.com/coffee.png"

    # Same POS, same flow: the v2 GET sees it, a scan opens a merchant_order for it.
    order = (await seller.client.get(seller.pos_orders_path)).json()
    assert order["title"] == "Coffee" and order["total_amount"] == 180.5
    mo = (await seller.control("scan")).json()
    assert mo["external_reference"] == "REG1-7-1" and mo["preference_id"] == pref["id"]

    r = await seller.client.delete(path)
    assert r.status_code == 204
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
async def test_v1_ttl_header_sets_the_lifetime(seller, clock) -> None:
    path = f"/mpmobile/instore/qr/{seller.user_id}/POS1"
    r = await seller.client.post(path, json=v1_body(), headers={"X-Ttl-Store-Preference": "60"})
    assert r.status_code == 200
    clock.advance(59)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 200
    clock.advance(1)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
async def test_v1_default_ttl_is_ten_minutes(seller, clock) -> None:
    await seller.client.post(f"/mpmobile/instore/qr/{seller.user_id}/POS1", json=v1_body())
    clock.advance(599)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 200
    clock.advance(1)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "error"),
    [
        (v1_body(items=[]), "invalid_items"),
        (v1_body(items=[{"title": "x", "unit_price": 1, "quantity": 1}]), "invalid_items"),  # no currency
        (v1_body(items=[{"title": "x", "currency_id": "BRL", "unit_price": 1, "quantity": 1}]), "invalid_items"),
        (v1_body(items=[{"title": "x", "currency_id": "ARS", "unit_price": 1, "quantity": 0}]), "invalid_items"),
        (v1_body(items=[{"title": "x", "currency_id": "ARS", "unit_price": 1.001, "quantity": 1}]), "invalid_items"),
        (v1_body(sponsor_id="abc"), "invalid_sponsor_id"),
    ],
)
async def test_v1_validation(seller, body, error: str) -> None:
    r = await seller.client.post(f"/mpmobile/instore/qr/{seller.user_id}/POS1", json=body)
    assert r.status_code == 400 and r.json()["error"] == error


@pytest.mark.asyncio
async def test_v1_path_errors(seller) -> None:
    r = await seller.client.post("/mpmobile/instore/qr/me/POS1", json=v1_body())
    assert r.status_code == 400 and r.json()["error"] == "invalid_collector_id"
    r = await seller.client.post(f"/mpmobile/instore/qr/{seller.user_id}/NOPE", json=v1_body())
    assert r.status_code == 404 and r.json()["error"] == "pos_obtainment_error"
    r = await seller.client.post(
        f"/mpmobile/instore/qr/{seller.user_id}/POS1", json=v1_body(), headers={"X-Ttl-Store-Preference": "soon"}
    )
    assert r.status_code == 400


@pytest.mark.asyncio
async def test_dynamic_qr_returns_a_valid_emvco_payload_and_becomes_the_pos_order(seller) -> None:
    path = f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/POS1/qrs"
    r = await seller.client.post(path, json=order_body(external_reference="DYN-1"))
    assert r.status_code == 201
    body = r.json()
    assert set(body) == {"qr_data", "in_store_order_id"}
    assert str(uuid.UUID(body["in_store_order_id"])) == body["in_store_order_id"]
    payload = emvco.parse(body["qr_data"])  # raises on a bad CRC
    assert payload.is_dynamic and payload.order_id == body["in_store_order_id"]
    assert payload.fields["53"] == "032" and payload.fields["58"] == "AR"

    mo = (await seller.control("scan")).json()
    assert mo["external_reference"] == "DYN-1"
    # Each POST is a new QR for a new order.
    again = (await seller.client.post(path, json=order_body(external_reference="DYN-2"))).json()
    assert again["in_store_order_id"] != body["in_store_order_id"]


@pytest.mark.asyncio
async def test_dynamic_qr_validates_like_the_v2_put(seller) -> None:
    path = f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/POS1/qrs"
    r = await seller.client.post(path, json=order_body(total_amount=1))
    assert r.status_code == 400 and r.json()["error"] == "invalid_total_amount"
    r = await seller.client.post(f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/NOPE/qrs", json=order_body())
    assert r.status_code == 404 and r.json()["error"] == "pos_obtainment_error"
    r = await seller.client.post("/instore/orders/qr/seller/collectors/x1/pos/POS1/qrs", json=order_body())
    assert r.status_code == 400 and r.json()["error"] == "invalid_collectorId"
