"""Contract tests, placing orders: Instore v2, legacy v1 and the dynamic QR."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qrcashier.domain import emvco
from qrcashier.domain.money import site
from qrcashier.mercadopago import (
    BadRequest,
    NotFound,
)
from tests.integration.client.conftest import MLA, assert_error

# =============================================================================================
# instore orders v2
# =============================================================================================

@pytest.mark.asyncio
@pytest.mark.parametrize("shape", ["object", "array"])
async def test_v2_put_get_delete(env, shape):
    await env.settings(instore_order_get_format=shape)
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None
    sent = await env.put_order("SALE-1")
    got = await env.client.get_instore_order(env.user_id, "CAJA1")
    assert got is not None
    assert got.external_reference == "SALE-1" and got.total_amount == sent.total_amount
    assert [(i.title, i.unit_price, i.quantity) for i in got.items] == [("Empanada", Decimal("411.50"), 3)]
    to_the_millisecond = sent.expiration_date.microsecond // 1000 * 1000
    assert got.expiration_date == sent.expiration_date.replace(microsecond=to_the_millisecond)

    replaced = await env.put_order("SALE-2", sponsor_id=None)  # a new PUT replaces the POS's one order
    got = await env.client.get_instore_order(env.user_id, "CAJA1")
    assert got.external_reference == replaced.external_reference

    await env.client.delete_instore_order(env.user_id, "CAJA1")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None
    await env.client.delete_instore_order(env.user_id, "CAJA1")  # deleting nothing is still 204


@pytest.mark.asyncio
async def test_v2_clp_whole_amounts(make_env, clp_token):
    e = await make_env(clp_token)
    await e.provision()
    sent = await e.put_order("VENTA-1")
    got = await e.client.get_instore_order(e.user_id, "CAJA1")
    assert got.total_amount == Decimal(4500) == sent.total_amount


@pytest.mark.asyncio
async def test_v2_invalid_total_amount(env):
    with pytest.raises(BadRequest) as info:
        await env.put_order(total_amount=Decimal("999.99"))
    assert_error(info.value, 400, "invalid_total_amount")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
async def test_v2_expiration_in_the_past(env):
    with pytest.raises(BadRequest) as info:
        await env.put_order(expiration_date=datetime.now(UTC) - timedelta(minutes=1))
    assert_error(info.value, 400, "invalid_expiration_date")


@pytest.mark.asyncio
async def test_v2_more_than_two_decimals_is_refused(env):
    # The client quantizes every amount to the site's decimals, so it cannot send 3 decimals;
    # the same HTTP layer sends a raw body to check the server refuses one.
    body = env.order().to_json(MLA)
    body["items"][0]["unit_price"] = Decimal("411.505")
    path = f"/instore/qr/seller/collectors/{env.user_id}/stores/STORE1/pos/CAJA1/orders"
    with pytest.raises(BadRequest) as info:
        await env.http.request("PUT", path, json_body=body)
    assert_error(info.value, 400)
    assert info.value.code.startswith("invalid_")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
async def test_v2_unknown_pos_is_not_found_with_the_pos_message(env):
    with pytest.raises(NotFound) as info:
        await env.client.put_instore_order(env.user_id, "STORE1", "NOSUCHPOS", env.order(), MLA)
    assert_error(info.value, 404, "pos_obtainment_error")
    assert "POS" in info.value.user_message and "external" in info.value.user_message
    with pytest.raises(NotFound) as info:
        await env.client.get_instore_order(env.user_id, "NOSUCHPOS")  # not "no order": the POS is unknown
    assert info.value.code == "pos_obtainment_error"
    # The numeric POS id in place of its external id: the §8.1 pitfall.
    with pytest.raises(NotFound) as info:
        await env.client.put_instore_order(env.user_id, "STORE1", str(env.pos.id), env.order(), MLA)
    assert info.value.code == "pos_obtainment_error"


@pytest.mark.asyncio
async def test_v2_non_numeric_user_id(env):
    with pytest.raises(BadRequest) as info:
        await env.client.put_instore_order("abc", "STORE1", "CAJA1", env.order(), MLA)  # type: ignore[arg-type]
    assert_error(info.value, 400, "invalid_collectorId")
    with pytest.raises(BadRequest) as info:
        await env.client.get_instore_order("abc", "CAJA1")  # type: ignore[arg-type]
    assert_error(info.value, 400, "invalid_collectorId")
    with pytest.raises(BadRequest) as info:
        await env.client.delete_instore_order("abc", "CAJA1")  # type: ignore[arg-type]
    assert_error(info.value, 400, "invalid_collectorId")


@pytest.mark.asyncio
async def test_v2_order_expires(env):
    await env.put_order(expiration_date=datetime.now(UTC) + timedelta(seconds=30))
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is not None
    await env.ctl("POST", "/sandbox/clock/advance", {"seconds": 31})
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


# =============================================================================================
# legacy v1 and dynamic QR
# =============================================================================================

@pytest.mark.asyncio
async def test_v1_create_and_delete(env):
    v1 = await env.client.create_v1_order(env.user_id, "CAJA1", env.order("V1-SALE"), MLA, ttl_seconds=120)
    assert v1.id and v1.collector_id == env.user_id
    assert v1.external_reference == "V1-SALE" and v1.total_amount == Decimal("1234.50")
    got = await env.client.get_instore_order(env.user_id, "CAJA1")
    assert got.external_reference == "V1-SALE"
    await env.client.delete_v1_order(env.user_id, "CAJA1")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
async def test_v1_ttl_header_sets_the_lifetime(env):
    await env.client.create_v1_order(env.user_id, "CAJA1", env.order("V1-SALE"), MLA, ttl_seconds=60)
    await env.ctl("POST", "/sandbox/clock/advance", {"seconds": 61})
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
async def test_v1_errors(env):
    with pytest.raises(BadRequest) as info:
        await env.client.create_v1_order(env.user_id, "CAJA1", env.order(sponsor_id=env.user_id), MLA)
    assert_error(info.value, 400, "invalid_sponsor_id")  # the sponsor must differ from the collector
    with pytest.raises(NotFound) as info:
        await env.client.create_v1_order(env.user_id, "NOSUCHPOS", env.order(), MLA)
    assert_error(info.value, 404, "pos_obtainment_error")
    with pytest.raises(BadRequest) as info:
        await env.client.create_v1_order("abc", "CAJA1", env.order(), MLA)  # type: ignore[arg-type]
    assert_error(info.value, 400, "invalid_collector_id")
    # A v1 body in the wrong currency: items need the site's currency_id.
    with pytest.raises(BadRequest) as info:
        await env.client.create_v1_order(env.user_id, "CAJA1", env.order(), site("MLB"))
    assert_error(info.value, 400, "invalid_items")


@pytest.mark.asyncio
async def test_dynamic_qr(env):
    qr = await env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order("DYN-1"), MLA)
    payload = emvco.parse(qr.qr_data)  # the CRC verifies
    assert payload.is_dynamic and payload.order_id == qr.in_store_order_id
    assert payload.merchant_account["00"].lower() == emvco.MERCADOPAGO_GUI
    assert payload.fields["53"] == MLA.currency_numeric and payload.fields["58"] == "AR"
    second = await env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order("DYN-2"), MLA)
    assert second.in_store_order_id != qr.in_store_order_id  # each POST makes a new QR


@pytest.mark.asyncio
async def test_dynamic_qr_errors(env):
    with pytest.raises(NotFound) as info:
        await env.client.create_dynamic_qr(env.user_id, "NOSUCHPOS", env.order(), MLA)
    assert_error(info.value, 404, "pos_obtainment_error")
    with pytest.raises(BadRequest) as info:
        await env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order(total_amount=Decimal("1")), MLA)
    assert_error(info.value, 400, "invalid_total_amount")


