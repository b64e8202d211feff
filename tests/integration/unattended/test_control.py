"""The control API (a register or device in another process) and the boards over it."""

from __future__ import annotations

import httpx
import pytest

from qrcashier.unattended import BoardRefused, BoardUnreachable, LocalBoard, MerchantEndpoint, RemoteBoard, SlotState
from tests.integration.unattended.conftest import Running
from tests.unit.unattended.conftest import MLA, fuel_order


@pytest.mark.asyncio
async def test_place_read_and_take_through_the_control_api(running: Running) -> None:
    control = running.endpoint.control_url
    assert control is not None and control.startswith("http://127.0.0.1:")
    client = running.client
    order = fuel_order()
    r = await client.put(f"{control}/registers/CAJA1/order", json={"site": "MLA", "order": order.to_json(MLA)})
    assert r.status_code == 200 and r.json()["state"] == "ready" and r.json()["reference"] == "CAJA1-7-1"
    assert r.json()["total_amount"] == "1500.50"
    polled = await running.poll()
    assert polled.status_code == 200 and polled.json() == order.to_json(MLA)
    listing = (await client.get(f"{control}/registers")).json()["registers"]
    assert [(s["pos"], s["state"], s["deliveries"]) for s in listing] == [
        ("CAJA1", "ready", 1),
        ("SURTIDOR2", "idle", 0),
    ]
    r = await client.delete(f"{control}/registers/CAJA1/order", params={"reference": "OTHER", "reason": "paid"})
    assert r.json()["taken"] is False
    r = await client.delete(f"{control}/registers/CAJA1/order", params={"reference": "CAJA1-7-1", "reason": "paid"})
    assert r.json()["taken"] is True and r.json()["status"]["state"] == "paid"
    assert r.json()["status"]["last_taken"] == {"reference": "CAJA1-7-1", "reason": "paid"}
    assert (await running.poll()).json()["status"]["status_detail"] == "notihing_to_pay"


@pytest.mark.asyncio
async def test_flags_through_the_control_api(running: Running) -> None:
    control = running.endpoint.control_url
    r = await running.client.put(f"{control}/registers/CAJA1/preparing", json={"preparing": True})
    assert r.json()["state"] == "preparing"
    assert (await running.poll()).json()["status"]["status_detail"] == "in_process"
    r = await running.client.put(f"{control}/registers/CAJA1/device", json={"down": True})
    assert r.json()["state"] == "device_down"
    assert (await running.poll()).json()["error"]["type"] == "timeout"


@pytest.mark.asyncio
@pytest.mark.parametrize("method, path, body, status, code", [
    ("GET", "/registers/CAJA9", None, 404, "unknown_register"),
    ("PUT", "/registers/CAJA9/order", {"site": "MLA", "order": fuel_order().to_json(MLA)}, 404, "unknown_register"),
    ("PUT", "/registers/CAJA1/order", {"site": "XXX", "order": {}}, 400, "invalid_site"),
    ("PUT", "/registers/CAJA1/order", {"site": "MLA", "order": {"title": "no reference"}}, 400, "invalid_order"),
    ("PUT", "/registers/CAJA1/order", {"site": "MLA", "order": [1, 2]}, 400, "invalid_order"),
    ("PUT", "/registers/CAJA1/order", {"site": "MLA", "order": {**fuel_order().to_json(MLA), "total_amount": 1}},
     400, "invalid_order"),
    ("PUT", "/registers/CAJA1/order", "not json", 400, "invalid_json"),
    ("PUT", "/registers/CAJA1/order", [1], 400, "invalid_json"),
    ("PUT", "/registers/CAJA1/preparing", {"preparing": "yes"}, 400, "invalid_flag"),
    ("DELETE", "/registers/CAJA1/order?reason=lost", None, 400, "invalid_reason"),
    ("GET", "/registers/CAJA-1", None, 404, "not_found"),
    ("POST", "/registers", None, 405, "method_not_allowed"),
])
async def test_control_errors(running: Running, method: str, path: str, body, status: int, code: str) -> None:
    kwargs = {"content": body} if isinstance(body, str) else {"json": body} if body is not None else {}
    r = await running.client.request(method, f"{running.endpoint.control_url}{path}", **kwargs)
    assert (r.status_code, r.json()["error"]) == (status, code)
    assert running.endpoint.status("CAJA1").state == SlotState.IDLE


@pytest.mark.asyncio
async def test_control_body_limit(running: Running) -> None:
    r = await running.client.put(f"{running.endpoint.control_url}/registers/CAJA1/order", content=b"{" * 200_000)
    assert r.status_code == 413 and r.json()["error"] == "too_large"


@pytest.mark.asyncio
async def test_the_control_api_is_not_on_the_public_listener(running: Running) -> None:
    r = await running.client.get(f"{running.endpoint.base_url}/registers")
    assert r.status_code == 404 and r.json()["error"]["type"] == "invalid"


@pytest.mark.asyncio
async def test_control_key() -> None:
    key = "control-key-for-tests"
    async with await MerchantEndpoint.start(registers=["CAJA1"], control_port=0, control_key=key) as endpoint:
        async with httpx.AsyncClient(base_url=endpoint.control_url) as client:
            assert (await client.get("/registers")).status_code == 401
            assert (await client.get("/registers", headers={"Authorization": "Bearer wrong"})).status_code == 401
            assert (await client.get("/registers", headers={"Authorization": f"Bearer {key}"})).status_code == 200
        async with RemoteBoard(endpoint.control_url, key=key) as board:
            await board.place("CAJA1", fuel_order(expires_in=None), MLA)
            assert await board.current_reference("CAJA1") == "CAJA1-7-1"
        async with RemoteBoard(endpoint.control_url, key="wrong") as board:
            with pytest.raises(BoardRefused):
                await board.current_reference("CAJA1")


@pytest.mark.asyncio
async def test_remote_and_local_boards_behave_alike(running: Running) -> None:
    endpoint = running.endpoint
    async with RemoteBoard(endpoint.control_url) as remote:
        for board in (LocalBoard(endpoint.book), remote):
            await board.place("CAJA1", fuel_order(), MLA)
            assert await board.current_reference("CAJA1") == "CAJA1-7-1"
            assert await board.take("CAJA1", "OTHER", "cancelled") is False
            assert await board.take("CAJA1", "CAJA1-7-1", "cancelled") is True
            assert await board.current_reference("CAJA1") is None
            with pytest.raises(BoardRefused):
                await board.place("CAJA9", fuel_order(), MLA)
            with pytest.raises(BoardRefused):
                await board.place("CAJA1", fuel_order(expires_in=-1), MLA)
            with pytest.raises(BoardRefused):
                await board.take("CAJA9", None, "withdrawn")
        await remote.set_preparing("CAJA1")
        assert (await remote.status("CAJA1"))["state"] == "preparing"
        with pytest.raises(BoardRefused):
            await remote.current_reference("../x")


@pytest.mark.asyncio
async def test_remote_board_when_nothing_listens() -> None:
    endpoint = await MerchantEndpoint.start(registers=["CAJA1"], control_port=0)
    url = endpoint.control_url
    await endpoint.close()
    async with RemoteBoard(url) as board:
        with pytest.raises(BoardUnreachable) as caught:
            await board.place("CAJA1", fuel_order(), MLA)
    assert caught.value.delivered is False
