"""POS: create (every documented validation code), list, get, update, delete, QR images (§5.2)."""

from __future__ import annotations

import re
import struct
import zlib

import httpx
import pytest

from qrcashier.domain import emvco
from tests.integration.sandbox.conftest import http


def pos_body(seller, **overrides):
    body = {
        "name": "Caja 2",
        "fixed_amount": True,
        "category": 621102,
        "store_id": int(seller.store_id),
        "external_store_id": seller.external_store_id,
        "external_id": "POS2",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not ...}


@pytest.mark.asyncio
async def test_create_pos_shape_and_types(client: httpx.AsyncClient, seller, server) -> None:
    r = await client.post("/pos", json=pos_body(seller, url="https://example.com/pay?pos=2"))
    assert r.status_code == 201, r.text
    pos = r.json()
    assert isinstance(pos["id"], int) and isinstance(pos["user_id"], int) and pos["user_id"] == seller.user_id
    assert re.fullmatch(r"[0-9a-f]{64}", pos["uuid"])
    assert pos["status"] == "active" and pos["site"] == "MLA"
    assert pos["store_id"] == seller.store_id and isinstance(pos["store_id"], str)
    assert pos["external_store_id"] == "STORE1" and pos["external_id"] == "POS2"
    assert pos["fixed_amount"] is True and pos["category"] == 621102 and pos["name"] == "Caja 2"
    assert pos["url"] == "https://example.com/pay?pos=2"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-03:00", pos["date_created"])
    for key in ("image", "template_document", "template_image"):
        assert pos["qr"][key].startswith(f"{server.base_url}/sandbox/qr/{pos['id']}/")
    payload = emvco.parse(pos["qr_code"])  # verifies the CRC
    assert payload.point_of_initiation == "11"
    assert payload.pos_url == f"https://mpago.la/pos/{pos['id']}"
    assert payload.fields["53"] == "032" and payload.fields["58"] == "AR"


@pytest.mark.asyncio
async def test_qr_images_are_served(client: httpx.AsyncClient, seller) -> None:
    pos = (await client.get(f"/pos/{seller.pos_id}")).json()
    async with http() as anonymous:  # image URLs need no token, like MP's
        png = await anonymous.get(pos["qr"]["image"])
        template = await anonymous.get(pos["qr"]["template_image"])
        pdf = await anonymous.get(pos["qr"]["template_document"])
        wrong = await anonymous.get(pos["qr"]["image"].replace(pos["uuid"], "0" * 64))
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    assert template.content.startswith(b"\x89PNG") and len(template.content) > len(png.content)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert wrong.status_code == 404


def decode_png_1bit(data: bytes):
    """Segno's PNGs are 1-bit greyscale whose rows use filter 0 (None) or 2 (Up): enough to read them back."""
    import numpy as np

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind, chunk = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour = header
    assert (depth, colour) == (1, 0)
    raw = zlib.decompress(idat)
    stride = (width + 7) // 8 + 1
    rows, previous = [], np.zeros(stride - 1, dtype=np.uint8)
    for y in range(height):
        line = raw[y * stride : (y + 1) * stride]
        assert line[0] in (0, 2)
        current = np.frombuffer(line[1:], dtype=np.uint8)
        if line[0] == 2:
            current = current + previous  # uint8 arithmetic wraps modulo 256, as PNG's Up filter does
        previous = current
        rows.append(np.unpackbits(current)[:width] * 255)
    return np.array(rows, dtype=np.uint8)


@pytest.mark.asyncio
async def test_qr_png_decodes_to_the_pos_payload(client: httpx.AsyncClient, seller) -> None:
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (a test extra) reads the QR back")
    pos = (await client.get(f"/pos/{seller.pos_id}")).json()
    png = (await client.get(pos["qr"]["image"])).content
    results = zxingcpp.read_barcodes(decode_png_1bit(png))
    assert [r.text for r in results] == [pos["qr_code"]]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("overrides", "status", "error"),
    [
        ({"name": ""}, 400, "INVALID_NAME"),
        ({"name": "x" * 45}, 400, "NAME_TOO_LONG"),
        ({"fixed_amount": "yes"}, 400, "INVALID_FIXED_AMOUNT"),
        ({"category": "food"}, 400, "INVALID_CATEGORY"),
        ({"store_id": "abc"}, 400, "INVALID_STORE_ID"),
        ({"store_id": ...}, 400, "INVALID_STORE_ID"),
        ({"external_store_id": ""}, 400, "INVALID_EXTERNAL_STORE_ID"),
        ({"external_store_id": "NOSUCHSTORE"}, 400, "INEXISTENT_EXTERNAL_STORE_ID"),
        ({"external_id": "POS-2"}, 400, "INVALID_EXTERNAL_ID"),
        ({"external_id": "POS 2"}, 400, "INVALID_EXTERNAL_ID"),
        ({"external_id": "P" * 40}, 400, "EXTERNAL_ID_TOO_LONG"),
        ({"url": "not a url"}, 400, "INVALID_URL"),
        ({"url": "https://example.com/" + "a" * 300}, 400, "URL_TOO_LONG"),
        ({"url": "https://example.com/pay", "fixed_amount": False}, 400, "FIXED_AMOUNT_FALSE"),
        ({"colour": "red"}, 400, "UNKNOWN_FIELD_EXCEPTION"),
        ({"store_id": 99999}, 404, "STORE_NOT_FOUND"),
        ({"external_id": "POS1"}, 409, "DUPLICATED_EXTERNAL_ID"),
    ],
)
async def test_create_pos_errors(client: httpx.AsyncClient, seller, overrides, status: int, error: str) -> None:
    r = await client.post("/pos", json=pos_body(seller, **overrides))
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == error and body["status"] == status and isinstance(body["message"], str)
    assert body["causes"][0]["code"] == error


