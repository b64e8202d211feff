"""Merchant orders, payments and refunds: every client method against respx, the request it sends
and the reply it reads.

Replies are the examples of ../shared/mercadopago-api.md, verbatim (see payloads.py).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import httpx
import pytest

from qrcashier.mercadopago import MalformedResponse
from tests.unit.client import payloads as P
from tests.unit.client.conftest import body_of, json_reply, raw_path
from tests.unit.client.request_checks import (
    MCO,
    MLA,
    MLC,
    assert_common_headers,
)

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
    assert pay.order_id == "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ"  # its Orders API order (point_of_interaction)
    assert mp.last.method == "GET" and raw_path(mp.last) == "/v1/payments/137159042654"
    assert_common_headers(mp.last, bearer, has_body=False)


REFUNDS = "/v1/payments/123/refunds"


@pytest.mark.asyncio
async def test_full_refund_sends_empty_object_with_key(mp, bearer):
    mp.router.post(REFUNDS).mock(return_value=json_reply(200, P.REFUND))
    refund = await mp.client.refund_payment(123, idempotency_key="refund-123-full")
    got = (refund.id, refund.payment_id, refund.amount, refund.status)
    assert got == (1234567890, 123, Decimal("10.5"), "approved")
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
