"""The Orders API client over respx: every call's request, every documented answer and error."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from qrcashier.domain.money import site
from qrcashier.mercadopago import BadRequest, Conflict, MalformedResponse, NotFound, Unauthorized
from qrcashier.mercadopago.orders import (
    NewQrOrder,
    Order,
    QrOrderItem,
    format_duration,
    parse_duration,
)
from tests.unit.client_orders import payloads as P
from tests.unit.client_orders.conftest import body_of, json_reply

MLA, MLC = site("MLA"), site("MLC")
KEY = "3f2a9c0e7d1b4a5f8e6c2d9b1a0f7e3c"


def new_order(**kw) -> NewQrOrder:
    kw.setdefault("external_reference", "CAJA1-S1-1")
    kw.setdefault("total_amount", Decimal("1000"))
    kw.setdefault("external_pos_id", "POS1")
    return NewQrOrder(**kw)


# --- create ----------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_create_sends_the_documented_body_with_string_amounts(mp, token):
    route = mp.router.post("/v1/orders").mock(return_value=json_reply(201, P.CREATED))
    order = new_order(
        description="Kiosco", expiration_time=timedelta(minutes=15),
        items=(QrOrderItem("Mate", Decimal("400"), 2, external_code="779"), QrOrderItem("Yerba", Decimal("200"), 1)),
    )
    result = await mp.orders.create(order, MLA, idempotency_key=KEY)
    request = route.calls.last.request
    assert request.headers["X-Idempotency-Key"] == KEY
    assert request.headers["Authorization"] == f"Bearer {token}"
    assert request.headers["Content-Type"] == "application/json"
    assert body_of(request) == {
        "type": "qr",
        "total_amount": "1000.00",
        "external_reference": "CAJA1-S1-1",
        "config": {"qr": {"external_pos_id": "POS1", "mode": "static"}},
        "transactions": {"payments": [{"amount": "1000.00"}]},
        "description": "Kiosco",
        "expiration_time": "PT15M",
        "items": [
            {"title": "Mate", "unit_price": "400.00", "quantity": 2, "unit_measure": "unit", "external_code": "779"},
            {"title": "Yerba", "unit_price": "200.00", "quantity": 1, "unit_measure": "unit"},
        ],
    }
    assert "notification_url" not in body_of(request)  # the Orders API refuses it (§2.1)
    assert result.id == "ORD01K8XQXAC5F2HA56BWPN4ZJ53G"
    assert result.status == "created" and result.status_detail == "created"
    assert result.total_amount == Decimal("1000.00") and isinstance(result.user_id, str)
    assert result.payments[0].id.startswith("PAY") and result.payments[0].status_detail == "ready_to_process"
    assert result.mode == "static" and result.external_pos_id == "STOREFAKAPOS001" and result.qr_data is None
    assert result.created_date is not None and result.created_date.tzinfo is not None


@pytest.mark.asyncio
async def test_clp_amounts_are_whole_strings(mp):
    route = mp.router.post("/v1/orders").mock(return_value=json_reply(201, P.CREATED))
    await mp.orders.create(new_order(total_amount=Decimal("5200")), MLC, idempotency_key=KEY)
    body = body_of(route.calls.last.request)
    assert body["total_amount"] == "5200" and body["transactions"]["payments"] == [{"amount": "5200"}]


@pytest.mark.asyncio
@pytest.mark.parametrize("mode", ["dynamic", "hybrid"])
async def test_dynamic_and_hybrid_return_qr_data(mp, mode):
    route = mp.router.post("/v1/orders").mock(return_value=json_reply(201, P.DYNAMIC))
    result = await mp.orders.create(new_order(mode=mode), MLA, idempotency_key=KEY)
    assert body_of(route.calls.last.request)["config"]["qr"]["mode"] == mode
    assert result.qr_data.startswith("000201")


@pytest.mark.parametrize(
    "failure",
    [json_reply(500, P.errors("internal_error", "boom")), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("drop")],
    ids=["500", "timeout", "dropped"],
)
@pytest.mark.asyncio
async def test_a_retried_create_reuses_the_same_key_and_body(mp, failure):
    route = mp.router.post("/v1/orders").mock(side_effect=[failure, json_reply(201, P.CREATED)])
    result = await mp.orders.create(new_order(), MLA, idempotency_key=KEY)
    assert route.call_count == 2
    first, second = (c.request for c in route.calls)
    assert first.headers["X-Idempotency-Key"] == second.headers["X-Idempotency-Key"] == KEY
    assert first.content == second.content
    assert result.id == P.CREATED["id"]


@pytest.mark.parametrize(
    ("status", "payload", "error", "code"),
    [
        (
            400,
            P.errors("required_properties", "Missing properties", "missing properties: '$.transactions'"),
            BadRequest,
            "required_properties",
        ),
        (
            400,
            P.errors("unsupported_properties", "additionalProperties '$.notification_url' not allowed"),
            BadRequest,
            "unsupported_properties",
        ),
        (
            400,
            P.errors("invalid_total_amount", "total_amount must equal the payments"),
            BadRequest,
            "invalid_total_amount",
        ),
        (400, P.errors("empty_required_header", "X-Idempotency-Key is required"), BadRequest, "empty_required_header"),
        (400, P.errors("json_syntax_error", "bad json"), BadRequest, "json_syntax_error"),
        (401, P.errors("unauthorized", "invalid token"), Unauthorized, "unauthorized"),
        (404, P.errors("pos_not_found", "POS not found"), NotFound, "pos_not_found"),
        (
            409,
            P.errors("idempotency_key_already_used", "Key used with another body"),
            Conflict,
            "idempotency_key_already_used",
        ),
    ],
)
@pytest.mark.asyncio
async def test_create_errors_are_typed_from_the_errors_envelope(mp, status, payload, error, code):
    route = mp.router.post("/v1/orders").mock(return_value=json_reply(status, payload))
    with pytest.raises(error) as err:
        await mp.orders.create(new_order(), MLA, idempotency_key=KEY)
    assert err.value.code == code and err.value.status == status
    assert route.call_count == 1  # a definitive refusal is not retried
    assert err.value.causes and err.value.causes[0].code == code


@pytest.mark.asyncio
async def test_a_server_error_is_retried_then_raised(mp):
    route = mp.router.post("/v1/orders").mock(return_value=json_reply(500, P.errors("internal_error", "boom")))
    with pytest.raises(Exception) as err:
        await mp.orders.create(new_order(), MLA, idempotency_key=KEY)
    assert err.value.code == "internal_error" and route.call_count == 3


@pytest.mark.asyncio
@pytest.mark.parametrize("key", ["", "k" * 65])
async def test_a_write_without_a_usable_key_is_refused_before_sending(mp, key):
    route = mp.router.post(url__regex=r".*").mock(return_value=json_reply(201, P.CREATED))
    with pytest.raises(ValueError):
        await mp.orders.create(new_order(), MLA, idempotency_key=key)
    with pytest.raises(ValueError):
        await mp.orders.cancel("ORD1", idempotency_key=key)
    with pytest.raises(ValueError):
        await mp.orders.refund("ORD1", idempotency_key=key)
    assert route.call_count == 0


# --- get, cancel, refund ------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_get_reads_a_processed_order(mp):
    mp.router.get(f"/v1/orders/{P.PROCESSED['id']}").mock(return_value=json_reply(200, P.PROCESSED))
    order = await mp.orders.get(P.PROCESSED["id"])
    assert order.id.startswith("ORDTST") and order.status == "processed" and order.status_detail == "accredited"
    assert order.total_paid_amount == Decimal("5200.00") and order.paid_total == Decimal("5200.00")
    tx = order.payments[0]
    assert tx.payment_id == 137159042654 and tx.paid_amount == Decimal("5200.00")
    assert tx.payment_method_id == "visa" and tx.payment_method_type == "credit_card"


@pytest.mark.asyncio
async def test_get_path_is_percent_encoded(mp):
    route = mp.router.get(url__regex=r".*").mock(return_value=json_reply(200, P.CREATED))
    await mp.orders.get("ORD1/../cancel")
    assert route.calls.last.request.url.raw_path == b"/v1/orders/ORD1%2F..%2Fcancel"


@pytest.mark.parametrize(
    ("status", "payload", "error"),
    [(404, P.errors("order_not_found", "Order not found"), NotFound),
     (400, P.errors("invalid_path_param", "bad id"), BadRequest)],
)
@pytest.mark.asyncio
async def test_get_errors(mp, status, payload, error):
    mp.router.get("/v1/orders/ORDX").mock(return_value=json_reply(status, payload))
    with pytest.raises(error) as err:
        await mp.orders.get("ORDX")
    assert err.value.code == payload["errors"][0]["code"]


@pytest.mark.asyncio
async def test_cancel_sends_the_key_and_no_body(mp):
    route = mp.router.post(f"/v1/orders/{P.CREATED['id']}/cancel").mock(return_value=json_reply(200, P.CANCELED))
    order = await mp.orders.cancel(P.CREATED["id"], idempotency_key=KEY)
    request = route.calls.last.request
    assert request.headers["X-Idempotency-Key"] == KEY and request.content == b""
    assert order.status == "canceled" and order.payments[0].status_detail == "canceled_by_api"


@pytest.mark.asyncio
@pytest.mark.parametrize("code", ["order_already_canceled", "cannot_cancel_order"])
async def test_cancel_conflicts(mp, code):
    mp.router.post("/v1/orders/ORD1/cancel").mock(return_value=json_reply(409, P.errors(code, "no")))
    with pytest.raises(Conflict) as err:
        await mp.orders.cancel("ORD1", idempotency_key=KEY)
    assert err.value.code == code


@pytest.mark.asyncio
async def test_full_refund_has_no_body(mp):
    route = mp.router.post(f"/v1/orders/{P.PROCESSED['id']}/refund").mock(
        return_value=json_reply(201, P.REFUND_ACCEPTED)
    )
    order = await mp.orders.refund(P.PROCESSED["id"], idempotency_key=KEY)
    request = route.calls.last.request
    assert request.content == b"" and request.headers["X-Idempotency-Key"] == KEY
    assert order.total_amount is None  # the refund answer is abridged
    refund = order.refunds[0]
    assert refund.id.startswith("REF") and refund.status == "processing" and refund.amount == Decimal("5200.00")
    assert refund.refund_id == 1234567890 and refund.transaction_id == "PAY01KC220W64G2BQFHHEY4M74MGJ"


@pytest.mark.asyncio
async def test_partial_refund_names_the_transaction_and_a_string_amount(mp):
    route = mp.router.post("/v1/orders/ORD1/refund").mock(return_value=json_reply(201, P.REFUND_ACCEPTED))
    await mp.orders.refund("ORD1", idempotency_key=KEY, transactions=[("PAY1", Decimal("10.5"))], site=MLA)
    assert body_of(route.calls.last.request) == {"transactions": [{"id": "PAY1", "amount": "10.50"}]}
    with pytest.raises(ValueError):
        await mp.orders.refund("ORD1", idempotency_key=KEY, transactions=[("PAY1", Decimal("1"))])


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(409, "order_already_refunded", Conflict), (409, "cannot_refund_order", Conflict),
     (400, "invalid_order_owner", BadRequest), (400, "in_store_payment_refund_order", BadRequest),
     (404, "order_not_found", NotFound)],
)
@pytest.mark.asyncio
async def test_refund_errors(mp, status, code, error):
    mp.router.post("/v1/orders/ORD1/refund").mock(return_value=json_reply(status, P.errors(code, "no")))
    with pytest.raises(error) as err:
        await mp.orders.refund("ORD1", idempotency_key=KEY)
    assert err.value.code == code


@pytest.mark.asyncio
async def test_a_retried_refund_keeps_its_key(mp):
    route = mp.router.post("/v1/orders/ORD1/refund").mock(
        side_effect=[httpx.ReadTimeout("slow"), json_reply(201, P.REFUND_ACCEPTED)]
    )
    await mp.orders.refund("ORD1", idempotency_key=KEY)
    assert [c.request.headers["X-Idempotency-Key"] for c in route.calls] == [KEY, KEY]


# --- reading is strict about what matters ----------------------------------------------------------------

@pytest.mark.parametrize(
    "payload",
    [{"status": "created"}, {"id": "ORD1"}, [], {"id": "ORD1", "status": "created", "total_amount": "abc"},
     {"id": "ORD1", "status": "created", "transactions": {"payments": {"id": "PAY"}}}],
)
@pytest.mark.asyncio
async def test_malformed_orders_are_refused(mp, payload):
    mp.router.get("/v1/orders/ORD1").mock(return_value=json_reply(200, payload))
    with pytest.raises(MalformedResponse):
        await mp.orders.get("ORD1")


def test_numeric_amounts_are_read_too():
    order = Order.from_json({**P.PROCESSED, "total_amount": 5200, "total_paid_amount": None})
    assert order.total_amount == Decimal(5200) and order.paid_total == Decimal("5200.00")


# --- validation before sending --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs",
    [
        {"external_reference": "has space"}, {"external_reference": "x" * 65}, {"mode": "fancy"},
        {"external_pos_id": ""}, {"description": "d" * 151}, {"expiration_time": timedelta(seconds=29)},
        {"expiration_time": timedelta(hours=3601)}, {"total_amount": Decimal(0)},
        {"items": tuple(QrOrderItem("x", Decimal(1), 1) for _ in range(11))},
    ],
)
def test_invalid_orders_are_refused(kwargs):
    with pytest.raises(ValueError):
        new_order(**kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [{"title": ""}, {"title": "t" * 151}, {"unit_measure": "u" * 11}, {"external_code": "c" * 31}, {"quantity": 0},
     {"quantity": True}],
)
def test_invalid_items_are_refused(kwargs):
    base = {"title": "x", "unit_price": Decimal(1), "quantity": 1}
    with pytest.raises(ValueError):
        QrOrderItem(**{**base, **kwargs})


@pytest.mark.parametrize(
    ("delta", "text"),
    [(timedelta(minutes=15), "PT15M"), (timedelta(seconds=30), "PT30S"), (timedelta(hours=1, minutes=30), "PT1H30M"),
     (timedelta(hours=3600), "PT3600H"), (timedelta(seconds=3661), "PT1H1M1S")],
)
def test_durations_round_trip(delta, text):
    assert format_duration(delta) == text
    assert parse_duration(text) == delta


def test_duration_edge_cases():
    assert parse_duration("PT16M") == timedelta(minutes=16)
    assert parse_duration("P1DT2H") == timedelta(days=1, hours=2)
    for bad in ("", "P", "PT", "15M", "PT1.5S", "PTM"):
        with pytest.raises(ValueError):
            parse_duration(bad)
    for bad in (timedelta(0), timedelta(seconds=1.5), timedelta(seconds=-5)):
        with pytest.raises(ValueError):
            format_duration(bad)
