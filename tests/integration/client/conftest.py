"""The real client against the real sandbox over loopback: the `env` every contract test uses.

The contract tests (test_contract_*.py) exercise every client method for success and for its
documented errors, then under each fault kind the sandbox injects. Expectations come from
../shared/mercadopago-api.md; where the sandbox disagrees with it, the spec wins (see the notes
marked SPEC).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
import pytest_asyncio

from qrcashier.domain.money import Site, site
from qrcashier.mercadopago import (
    AccessToken,
    MercadoPagoClient,
    MercadoPagoError,
    MercadoPagoHTTP,
    RetryPolicy,
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

    async def ctl(
        self, method: str, path: str, body: Any = None, expect: int | tuple[int, ...] = (200, 201, 204)
    ) -> Any:
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
        http = MercadoPagoHTTP(
            raw, AccessToken(text), base_url=sandbox.base_url, timeout=timeout, retry=retry, sleep=sleep
        )
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


async def paid_payment(env: Env, ref: str = "SALE-R") -> int:
    await env.put_order(ref)
    return (await env.pay("approved"))["payment"]["id"]
