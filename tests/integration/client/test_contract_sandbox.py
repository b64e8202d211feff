"""Contract tests: the real client against the real sandbox, over loopback sockets.

Every client method is exercised for success and for its documented errors, then under
each fault kind the sandbox injects. Expectations come from ../shared/mercadopago-api.md;
where the sandbox disagrees with it, the spec wins (see the notes marked SPEC).
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import pytest_asyncio

from qrcashier.domain import emvco
from qrcashier.domain.money import Site, site
from qrcashier.mercadopago import (
    AccessToken,
    BadRequest,
    Conflict,
    Forbidden,
    MalformedResponse,
    MercadoPagoClient,
    MercadoPagoError,
    MercadoPagoHTTP,
    NotFound,
    RateLimited,
    RetryPolicy,
    ServerError,
    Timeout,
    Unauthorized,
    Unreachable,
)
from qrcashier.mercadopago.models import InstoreOrder, Location, NewPos, NewStore, OrderItem, Pos, Store
from qrcashier.sandbox.geography import main_place
from qrcashier.sandbox.server import SandboxServer
from tests.unit.client.conftest import FakeSleep

MLA, MLC = site("MLA"), site("MLC")
LOCATION = Location("1234", "Avenida Siempreviva", "La Plata", "Buenos Aires", Decimal("-34.9206"), Decimal("-57.9537"))
FAST_TIMEOUT = httpx.Timeout(0.4, connect=1.0)
# Loopback is plain HTTP, but every httpx client builds a TLS context (~80 ms): share one.
TLS = ssl.create_default_context()


@dataclass
class Env:
    """One sandbox account seen through the real client, plus the sandbox's control API."""

    server: SandboxServer
    client: MercadoPagoClient
    http: MercadoPagoHTTP
    sleep: FakeSleep
    control: httpx.AsyncClient
    user_id: int
    site: Site
    store: Store | None = None
    pos: Pos | None = None
    made: list[Any] = field(default_factory=list)

    # --- provisioning through the client itself -----------------------------------------------

    async def provision(self, store_ext: str = "STORE1", pos_ext: str = "CAJA1") -> Pos:
        city, state = main_place(self.site.id)
        here = LOCATION if self.site.id == "MLA" else replace(LOCATION, city_name=city, state_name=state)
        self.store = await self.client.create_store(self.user_id, NewStore("Sucursal Centro", store_ext, here))
        self.pos = await self.client.create_pos(
            NewPos(name="Caja 1", external_id=pos_ext, store_id=self.store.id, external_store_id=store_ext)
        )
        return self.pos

    def order(self, ref: str = "SALE-1", **overrides: Any) -> InstoreOrder:
        whole = self.site.decimals == 0
        price = Decimal("1500") if whole else Decimal("411.50")
        fields: dict[str, Any] = dict(
            external_reference=ref,
            title="Venta mostrador",
            total_amount=price * 3,
            items=(OrderItem("Empanada", price, 3, sku_number="A1"),),
            description="3 empanadas",
            expiration_date=datetime.now(UTC) + timedelta(minutes=10),
        )
        fields.update(overrides)
        return InstoreOrder(**fields)

    async def put_order(self, ref: str = "SALE-1", **overrides: Any) -> InstoreOrder:
        o = self.order(ref, **overrides)
        await self.client.put_instore_order(self.user_id, self.store.external_id, self.pos.external_id, o, self.site)
        return o

    # --- the sandbox's control API ------------------------------------------------------------

    async def ctl(self, method: str, path: str, body: Any = None, expect: int | tuple[int, ...] = (200, 201, 204)) -> Any:
        response = await self.control.request(method, path, json=body)
        expected = (expect,) if isinstance(expect, int) else expect
        assert response.status_code in expected, (method, path, response.status_code, response.text)
        return response.json() if response.content else None

    async def scan(self, pos_ext: str | None = None) -> dict:
        return await self.ctl("POST", f"/sandbox/pos/{pos_ext or self.pos.external_id}/scan")

    async def pay(self, status: str = "approved", amount: Any = None, pos_ext: str | None = None) -> dict:
        body: dict[str, Any] = {"status": status}
        if amount is not None:
            body["amount"] = amount
        return await self.ctl("POST", f"/sandbox/pos/{pos_ext or self.pos.external_id}/pay", body)

    async def faults(self, *rules: dict) -> None:
        await self.ctl("PUT", "/sandbox/faults", list(rules))

    async def fault_hits(self) -> list[int]:
        return [rule["hits"] for rule in await self.ctl("GET", "/sandbox/faults")]

    async def settings(self, **values: str) -> None:
        await self.ctl("PUT", "/sandbox/settings", values)


