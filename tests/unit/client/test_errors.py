"""Error mapping: every status and transport failure becomes its typed error."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago import (
    BadRequest,
    Conflict,
    Forbidden,
    MalformedResponse,
    MercadoPagoError,
    NotFound,
    RateLimited,
    RetryPolicy,
    ServerError,
    Timeout,
    Unauthorized,
    Unreachable,
)
from qrcashier.mercadopago.models import InstoreOrder, NewPos, OrderItem
from tests.unit.client import payloads as P
from tests.unit.client.conftest import json_reply

MLA = site("MLA")
ONE_TRY = RetryPolicy(attempts=1)


def classic(status: int, code: str, message: str) -> str:
    return f'{{"message": "{message}", "error": "{code}", "status": {status}, "causes": []}}'


def assert_described(exc: MercadoPagoError, cls, status, code, message) -> None:
    assert type(exc) is cls
    assert exc.status == status and exc.code == code and exc.mp_message == message
    assert isinstance(exc.user_message, str) and exc.user_message.strip()
    assert exc.method == "GET" and exc.path == "/pos/7"
    text = str(exc)
    assert cls.__name__ in text and str(status) in text and code in text and "GET /pos/7" in text


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "cls", "code", "message"),
    [
        (400, BadRequest, "INVALID_POS_ID", "the id must be numeric"),
        (401, Unauthorized, "unauthorized", "invalid access token"),
        (403, Forbidden, "forbidden", "QR not enabled"),
        (404, NotFound, "pos_obtainment_error", "Point of sale not found"),
        (409, Conflict, "EXTERNAL_ID_ALREADY_EXISTS", "duplicate"),
        (429, RateLimited, "too_many_requests", "slow down"),
        (500, ServerError, "internal_error", "boom"),
        (502, ServerError, "bad_gateway", "upstream"),
        (503, ServerError, "unavailable", "maintenance"),
        (504, ServerError, "gateway_timeout", "slow upstream"),
        (422, BadRequest, "unprocessable", "nope"),  # the other 4xx are refusals too
    ],
)
async def test_status_maps_to_typed_error(harness_factory, status, cls, code, message):
    mp = harness_factory(ONE_TRY)
    mp.router.get("/pos/7").mock(return_value=json_reply(status, classic(status, code, message)))
    with pytest.raises(cls) as info:
        await mp.client.get_pos(7)
    assert_described(info.value, cls, status, code, message)
    assert isinstance(info.value, MercadoPagoError)
    assert info.value.retryable == (status == 429 or status >= 500)


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [500, 503])
async def test_5xx_after_all_retries_is_server_error(mp, status):
    route = mp.router.get("/pos/7").mock(return_value=json_reply(status, classic(status, "x", "down")))
    with pytest.raises(ServerError) as info:
        await mp.client.get_pos(7)
    assert info.value.status == status and route.call_count == mp.http.retry.attempts


@pytest.mark.asyncio
async def test_the_doc_pos_not_found_envelope(mp):
    mp.router.get("/pos/120587102").mock(return_value=json_reply(404, P.POS_NOT_FOUND))
    with pytest.raises(NotFound) as info:
        await mp.client.get_pos(120587102)
    e = info.value
    assert (e.status, e.code, e.mp_message, e.causes) == (404, "pos_obtainment_error", "Point of sale not found", ())
    assert "POS" in e.user_message and "external" in e.user_message  # tells the installer what to check


@pytest.mark.asyncio
async def test_the_doc_payment_not_found_with_singular_cause(mp):
    mp.router.get("/v1/payments/1").mock(return_value=json_reply(404, P.PAYMENT_NOT_FOUND))
    with pytest.raises(NotFound) as info:
        await mp.client.get_payment(1)
    e = info.value
    assert (e.code, e.mp_message) == ("not_found", "Payment not found")
    assert [(c.code, c.description) for c in e.causes] == [("2000", "Payment not found")]
    assert e.user_message == NotFound.default_user_message


@pytest.mark.asyncio
async def test_the_doc_orders_api_envelope(mp):
    mp.router.post("/pos").mock(return_value=json_reply(400, P.ORDERS_REQUIRED))
    with pytest.raises(BadRequest) as info:
        await mp.client.create_pos(NewPos(name="C", external_id="C1", store_id="1", external_store_id="S"))
    e = info.value
    assert (e.status, e.code, e.mp_message) == (400, "required_properties", "Missing properties")
    assert [(c.code, c.description) for c in e.causes] == [
        ("required_properties", "missing properties: '$.transactions'")
    ]
    assert "Missing properties" in e.user_message


@pytest.mark.asyncio
async def test_the_doc_invalid_preference_body(mp):
    mp.router.post("/mpmobile/instore/qr/1/CAJA1").mock(return_value=json_reply(400, P.INVALID_PREFERENCE_BODY))
    o = InstoreOrder("R", "T", Decimal("1"), (OrderItem("x", Decimal("1"), 1),))
    with pytest.raises(BadRequest) as info:
        await mp.client.create_v1_order(1, "CAJA1", o, MLA)
    e = info.value
    assert (e.status, e.code, e.mp_message) == (400, "invalid_preference_body", "Invalid preference_body")
    assert e.user_message.strip()


@pytest.mark.asyncio
async def test_unattended_nested_error_envelope(mp):
    mp.router.get("/pos/7").mock(
        return_value=json_reply(400, '{"error": {"type": "in_process", "message": "preparing"}}')
    )
    with pytest.raises(BadRequest) as info:
        await mp.client.get_pos(7)
    assert (info.value.code, info.value.mp_message) == ("in_process", "preparing")


@pytest.mark.asyncio
@pytest.mark.parametrize("body", ["", "<html><body>Bad Gateway</body></html>", "[1, 2]", '"text"'])
async def test_error_without_an_envelope_keeps_status(harness_factory, body):
    mp = harness_factory(ONE_TRY)
    mp.router.get("/pos/7").mock(return_value=httpx.Response(502, text=body))
    with pytest.raises(ServerError) as info:
        await mp.client.get_pos(7)
    e = info.value
    assert e.status == 502 and e.code is None and e.mp_message == "Bad Gateway"  # the reason phrase
    assert e.user_message.strip()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("raised", "cls"),
    [
        (httpx.ReadTimeout, Timeout),
        (httpx.WriteTimeout, Timeout),
        (httpx.PoolTimeout, Timeout),
        (httpx.ConnectTimeout, Unreachable),
        (httpx.ConnectError, Unreachable),
        (httpx.RemoteProtocolError, Unreachable),
        (httpx.ReadError, Unreachable),
        (httpx.WriteError, Unreachable),
        (httpx.ProxyError, Unreachable),
    ],
)
async def test_transport_failures(harness_factory, raised, cls):
    mp = harness_factory(ONE_TRY)
    mp.router.get("/users/me").mock(side_effect=raised("simulated"))
    with pytest.raises(cls) as info:
        await mp.client.get_me()
    e = info.value
    assert e.status is None and e.retryable and e.user_message.strip()
    assert (e.method, e.path) == ("GET", "/users/me")
    assert e.__cause__ is None and e.__suppress_context__  # the httpx exception is not chained into reports


@pytest.mark.asyncio
async def test_timeout_on_every_try_is_timeout(mp):
    route = mp.router.get("/users/me").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(Timeout):
        await mp.client.get_me()
    assert route.call_count == mp.http.retry.attempts


@pytest.mark.asyncio
@pytest.mark.parametrize("text", ["<html>maintenance</html>", "{not json", '{"id": 1', "OK"])
async def test_non_json_200_is_malformed(harness_factory, text):
    mp = harness_factory(ONE_TRY)
    mp.router.get("/users/me").mock(return_value=httpx.Response(200, text=text))
    with pytest.raises(MalformedResponse) as info:
        await mp.client.get_me()
    assert info.value.status == 200 and info.value.user_message.strip()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("call", "path", "body"),
    [
        ("get_me", "/users/me", '{"nickname": "x", "site_id": "MLA"}'),  # no id
        ("get_me", "/users/me", '{"id": "abc", "site_id": "MLA"}'),  # id not an integer
        ("get_me", "/users/me", '{"id": 1}'),  # no site_id
        ("get_me", "/users/me", ""),  # 200 with an empty body
        ("get_me", "/users/me", "[]"),
        ("get_pos", "/pos/7", '{"name": "no id"}'),
        ("get_payment", "/v1/payments/7", '{"id": 7, "transaction_amount": 10}'),  # no status
        ("get_payment", "/v1/payments/7", '{"id": 7, "status": "approved", "transaction_amount": "ten"}'),
        ("get_merchant_order", "/merchant_orders/7", '{"id": 7, "status": "opened"}'),  # no total_amount
        (
            "get_merchant_order",
            "/merchant_orders/7",
            '{"id": 7, "status": "closed", "total_amount": 1, "payments": [{"id": 1, "status": "approved"}]}',
        ),
        (
            "get_merchant_order",
            "/merchant_orders/7",
            '{"id": 7, "status": "opened", "total_amount": 1, "payments": {"id": 1}}',
        ),
    ],
)
async def test_missing_or_mistyped_required_field_is_malformed(mp, call, path, body):
    mp.router.get(path).mock(return_value=httpx.Response(200, text=body))
    with pytest.raises(MalformedResponse):
        await getattr(mp.client, call)(7) if call != "get_me" else await mp.client.get_me()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "body",
    [
        '{"qr_data": "000201"}',  # no in_store_order_id
        '{"in_store_order_id": "x"}',
    ],
)
async def test_dynamic_qr_missing_field_is_malformed(mp, body):
    mp.router.post("/instore/orders/qr/seller/collectors/1/pos/C1/qrs").mock(
        return_value=httpx.Response(201, text=body)
    )
    o = InstoreOrder("R", "T", Decimal("1"), (OrderItem("x", Decimal("1"), 1),))
    with pytest.raises(MalformedResponse):
        await mp.client.create_dynamic_qr(1, "C1", o, MLA)


@pytest.mark.asyncio
async def test_refund_reply_without_amount_is_malformed(mp):
    mp.router.post("/v1/payments/1/refunds").mock(return_value=httpx.Response(201, json={"id": 5, "payment_id": 1}))
    with pytest.raises(MalformedResponse):
        await mp.client.refund_payment(1, idempotency_key="k")


@pytest.mark.asyncio
async def test_search_elements_not_a_list_is_malformed(mp):
    mp.router.get("/merchant_orders/search").mock(
        return_value=httpx.Response(200, json={"elements": {"id": 1}, "total": 1})
    )
    with pytest.raises(MalformedResponse):
        await mp.client.search_merchant_orders("R")


@pytest.mark.asyncio
async def test_unexpected_redirect_is_an_error(harness_factory):
    mp = harness_factory(ONE_TRY)
    mp.router.get("/users/me").mock(return_value=httpx.Response(302, headers={"Location": "https://evil.example/"}))
    with pytest.raises(MercadoPagoError) as info:
        await mp.client.get_me()
    assert info.value.status == 302 and info.value.user_message.strip()
    assert mp.router.calls.call_count == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("code", ["invalid_access_token", "invalid_token"])
async def test_400_that_refuses_the_token_is_unauthorized(mp, code):
    # §1.3/§1.4: the legacy in-store routes answer a bad token with 400 invalid_access_token.
    mp.router.delete("/mpmobile/instore/qr/1/C1").mock(
        return_value=json_reply(400, classic(400, code, "invalid access token"))
    )
    with pytest.raises(Unauthorized) as info:
        await mp.client.delete_v1_order(1, "C1")
    e = info.value
    assert (e.status, e.code) == (400, code)
    assert e.user_message == Unauthorized.default_user_message
    assert mp.router.calls.call_count == 1
