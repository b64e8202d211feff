"""Every client method against respx: the request it sends and the reply it reads.

Replies are the examples of ../shared/mercadopago-api.md, verbatim (see payloads.py).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import httpx
import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago import MalformedResponse, NotFound
from qrcashier.mercadopago.models import (
    InstoreOrder,
    Location,
    NewPos,
    NewStore,
    OrderItem,
    Tax,
)
from tests.unit.client import payloads as P
from tests.unit.client.conftest import body_of, json_reply, raw_path

MLA, MLC, MCO = site("MLA"), site("MLC"), site("MCO")
USER = 495852790
ISO_MS_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")

def order(**overrides) -> InstoreOrder:
    fields = dict(
        external_reference="SALE-7",
        title="Counter sale",
        total_amount=Decimal("1234.50"),
        items=(
            OrderItem("Empanada", Decimal("411.50"), 3, sku_number="A1", category="food", description="carne"),
        ),
        description="2 items",
        notification_url="https://example.com/ipn",
        expiration_date=datetime(2030, 8, 22, 16, 34, 56, 559123, tzinfo=timezone(timedelta(hours=-4))),
        sponsor_id=446566691,
    )
    fields.update(overrides)
    return InstoreOrder(**fields)


def clp_order() -> InstoreOrder:
    return InstoreOrder(
        external_reference="VENTA-1",
        title="Venta",
        total_amount=Decimal("4500"),
        items=(OrderItem("Completo", Decimal("1500"), 3),),
    )


def assert_common_headers(request: httpx.Request, bearer: str, *, has_body: bool) -> None:
    assert request.headers["Authorization"] == bearer
    assert request.headers["Accept"] == "application/json"
    if has_body:
        assert request.headers["Content-Type"] == "application/json"
    assert "access_token" not in str(request.url)  # the deprecated query-string form is never used


def assert_no_number_beyond_cents(raw: bytes) -> None:
    """Every JSON number in the body has at most two decimals."""

    def walk(value) -> None:
        if isinstance(value, Decimal):
            assert -value.as_tuple().exponent <= 2, (value, raw)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(raw, parse_float=Decimal))


# --- account, stores ---------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_get_me(mp, bearer):
    mp.router.get("/users/me").mock(return_value=json_reply(200, P.USERS_ME))
    me = await mp.client.get_me()
    assert (me.id, me.site_id, me.country_id, me.nickname) == (USER, "MLA", "AR", "TESTUSER495852790")
    req = mp.last
    assert req.method == "GET" and raw_path(req) == "/users/me"
    assert req.content == b""
    assert_common_headers(req, bearer, has_body=False)


@pytest.mark.asyncio
async def test_create_store_body_and_reply(mp, bearer):
    mp.router.post(f"/users/{USER}/stores").mock(return_value=json_reply(201, P.STORE_CREATED))
    new = NewStore(
        name="Sucursal Instore",
        external_id="LOJ001",
        location=Location("0123", "Calle", "La Plata", "Buenos Aires", Decimal("-34.9206"), Decimal("-57.9537"), "near"),
        business_hours={"monday": [{"open": "08:00", "close": "12:00"}]},
    )
    store = await mp.client.create_store(USER, new)
    assert store.id == "71238321" and isinstance(store.id, str)  # a string id in the real reply
    assert store.external_id == "STOREFAKA"
    assert store.address_line == "Otra Calle 1235, La Plata, Buenos Aires, Argentina"
    req = mp.last
    assert req.method == "POST" and raw_path(req) == f"/users/{USER}/stores"
    assert_common_headers(req, bearer, has_body=True)
    assert "X-Idempotency-Key" not in req.headers
    body = body_of(req)
    assert body["name"] == "Sucursal Instore" and body["external_id"] == "LOJ001"
    loc = body["location"]
    assert loc["street_number"] == "0123" and isinstance(loc["street_number"], str)
    assert isinstance(loc["latitude"], float) and isinstance(loc["longitude"], float)
    assert (loc["latitude"], loc["longitude"]) == (-34.9206, -57.9537)
    assert (loc["city_name"], loc["state_name"], loc["reference"]) == ("La Plata", "Buenos Aires", "near")
    assert body["business_hours"] == {"monday": [{"open": "08:00", "close": "12:00"}]}


def test_new_store_validates_external_id():
    loc = Location("1", "a", "b", "c", Decimal(0), Decimal(0))
    with pytest.raises(ValueError):
        NewStore(name="x", external_id="has space", location=loc)
    with pytest.raises(ValueError):
        NewStore(name="x", external_id="A" * 61, location=loc)


@pytest.mark.asyncio
async def test_search_stores(mp, bearer):
    route = mp.router.get(f"/users/{USER}/stores/search").mock(return_value=json_reply(200, P.STORE_SEARCH))
    page = await mp.client.search_stores(USER, external_id="STOREFAKA")
    assert route.call_count == 1
    assert [s.id for s in page.results] == ["71238321"]
    assert (page.total, page.offset, page.limit) == (1, 0, 50)
    req = mp.last
    assert dict(req.url.params) == {"external_id": "STOREFAKA", "offset": "0", "limit": "50"}
    assert_common_headers(req, bearer, has_body=False)


# --- POS ---------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_create_pos_body_and_reply(mp, bearer):
    mp.router.post("/pos").mock(return_value=json_reply(201, P.POS_CREATED))
    pos = await mp.client.create_pos(
        NewPos(name="POS Mi Tienda Nueva", external_id="STOREFAKAPOS001", store_id="71238321",
               external_store_id="STOREFAKA", category=621102)
    )
    assert pos.id == 120587102 and pos.user_id == 495852790
    assert pos.store_id == "71238321" and pos.external_id == "STOREFAKAPOS001"
    assert pos.fixed_amount is True and pos.category == 621102 and pos.status == "active"
    assert pos.site == "MLA" and len(pos.uuid) == 64
    assert pos.qr_code.startswith("000201010211") and pos.qr_code.endswith("63042C9B")
    assert pos.qr_image.endswith(".png") and pos.qr_template_document.endswith(".pdf")
    req = mp.last
    assert req.method == "POST" and raw_path(req) == "/pos"
    assert_common_headers(req, bearer, has_body=True)
    body = body_of(req)
    assert body == {
        "name": "POS Mi Tienda Nueva",
        "fixed_amount": True,
        "store_id": 71238321,  # an integer in requests, a string in replies
        "external_store_id": "STOREFAKA",
        "external_id": "STOREFAKAPOS001",
        "category": 621102,
    }
    assert type(body["store_id"]) is int and type(body["category"]) is int


@pytest.mark.asyncio
async def test_create_unattended_pos_sends_url(mp):
    mp.router.post("/pos").mock(return_value=json_reply(201, P.POS_CREATED))
    await mp.client.create_pos(
        NewPos(name="Kiosk", external_id="KIOSK1", store_id="1", external_store_id="S1",
               url="https://shop.example/pay?pos=1")
    )
    body = body_of(mp.last)
    assert body["url"] == "https://shop.example/pay?pos=1" and body["fixed_amount"] is True
    assert "category" not in body


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(external_id="HAS-HYPHEN"),
        dict(external_id="A" * 40),
        dict(name="N" * 45),
        dict(store_id="abc"),
        dict(url="https://x", fixed_amount=False),
    ],
)
def test_new_pos_validation(kwargs):
    base = dict(name="Caja 1", external_id="CAJA1", store_id="1", external_store_id="S1")
    base.update(kwargs)
    with pytest.raises(ValueError):
        NewPos(**base)


@pytest.mark.asyncio
async def test_list_pos_sends_only_given_filters(mp, bearer):
    mp.router.get("/pos").mock(return_value=json_reply(200, P.POS_LIST))
    page = await mp.client.list_pos(external_store_id="STOREFAKA")
    assert [p.id for p in page.results] == [120587102]
    assert (page.total, page.offset, page.limit) == (1, 0, 50)
    req = mp.last
    assert req.method == "GET" and raw_path(req) == "/pos"
    assert dict(req.url.params) == {"external_store_id": "STOREFAKA", "offset": "0", "limit": "50"}
    assert_common_headers(req, bearer, has_body=False)


@pytest.mark.asyncio
async def test_get_pos(mp, bearer):
    mp.router.get("/pos/120587102").mock(return_value=json_reply(200, P.POS_CREATED))
    pos = await mp.client.get_pos(120587102)
    assert pos.id == 120587102
    assert mp.last.method == "GET" and raw_path(mp.last) == "/pos/120587102"
    assert_common_headers(mp.last, bearer, has_body=False)


@pytest.mark.asyncio
async def test_update_pos(mp, bearer):
    mp.router.put("/pos/120587102").mock(return_value=json_reply(200, P.POS_CREATED))
    pos = await mp.client.update_pos(120587102, name="Caja 2", store_id="71238321", fixed_amount=True)
    assert pos.id == 120587102
    req = mp.last
    assert req.method == "PUT" and raw_path(req) == "/pos/120587102"
    assert_common_headers(req, bearer, has_body=True)
    body = body_of(req)
    assert body == {"name": "Caja 2", "store_id": 71238321, "fixed_amount": True}
    assert type(body["store_id"]) is int  # §5.2: store_id is an integer in requests


@pytest.mark.asyncio
async def test_update_pos_refuses_unknown_fields_without_a_request(mp):
    mp.router.put("/pos/1").mock(return_value=json_reply(200, P.POS_CREATED))
    with pytest.raises(ValueError):
        await mp.client.update_pos(1, external_id="NEW")
    assert mp.router.calls.call_count == 0


@pytest.mark.asyncio
async def test_delete_pos(mp, bearer):
    mp.router.delete("/pos/120587102").mock(return_value=httpx.Response(204))
    assert await mp.client.delete_pos(120587102) is None
    assert mp.last.method == "DELETE" and raw_path(mp.last) == "/pos/120587102"
    assert_common_headers(mp.last, bearer, has_body=False)


# --- instore orders v2 -------------------------------------------------------------------------

V2_PUT = f"/instore/qr/seller/collectors/{USER}/stores/STOREFAKA/pos/STOREFAKAPOS001/orders"
V2_POS = f"/instore/qr/seller/collectors/{USER}/pos/STOREFAKAPOS001/orders"


@pytest.mark.asyncio
async def test_put_instore_order_mla(mp, bearer):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    assert await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", order(), MLA) is None
    req = mp.last
    assert req.method == "PUT" and raw_path(req) == V2_PUT
    assert_common_headers(req, bearer, has_body=True)
    body = body_of(req)
    assert body["external_reference"] == "SALE-7" and body["title"] == "Counter sale"
    assert body["description"] == "2 items" and body["notification_url"] == "https://example.com/ipn"
    assert body["total_amount"] == 1234.5 and isinstance(body["total_amount"], float)  # a JSON number
    assert body["sponsor"] == {"id": 446566691} and type(body["sponsor"]["id"]) is int
    assert body["expiration_date"] == "2030-08-22T16:34:56.559-04:00"
    assert ISO_MS_OFFSET.match(body["expiration_date"])
    [item] = body["items"]
    assert item == {
        "title": "Empanada", "unit_price": 411.5, "quantity": 3, "unit_measure": "unit",
        "total_amount": 1234.5, "sku_number": "A1", "category": "food", "description": "carne",
    }
    assert type(item["quantity"]) is int
    assert b'"total_amount":1234.5' in req.content  # a number, never a string
    assert_no_number_beyond_cents(req.content)
    assert "sponsor_id" not in body and "currency_id" not in item


@pytest.mark.asyncio
async def test_put_instore_order_rounds_to_cents_mla(mp):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    o = order(total_amount=Decimal("0.30"), items=(OrderItem("Caramelo", Decimal("0.10"), 3),), expiration_date=None)
    await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", o, MLA)
    body = body_of(mp.last)
    assert body["total_amount"] == 0.3 and body["items"][0]["total_amount"] == 0.3  # not 0.30000000000000004
    assert "expiration_date" not in body
    assert_no_number_beyond_cents(mp.last.content)


@pytest.mark.parametrize("s", [MLC, MCO], ids=["CLP", "COP"])
@pytest.mark.asyncio
async def test_put_instore_order_whole_units(mp, s):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", clp_order(), s)
    body = body_of(mp.last)
    assert body["total_amount"] == 4500 and type(body["total_amount"]) is int
    item = body["items"][0]
    assert type(item["unit_price"]) is int and type(item["total_amount"]) is int
    assert b'"total_amount":4500,' in mp.last.content and b"4500.0" not in mp.last.content
    assert "sponsor" not in body and "expiration_date" not in body


@pytest.mark.asyncio
async def test_put_instore_order_utc_expiration_has_offset(mp):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    o = order(expiration_date=datetime(2031, 1, 2, 3, 4, 5, tzinfo=UTC))
    await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", o, MLA)
    assert body_of(mp.last)["expiration_date"] == "2031-01-02T03:04:05.000+00:00"


@pytest.mark.asyncio
async def test_put_instore_order_cash_out_and_taxes(mp):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    o = order(cash_out_amount=Decimal("500"), taxes=(Tax(Decimal("19")),))
    await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", o, MLA)
    body = body_of(mp.last)
    assert body["cash_out"] == {"amount": 500}
    assert body["taxes"] == [{"value": 19, "type": "IVA"}]


@pytest.mark.asyncio
async def test_put_instore_order_cop_taxes_are_integers(mp):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    o = InstoreOrder("V-1", "Venta", Decimal("11900"), (OrderItem("x", Decimal("11900"), 1),),
                     taxes=(Tax(Decimal("1900")),), cash_out_amount=Decimal("5000"))
    await mp.client.put_instore_order(USER, "STOREFAKA", "STOREFAKAPOS001", o, MCO)
    assert b'"taxes":[{"value":1900,"type":"IVA"}]' in mp.last.content
    assert b'"cash_out":{"amount":5000}' in mp.last.content
    assert b".0" not in mp.last.content


@pytest.mark.asyncio
async def test_put_instore_order_refuses_naive_expiration_before_sending(mp):
    mp.router.put(V2_PUT).mock(return_value=httpx.Response(204))
    with pytest.raises(ValueError):
        await mp.client.put_instore_order(
            USER, "STOREFAKA", "STOREFAKAPOS001", order(expiration_date=datetime(2030, 1, 1)), MLA
        )
    assert mp.router.calls.call_count == 0


@pytest.mark.parametrize("shape", ["object", "array"])
@pytest.mark.asyncio
async def test_get_instore_order_object_or_one_element_array(mp, bearer, shape):
    text = P.INSTORE_ORDER if shape == "object" else f"[{P.INSTORE_ORDER}]"
    mp.router.get(V2_POS).mock(return_value=json_reply(200, text))
    got = await mp.client.get_instore_order(USER, "STOREFAKAPOS001")
    assert got is not None
    assert got.external_reference == "SALE-7" and got.total_amount == Decimal("1234.5")
    assert got.sponsor_id == 446566691
    assert got.expiration_date == datetime(2023, 8, 22, 16, 34, 56, 559000, tzinfo=timezone(timedelta(hours=-4)))
    [item] = got.items
    assert (item.title, item.unit_price, item.quantity, item.sku_number) == ("Empanada", Decimal("411.5"), 3, "A1")
    req = mp.last
    assert req.method == "GET" and raw_path(req) == V2_POS
    assert_common_headers(req, bearer, has_body=False)


@pytest.mark.asyncio
async def test_get_instore_order_round_trips_what_was_put(mp):
    o = order()
    mp.router.get(V2_POS).mock(return_value=httpx.Response(200, json=o.to_json(MLA)))
    got = await mp.client.get_instore_order(USER, "STOREFAKAPOS001")
    assert got.external_reference == o.external_reference and got.total_amount == o.total_amount
    assert got.expiration_date == o.expiration_date.replace(microsecond=559000)


@pytest.mark.asyncio
async def test_get_instore_order_none_when_pos_has_no_order(mp):
    mp.router.get(V2_POS).mock(return_value=json_reply(404, P.ORDER_NOT_FOUND))
    assert await mp.client.get_instore_order(USER, "STOREFAKAPOS001") is None
    assert mp.router.calls.call_count == 1  # a 404 is an answer, not retried


@pytest.mark.asyncio
async def test_get_instore_order_unknown_pos_raises(mp):
    mp.router.get(V2_POS).mock(return_value=json_reply(404, P.POS_NOT_FOUND))
    with pytest.raises(NotFound) as info:
        await mp.client.get_instore_order(USER, "STOREFAKAPOS001")
    assert info.value.code == "pos_obtainment_error"


@pytest.mark.asyncio
async def test_get_instore_order_array_of_two_is_malformed(mp):
    mp.router.get(V2_POS).mock(return_value=json_reply(200, f"[{P.INSTORE_ORDER},{P.INSTORE_ORDER}]"))
    with pytest.raises(MalformedResponse):
        await mp.client.get_instore_order(USER, "STOREFAKAPOS001")


@pytest.mark.asyncio
async def test_delete_instore_order(mp, bearer):
    mp.router.delete(V2_POS).mock(return_value=httpx.Response(204))
    assert await mp.client.delete_instore_order(USER, "STOREFAKAPOS001") is None
    assert mp.last.method == "DELETE" and raw_path(mp.last) == V2_POS
    assert_common_headers(mp.last, bearer, has_body=False)


@pytest.mark.asyncio
async def test_path_ids_are_percent_encoded(mp):
    mp.router.get(url__regex=r".*").mock(return_value=json_reply(404, P.ORDER_NOT_FOUND))
    await mp.client.get_instore_order(USER, "../pos/x?y")
    assert raw_path(mp.last) == f"/instore/qr/seller/collectors/{USER}/pos/..%2Fpos%2Fx%3Fy/orders"
    assert mp.last.url.query == b""
    with pytest.raises(ValueError):
        await mp.client.get_pos("")


# --- legacy v1 and dynamic QR ------------------------------------------------------------------

V1 = f"/mpmobile/instore/qr/{USER}/STOREFAKAPOS001"


@pytest.mark.asyncio
async def test_create_v1_order_mla(mp, bearer):
    mp.router.post(V1).mock(return_value=json_reply(201, P.V1_ORDER))
    got = await mp.client.create_v1_order(USER, "STOREFAKAPOS001", order(), MLA)
    assert got.id == "360472057-3d2c0f1e-7a55-4f0c-9c3b-1f6a2b4c8d9e"
    assert got.collector_id == 360472057 and got.total_amount == Decimal(301)
    assert got.external_reference == "SALE-1"
    req = mp.last
    assert req.method == "POST" and raw_path(req) == V1
    assert_common_headers(req, bearer, has_body=True)
    assert req.headers["X-Ttl-Store-Preference"] == "600"
    assert "X-Idempotency-Key" not in req.headers
    body = body_of(req)
    assert body["external_reference"] == "SALE-7"
    assert body["notification_url"] == "https://example.com/ipn"
    assert body["sponsor_id"] == 446566691 and type(body["sponsor_id"]) is int  # flat, not {"id": n}
    assert "sponsor" not in body
    [item] = body["items"]
    assert item == {"id": "A1", "title": "Empanada", "currency_id": "ARS", "unit_price": 411.5,
                    "quantity": 3, "description": "carne"}


@pytest.mark.asyncio
async def test_create_v1_order_ttl_header_and_clp(mp):
    mp.router.post(V1).mock(return_value=json_reply(200, P.V1_ORDER))
    await mp.client.create_v1_order(USER, "STOREFAKAPOS001", clp_order(), MLC, ttl_seconds=120)
    req = mp.last
    assert req.headers["X-Ttl-Store-Preference"] == "120"
    [item] = body_of(req)["items"]
    assert item["currency_id"] == "CLP" and item["unit_price"] == 1500 and type(item["unit_price"]) is int
    assert item["id"] == "1"
    assert "sponsor_id" not in body_of(req)


@pytest.mark.asyncio
async def test_delete_v1_order(mp, bearer):
    mp.router.delete(V1).mock(return_value=httpx.Response(204))
    assert await mp.client.delete_v1_order(USER, "STOREFAKAPOS001") is None
    assert mp.last.method == "DELETE" and raw_path(mp.last) == V1
    assert_common_headers(mp.last, bearer, has_body=False)


QRS = f"/instore/orders/qr/seller/collectors/{USER}/pos/STOREFAKAPOS001/qrs"


@pytest.mark.parametrize("status", [200, 201])
@pytest.mark.asyncio
async def test_create_dynamic_qr(mp, bearer, status):
    mp.router.post(QRS).mock(return_value=json_reply(status, P.DYNAMIC_QR))
    qr = await mp.client.create_dynamic_qr(USER, "STOREFAKAPOS001", order(), MLA)
    assert qr.in_store_order_id == "d4e8ca59-3e1d-4c03-b1f6-580e87c654ae"
    assert qr.qr_data.startswith("00020101021243650016COM.MERCADOLIBRE")
    req = mp.last
    assert req.method == "POST" and raw_path(req) == QRS
    assert_common_headers(req, bearer, has_body=True)
    assert "X-Idempotency-Key" not in req.headers
    assert body_of(req) == order().to_json(MLA)  # the same body as the v2 PUT
    assert body_of(req)["sponsor"] == {"id": 446566691}


# --- merchant orders ---------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_get_merchant_order_doc_sample(mp, bearer):
    mp.router.get("/merchant_orders/9999999999").mock(return_value=json_reply(200, P.MERCHANT_ORDER))
    mo = await mp.client.get_merchant_order(9999999999)
    assert mo.id == 9999999999 and mo.status == "closed" and mo.order_status == "paid"
    assert mo.external_reference == "default" and mo.site_id == "MLA" and mo.is_test is False
    assert (mo.total_amount, mo.paid_amount, mo.refunded_amount) == (5, 5, 0)
    [pay] = mo.payments
    assert (pay.id, pay.status, pay.status_detail, pay.currency_id) == (9999999999, "approved", "accredited", "ARS")
    assert pay.transaction_amount == 1 and pay.total_paid_amount == 1 and pay.amount_refunded == 0
    assert pay.date_approved == datetime(2019, 4, 2, 14, 35, 35, tzinfo=timezone(timedelta(hours=-4)))
    assert mo.approved_total == Decimal(1)
    assert mo.date_created.utcoffset() == timedelta(hours=-4)
    assert mp.last.method == "GET" and raw_path(mp.last) == "/merchant_orders/9999999999"
    assert_common_headers(mp.last, bearer, has_body=False)


def mo_json(mo_id: int, ref: str, status: str = "opened") -> dict:
    mo = json.loads(P.MERCHANT_ORDER)
    mo.update(id=mo_id, external_reference=ref, status=status)
    return mo


@pytest.mark.asyncio
async def test_search_merchant_orders_elements_null(mp):
    mp.router.get("/merchant_orders/search").mock(
        return_value=json_reply(200, '{"elements": null, "next_offset": 0, "total": 0}')
    )
    assert await mp.client.search_merchant_orders("SALE-7") == []
    assert mp.router.calls.call_count == 1
    assert dict(mp.last.url.params) == {"external_reference": "SALE-7", "offset": "0", "limit": "50"}


@pytest.mark.asyncio
async def test_search_merchant_orders_several_pages(mp):
    pages = {
        "0": {"elements": [mo_json(1, "SALE-7"), mo_json(2, "SALE-7")], "next_offset": 2, "total": 5},
        "2": {"elements": [mo_json(3, "SALE-7"), mo_json(4, "SALE-7")], "next_offset": 4, "total": 5},
        "4": {"elements": [mo_json(5, "SALE-7", "closed")], "next_offset": 5, "total": 5},
    }

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params["offset"]])

    mp.router.get("/merchant_orders/search").mock(side_effect=reply)
    found = await mp.client.search_merchant_orders("SALE-7")
    assert [m.id for m in found] == [1, 2, 3, 4, 5]
    assert [r.url.params["offset"] for r in mp.requests] == ["0", "2", "4"]
    assert all(r.url.params["external_reference"] == "SALE-7" for r in mp.requests)


@pytest.mark.asyncio
async def test_search_merchant_orders_pages_without_next_offset(mp):
    def reply(request: httpx.Request) -> httpx.Response:
        off = int(request.url.params["offset"])
        return httpx.Response(200, json={"elements": [mo_json(off + 1, "R")] if off < 3 else [], "total": 3})

    mp.router.get("/merchant_orders/search").mock(side_effect=reply)
    assert [m.id for m in await mp.client.search_merchant_orders("R")] == [1, 2, 3]
    assert [r.url.params["offset"] for r in mp.requests] == ["0", "1", "2"]


@pytest.mark.asyncio
async def test_search_merchant_orders_keeps_only_exact_reference(mp):
    body = {"elements": [mo_json(1, "SALE-7"), mo_json(2, "SALE-70"), mo_json(3, "sale-7"), mo_json(4, "SALE-7")],
            "next_offset": 4, "total": 4}
    mp.router.get("/merchant_orders/search").mock(return_value=httpx.Response(200, json=body))
    assert [m.id for m in await mp.client.search_merchant_orders("SALE-7")] == [1, 4]


@pytest.mark.asyncio
async def test_search_merchant_orders_page(mp):
    mp.router.get("/merchant_orders/search").mock(
        return_value=httpx.Response(200, json={"elements": [mo_json(9, "X")], "next_offset": 11, "total": 12})
    )
    page = await mp.client.search_merchant_orders_page("X", offset=10, limit=1)
    assert [m.id for m in page.elements] == [9] and page.total == 12 and page.next_offset == 11
    assert dict(mp.last.url.params) == {"external_reference": "X", "offset": "10", "limit": "1"}


@pytest.mark.asyncio
async def test_search_merchant_orders_endless_paging_is_malformed(mp):
    mp.router.get("/merchant_orders/search").mock(
        return_value=httpx.Response(200, json={"elements": [mo_json(1, "X")], "next_offset": 0, "total": 10**6})
    )
    with pytest.raises(MalformedResponse):
        await mp.client.search_merchant_orders("X")


# --- payments and refunds ----------------------------------------------------------------------

@pytest.mark.asyncio
async def test_get_payment_doc_sample(mp, bearer):
    mp.router.get("/v1/payments/137159042654").mock(return_value=json_reply(200, P.PAYMENT))
    pay = await mp.client.get_payment(137159042654)
    assert pay.id == 137159042654 and pay.status == "approved" and pay.status_detail == "accredited"
    assert pay.transaction_amount == Decimal(5200) and pay.transaction_amount_refunded == 0
    assert pay.refundable == Decimal(5200)
    assert pay.currency_id == "ARS" and pay.external_reference == "ID23"
    assert pay.merchant_order_id == "36246917291"  # order.id is a string in the real reply
    assert pay.date_approved == datetime(2025, 12, 9, 13, 20, 17, tzinfo=timezone(timedelta(hours=-4)))
    assert pay.refunds == ()
    assert mp.last.method == "GET" and raw_path(mp.last) == "/v1/payments/137159042654"
    assert_common_headers(mp.last, bearer, has_body=False)


REFUNDS = "/v1/payments/123/refunds"


@pytest.mark.asyncio
async def test_full_refund_sends_empty_object_with_key(mp, bearer):
    mp.router.post(REFUNDS).mock(return_value=json_reply(200, P.REFUND))
    refund = await mp.client.refund_payment(123, idempotency_key="refund-123-full")
    assert (refund.id, refund.payment_id, refund.amount, refund.status) == (1234567890, 123, Decimal("10.5"), "approved")
    req = mp.last
    assert req.method == "POST" and raw_path(req) == REFUNDS
    assert_common_headers(req, bearer, has_body=True)
    assert req.headers["X-Idempotency-Key"] == "refund-123-full"
    assert req.content == b"{}"


@pytest.mark.asyncio
async def test_partial_refund_mla(mp):
    mp.router.post(REFUNDS).mock(return_value=json_reply(201, P.REFUND))
    refund = await mp.client.refund_payment(123, idempotency_key="k1", amount=Decimal("10.50"), site=MLA)
    assert refund.amount == Decimal("10.5")
    assert body_of(mp.last) == {"amount": 10.5}
    assert mp.last.content == b'{"amount":10.5}'


@pytest.mark.parametrize("s", [MLC, MCO], ids=["CLP", "COP"])
@pytest.mark.asyncio
async def test_partial_refund_whole_units(mp, s):
    mp.router.post(REFUNDS).mock(return_value=json_reply(201, P.REFUND))
    await mp.client.refund_payment(123, idempotency_key="k1", amount=Decimal("1500"), site=s)
    assert mp.last.content == b'{"amount":1500}'


@pytest.mark.asyncio
async def test_refund_arguments_checked_before_sending(mp):
    mp.router.post(REFUNDS).mock(return_value=json_reply(201, P.REFUND))
    with pytest.raises(ValueError):
        await mp.client.refund_payment(123, idempotency_key="")
    with pytest.raises(ValueError):
        await mp.client.refund_payment(123, idempotency_key="k", amount=Decimal("1"))  # no site
    assert mp.router.calls.call_count == 0


@pytest.mark.asyncio
async def test_list_refunds(mp, bearer):
    mp.router.get(REFUNDS).mock(return_value=json_reply(200, f"[{P.REFUND},{P.REFUND}]"))
    refunds = await mp.client.list_refunds(123)
    assert [r.id for r in refunds] == [1234567890, 1234567890]
    assert mp.last.method == "GET" and raw_path(mp.last) == REFUNDS
    assert_common_headers(mp.last, bearer, has_body=False)


@pytest.mark.asyncio
async def test_list_refunds_not_a_list_is_malformed(mp):
    mp.router.get(REFUNDS).mock(return_value=json_reply(200, P.REFUND))
    with pytest.raises(MalformedResponse):
        await mp.client.list_refunds(123)


@pytest.mark.asyncio
async def test_contact_listener_and_last_success(mp):
    seen = []
    mp.http.on_contact(seen.append)
    mp.router.get("/users/me").mock(return_value=json_reply(200, P.USERS_ME))
    assert mp.http.last_success is None
    await mp.client.get_me()
    assert seen == [mp.http.last_success] and mp.http.last_success.tzinfo is not None