@pytest_asyncio.fixture
async def sandbox():
    server = await SandboxServer.start(host="127.0.0.1", port=0, default_site="MLA")
    try:
        yield server
    finally:
        await server.close()


@pytest_asyncio.fixture
async def make_env(sandbox, token):
    closers: list[httpx.AsyncClient] = []

    async def make(
        token_text: str | None = None,
        *,
        retry: RetryPolicy = RetryPolicy(),
        timeout: httpx.Timeout = httpx.Timeout(5.0),
    ) -> Env:
        text = token_text or token
        raw = httpx.AsyncClient(verify=TLS)
        control = httpx.AsyncClient(
            base_url=sandbox.base_url, headers={"Authorization": f"Bearer {text}"}, timeout=5.0, verify=TLS
        )
        closers.extend([raw, control])
        sleep = FakeSleep()
        http = MercadoPagoHTTP(raw, AccessToken(text), base_url=sandbox.base_url, timeout=timeout, retry=retry, sleep=sleep)
        client = MercadoPagoClient(http)
        me = await client.get_me()
        return Env(sandbox, client, http, sleep, control, me.id, site(me.site_id))

    yield make
    for c in closers:
        await c.aclose()


@pytest_asyncio.fixture
async def env(make_env) -> Env:
    e = await make_env()
    await e.provision()
    return e


@pytest.fixture
def clp_token(token) -> str:
    return token.replace("-MLA-", "-MLC-")


def assert_error(exc: MercadoPagoError, status: int, code: str | None = None) -> None:
    assert exc.status == status, (exc.status, exc.code, exc.mp_message)
    if code is not None:
        assert exc.code == code, (exc.code, exc.mp_message)
    assert exc.user_message.strip()


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
    assert got.expiration_date == sent.expiration_date.replace(microsecond=sent.expiration_date.microsecond // 1000 * 1000)

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


async def paid_payment(env: Env, ref: str = "SALE-R") -> int:
    await env.put_order(ref)
    return (await env.pay("approved"))["payment"]["id"]


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
        lambda: env.client.create_pos(NewPos(name="C2", external_id="CAJA2", store_id=env.store.id, external_store_id="STORE1")),
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


# =============================================================================================
# the fault matrix
# =============================================================================================

@pytest.mark.asyncio
async def test_fault_status_on_get_is_retried(env):
    await env.faults({"path": "/users/me", "method": "GET", "kind": "status", "status": 503, "times": 2})
    assert (await env.client.get_me()).id == env.user_id
    assert len(env.sleep.waits) == 2
    assert await env.fault_hits() == []  # the rule is used up


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_fault_status_forever_is_server_error(env, status):
    await env.faults({"path": "/merchant_orders/*", "method": "GET", "kind": "status", "status": status})
    with pytest.raises(ServerError) as info:
        await env.client.search_merchant_orders("SALE-1")
    assert_error(info.value, status)
    assert await env.fault_hits() == [env.http.retry.attempts]


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "cls"), [(400, BadRequest), (401, Unauthorized), (403, Forbidden),
                                             (404, NotFound), (409, Conflict)])
