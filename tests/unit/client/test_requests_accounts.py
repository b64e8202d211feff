"""The account, stores and POS: every client method against respx, the request it sends and the
reply it reads.

Replies are the examples of ../shared/mercadopago-api.md, verbatim (see payloads.py).
"""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from qrcashier.mercadopago.models import (
    Location,
    NewPos,
    NewStore,
)
from tests.unit.client import payloads as P
from tests.unit.client.conftest import body_of, json_reply, raw_path
from tests.unit.client.request_checks import (
    USER,
    assert_common_headers,
)

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
        location=Location(
            "0123", "Calle", "La Plata", "Buenos Aires", Decimal("-34.9206"), Decimal("-57.9537"), "near"
        ),
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
