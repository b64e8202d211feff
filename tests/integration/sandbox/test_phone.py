"""The customer's phone page and the JSON it runs on (opened with a phone code, never a token)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.integration.sandbox.conftest import auth, http


async def phone_link(seller) -> tuple[str, str]:
    r = await seller.client.get("/sandbox/pos/POS1/phone")
    assert r.status_code == 200
    link = r.json()
    return link["url"], link["code"]


@pytest.mark.asyncio
async def test_phone_link_carries_a_code_not_the_token(server, seller, token: str) -> None:
    url, code = await phone_link(seller)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == server.base_url
    assert parts.path == "/sandbox/phone/POS1" and parse_qs(parts.query) == {"code": [code]}
    assert token not in url and re.fullmatch(r"[0-9a-f]{12}", code)


@pytest.mark.asyncio
async def test_the_page_is_self_contained_html(server, seller) -> None:
    url, _ = await phone_link(seller)
    async with http() as anonymous:
        r = await anonymous.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<meta name="viewport"' in html
    # Nothing from a CDN: no external scripts, styles, fonts or images.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html
    for element in ("waiting-card", "order-card", "scan-btn", "pay-btn", "reject-btn", "partial-form", "result-card"):
        assert f'id="{element}"' in html


@pytest.mark.asyncio
async def test_the_phone_json_walks_waiting_scan_pay_done(server, seller) -> None:
    _, code = await phone_link(seller)
    async with http(server.base_url, params={"code": code}) as phone:
        view = (await phone.get("/sandbox/pos/POS1")).json()
        assert view["step"] == "waiting" and view["order"] is None and view["merchant_order"] is None
        assert view["pos"] == {"id": seller.pos_id, "external_id": "POS1", "name": "Register 1",
                               "store_name": "Main street", "unattended": False}
        assert view["site"] == {"id": "MLA", "currency": "ARS", "decimals": 2, "locale": "es-AR"}

        await seller.put_order()
        view = (await phone.get("/sandbox/pos/POS1")).json()
        assert view["step"] == "scan"
        order = view["order"]
        assert (order["title"], order["total_amount"], order["external_reference"]) == ("Sale 42", 200.0, "REG1-42-1")
        assert order["items"][0] == {"title": "Coffee", "quantity": 2, "unit_measure": "unit",
                                     "unit_price": 75.25, "total_amount": 150.5}

        scanned = (await phone.post("/sandbox/pos/POS1/scan")).json()
        view = (await phone.get("/sandbox/pos/POS1")).json()
        assert view["step"] == "pay" and view["merchant_order"]["id"] == scanned["id"]

        await phone.post("/sandbox/pos/POS1/pay", json={"status": "rejected", "merchant_order_id": scanned["id"]})
        view = (await phone.get("/sandbox/pos/POS1")).json()
        assert view["step"] == "pay" and view["merchant_order"]["payments"][-1]["status"] == "rejected"

        partial = await phone.post("/sandbox/pos/POS1/pay", json={"status": "approved", "amount": 100})
        assert partial.json()["merchant_order"]["order_status"] == "partially_paid"
        assert (await phone.get("/sandbox/pos/POS1")).json()["step"] == "pay"

        await phone.post("/sandbox/pos/POS1/pay", json={"status": "approved", "merchant_order_id": scanned["id"]})
        view = (await phone.get("/sandbox/pos/POS1")).json()
        assert view["step"] == "waiting" and view["order"] is None
        assert (view["merchant_order"]["status"], view["merchant_order"]["paid_amount"]) == ("closed", 200.0)


@pytest.mark.asyncio
async def test_a_new_order_after_a_scan_goes_back_to_the_scan_step(server, seller) -> None:
    await seller.put_order()
    await seller.control("scan")
    await seller.put_order(external_reference="replacement")
    view = (await seller.client.get("/sandbox/pos/POS1")).json()
    assert view["step"] == "scan" and view["order"]["external_reference"] == "replacement"


@pytest.mark.asyncio
async def test_a_wrong_code_or_no_account_is_refused(server, seller) -> None:
    async with http(server.base_url) as anonymous:
        r = await anonymous.get("/sandbox/pos/POS1", params={"code": "0123456789ab"})
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"
        assert (await anonymous.post("/sandbox/pos/POS1/scan")).status_code == 401
        # Another seller's code does not open this seller's POS.
        other = await anonymous.get("/users/me", headers=auth("SANDBOX-MLA-someone-else"))
        assert other.status_code == 200
        other_code = next(a.phone_code for a in server.state.accounts.values() if a.id == other.json()["id"])
        r = await anonymous.get("/sandbox/pos/POS1", params={"code": other_code})
        assert r.status_code == 404 and r.json()["error"] == "pos_obtainment_error"