async def test_fault_4xx_status_is_typed_and_not_retried(env, status, cls):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "status", "status": status})
    with pytest.raises(cls) as info:
        await env.client.get_pos(env.pos.id)
    assert_error(info.value, status)
    assert await env.fault_hits() == [1]


@pytest.mark.asyncio
async def test_fault_rate_limit_short_retry_after_is_waited(env):
    await env.faults({"path": "/v1/payments/*", "method": "GET", "kind": "rate_limit", "retry_after": 1, "times": 1})
    pid = await paid_payment(env)
    assert (await env.client.get_payment(pid)).id == pid
    assert env.sleep.waits == [1.0]


@pytest.mark.asyncio
async def test_fault_rate_limit_long_retry_after_goes_to_the_caller(env):
    await env.faults({"path": "/merchant_orders/*", "method": "GET", "kind": "rate_limit", "retry_after": 30})
    with pytest.raises(RateLimited) as info:
        await env.client.search_merchant_orders("SALE-1")
    assert_error(info.value, 429)
    assert info.value.retry_after == 30 and env.sleep.waits == []
    assert await env.fault_hits() == [1]


@pytest.mark.asyncio
async def test_fault_latency_shorter_than_the_timeout_is_just_slow(make_env):
    e = await make_env(timeout=httpx.Timeout(2.0))
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 0.2, "times": 1})
    assert (await e.client.get_me()).id == e.user_id
    assert e.sleep.waits == []


@pytest.mark.asyncio
async def test_fault_latency_beyond_the_timeout_is_retried(make_env):
    e = await make_env(timeout=FAST_TIMEOUT)
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 2, "times": 1})
    assert (await e.client.get_me()).id == e.user_id
    assert len(e.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_latency_forever_is_timeout(make_env):
    e = await make_env(timeout=FAST_TIMEOUT, retry=RetryPolicy(attempts=2))
    await e.faults({"path": "/users/me", "method": "GET", "kind": "latency", "seconds": 2})
    with pytest.raises(Timeout) as info:
        await e.client.get_me()
    assert info.value.retryable and info.value.user_message.strip()
    assert len(e.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_drop_is_retried_then_unreachable(env):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "drop", "times": 1})
    assert (await env.client.get_pos(env.pos.id)).id == env.pos.id
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "drop"})
    with pytest.raises(Unreachable) as info:
        await env.client.get_pos(env.pos.id)
    assert info.value.user_message.strip()
    assert await env.fault_hits() == [env.http.retry.attempts]


@pytest.mark.asyncio
async def test_fault_malformed_is_retried_then_malformed(env):
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "malformed", "times": 1})
    assert (await env.client.get_pos(env.pos.id)).id == env.pos.id
    await env.faults({"path": "/pos/*", "method": "GET", "kind": "malformed"})
    with pytest.raises(MalformedResponse) as info:
        await env.client.get_pos(env.pos.id)
    assert info.value.status == 200 and info.value.user_message.strip()


@pytest.mark.asyncio
async def test_fault_after_on_put_is_retried_and_the_order_is_there(env):
    path = f"/instore/qr/seller/collectors/{env.user_id}/stores/STORE1/pos/CAJA1/orders"
    await env.faults({"path": path, "method": "PUT", "kind": "drop", "after": True, "times": 1})
    await env.put_order("SALE-D")
    assert (await env.client.get_instore_order(env.user_id, "CAJA1")).external_reference == "SALE-D"
    assert len(env.sleep.waits) == 1


