"""Customer flows through the control API, read back through merchant_orders and payments (§3, §4)."""

from __future__ import annotations

import re

import pytest

from tests.integration.sandbox.conftest import http, make_seller, order_body

LOCAL_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-03:00")


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def assert_merchant_order_shape(mo: dict, user_id: int) -> None:
    assert is_int(mo["id"])
    assert mo["status"] in ("opened", "closed", "expired")
    assert isinstance(mo["external_reference"], str) and isinstance(mo["preference_id"], str)
    assert mo["collector"]["id"] == user_id
    for key in ("total_amount", "paid_amount", "refunded_amount", "shipping_cost"):
        assert is_number(mo[key]), key
    assert LOCAL_DATE.fullmatch(mo["date_created"]) and LOCAL_DATE.fullmatch(mo["last_updated"])
    assert mo["site_id"] == "MLA" and isinstance(mo["cancelled"], bool) and isinstance(mo["is_test"], bool)
    assert mo["order_status"] in (
        "payment_required", "payment_in_process", "partially_paid", "paid", "partially_reverted", "reverted", "expired",
    )
    for item in mo["items"]:
        assert is_int(item["quantity"]) and is_number(item["unit_price"]) and item["currency_id"] == "ARS"
    for p in mo["payments"]:
        assert is_int(p["id"])
        for key in ("transaction_amount", "total_paid_amount", "amount_refunded"):
            assert is_number(p[key]), key
        assert p["currency_id"] == "ARS" and isinstance(p["status"], str) and isinstance(p["status_detail"], str)
        assert LOCAL_DATE.fullmatch(p["date_created"]) and LOCAL_DATE.fullmatch(p["last_modified"])
        assert p["date_approved"] is None or LOCAL_DATE.fullmatch(p["date_approved"])


def assert_payment_shape(p: dict, user_id: int) -> None:
    assert is_int(p["id"]) and is_int(p["collector_id"]) and p["collector_id"] == user_id
    assert isinstance(p["pos_id"], str) and isinstance(p["store_id"], str)
    assert isinstance(p["order"]["id"], str) and p["order"]["type"] == "mercadopago"
    assert is_number(p["transaction_amount"]) and is_number(p["transaction_amount_refunded"])
    assert p["currency_id"] == "ARS" and isinstance(p["external_reference"], str)
    assert isinstance(p["refunds"], list)
    assert p["point_of_interaction"]["type"] == "INSTORE"


@pytest.mark.asyncio
async def test_scan_then_pay_closes_the_order(seller) -> None:
    await seller.put_order()
    r = await seller.control("scan")
    assert r.status_code == 201
    mo = r.json()
    assert_merchant_order_shape(mo, seller.user_id)
    assert (mo["status"], mo["order_status"], mo["payments"]) == ("opened", "payment_required", [])
    assert (mo["total_amount"], mo["paid_amount"], mo["external_reference"]) == (200.0, 0, "REG1-42-1")

    r = await seller.control("pay", {"status": "approved"})
    assert r.status_code == 201
    payment, closed = r.json()["payment"], r.json()["merchant_order"]
    assert closed["id"] == mo["id"]
    assert (closed["status"], closed["order_status"], closed["paid_amount"]) == ("closed", "paid", 200.0)
    assert (payment["status"], payment["status_detail"], payment["transaction_amount"]) == (
        "approved",
        "accredited",
        200.0,
    )
    assert_payment_shape(payment, seller.user_id)
    assert payment["order"]["id"] == str(mo["id"]) and payment["pos_id"] == str(seller.pos_id)
    assert payment["store_id"] == seller.store_id and payment["external_reference"] == "REG1-42-1"

    # Read back through the MP API.
    got = (await seller.client.get(f"/merchant_orders/{mo['id']}")).json()
    assert_merchant_order_shape(got, seller.user_id)
    assert got == closed
    assert (await seller.client.get(f"/v1/payments/{payment['id']}")).json() == payment
    # A paid order leaves the POS.
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404


