"""The Point client over respx: the bodies and headers it sends, the answers and typed errors it reads."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest
import pytest_asyncio
import respx

from qrcashier.domain.money import site
from qrcashier.mercadopago import AccessToken, Conflict, Forbidden, MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.point import (
    CannotCancelAtTerminal,
    NewPointOrder,
    OnePdvPerPos,
    PointClient,
    TerminalBusy,
    TerminalNotInPdv,
    TerminalNotOwned,
)
from tests.unit.client.conftest import FakeSleep

BASE = "https://api.mercadopago.com"
MLA, MLC = site("MLA"), site("MLC")
KEY = "5b0e2f4a9c7d4e1f8a3b6c2d0e9f1a7b"
TERMINAL = "NEWLAND_N950__SBX0000001"
ORDER_ID = "ORD01JQ4S4KY8HWQ6NA5PXB65B3D3"

CREATED = {
    "id": ORDER_ID, "type": "point", "user_id": "1234", "external_reference": "CAJA1-S1-1",
    "processing_mode": "automatic", "status": "created", "status_detail": "created",
    "config": {"point": {"terminal_id": TERMINAL, "print_on_terminal": "no_ticket"}},
    "transactions": {"payments": [{"id": "PAY01JQ4S4KY8HWQ6NA5PXB65B3D4", "amount": "1500.00",
                                   "status": "created", "status_detail": "ready_to_process"}]},
}
PROCESSED = {
    **CREATED, "status": "processed", "status_detail": "accredited",
    "transactions": {"payments": [{
        "id": "PAY01JQ4S4KY8HWQ6NA5PXB65B3D4", "amount": "1500.00", "paid_amount": "1500.00",
        "status": "processed", "status_detail": "accredited", "reference_id": "98765432101",
        "payment_method": {"id": "master", "type": "credit_card", "installments": 3},
        "card": {"first_digits": "503175", "last_digits": "0604"}}]},
}


def reply(status: int, payload=None) -> httpx.Response:
    if payload is None:
        return httpx.Response(status)
    return httpx.Response(status, content=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})


def error(status: int, code: str) -> httpx.Response:
    return reply(status, {"errors": [{"code": code, "message": code.replace("_", " "), "details": []}]})


@pytest_asyncio.fixture
async def mp(token):
    router = respx.Router(base_url=BASE, assert_all_called=False)
    client = httpx.AsyncClient(transport=httpx.MockTransport(router.async_handler))
    http = MercadoPagoHTTP(client, AccessToken(token), retry=RetryPolicy(attempts=2), sleep=FakeSleep())
    try:
        yield router, PointClient(http)
    finally:
        await client.aclose()


def new_order(**kw) -> NewPointOrder:
    kw.setdefault("external_reference", "CAJA1-S1-1")
    kw.setdefault("amount", Decimal("1500"))
    kw.setdefault("terminal_id", TERMINAL)
    return NewPointOrder(**kw)


@pytest.mark.asyncio
async def test_create_sends_type_point_the_terminal_a_string_amount_and_the_key(mp):
    router, point = mp
    route = router.post("/v1/orders").mock(return_value=reply(201, CREATED))
    got = await point.create(new_order(description="Kiosco", expiration_time=timedelta(minutes=15)), MLA,
                             idempotency_key=KEY)
    request = route.calls.last.request
    assert request.headers["X-Idempotency-Key"] == KEY
    assert json.loads(request.content) == {
        "type": "point",
        "external_reference": "CAJA1-S1-1",
        "transactions": {"payments": [{"amount": "1500.00"}]},
        "config": {"point": {"terminal_id": TERMINAL, "print_on_terminal": "no_ticket"}},
        "description": "Kiosco",
        "expiration_time": "PT15M",
    }
    assert (got.id, got.status, got.terminal_id) == (ORDER_ID, "created", TERMINAL)


def test_a_whole_unit_site_sends_no_decimals_and_bad_bodies_are_refused_before_sending():
    assert new_order(amount=Decimal("1500")).to_json(MLC)["transactions"]["payments"][0]["amount"] == "1500"
    assert new_order(default_type="debit_card").to_json(MLA)["config"]["payment_method"] == {
        "default_type": "debit_card"}
    for bad in ({"terminal_id": "SBX0000001"}, {"amount": Decimal("0")}, {"external_reference": "a b"},
                {"expiration_time": timedelta(hours=4)}, {"expiration_time": timedelta(seconds=10)},
                {"print_on_terminal": True}, {"default_type": "account_money"}):
        with pytest.raises(ValueError):
            new_order(**bad)


@pytest.mark.asyncio
async def test_a_processed_order_gives_the_card_brand_last_four_installments_and_payment_id(mp):
    router, point = mp
    router.get(f"/v1/orders/{ORDER_ID}").mock(return_value=reply(200, PROCESSED))
    got = await point.get(ORDER_ID)
    assert got.status == "processed"
    assert (got.card.brand, got.card.type, got.card.installments, got.card.last_four, got.card.payment_id) == (
        "master", "credit_card", 3, "0604", 98765432101)
    assert got.order.paid_total == Decimal("1500.00")


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "code", "typed", "http_class"), [
    (409, "already_queued_order_for_terminal", TerminalBusy, Conflict),
    (403, "forbidden_checking_terminal_owner", TerminalNotOwned, Forbidden),
    (403, "terminal_not_allowed_action", TerminalNotInPdv, Forbidden),
])
async def test_create_errors_become_typed_errors_with_a_sentence(mp, status, code, typed, http_class):
    router, point = mp
    router.post("/v1/orders").mock(return_value=error(status, code))
    with pytest.raises(typed) as caught:
        await point.create(new_order(), MLA, idempotency_key=KEY)
    assert isinstance(caught.value, http_class) and caught.value.code == code
    assert caught.value.user_message.endswith(".") and "terminal" in caught.value.user_message


@pytest.mark.asyncio
async def test_cancel_while_created_then_refused_at_terminal_then_accepted_with_the_header(mp):
    router, point = mp
    route = router.post(f"/v1/orders/{ORDER_ID}/cancel").mock(side_effect=[
        reply(200, {**CREATED, "status": "canceled", "status_detail": "canceled"}),
        error(409, "cannot_cancel_order"),
        reply(202),
    ])
    first = await point.cancel(ORDER_ID, idempotency_key=KEY)
    assert first.order is not None and first.order.status == "canceled" and not first.accepted_later
    with pytest.raises(CannotCancelAtTerminal):
        await point.cancel(ORDER_ID, idempotency_key=KEY + "x")
    later = await point.cancel(ORDER_ID, idempotency_key=KEY + "y", at_terminal=True)
    assert later.accepted_later and later.order is None
    assert "x-allow-cancelable-status" not in route.calls[0].request.headers
    assert route.calls[2].request.headers["x-allow-cancelable-status"] == "at_terminal"


@pytest.mark.asyncio
async def test_refund_full_sends_no_body_partial_sends_the_transaction(mp):
    router, point = mp
    answer = {"id": ORDER_ID, "status": "processed", "status_detail": "partially_refunded", "transactions": {
        "refunds": [{"id": "REF01JQ4S4KY8HWQ6NA5PXB65B3D5", "transaction_id": "PAY01JQ4S4KY8HWQ6NA5PXB65B3D4",
                     "reference_id": "555", "amount": "500.00", "status": "processing"}]}}
    route = router.post(f"/v1/orders/{ORDER_ID}/refund").mock(return_value=reply(201, answer))
    await point.refund(ORDER_ID, idempotency_key=KEY)
    assert route.calls.last.request.content == b""
    got = await point.refund(ORDER_ID, idempotency_key=KEY + "p",
                             transactions=[("PAY01JQ4S4KY8HWQ6NA5PXB65B3D4", Decimal("500"))], site=MLA)
    assert json.loads(route.calls.last.request.content) == {
        "transactions": [{"id": "PAY01JQ4S4KY8HWQ6NA5PXB65B3D4", "amount": "500.00"}]}
    assert got.refunds[0].refund_id == 555


@pytest.mark.asyncio
async def test_terminals_list_reads_every_page_and_setup_switches_to_pdv(mp):
    router, point = mp
    def page(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        assert request.url.params["limit"] == "50" and request.url.params["store_id"] == "S1"
        rows = [{"id": f"PAX_A910__SMARTPOS{n:04d}", "pos_id": 7, "store_id": "S1", "external_pos_id": "CAJA1",
                 "operating_mode": "STANDALONE"} for n in range(offset, min(offset + 50, 60))]
        return reply(200, {"data": {"terminals": rows}, "paging": {"total": 60, "limit": 50, "offset": offset}})
    router.get("/terminals/v1/list").mock(side_effect=page)
    found = await point.terminals(store_id="S1")
    assert len(found) == 60 and found[0].pos_id == "7" and found[59].serial == "SMARTPOS0059"
    setup = router.patch("/terminals/v1/setup").mock(side_effect=[
        reply(200, {"terminals": [{"id": found[0].id, "operating_mode": "PDV"}]}),
        reply(412, {"errors": [{"code": "precondition_failed", "message": "Only one pos-store with PDV mode"}]}),
    ])
    assert await point.set_operating_mode(found[0].id) == "PDV"
    assert json.loads(setup.calls.last.request.content) == {
        "terminals": [{"id": found[0].id, "operating_mode": "PDV"}]}
    with pytest.raises(OnePdvPerPos):
        await point.set_operating_mode(found[1].id)


@pytest.mark.asyncio
async def test_simulate_posts_the_event_body(mp):
    router, point = mp
    route = router.post(f"/v1/orders/{ORDER_ID}/events").mock(return_value=reply(204))
    await point.simulate(ORDER_ID, "failed", status_detail="insufficient_amount")
    assert json.loads(route.calls.last.request.content) == {"status": "failed", "status_detail": "insufficient_amount"}
    with pytest.raises(ValueError):
        await point.simulate(ORDER_ID, "at_terminal")
