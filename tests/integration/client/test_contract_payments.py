"""Contract tests, following the money: merchant_orders, payments and refunds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qrcashier.mercadopago import (
    BadRequest,
    Conflict,
    NotFound,
)
from tests.integration.client.conftest import MLA, MLC, assert_error, paid_payment

# =============================================================================================
# merchant_orders, payments, refunds
# =============================================================================================

@pytest.mark.asyncio
async def test_scan_then_pay_seen_through_merchant_orders_and_payment(env):
    await env.put_order("SALE-7")
    scanned = await env.scan()
    opened = await env.client.get_merchant_order(scanned["id"])
    assert opened.status == "opened" and opened.order_status == "payment_required"
    assert opened.external_reference == "SALE-7" and opened.payments == ()
    assert opened.total_amount == Decimal("1234.50")

    paid = await env.pay("approved")
    mo = await env.client.get_merchant_order(paid["merchant_order"]["id"])
    assert mo.id == opened.id
    assert (mo.status, mo.order_status) == ("closed", "paid")
    assert mo.paid_amount == mo.total_amount == mo.approved_total == Decimal("1234.50")
    [payment_line] = mo.payments
    assert payment_line.status == "approved" and payment_line.id == paid["payment"]["id"]

    found = await env.client.search_merchant_orders("SALE-7")
    assert [m.id for m in found] == [mo.id] and found[0].status == "closed"

    payment = await env.client.get_payment(payment_line.id)
    assert payment.status == "approved" and payment.status_detail == "accredited"
    assert payment.transaction_amount == Decimal("1234.50") and payment.external_reference == "SALE-7"
    assert payment.merchant_order_id == str(mo.id) and payment.currency_id == "ARS"
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None  # a paid order leaves the POS


@pytest.mark.asyncio
async def test_each_scan_makes_a_merchant_order_and_rejections_are_not_final(env):
    await env.put_order("SALE-8")
    await env.scan()
    rejected = await env.pay("rejected")
    await env.scan()
    await env.pay("approved")
    found = await env.client.search_merchant_orders("SALE-8")
    assert len(found) >= 2
    closed = [m for m in found if m.status == "closed"]
    assert len(closed) == 1 and closed[0].order_status == "paid"
    rejected_payment = await env.client.get_payment(rejected["payment"]["id"])
    assert rejected_payment.status == "rejected"


@pytest.mark.asyncio
async def test_search_pages_over_loopback_and_null_elements(env):
    await env.settings(search_empty_elements="null")
    assert await env.client.search_merchant_orders("NOTHING") == []
    await env.put_order("MANY")
    for _ in range(53):  # more than one page of 50
        await env.scan()
    await env.put_order("MANYX")  # a reference that merely starts the same
    await env.scan()
    found = await env.client.search_merchant_orders("MANY")
    assert len(found) == 53 and len({m.id for m in found}) == 53
    assert all(m.external_reference == "MANY" for m in found)


@pytest.mark.asyncio
async def test_unknown_merchant_order_and_payment(env):
    with pytest.raises(NotFound) as info:
        await env.client.get_merchant_order(1)
    assert_error(info.value, 404)
    with pytest.raises(NotFound) as info:
        await env.client.get_payment(1)
    assert_error(info.value, 404)
    assert [c.code for c in info.value.causes] == ["2000"]
    assert info.value.mp_message == "Payment not found"


@pytest.mark.asyncio
async def test_full_refund(env):
    pid = await paid_payment(env)
    refund = await env.client.refund_payment(pid, idempotency_key="refund-full-1")
    assert refund.payment_id == pid and refund.amount == Decimal("1234.50") and refund.status == "approved"
    payment = await env.client.get_payment(pid)
    assert payment.status == "refunded" and payment.transaction_amount_refunded == Decimal("1234.50")
    assert [r.id for r in payment.refunds] == [refund.id]
    assert [r.id for r in await env.client.list_refunds(pid)] == [refund.id]
    mo = await env.client.get_merchant_order(int(payment.merchant_order_id))
    assert mo.refunded_amount == Decimal("1234.50") and mo.order_status == "reverted"


@pytest.mark.asyncio
async def test_partial_refunds_and_over_refund(env):
    pid = await paid_payment(env)
    first = await env.client.refund_payment(pid, idempotency_key="r-1", amount=Decimal("200.25"), site=MLA)
    assert first.amount == Decimal("200.25")
    payment = await env.client.get_payment(pid)
    assert payment.status == "approved" and payment.refundable == Decimal("1034.25")
    with pytest.raises(BadRequest) as info:
        await env.client.refund_payment(pid, idempotency_key="r-2", amount=Decimal("1034.26"), site=MLA)
    assert_error(info.value, 400)
    rest = await env.client.refund_payment(pid, idempotency_key="r-3", amount=Decimal("1034.25"), site=MLA)
    assert rest.amount == Decimal("1034.25")
    payment = await env.client.get_payment(pid)
    assert payment.status == "refunded" and payment.refundable == 0 and len(payment.refunds) == 2
    with pytest.raises(BadRequest):
        await env.client.refund_payment(pid, idempotency_key="r-4")  # nothing left to refund


@pytest.mark.asyncio
async def test_partial_refund_clp(make_env, clp_token):
    e = await make_env(clp_token)
    await e.provision()
    pid = await paid_payment(e)
    refund = await e.client.refund_payment(pid, idempotency_key="r-clp", amount=Decimal("1500"), site=MLC)
    assert refund.amount == Decimal(1500)
    assert (await e.client.get_payment(pid)).refundable == Decimal(3000)


@pytest.mark.asyncio
async def test_same_idempotency_key_twice_gives_one_refund(env):
    pid = await paid_payment(env)
    a = await env.client.refund_payment(pid, idempotency_key="same-key", amount=Decimal("100"), site=MLA)
    b = await env.client.refund_payment(pid, idempotency_key="same-key", amount=Decimal("100"), site=MLA)
    assert a == b
    payment = await env.client.get_payment(pid)
    assert len(payment.refunds) == 1 and payment.transaction_amount_refunded == Decimal(100)
    with pytest.raises(Conflict) as info:  # the key reused for a different request
        await env.client.refund_payment(pid, idempotency_key="same-key", amount=Decimal("5"), site=MLA)
    assert_error(info.value, 409)


@pytest.mark.asyncio
async def test_refund_unknown_payment(env):
    with pytest.raises(NotFound) as info:
        await env.client.refund_payment(1, idempotency_key="k")
    assert_error(info.value, 404)


