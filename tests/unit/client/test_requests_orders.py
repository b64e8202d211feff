"""Orders on the POS (Instore v2, legacy v1, the dynamic QR): every client method against respx,
the request it sends and the reply it reads.

Replies are the examples of ../shared/mercadopago-api.md, verbatim (see payloads.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import httpx
import pytest

from qrcashier.mercadopago import MalformedResponse, NotFound
from qrcashier.mercadopago.models import (
    InstoreOrder,
    OrderItem,
    Tax,
)
from tests.unit.client import payloads as P
from tests.unit.client.conftest import body_of, json_reply, raw_path
from tests.unit.client.request_checks import (
    ISO_MS_OFFSET,
    MCO,
    MLA,
    MLC,
    USER,
    assert_common_headers,
    assert_no_number_beyond_cents,
    clp_order,
    order,
)

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


@pytest.mark.parametrize(
    ("reply", "qr_data", "order_id"),
    [
        (P.DYNAMIC_QR, json.loads(P.DYNAMIC_QR)["qr_data"], "d4e8ca59-3e1d-4c03-b1f6-580e87c654ae"),
        ("", None, None),  # disputed (§1.5): no qr_data, the static QR is shown
        ('{"in_store_order_id": "x"}', None, "x"),
    ],
)
@pytest.mark.asyncio
async def test_put_hybrid_order(mp, bearer, reply, qr_data, order_id):
    mp.router.put(QRS).mock(return_value=httpx.Response(200, text=reply))
    placed = await mp.client.put_hybrid_order(USER, "STOREFAKAPOS001", order(), MLA)
    assert (placed.qr_data, placed.in_store_order_id) == (qr_data, order_id)
    req = mp.last
    assert req.method == "PUT" and raw_path(req) == QRS
    assert_common_headers(req, bearer, has_body=True)
    assert body_of(req) == order().to_json(MLA)  # the same body as the v2 PUT