@pytest.mark.asyncio
async def test_missing_body_and_external_store_id_mismatch(client: httpx.AsyncClient, seller) -> None:
    assert (await client.post("/pos")).json()["error"] == "MISSING_BODY"
    assert (await client.post("/pos", json={})).json()["error"] == "MISSING_BODY"
    me = seller.user_id
    other = await client.post(
        f"/users/{me}/stores",
        json={
            "name": "Other",
            "external_id": "STORE2",
            "location": (await client.get(f"/stores/{seller.store_id}")).json()["location"]
            | {"street_number": "1", "street_name": "Calle", "city_name": "Rosario", "state_name": "Santa Fe"},
        },
    )
    assert other.status_code == 201
    r = await client.post("/pos", json=pos_body(seller, external_store_id="STORE2"))
    assert r.status_code == 400 and r.json()["error"] == "POS_EXTERNAL_STORE_ID_NOT_MATCH"


@pytest.mark.asyncio
async def test_list_get_update_delete(client: httpx.AsyncClient, seller) -> None:
    second = (await client.post("/pos", json=pos_body(seller))).json()
    listing = (await client.get("/pos")).json()
    assert listing["paging"] == {"total": 2, "offset": 0, "limit": 50}
    filtered = (await client.get("/pos", params={"external_id": "POS2"})).json()
    assert [p["id"] for p in filtered["results"]] == [second["id"]]
    by_store = (await client.get("/pos", params={"store_id": seller.store_id, "external_store_id": "STORE1"})).json()
    assert by_store["paging"]["total"] == 2
    paged = (await client.get("/pos", params={"limit": 1, "offset": 1})).json()
    assert [p["id"] for p in paged["results"]] == [second["id"]]

    assert (await client.get(f"/pos/{second['id']}")).json() == second

    r = await client.put(f"/pos/{second['id']}", json={"name": "Caja dos", "fixed_amount": True, "category": 473000})
    assert r.status_code == 200
    assert (r.json()["name"], r.json()["category"], r.json()["external_id"]) == ("Caja dos", 473000, "POS2")
    assert r.json()["qr_code"] == second["qr_code"]  # the printed QR never changes

    r = await client.delete(f"/pos/{second['id']}")
    assert r.status_code == 204 and r.content == b""
    assert (await client.get(f"/pos/{second['id']}")).status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("path", "body", "status", "error"),
    [
        ("/pos/abc", {"name": "x"}, 400, "INVALID_POS_ID"),
        ("/pos/{id}", None, 400, "MISSING_BODY"),
        ("/pos/{id}", {"external_id": "NEW"}, 400, "UNKNOWN_FIELD_EXCEPTION"),
        ("/pos/{id}", {"name": ""}, 400, "INVALID_NAME"),
        ("/pos/{id}", {"store_id": "x"}, 400, "POS_INVALID_STORE_ID"),
        ("/pos/{id}", {"external_store_id": "NOPE"}, 400, "INEXISTENT_EXTERNAL_STORE_ID"),
        ("/pos/{id}", {"url": "https://example.com/x", "fixed_amount": False}, 400, "FIXED_AMOUNT_FALSE"),
        ("/pos/12345", {"name": "x"}, 404, "NOT_FOUND"),
    ],
)
async def test_update_pos_errors(client: httpx.AsyncClient, seller, path, body, status, error) -> None:
    r = await client.put(path.format(id=seller.pos_id), json=body)
    assert r.status_code == status, r.text
    assert r.json()["error"] == error


@pytest.mark.asyncio
async def test_get_pos_with_non_numeric_id(client: httpx.AsyncClient, seller) -> None:
    r = await client.get("/pos/POS1")
    assert r.status_code == 400 and r.json()["error"] == "INVALID_POS_ID"