@pytest.mark.asyncio
async def test_pay_without_scan_scans_implicitly(seller) -> None:
    await seller.put_order()
    r = await seller.control("pay", {"status": "approved"})
    assert r.status_code == 201 and r.json()["merchant_order"]["status"] == "closed"
    assert (await seller.client.get("/merchant_orders/search")).json()["total"] == 1


@pytest.mark.asyncio
async def test_rejected_payment_leaves_the_order_open_for_a_retry(seller) -> None:
    await seller.put_order()
    rejected = (await seller.control("pay", {"status": "rejected"})).json()
    assert rejected["payment"]["status"] == "rejected"
    assert rejected["payment"]["status_detail"] == "cc_rejected_other_reason"
    assert rejected["payment"]["date_approved"] is None
    mo = rejected["merchant_order"]
    assert (mo["status"], mo["order_status"], mo["paid_amount"]) == ("opened", "payment_required", 0)
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 200

    approved = (await seller.control("pay", {"status": "approved"})).json()
    assert approved["merchant_order"]["id"] == mo["id"]
    assert [p["status"] for p in approved["merchant_order"]["payments"]] == ["rejected", "approved"]
    assert approved["merchant_order"]["order_status"] == "paid"


@pytest.mark.asyncio
async def test_partial_payment_then_the_rest(seller) -> None:
    await seller.put_order()
    first = (await seller.control("pay", {"status": "approved", "amount": 50.25})).json()
    mo = first["merchant_order"]
    assert (mo["status"], mo["order_status"], mo["paid_amount"]) == ("opened", "partially_paid", 50.25)
    assert first["payment"]["transaction_amount"] == 50.25
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 200  # still on the POS

    too_much = await seller.control("pay", {"status": "approved", "amount": 150})
    assert too_much.status_code == 400 and too_much.json()["error"] == "invalid_amount"
    three_decimals = await seller.control("pay", {"status": "approved", "amount": 1.001})
    assert three_decimals.status_code == 400

    rest = (await seller.control("pay", {"status": "approved"})).json()
    assert rest["payment"]["transaction_amount"] == 149.75
    assert (rest["merchant_order"]["status"], rest["merchant_order"]["paid_amount"]) == ("closed", 200.0)


@pytest.mark.asyncio
async def test_every_scan_creates_its_own_merchant_order(seller) -> None:
    await seller.put_order()
    first = (await seller.control("scan")).json()
    second = (await seller.control("scan")).json()
    assert first["id"] != second["id"]
    paid = (await seller.control("pay", {"status": "approved"})).json()["merchant_order"]
    assert paid["id"] == second["id"]  # the latest scan is the one paid
    search = (await seller.client.get("/merchant_orders/search", params={"external_reference": "REG1-42-1"})).json()
    assert search["total"] == 2
    assert {m["id"]: m["status"] for m in search["elements"]} == {first["id"]: "opened", second["id"]: "closed"}
    # An explicit merchant_order_id pays that one; a closed one cannot be paid again.
    r = await seller.control("pay", {"status": "approved", "merchant_order_id": second["id"]})
    assert r.status_code == 409 and r.json()["error"] == "merchant_order_not_opened"


@pytest.mark.asyncio
async def test_expire_control_expires_opened_merchant_orders(seller) -> None:
    await seller.put_order()
    mo = (await seller.control("scan")).json()
    r = await seller.control("expire")
    assert r.status_code == 200
    expired = r.json()["merchant_orders"]
    assert [(m["id"], m["status"], m["order_status"]) for m in expired] == [(mo["id"], "expired", "expired")]
    assert (await seller.client.get(seller.pos_orders_path)).status_code == 404
    r = await seller.control("expire")
    assert r.status_code == 409 and r.json()["error"] == "no_order"


@pytest.mark.asyncio
async def test_control_errors_without_an_order_or_pos(seller) -> None:
    r = await seller.control("scan")
    assert r.status_code == 409 and r.json() == {
        "message": "There is no order on this point of sale", "error": "no_order", "status": 409, "causes": []
    }
    assert (await seller.control("pay", {"status": "approved"})).status_code == 409
    r = await seller.client.post("/sandbox/pos/NOPE/scan")
    assert r.status_code == 404 and r.json()["error"] == "pos_obtainment_error"
    await seller.put_order()
    r = await seller.control("pay", {"status": "pending"})
    assert r.status_code == 400 and r.json()["error"] == "invalid_status"


