"""Legacy v1 (`/mpmobile/instore/qr`) and dynamic QR (`.../qrs`) orders (§1.4, §1.5)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from qrcashier.domain import emvco
from qrcashier.sandbox.clock import local_date
from tests.integration.sandbox.conftest import START, order_body


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
async def test_dynamic_qr_returns_a_valid_emvco_payload_and_can_be_scanned(seller) -> None:
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
    r = await seller.client.post(
        f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/NOPE/qrs", json=order_body()
    )
    assert r.status_code == 404 and r.json()["error"] == "pos_obtainment_error"
    r = await seller.client.post("/instore/orders/qr/seller/collectors/x1/pos/POS1/qrs", json=order_body())
    assert r.status_code == 400 and r.json()["error"] == "invalid_collectorId"


# ---------------------------------------------------------------- a dynamic QR is not the static QR's order (§1.5)


def qrs_path(seller) -> str:
    return f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/{seller.external_pos_id}/qrs"


async def post_dynamic(seller, **overrides) -> str:
    r = await seller.client.post(qrs_path(seller), json=order_body(**overrides))
    assert r.status_code == 201, r.text
    return r.json()["in_store_order_id"]


@pytest.mark.asyncio
async def test_a_dynamic_qr_is_not_on_the_static_qr(server, seller) -> None:
    order_id = await post_dynamic(seller, external_reference="DYN-1")
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404  # the static QR has nothing
    pos = server.state.pos[seller.pos_id]
    assert pos.order is None and list(server.state.dynamic_orders(pos)) == [order_id]

    # A static order placed afterwards neither replaces it nor carries it.
    assert (await seller.put_order(external_reference="STATIC-1")).status_code == 204
    assert (await seller.client.get(seller.pos_orders_path)).json()["external_reference"] == "STATIC-1"
    paid = (await seller.control("pay", {"status": "approved"})).json()  # a customer paying the static QR
    assert paid["merchant_order"]["external_reference"] == "STATIC-1"
    assert list(server.state.dynamic_orders(pos)) == [order_id]  # the dynamic QR is still open
    dyn = (await seller.control("pay", {"status": "approved", "in_store_order_id": order_id})).json()
    assert dyn["merchant_order"]["external_reference"] == "DYN-1" and dyn["merchant_order"]["status"] == "closed"


@pytest.mark.asyncio
async def test_the_v2_delete_leaves_a_dynamic_qr_payable(server, seller) -> None:
    order_id = await post_dynamic(seller, external_reference="DYN-1")
    mo = (await seller.control("scan")).json()  # no static order: the control API acts on the dynamic QR
    assert mo["external_reference"] == "DYN-1"
    assert (await seller.client.delete(seller.pos_orders_path)).status_code == 204
    assert (await seller.client.delete(f"/mpmobile/instore/qr/{seller.user_id}/POS1")).status_code == 204
    assert list(server.state.dynamic_orders(server.state.pos[seller.pos_id])) == [order_id]
    # Both a fresh scan and the customer already in the app can still pay it.
    again = (await seller.control("scan", {"in_store_order_id": order_id})).json()
    assert again["external_reference"] == "DYN-1" and again["id"] != mo["id"]
    r = await seller.control("pay", {"status": "approved", "merchant_order_id": mo["id"]})
    assert r.status_code == 201 and r.json()["merchant_order"]["status"] == "closed"
    # Paid, the dynamic QR is used up: it cannot be scanned or paid again.
    assert server.state.dynamic_orders(server.state.pos[seller.pos_id]) == {}
    assert (await seller.control("scan", {"in_store_order_id": order_id})).status_code == 409
    assert (await seller.control("scan")).status_code == 409


@pytest.mark.asyncio
async def test_a_dynamic_qr_is_payable_until_its_expiration_date(seller, clock) -> None:
    expires = local_date(START + timedelta(minutes=10), "MLA")
    order_id = await post_dynamic(seller, external_reference="DYN-1", expiration_date=expires)
    mo = (await seller.control("scan")).json()
    await seller.client.delete(seller.pos_orders_path)
    clock.advance(10 * 60 - 1)
    r = await seller.control("pay", {"status": "rejected", "in_store_order_id": order_id})
    assert r.status_code == 201  # still there one second before it expires
    clock.advance(1)
    r = await seller.control("pay", {"status": "approved", "merchant_order_id": mo["id"]})
    assert r.status_code == 409 and r.json()["error"] == "merchant_order_not_opened"
    assert (await seller.control("pay", {"status": "approved", "in_store_order_id": order_id})).status_code == 409
    expired = (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()
    assert expired["status"] == "expired"


@pytest.mark.asyncio
async def test_the_control_api_expires_a_dynamic_qr(server, seller) -> None:
    first = await post_dynamic(seller, external_reference="DYN-1")
    second = await post_dynamic(seller, external_reference="DYN-2")
    await seller.put_order(external_reference="STATIC-1")
    mo = (await seller.control("scan", {"in_store_order_id": first})).json()
    expired = (await seller.control("expire", {"in_store_order_id": first})).json()
    assert [m["id"] for m in expired["merchant_orders"]] == [mo["id"]]
    pos = server.state.pos[seller.pos_id]
    assert list(server.state.dynamic_orders(pos)) == [second] and pos.order is not None  # the others stay
    await seller.control("expire")  # without an id: the static QR's order first...
    assert pos.order is None and list(server.state.dynamic_orders(pos)) == [second]
    await seller.control("expire")  # ...then the newest dynamic QR
    assert server.state.dynamic_orders(pos) == {}
    assert (await seller.control("expire")).status_code == 409


@pytest.mark.asyncio
async def test_the_control_api_names_dynamic_qrs_by_in_store_order_id(seller) -> None:
    first = await post_dynamic(seller, external_reference="DYN-1")
    await post_dynamic(seller, external_reference="DYN-2")
    assert (await seller.control("scan")).json()["external_reference"] == "DYN-2"  # the newest
    mo = (await seller.control("scan", {"in_store_order_id": first})).json()
    assert mo["external_reference"] == "DYN-1"
    r = await seller.client.post(f"/sandbox/pos/POS1/pay?in_store_order_id={first}", json={"status": "approved"})
    assert r.status_code == 201 and r.json()["merchant_order"]["id"] == mo["id"]  # the open scan of that QR
    r = await seller.control("scan", {"in_store_order_id": str(uuid.uuid4())})
    assert r.status_code == 409 and r.json()["error"] == "no_order"
    r = await seller.control("scan", {"in_store_order_id": 42})
    assert r.status_code == 400 and r.json()["error"] == "invalid_in_store_order_id"


@pytest.mark.asyncio
async def test_the_phone_view_and_state_dump_show_a_dynamic_qr(seller) -> None:
    order_id = await post_dynamic(seller, external_reference="DYN-1")
    view = (await seller.client.get("/sandbox/pos/POS1")).json()
    assert view["step"] == "scan" and view["order"]["id"] == order_id and view["order"]["kind"] == "dynamic"
    await seller.control("scan")
    assert (await seller.client.get("/sandbox/pos/POS1")).json()["step"] == "pay"
    dump = (await seller.client.get("/sandbox/state")).json()
    pos = next(p for a in dump["accounts"] for p in a["pos"] if p["external_id"] == "POS1")
    assert pos["current_order"] is None
    assert [(o["in_store_order_id"], o["external_reference"]) for o in pos["dynamic_orders"]] == [(order_id, "DYN-1")]


@pytest.mark.asyncio
async def test_the_hybrid_put_goes_on_the_static_qr(server, seller) -> None:
    r = await seller.client.put(qrs_path(seller), json=order_body(external_reference="HYB-1"))
    assert r.status_code == 201 and emvco.parse(r.json()["qr_data"]).order_id == r.json()["in_store_order_id"]
    assert (await seller.client.get(seller.pos_orders_path)).json()["external_reference"] == "HYB-1"
    assert server.state.dynamic_orders(server.state.pos[seller.pos_id]) == {}
    assert (await seller.client.delete(seller.pos_orders_path)).status_code == 204
    assert (await seller.control("scan")).status_code == 409  # withdrawn: nothing left to pay