@pytest.mark.asyncio
async def test_fault_delete_retried(env):
    await env.put_order()
    await env.faults({"path": "/instore/*", "method": "DELETE", "kind": "status", "status": 502, "times": 1})
    await env.client.delete_instore_order(env.user_id, "CAJA1")
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["status", "drop", "malformed"])
async def test_fault_after_on_refund_retried_with_same_key_one_refund(env, kind):
    pid = await paid_payment(env)
    await env.faults({"path": f"/v1/payments/{pid}/refunds", "method": "POST", "kind": kind, "after": True, "times": 1})
    refund = await env.client.refund_payment(pid, idempotency_key="refund-after", amount=Decimal("10"), site=MLA)
    assert refund.amount == Decimal(10)
    payment = await env.client.get_payment(pid)
    assert [r.id for r in payment.refunds] == [refund.id]  # the retry did not refund twice
    assert len(env.sleep.waits) == 1


def _unkeyed_posts(env: Env) -> dict[str, tuple[str, Callable[[], Awaitable[Any]]]]:
    return {
        "create_pos": ("/pos", lambda: env.client.create_pos(
            NewPos(name="C2", external_id="CAJA2", store_id=env.store.id, external_store_id="STORE1"))),
        "create_store": (f"/users/{env.user_id}/stores", lambda: env.client.create_store(
            env.user_id, NewStore("B", "STORE2", LOCATION))),
        "create_dynamic_qr": (f"/instore/orders/qr/seller/collectors/{env.user_id}/pos/CAJA1/qrs",
                              lambda: env.client.create_dynamic_qr(env.user_id, "CAJA1", env.order(), MLA)),
        "create_v1_order": (f"/mpmobile/instore/qr/{env.user_id}/CAJA1",
                            lambda: env.client.create_v1_order(env.user_id, "CAJA1", env.order(), MLA)),
    }


@pytest.mark.asyncio
@pytest.mark.parametrize("method", ["create_pos", "create_store", "create_dynamic_qr", "create_v1_order"])
async def test_unkeyed_post_under_503_reaches_the_sandbox_once(env, method):
    path, call = _unkeyed_posts(env)[method]
    await env.faults({"path": path, "method": "POST", "kind": "status", "status": 503})
    with pytest.raises(ServerError) as info:
        await call()
    assert_error(info.value, 503)
    assert await env.fault_hits() == [1]
    assert env.sleep.waits == []
    # Nothing was created behind the refusal.
    assert (await env.client.list_pos()).total == 1
    assert (await env.client.search_stores(env.user_id)).total == 1
    assert await env.client.get_instore_order(env.user_id, "CAJA1") is None


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["drop", "malformed", "rate_limit"])
async def test_unkeyed_post_under_other_faults_is_sent_once(env, kind):
    path, call = _unkeyed_posts(env)["create_dynamic_qr"]
    await env.faults({"path": path, "method": "POST", "kind": kind, "after": kind != "rate_limit"})
    with pytest.raises((Unreachable, MalformedResponse, RateLimited)):
        await call()
    assert await env.fault_hits() == [1]
    assert env.sleep.waits == []


@pytest.mark.asyncio
async def test_unkeyed_post_timeout_is_not_retried(make_env):
    e = await make_env(timeout=FAST_TIMEOUT)
    await e.provision()
    path, call = _unkeyed_posts(e)["create_dynamic_qr"]
    await e.faults({"path": path, "method": "POST", "kind": "latency", "seconds": 2})
    with pytest.raises(Timeout):
        await call()
    assert await e.fault_hits() == [1]
    assert e.sleep.waits == []


@pytest.mark.asyncio
async def test_no_token_in_logs_across_a_contract_run(env, token, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    await env.put_order("SALE-L")
    await env.pay("approved")
    await env.client.search_merchant_orders("SALE-L")
    await env.faults({"path": "/users/me", "kind": "status", "status": 503, "times": 1})
    await env.client.get_me()
    with pytest.raises(NotFound):
        await env.client.get_payment(1)
    await env.ctl("POST", "/sandbox/token/revoke")
    with pytest.raises(Unauthorized) as info:
        await env.client.get_me()
    assert token not in str(info.value) and token not in repr(info.value)
    assert caplog.records
    for rec in caplog.records:
        assert token not in rec.getMessage()
    assert token not in caplog.text
