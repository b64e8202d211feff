"""Stores: create, search, get, update, delete, and their validation (§5.1)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.integration.sandbox.conftest import LOCATION


async def user_id(client: httpx.AsyncClient) -> int:
    return (await client.get("/users/me")).json()["id"]


def store_body(**overrides):
    body = {
        "name": "Sucursal Centro",
        "external_id": "SUC001",
        "business_hours": {"monday": [{"open": "08:00", "close": "12:00"}, {"open": "14:00", "close": "20:00"}]},
        "location": LOCATION,
    }
    body.update(overrides)
    return body


@pytest.mark.asyncio
async def test_create_store_answers_201_with_the_real_shape(client: httpx.AsyncClient) -> None:
    uid = await user_id(client)
    r = await client.post(f"/users/{uid}/stores", json=store_body())
    assert r.status_code == 201
    store = r.json()
    assert isinstance(store["id"], str) and store["id"].isdigit()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", store["date_creation"])
    assert store["name"] == "Sucursal Centro" and store["external_id"] == "SUC001"
    assert store["business_hours"]["monday"][1] == {"open": "14:00", "close": "20:00"}
    loc = store["location"]
    assert loc["address_line"] == "Otra Calle 1235, La Plata, Buenos Aires, Argentina"
    assert loc["latitude"] == -34.9206 and isinstance(loc["latitude"], float)
    assert loc["city"] == "La Plata" and loc["type"] == "city"


@pytest.mark.asyncio
async def test_search_get_update_delete(client: httpx.AsyncClient) -> None:
    uid = await user_id(client)
    first = (await client.post(f"/users/{uid}/stores", json=store_body())).json()
    await client.post(f"/users/{uid}/stores", json=store_body(external_id="SUC002", name="Other"))

    found = (await client.get(f"/users/{uid}/stores/search", params={"external_id": "SUC001"})).json()
    assert found["paging"] == {"total": 1, "offset": 0, "limit": 50}
    assert [s["id"] for s in found["results"]] == [first["id"]]
    everything = (await client.get(f"/users/{uid}/stores/search", params={"limit": 1, "offset": 1})).json()
    assert everything["paging"] == {"total": 2, "offset": 1, "limit": 1} and len(everything["results"]) == 1

    assert (await client.get(f"/stores/{first['id']}")).json() == first

    r = await client.put(f"/users/{uid}/stores/{first['id']}", json={"name": "Renamed"})
    assert r.status_code == 200 and r.json()["name"] == "Renamed" and r.json()["external_id"] == "SUC001"

    r = await client.delete(f"/users/{uid}/stores/{first['id']}")
    assert r.status_code == 200
    assert r.json() == {"store": first["id"], "user": str(uid)}
    assert (await client.get(f"/stores/{first['id']}")).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "error"),
    [
        (store_body(name=""), "invalid_name"),
        (store_body(external_id="SUC-001"), "invalid_external_id"),
        (store_body(external_id="A" * 61), "invalid_external_id"),
        ({k: v for k, v in store_body().items() if k != "location"}, "invalid_location"),
        (store_body(location={**LOCATION, "street_number": 1235}), "invalid_location"),
        (store_body(location={**LOCATION, "latitude": "x"}), "invalid_location"),
        (store_body(business_hours={"funday": []}), "invalid_business_hours"),
    ],
)
async def test_store_validation(client: httpx.AsyncClient, body, error: str) -> None:
    uid = await user_id(client)
    r = await client.post(f"/users/{uid}/stores", json=body)
    assert r.status_code == 400
    assert r.json()["error"] == error and r.json()["status"] == 400 and r.json()["causes"] == []


@pytest.mark.asyncio
async def test_store_external_id_is_unique_and_60_characters_are_fine(client: httpx.AsyncClient) -> None:
    uid = await user_id(client)
    assert (await client.post(f"/users/{uid}/stores", json=store_body(external_id="A" * 60))).status_code == 201
    r = await client.post(f"/users/{uid}/stores", json=store_body(external_id="A" * 60))
    assert r.status_code == 409 and r.json()["error"] == "duplicated_external_id"


@pytest.mark.asyncio
async def test_store_path_user_id_must_be_numeric_and_ours(client: httpx.AsyncClient) -> None:
    r = await client.post("/users/me/stores", json=store_body())
    assert r.status_code == 400 and r.json()["error"] == "invalid_user_id"
    r = await client.post("/users/123/stores", json=store_body())
    assert r.status_code == 403


@pytest.mark.asyncio
async def test_a_store_with_pos_cannot_be_deleted(client: httpx.AsyncClient, seller) -> None:
    r = await client.delete(f"/users/{seller.user_id}/stores/{seller.store_id}")
    assert r.status_code == 409 and r.json()["error"] == "store_has_pos"


@pytest.mark.asyncio
async def test_malformed_json_is_400_classic_envelope(client: httpx.AsyncClient) -> None:
    uid = await user_id(client)
    r = await client.post(f"/users/{uid}/stores", content=b'{"name": ', headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json() == {
        "message": "The request body is not valid JSON",
        "error": "bad_request",
        "status": 400,
        "causes": [],
    }
