"""Contract tests, the account side: users/me, stores, POS, and the refusals of a whole account
(a revoked token, QR payments disabled)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest

from qrcashier.domain import emvco
from qrcashier.mercadopago import (
    BadRequest,
    Conflict,
    Forbidden,
    MercadoPagoError,
    NotFound,
    Unauthorized,
)
from qrcashier.mercadopago.models import Location, NewPos, NewStore
from tests.integration.client.conftest import LOCATION, MLA, assert_error

# =============================================================================================
# users/me
# =============================================================================================

@pytest.mark.asyncio
async def test_users_me(make_env, token):
    e = await make_env()
    me = await e.client.get_me()
    assert me.id == e.user_id and me.id > 0 and me.site_id == "MLA" and me.country_id == "AR"
    assert me.nickname and me.email
    again = await (await make_env()).client.get_me()
    assert again.id == me.id  # one token, one account


@pytest.mark.asyncio
async def test_site_comes_from_the_token(make_env, clp_token):
    e = await make_env(clp_token)
    me = await e.client.get_me()
    assert (me.site_id, me.country_id) == ("MLC", "CL")


@pytest.mark.asyncio
async def test_malformed_token_is_unauthorized(make_env):
    with pytest.raises(Unauthorized) as info:
        await make_env("not-a-token")
    assert_error(info.value, 401)


# =============================================================================================
# stores
# =============================================================================================

@pytest.mark.asyncio
async def test_store_create_and_search(make_env):
    e = await make_env()
    store = await e.client.create_store(
        e.user_id,
        NewStore("Sucursal Centro", "STORE1", LOCATION, {"monday": [{"open": "08:00", "close": "12:00"}]}),
    )
    assert isinstance(store.id, str) and store.id.isdigit()
    assert store.external_id == "STORE1" and store.name == "Sucursal Centro"
    assert store.address_line and "La Plata" in store.address_line
    page = await e.client.search_stores(e.user_id, external_id="STORE1")
    assert [s.id for s in page.results] == [store.id] and page.total == 1
    assert (await e.client.search_stores(e.user_id, external_id="NOPE")).results == []


@pytest.mark.asyncio
async def test_store_duplicate_external_id_is_conflict(make_env):
    e = await make_env()
    await e.client.create_store(e.user_id, NewStore("A", "STORE1", LOCATION))
    with pytest.raises(Conflict) as info:
        await e.client.create_store(e.user_id, NewStore("B", "STORE1", LOCATION))
    assert_error(info.value, 409)
    assert (await e.client.search_stores(e.user_id)).total == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "location",
    [
        Location("1", "Calle", "La Plata", "Buenos Aires", Decimal("-134.9"), Decimal("-57.9")),  # latitude > 90
        Location("1", "Calle", "", "Buenos Aires", Decimal("-34.9"), Decimal("-57.9")),  # no city
    ],
    ids=["latitude", "city"],
)
async def test_store_bad_location_is_bad_request(make_env, location):
    e = await make_env()
    with pytest.raises(BadRequest) as info:
        await e.client.create_store(e.user_id, NewStore("A", "STORE1", location))
    assert_error(info.value, 400)


@pytest.mark.asyncio
async def test_store_unknown_city_is_bad_request(make_env):
    e = await make_env()
    with pytest.raises(BadRequest):
        await e.client.create_store(
            e.user_id,
            NewStore("A", "STORE1", Location("1", "Calle", "Atlantis", "Nowhere", Decimal("-34.9"), Decimal("-57.9"))),
        )


@pytest.mark.asyncio
async def test_store_for_another_user_id_is_refused(make_env):
    e = await make_env()
    with pytest.raises(MercadoPagoError) as info:
        await e.client.create_store(e.user_id + 1, NewStore("A", "STORE1", LOCATION))
    assert info.value.status in (401, 403, 404)


# =============================================================================================
# POS
# =============================================================================================

@pytest.mark.asyncio
async def test_pos_create_list_get_update_delete(make_env):
    e = await make_env()
    store = await e.client.create_store(e.user_id, NewStore("Centro", "STORE1", LOCATION))
    pos = await e.client.create_pos(
        NewPos(name="Caja 1", external_id="CAJA1", store_id=store.id, external_store_id="STORE1", category=621102)
    )
    assert pos.id > 0 and pos.external_id == "CAJA1" and pos.store_id == store.id
    assert pos.external_store_id == "STORE1" and pos.fixed_amount is True and pos.category == 621102
    assert pos.status == "active" and pos.site == "MLA" and len(pos.uuid) == 64
    assert pos.user_id == e.user_id
    static = emvco.parse(pos.qr_code)  # a valid EMVCo payload with a good CRC
    assert static.point_of_initiation == emvco.STATIC and static.pos_url == f"https://mpago.la/pos/{pos.id}"

    listed = await e.client.list_pos(external_id="CAJA1")
    assert [p.id for p in listed.results] == [pos.id] and listed.total == 1
    assert [p.id for p in (await e.client.list_pos(store_id=store.id)).results] == [pos.id]
    assert (await e.client.list_pos(external_id="OTHER")).results == []

    got = await e.client.get_pos(pos.id)
    assert got == pos

    updated = await e.client.update_pos(pos.id, name="Caja Uno", store_id=store.id)
    assert updated.name == "Caja Uno" and updated.id == pos.id and updated.store_id == store.id

    await e.client.delete_pos(pos.id)
    with pytest.raises(NotFound) as info:
        await e.client.get_pos(pos.id)
    assert_error(info.value, 404)
    with pytest.raises(NotFound):
        await e.client.delete_pos(pos.id)


@pytest.mark.asyncio
async def test_pos_duplicate_external_id_is_conflict(env):
    with pytest.raises(Conflict) as info:
        await env.client.create_pos(
            NewPos(name="Otra", external_id="CAJA1", store_id=env.store.id, external_store_id="STORE1")
        )
    assert_error(info.value, 409)


@pytest.mark.asyncio
async def test_pos_validation_codes(env):
    c = env.client
    # A store the account does not have: 404 (§5.2 "404: store not found").
    with pytest.raises(NotFound):
        await c.create_pos(NewPos(name="X", external_id="CAJA9", store_id="1", external_store_id="STORE1"))
    # external_store_id that names no store.
    with pytest.raises(BadRequest) as info:
        await c.create_pos(NewPos(name="X", external_id="CAJA9", store_id=env.store.id, external_store_id="NOSTORE"))
    assert_error(info.value, 400, "INEXISTENT_EXTERNAL_STORE_ID")
    # Bad field values the model would refuse, sent raw through the same HTTP layer.
    base = {"name": "X", "fixed_amount": True, "store_id": int(env.store.id), "external_store_id": "STORE1",
            "external_id": "CAJA9"}
    cases = [
        ({"name": "N" * 45}, "NAME_TOO_LONG"),
        ({"external_id": "CAJA-9"}, "INVALID_EXTERNAL_ID"),
        ({"external_id": "C" * 40}, "EXTERNAL_ID_TOO_LONG"),
        ({"fixed_amount": "yes"}, "INVALID_FIXED_AMOUNT"),
        ({"url": "https://shop.example/pay", "fixed_amount": False}, "FIXED_AMOUNT_FALSE"),
        ({"surprise": 1}, "UNKNOWN_FIELD_EXCEPTION"),
    ]
    for change, code in cases:
        with pytest.raises(BadRequest) as info:
            await env.http.request("POST", "/pos", json_body={**base, **change})
        assert_error(info.value, 400, code)
    with pytest.raises(BadRequest) as info:
        await env.http.request("PUT", f"/pos/{env.pos.id}", json_body={"name": "N" * 45})
    assert_error(info.value, 400, "NAME_TOO_LONG")
    with pytest.raises(BadRequest) as info:
        await env.http.request("PUT", "/pos/abc", json_body={"name": "ok"})
    assert_error(info.value, 400, "INVALID_POS_ID")
    assert (await c.list_pos()).total == 1  # nothing was created by the refusals


@pytest.mark.asyncio
async def test_get_unknown_pos_is_not_found(env):
    with pytest.raises(NotFound) as info:
        await env.client.get_pos(123)
    assert_error(info.value, 404)



# =============================================================================================
# account-level refusals
# =============================================================================================

@pytest.mark.asyncio
async def test_revoked_token_is_unauthorized_everywhere(env):
    await env.put_order()
    await env.ctl("POST", "/sandbox/token/revoke")
    calls: list[Callable[[], Awaitable[Any]]] = [
        env.client.get_me,
        lambda: env.client.get_pos(env.pos.id),
        lambda: env.client.get_instore_order(env.user_id, "CAJA1"),
        lambda: env.client.put_instore_order(env.user_id, "STORE1", "CAJA1", env.order(), MLA),
        lambda: env.client.search_merchant_orders("SALE-1"),
        lambda: env.client.get_payment(1),
        lambda: env.client.refund_payment(1, idempotency_key="k"),
        lambda: env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order(), MLA),
    ]
    for call in calls:
        with pytest.raises(Unauthorized) as info:
            await call()
        assert_error(info.value, 401)
    assert env.sleep.waits == []  # a 401 is never retried


@pytest.mark.asyncio
async def test_qr_disabled_is_forbidden(env):
    await env.ctl("POST", "/sandbox/account/qr", {"enabled": False})
    calls: list[Callable[[], Awaitable[Any]]] = [
        lambda: env.client.put_instore_order(env.user_id, "STORE1", "CAJA1", env.order(), MLA),
        lambda: env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order(), MLA),
        lambda: env.client.create_v1_order(env.user_id, "CAJA1", env.order(), MLA),
        lambda: env.client.create_pos(
            NewPos(name="C2", external_id="CAJA2", store_id=env.store.id, external_store_id="STORE1")
        ),
        lambda: env.client.create_store(env.user_id, NewStore("B", "STORE2", LOCATION)),
    ]
    for call in calls:
        with pytest.raises(Forbidden) as info:
            await call()
        assert_error(info.value, 403)
        assert "QR" in info.value.user_message
    assert (await env.client.get_me()).id == env.user_id  # the account itself still answers
    await env.ctl("POST", "/sandbox/account/qr", {"enabled": True})
    await env.put_order()