@pytest.mark.asyncio
async def test_merchant_order_search_filters_and_paging(seller) -> None:
    for n in range(3):
        await seller.put_order(external_reference=f"REF-{n}")
        await seller.control("pay", {"status": "approved"})
    await seller.put_order(external_reference="REF-OPEN")
    await seller.control("scan")
    c = seller.client
    everything = (await c.get("/merchant_orders/search")).json()
    assert set(everything) == {"elements", "next_offset", "total"}
    assert everything["total"] == 4 and everything["next_offset"] == 4
    closed = (await c.get("/merchant_orders/search", params={"status": "closed"})).json()
    assert closed["total"] == 3 and all(m["status"] == "closed" for m in closed["elements"])
    one = (await c.get("/merchant_orders/search", params={"external_reference": "REF-1"})).json()
    assert [m["external_reference"] for m in one["elements"]] == ["REF-1"]
    page = (await c.get("/merchant_orders/search", params={"limit": 2, "offset": 1})).json()
    assert len(page["elements"]) == 2 and page["next_offset"] == 3 and page["total"] == 4
    by_status = (await c.get("/merchant_orders/search", params={"order_status": "payment_required"})).json()
    assert [m["external_reference"] for m in by_status["elements"]] == ["REF-OPEN"]
    none = (await c.get("/merchant_orders/search", params={"external_reference": "NOTHING"})).json()
    assert none == {"elements": [], "next_offset": 0, "total": 0}
    await c.put("/sandbox/settings", json={"search_empty_elements": "null"})
    assert (await c.get("/merchant_orders/search", params={"external_reference": "NOTHING"})).json()["elements"] is None
    bad = await c.get("/merchant_orders/search", params={"limit": "many"})
    assert bad.status_code == 400 and bad.json()["error"] == "ds_search_query"


@pytest.mark.asyncio
async def test_unknown_merchant_order_and_payment(seller) -> None:
    r = await seller.client.get("/merchant_orders/999")
    assert r.status_code == 404
    assert r.json() == {"message": "Merchant order 999 not found", "error": "not_found", "status": 404, "causes": []}
    r = await seller.client.get("/v1/payments/999")
    assert r.status_code == 404
    body = r.json()
    assert (body["message"], body["error"], body["status"]) == ("Payment not found", "not_found", 404)
    assert body["cause"][0]["code"] == 2000 and body["cause"][0]["description"] == "Payment not found"
    assert "causes" not in body and "data" in body["cause"][0]


@pytest.mark.asyncio
async def test_colombian_amounts_are_integers(server) -> None:
    async with http(server.base_url, headers={"Authorization": "Bearer SANDBOX-MCO-bogota"}) as c:
        seller = await make_seller(c)
        body = order_body(total_amount=12000, items=[
            {"title": "Arepa", "unit_price": 4000, "quantity": 3, "unit_measure": "unit", "total_amount": 12000}])
        assert (await c.put(seller.order_path, json=body)).status_code == 204
        out = (await seller.control("pay", {"status": "approved", "amount": 5000})).json()
        mo, payment = out["merchant_order"], out["payment"]
        for value in (mo["total_amount"], mo["paid_amount"], mo["items"][0]["unit_price"],
                      payment["transaction_amount"], mo["payments"][0]["transaction_amount"]):
            assert is_int(value)
        assert (payment["currency_id"], mo["site_id"]) == ("COP", "MCO")
        assert mo["date_created"].endswith("-05:00")


@pytest.mark.asyncio
async def test_payments_search_by_external_reference(seller) -> None:
    await seller.put_order(external_reference="FIND-ME")
    paid = (await seller.control("pay", {"status": "approved"})).json()["payment"]
    found = (await seller.client.get("/v1/payments/search", params={"external_reference": "FIND-ME"})).json()
    assert found["paging"]["total"] == 1 and found["results"][0]["id"] == paid["id"]
