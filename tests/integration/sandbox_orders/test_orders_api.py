"""The sandbox's Orders API over loopback: every call and documented error, idempotency, ids,
string amounts, the status machine, refunds and the control API acting on Orders orders."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from qrcashier.domain import emvco
from qrcashier.domain.money import site
from qrcashier.mercadopago import BadRequest, Conflict, NotFound, Unauthorized
from qrcashier.mercadopago.orders import NewQrOrder
from tests.integration.sandbox_orders.conftest import POS, order_body

pytestmark = pytest.mark.asyncio

ORD_RE = re.compile(r"^ORD[0-9A-HJKMNP-TV-Z]{26}$")
ORDTST_RE = re.compile(r"^ORDTST[0-9A-HJKMNP-TV-Z]{26}$")
PAY_RE = re.compile(r"^PAY[0-9A-HJKMNP-TV-Z]{26}$")
REF_RE = re.compile(r"^REF[0-9A-HJKMNP-TV-Z]{26}$")
UTC_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def err(response: httpx.Response) -> tuple[int, str]:
    body = response.json()
    assert set(body) == {"errors"}, body  # the Orders envelope, never the classic one
    first = body["errors"][0]
    assert set(first) == {"code", "message", "details"}
    return response.status_code, first["code"]


async def created(seller, **overrides) -> dict:
    reply = await seller.create(**overrides)
    assert reply.status_code == 201, reply.text
    return reply.json()


# --- create: shapes, ids, amounts ------------------------------------------------------------------

async def test_create_answers_the_documented_shape(seller):
    order = await created(seller)
    assert ORD_RE.match(order["id"]) and PAY_RE.match(order["transactions"]["payments"][0]["id"])
    assert order["type"] == "qr" and order["processing_mode"] == "automatic"
    assert (order["status"], order["status_detail"]) == ("created", "created")
    tx = order["transactions"]["payments"][0]
    assert (tx["status"], tx["status_detail"], tx["amount"]) == ("created", "ready_to_process", "1000.00")
    assert order["total_amount"] == "1000.00" and isinstance(order["total_amount"], str)
    assert order["user_id"] == str(seller.user_id) and order["country_code"] == "ARG" and order["currency"] == "ARS"
    assert order["expiration_time"] == "PT16M" and order["external_reference"] == "CAJA1-S1-1"
    assert order["config"] == {"qr": {"external_pos_id": POS, "mode": "static"}}
    assert UTC_MS.match(order["created_date"]) and UTC_MS.match(order["last_updated_date"])
    assert order["items"][0] == {"title": "Mate", "unit_price": "400.00", "quantity": 2, "unit_measure": "unit",
                                 "external_code": "779"}
    assert "type_response" not in order and "notification_url" not in order
    assert (await seller.http.get(f"/v1/orders/{order['id']}")).json() == order


async def test_test_credentials_get_ordtst_ids(make_seller):
    tester = await make_seller("TEST-sandboxseller")
    order = await created(tester)
    assert ORDTST_RE.match(order["id"])
    assert PAY_RE.match(order["transactions"]["payments"][0]["id"])


async def test_expiration_time_defaults_to_pt15m(seller):
    body = order_body()
    del body["expiration_time"]
    reply = await seller.create(body)
    assert reply.status_code == 201 and reply.json()["expiration_time"] == "PT15M"


async def test_clp_amounts_are_whole_strings(make_seller):
    chile = await make_seller("SANDBOX-MLC-orders")
    order = await created(chile, total_amount="5200", transactions={"payments": [{"amount": "5200"}]}, items=None)
    assert order["total_amount"] == "5200" and order["currency"] == "CLP" and order["country_code"] == "CHL"
    reply = await chile.create(key="k2", total_amount="5200.00", transactions={"payments": [{"amount": "5200.00"}]},
                               items=None)
    assert err(reply) == (400, "property_type")


@pytest.mark.parametrize("mode", ["dynamic", "hybrid"])
async def test_dynamic_and_hybrid_carry_a_valid_emvco_qr_data(seller, mode):
    order = await created(seller, config={"qr": {"external_pos_id": POS, "mode": mode}})
    payload = emvco.parse(order["type_response"]["qr_data"])
    assert payload.is_dynamic and payload.order_id
    assert order["config"]["qr"]["mode"] == mode


async def test_the_order_is_on_the_pos_and_the_phone_sees_it(seller):
    order = await created(seller)
    view = (await seller.control("GET", f"/sandbox/pos/{POS}")).json()
    assert view["order"]["kind"] == "orders" and view["order"]["external_reference"] == order["external_reference"]


# --- idempotency -------------------------------------------------------------------------------------

async def test_same_key_and_body_give_the_same_answer(seller):
    first = await seller.create(key="same")
    again = await seller.create(key="same")
    reordered = await seller.http.post(
        "/v1/orders", content=json.dumps(dict(reversed(list(order_body().items())))),
        headers={"X-Idempotency-Key": "same", "Content-Type": "application/json"},
    )
    assert first.status_code == again.status_code == reordered.status_code == 201
    assert first.json() == again.json() == reordered.json()
    assert len(seller.api.orders) == 1


async def test_same_key_with_another_body_is_409(seller):
    await seller.create(key="same")
    reply = await seller.create(key="same", total_amount="999.00", transactions={"payments": [{"amount": "999.00"}]},
                                items=None)
    assert err(reply) == (409, "idempotency_key_already_used")
    assert len(seller.api.orders) == 1


async def test_a_key_is_bound_to_its_path(seller):
    order = await created(seller, key="shared")
    reply = await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "shared"})
    assert err(reply) == (409, "idempotency_key_already_used")


@pytest.mark.parametrize("headers", [{}, {"X-Idempotency-Key": ""}])
async def test_a_missing_key_is_400_on_every_write(seller, headers):
    assert err(await seller.http.post("/v1/orders", json=order_body(), headers=headers)) == (
        400,
        "empty_required_header",
    )
    order = await created(seller)
    for action in ("cancel", "refund"):
        reply = await seller.http.post(f"/v1/orders/{order['id']}/{action}", headers=headers)
        assert err(reply) == (400, "empty_required_header")


async def test_a_refused_request_does_not_use_up_its_key(seller):
    assert (await seller.create(key="fixme", transactions=None)).status_code == 400
    assert (await seller.create(key="fixme")).status_code == 201


async def test_keys_are_per_account(seller, make_seller):
    other = await make_seller("SANDBOX-MLA-other")
    a = await created(seller, key="k")
    b = await created(other, key="k")
    assert a["id"] != b["id"]


async def test_answers_are_kept_24_hours(seller, server):
    first = await created(seller, key="old")
    server.state.clock.advance(24 * 3600 + 1)
    again = await created(seller, key="old")
    assert again["id"] != first["id"]


@pytest.mark.parametrize("fault", [
    {"kind": "latency", "seconds": 0.6, "after": True},
    {"kind": "drop", "after": True},
    {"kind": "status", "status": 502, "after": True},
], ids=["timeout", "drop", "502"])
async def test_a_retry_after_a_lost_answer_publishes_one_order(make_seller, token, fault):
    """The real client times out (or loses the answer) after the sandbox made the order, retries
    with the same key and body, and gets that order back: one order, on the POS."""
    seller = await make_seller(token, timeout=0.3)
    await seller.control("PUT", "/sandbox/faults", [{"path": "/v1/orders", "method": "POST", "times": 1, **fault}])
    new = NewQrOrder("CAJA1-S1-1", Decimal("1000"), POS, expiration_time=timedelta(minutes=16))
    order = await seller.orders.create(new, site("MLA"), idempotency_key="retry-key")
    assert len(seller.api.orders) == 1 and order.id in seller.api.orders
    pos = next(p for p in seller.server.state.pos.values() if p.external_id == POS)
    assert pos.order is not None and seller.api.by_pos_order[pos.order.id] == order.id
    assert (await seller.control("GET", "/sandbox/faults")).json() == []  # the fault was used up: it hit


# --- create errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("overrides", "status", "code", "detail"),
    [
        ({"transactions": None}, 400, "required_properties", "missing properties: '$.transactions'"),
        (
            {"notification_url": "https://example.com/ipn"},
            400,
            "unsupported_properties",
            "additionalProperties '$.notification_url' not allowed",
        ),
        ({"total_amount": 1000.0}, 400, "property_type", None),
        ({"total_amount": "1000.001"}, 400, "property_type", None),
        ({"total_amount": "900.00"}, 400, "invalid_total_amount", None),
        ({"type": "point"}, 400, "unsupported_properties", None),  # a QR body sent as a Point order
        ({"type": "card"}, 400, "property_type", None),
        ({"external_reference": "bad ref!"}, 400, "property_type", None),
        ({"description": "d" * 151}, 400, "property_type", None),
        ({"expiration_time": "PT10S"}, 400, "property_type", None),
        ({"expiration_time": "15 minutes"}, 400, "property_type", None),
        ({"config": {"qr": {"external_pos_id": POS, "mode": "fancy"}}}, 400, "property_type", None),
        ({"config": {"qr": {}}}, 400, "required_properties", None),
        ({"config": {"qr": {"external_pos_id": "NOPOS"}}}, 404, "pos_not_found", None),
        ({"transactions": {"payments": []}}, 400, "required_properties", None),
        (
            {"transactions": {"payments": [{"amount": "500.00"}, {"amount": "500.00"}]}},
            400,
            "required_properties",
            None,
        ),
        (
            {"items": [{"title": "x", "unit_price": "1.00", "quantity": 1, "unit_measure": "unit"}] * 11},
            400,
            "property_type",
            None,
        ),
        ({"items": [{"title": "x", "unit_price": "1.00", "quantity": 1}]}, 400, "required_properties", None),
        (
            {"items": [{"title": "x", "unit_price": "1.00", "quantity": 0, "unit_measure": "u"}]},
            400,
            "property_type",
            None,
        ),
        ({"marketplace_fee": "10.00"}, 404, "marketplace_fee_not_allowed", None),
    ],
)
async def test_create_errors(seller, overrides, status, code, detail):
    body = order_body(**overrides)
    if overrides.get("transactions", "") is None:
        del body["transactions"]
    reply = await seller.create(body)
    assert err(reply) == (status, code)
    if detail:
        assert detail in reply.json()["errors"][0]["details"]
    assert seller.api.orders == {}


async def test_a_sponsor_must_be_another_account(seller):
    reply = await seller.create(integration_data={"sponsor": {"id": str(seller.user_id)}})
    assert err(reply) == (400, "sponsor_id_not_valid")


async def test_not_json_is_a_syntax_error(seller):
    reply = await seller.http.post("/v1/orders", content=b"{nope", headers={"X-Idempotency-Key": "k"})
    assert err(reply) == (400, "json_syntax_error")


async def test_without_a_token_401_in_the_orders_envelope(server):
    async with httpx.AsyncClient(base_url=server.base_url) as anonymous:
        reply = await anonymous.post("/v1/orders", json=order_body(), headers={"X-Idempotency-Key": "k"})
        assert err(reply) == (401, "unauthorized")
        assert err(await anonymous.get("/v1/orders/ORD01K8XQXAC5F2HA56BWPN4ZJ53G")) == (401, "unauthorized")


async def test_an_account_without_qr_gets_403(seller):
    await seller.control("POST", "/sandbox/account/qr", {"enabled": False})
    assert err(await seller.create())[0] == 403


# --- get -----------------------------------------------------------------------------------------------

async def test_get_errors(seller, make_seller):
    assert err(await seller.http.get("/v1/orders/not-an-id")) == (400, "invalid_path_param")
    assert err(await seller.http.get("/v1/orders/ORD01K8XQXAC5F2HA56BWPN4ZJ53G")) == (404, "order_not_found")
    other = await make_seller("SANDBOX-MLA-someoneelse")
    theirs = await created(other)
    assert err(await seller.http.get(f"/v1/orders/{theirs['id']}")) == (404, "order_not_found")


async def test_the_client_reads_every_answer(seller):
    order = await seller.orders.create(NewQrOrder("CAJA1-S2-1", Decimal("10.5"), POS, mode="dynamic"), site("MLA"),
                                       idempotency_key="c1")
    assert order.status == "created" and order.total_amount == Decimal("10.50") and order.qr_data
    assert (await seller.orders.get(order.id)).id == order.id
    canceled = await seller.orders.cancel(order.id, idempotency_key="c2")
    assert canceled.status == "canceled" and canceled.payments[0].status_detail == "canceled_by_api"
    with pytest.raises(Conflict) as conflict:
        await seller.orders.cancel(order.id, idempotency_key="c3")
    assert conflict.value.code == "order_already_canceled"
    with pytest.raises(NotFound):
        await seller.orders.get("ORD01K8XQXAC5F2HA56BWPN4ZJ53G")
    with pytest.raises(BadRequest) as bad:
        await seller.orders.get("x")
    assert bad.value.code == "invalid_path_param"


async def test_the_client_gets_401_as_unauthorized(seller):
    await seller.control("POST", "/sandbox/token/revoke")
    with pytest.raises(Unauthorized):
        await seller.orders.get("ORD01K8XQXAC5F2HA56BWPN4ZJ53G")


# --- paying through the control API --------------------------------------------------------------------

async def test_scan_and_pay_process_the_order_with_a_merchant_order_underneath(seller):
    order = await created(seller)
    mo = (await seller.scan()).json()
    assert mo["external_reference"] == order["external_reference"] and mo["status"] == "opened"
    paid = (await seller.pay()).json()
    payment_id = paid["payment"]["id"]
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert (now["status"], now["status_detail"], now["total_paid_amount"]) == ("processed", "accredited", "1000.00")
    tx = now["transactions"]["payments"][0]
    assert (tx["status"], tx["status_detail"], tx["paid_amount"]) == ("processed", "accredited", "1000.00")
    assert tx["reference_id"] == str(payment_id) and tx["payment_method"]["type"]
    payment = (await seller.http.get(f"/v1/payments/{payment_id}")).json()
    assert payment["point_of_interaction"]["references"] == [{"id": order["id"], "type": "ORDER_MP"}]
    assert payment["external_reference"] == order["external_reference"]
    search = (await seller.http.get("/merchant_orders/search",
                                    params={"external_reference": order["external_reference"]})).json()
    assert [m["status"] for m in search["elements"]] == ["closed"]
    assert (await seller.control("GET", f"/sandbox/pos/{POS}")).json()["order"] is None  # off the POS


async def test_a_rejected_payment_leaves_the_order_payable(seller):
    order = await created(seller)
    rejected = (await seller.pay("rejected")).json()["payment"]
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    tx = now["transactions"]["payments"][0]
    assert now["status"] == "created" and (tx["status"], tx["status_detail"]) == ("failed", "rejected_by_issuer")
    assert tx["reference_id"] == str(rejected["id"])
    assert (await seller.pay()).status_code == 201
    assert (await seller.http.get(f"/v1/orders/{order['id']}")).json()["status"] == "processed"


async def test_an_orders_order_is_paid_in_full_and_once(seller):
    await created(seller)
    first = (await seller.scan()).json()
    second = (await seller.scan()).json()
    assert (await seller.pay(amount=100.0)).status_code == 400  # no partial payment
    assert (await seller.pay(merchant_order_id=first["id"])).status_code == 201
    reply = await seller.pay(merchant_order_id=second["id"])  # the other scan cannot pay it again
    assert reply.status_code == 409


async def test_cancel_removes_it_and_a_scan_already_open_cannot_pay(seller):
    order = await created(seller)
    mo = (await seller.scan()).json()
    canceled = await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "c"})
    assert canceled.status_code == 200
    body = canceled.json()
    assert (body["status"], body["status_detail"]) == ("canceled", "canceled")
    assert body["transactions"]["payments"][0]["status_detail"] == "canceled_by_api"
    assert (await seller.pay(merchant_order_id=mo["id"])).status_code == 409
    assert (await seller.pay()).status_code == 409  # nothing on the QR
    again = await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "c"})
    assert again.status_code == 200 and again.json() == body  # a retry of the same cancel
    other = await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "c2"})
    assert err(other) == (409, "order_already_canceled")


@pytest.mark.parametrize("end", ["paid", "expired"])
async def test_cancel_only_while_created(seller, end):
    order = await created(seller)
    if end == "paid":
        await seller.pay()
    else:
        await seller.control("POST", f"/sandbox/pos/{POS}/expire")
    reply = await seller.http.post(f"/v1/orders/{order['id']}/cancel", headers={"X-Idempotency-Key": "c"})
    assert err(reply) == (409, "cannot_cancel_order")


async def test_expiry_by_time_and_by_the_control_api(seller, server):
    order = await created(seller)
    await seller.scan()
    server.state.clock.advance(16 * 60 + 1)
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert (now["status"], now["status_detail"]) == ("expired", "expired")
    search = (await seller.http.get("/merchant_orders/search",
                                    params={"external_reference": order["external_reference"]})).json()
    assert [m["status"] for m in search["elements"]] == ["expired"]
    second = await created(seller, key="k2", external_reference="CAJA1-S1-2")
    assert (await seller.control("POST", f"/sandbox/pos/{POS}/expire")).status_code == 200
    assert (await seller.http.get(f"/v1/orders/{second['id']}")).json()["status"] == "expired"


async def test_a_replaced_order_still_expires_on_time(seller, server):
    first = await created(seller, key="a")
    await created(seller, key="b", external_reference="CAJA1-S1-2")  # takes the POS
    server.state.clock.advance(16 * 60 + 1)
    assert (await seller.http.get(f"/v1/orders/{first['id']}")).json()["status"] == "expired"


# --- refunds -------------------------------------------------------------------------------------------

async def paid_order(seller) -> tuple[dict, int]:
    order = await created(seller)
    payment_id = (await seller.pay()).json()["payment"]["id"]
    return order, payment_id


async def test_refund_only_once_processed(seller):
    order = await created(seller)
    reply = await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "r"})
    assert err(reply) == (409, "cannot_refund_order")


async def test_full_refund(seller):
    order, payment_id = await paid_order(seller)
    reply = await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "r"})
    assert reply.status_code == 201
    body = reply.json()
    assert set(body) == {"id", "status", "status_detail", "transactions"}
    assert (body["status"], body["status_detail"]) == ("processed", "accredited")
    refund = body["transactions"]["refunds"][0]
    assert REF_RE.match(refund["id"]) and refund["status"] == "processing" and refund["amount"] == "1000.00"
    assert refund["transaction_id"] == order["transactions"]["payments"][0]["id"]
    classic = (await seller.http.get(f"/v1/payments/{payment_id}/refunds")).json()
    assert [str(r["id"]) for r in classic] == [refund["reference_id"]]
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert (now["status"], now["status_detail"]) == ("refunded", "refunded")
    assert now["transactions"]["refunds"][0]["status"] == "processed"
    assert (await seller.http.get(f"/v1/payments/{payment_id}")).json()["status"] == "refunded"
    replay = await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "r"})
    assert replay.status_code == 201 and replay.json() == body and len(classic) == 1
    again = await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "r2"})
    assert err(again) == (409, "order_already_refunded")


async def test_partial_refunds(seller):
    order, payment_id = await paid_order(seller)
    pay_tx = order["transactions"]["payments"][0]["id"]

    async def refund(key: str, amount: str, tx: str = pay_tx) -> httpx.Response:
        return await seller.http.post(f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": key},
                                      json={"transactions": [{"id": tx, "amount": amount}]})

    assert (await refund("p1", "300.50")).status_code == 201
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert (now["status"], now["status_detail"]) == ("processed", "partially_refunded")
    assert err(await refund("p2", "700.00")) == (400, "invalid_refund_amount")
    assert err(await refund("p3", "1.00", tx="PAY01K8XQXAC5F2HA56BWPPZA1AH7")) == (400, "property_type")
    assert err(await refund("p4", "1.001")) == (400, "property_type")
    assert (await refund("p5", "699.50")).status_code == 201
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert now["status"] == "refunded" and len(now["transactions"]["refunds"]) == 2
    amounts = [r["amount"] for r in (await seller.http.get(f"/v1/payments/{payment_id}/refunds")).json()]
    assert amounts == [300.5, 699.5]


async def test_partial_refunds_can_be_switched_off(seller):
    order, _ = await paid_order(seller)
    assert (await seller.control("PUT", "/sandbox/orders/settings", {"partial_refunds": False})).status_code == 200
    reply = await seller.http.post(
        f"/v1/orders/{order['id']}/refund", headers={"X-Idempotency-Key": "p"},
        json={"transactions": [{"id": order["transactions"]["payments"][0]["id"], "amount": "1.00"}]},
    )
    assert err(reply) == (400, "unsupported_properties")
    assert (await seller.control("PUT", "/sandbox/orders/settings", {"partial_refunds": "no"})).status_code == 400


async def test_a_classic_refund_of_the_payment_shows_on_the_order(seller):
    order, payment_id = await paid_order(seller)
    reply = await seller.http.post(f"/v1/payments/{payment_id}/refunds", json={"amount": 100},
                                   headers={"X-Idempotency-Key": "classic"})
    assert reply.status_code in (200, 201)
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert now["status_detail"] == "partially_refunded"
    assert now["transactions"]["refunds"][0]["reference_id"] == str(reply.json()["id"])


# --- the events simulation (§2.7) ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("status", "expected"),
    [("processed", ("processed", "accredited")), ("failed", ("failed", "rejected_by_issuer")),
     ("canceled", ("canceled", "canceled")), ("expired", ("expired", "expired")),
     ("action_required", ("action_required", "waiting_payment"))],
)
async def test_events_simulate_statuses(seller, status, expected):
    order = await created(seller)
    reply = await seller.http.post(f"/v1/orders/{order['id']}/events", json={"status": status})
    assert reply.status_code == 204
    now = (await seller.http.get(f"/v1/orders/{order['id']}")).json()
    assert (now["status"], now["status_detail"]) == expected


async def test_events_refund_a_processed_order_and_refuse_nonsense(seller):
    order, _ = await paid_order(seller)
    assert (await seller.http.post(f"/v1/orders/{order['id']}/events", json={"status": "refunded"})).status_code == 204
    assert (await seller.http.get(f"/v1/orders/{order['id']}")).json()["status"] == "refunded"
    assert err(await seller.http.post(f"/v1/orders/{order['id']}/events", json={"status": "weird"}))[0] == 400
    assert err(await seller.http.post(f"/v1/orders/{order['id']}/events", json={"status": "processed"}))[0] == 409


# --- faults reach the Orders routes ------------------------------------------------------------------------

async def test_faults_apply_to_orders_routes(seller):
    order = await created(seller)
    await seller.control("PUT", "/sandbox/faults", [{"path": "/v1/orders/*", "method": "GET", "kind": "status",
                                                     "status": 503, "times": 1}])
    assert (await seller.http.get(f"/v1/orders/{order['id']}")).status_code == 503
    assert (await seller.http.get(f"/v1/orders/{order['id']}")).status_code == 200


async def test_control_lists_orders(seller, make_seller):
    order = await created(seller)
    other = await make_seller("SANDBOX-MLA-another")
    await created(other)
    listed = (await seller.control("GET", "/sandbox/orders")).json()
    assert [o["id"] for o in listed] == [order["id"]]
