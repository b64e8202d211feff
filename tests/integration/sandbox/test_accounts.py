"""Accounts per token: /users/me, sites from the token, stable ids, 401 and 403."""

from __future__ import annotations

import httpx
import pytest

from qrcashier.sandbox.server import SandboxServer
from tests.integration.sandbox.conftest import auth, http, order_body


@pytest.mark.asyncio
async def test_users_me_shape(client: httpx.AsyncClient) -> None:
    r = await client.get("/users/me")
    assert r.status_code == 200
    me = r.json()
    assert isinstance(me["id"], int) and not isinstance(me["id"], bool)
    assert me["site_id"] == "MLA" and me["country_id"] == "AR"
    for key in ("nickname", "first_name", "last_name", "email"):
        assert isinstance(me[key], str) and me[key]


@pytest.mark.asyncio
async def test_site_comes_from_the_token_else_the_default(server: SandboxServer) -> None:
    async with http(server.base_url) as c:
        brazil = (await c.get("/users/me", headers=auth("SANDBOX-MLB-cashier1"))).json()
        chile = (await c.get("/users/me", headers=auth("TEST-mlc-register"))).json()
        default = (await c.get("/users/me", headers=auth("APP_USR-nosite_here"))).json()
    assert (brazil["site_id"], brazil["country_id"]) == ("MLB", "BR")
    assert chile["site_id"] == "MLC"
    assert default["site_id"] == "MLA"
    assert len({brazil["id"], chile["id"], default["id"]}) == 3


@pytest.mark.asyncio
async def test_same_token_same_user_id_after_restart() -> None:
    ids = []
    for _ in range(2):
        srv = await SandboxServer.start(default_site="MLM")
        try:
            async with http(srv.base_url, headers=auth("SANDBOX-stable-token")) as c:
                me = (await c.get("/users/me")).json()
                ids.append((me["id"], me["site_id"]))
        finally:
            await srv.close()
    assert ids[0] == ids[1] and ids[0][1] == "MLM"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("headers", "error"),
    [
        ({}, "unauthorized"),
        ({"Authorization": "Basic abc"}, "unauthorized"),
        ({"Authorization": "Bearer not-a-token"}, "invalid_token"),
        ({"Authorization": "Bearer SANDBOX-x"}, "invalid_token"),  # fewer than 4 characters after the prefix
        ({"Authorization": "Bearer SANDBOX-has space"}, "invalid_token"),
    ],
)
async def test_missing_or_ill_formed_token_is_401(server: SandboxServer, headers: dict, error: str) -> None:
    async with http(server.base_url) as c:
        r = await c.get("/users/me", headers=headers)
    assert r.status_code == 401
    assert r.json() == {"message": r.json()["message"], "error": error, "status": 401, "causes": []}


@pytest.mark.asyncio
async def test_revoked_token_is_401_everywhere(client: httpx.AsyncClient, seller) -> None:
    r = await client.post("/sandbox/token/revoke")
    assert r.status_code == 200 and r.json()["revoked"] is True
    for method, path in [("GET", "/users/me"), ("GET", "/merchant_orders/search"), ("PUT", seller.order_path)]:
        r = await client.request(method, path, json=order_body())
        assert r.status_code == 401, path
        assert r.json()["error"] == "invalid_token"
    # Other accounts are unaffected.
    assert (await client.get("/users/me", headers=auth("SANDBOX-other-seller"))).status_code == 200


@pytest.mark.asyncio
async def test_a_renewed_token_opens_the_same_account_and_the_old_one_is_refused(client, seller, server) -> None:
    me = (await client.get("/users/me")).json()
    r = await client.post("/sandbox/token/renew", json={"access_token": "SANDBOX-MLA-renewed-cashier"})
    assert r.status_code == 200 and r.json() == {"user_id": me["id"], "renewed": True}
    old = await client.get("/users/me")
    assert old.status_code == 401 and old.json()["error"] == "invalid_token"
    async with http(server.base_url) as c:
        renewed = auth("SANDBOX-MLA-renewed-cashier")
        assert (await c.get("/users/me", headers=renewed)).json()["id"] == me["id"]
        assert (await c.get(seller.pos_orders_path, headers=renewed)).status_code in (200, 404)  # its POS
        # the new token cannot be renewed into itself, a malformed one or one already in use
        for body, status in (({"access_token": "SANDBOX-MLA-renewed-cashier"}, 400), ({"access_token": "x y"}, 400),
                             ({"access_token": 7}, 400), ({}, 400)):
            assert (await c.post("/sandbox/token/renew", json=body, headers=renewed)).status_code == status
        await c.get("/users/me", headers=auth("SANDBOX-MLA-someone-else"))
        taken = await c.post("/sandbox/token/renew", json={"access_token": "SANDBOX-MLA-someone-else"}, headers=renewed)
        assert taken.status_code == 409


@pytest.mark.asyncio
async def test_qr_switched_off_gives_403_on_qr_endpoints_only(client: httpx.AsyncClient, seller) -> None:
    r = await client.post("/sandbox/account/qr", json={"enabled": False})
    assert r.json() == {"user_id": seller.user_id, "qr_enabled": False}
    for method, path in [
        ("PUT", seller.order_path),
        ("GET", seller.pos_orders_path),
        ("DELETE", seller.pos_orders_path),
        ("POST", f"/instore/orders/qr/seller/collectors/{seller.user_id}/pos/POS1/qrs"),
        ("POST", f"/mpmobile/instore/qr/{seller.user_id}/POS1"),
        ("GET", f"/pos/{seller.pos_id}"),
        ("GET", "/pos"),
        ("GET", f"/stores/{seller.store_id}"),
        ("GET", f"/users/{seller.user_id}/stores/search"),
    ]:
        r = await client.request(method, path, json=order_body())
        assert r.status_code == 403, (method, path)
        body = r.json()
        assert body["status"] == 403 and body["error"] == "forbidden" and body["causes"] == []
    assert (await client.get("/users/me")).status_code == 200
    assert (await client.get("/merchant_orders/search")).status_code == 200
    await client.post("/sandbox/account/qr", json={"enabled": True})
    assert (await seller.put_order()).status_code == 204


@pytest.mark.asyncio
async def test_accounts_do_not_see_each_other(server: SandboxServer, seller) -> None:
    await seller.put_order()
    mo = (await seller.control("scan")).json()
    async with http(server.base_url, headers=auth("SANDBOX-MLA-intruder")) as other:
        assert (await other.get(f"/merchant_orders/{mo['id']}")).status_code == 404
        assert (await other.get(f"/pos/{seller.pos_id}")).status_code == 404
        assert (await other.get(f"/stores/{seller.store_id}")).status_code == 404
        assert (await other.get("/merchant_orders/search")).json()["total"] == 0
        # Someone else's user id in the path: 403.
        r = await other.get(seller.pos_orders_path)
        assert r.status_code == 403
