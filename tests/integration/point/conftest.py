"""A sandbox with a frozen clock, a provisioned store and POS, and an engine whose register has a
card terminal (the PointGateway beside its QR gateway). `sent` records every Mercado Pago call
with what the journal held for the register's live attempt at the moment it went out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio

from qrcashier.checkout import CheckoutEngine, Journal, RegisterConfig
from qrcashier.checkout.gateway_point import PointGateway
from qrcashier.checkout.gateways import make_gateway
from qrcashier.checkout.till_config import TillConfig
from qrcashier.domain.money import SITES
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP
from qrcashier.mercadopago.point import VIRTUAL_TERMINAL
from qrcashier.provisioning import RegisterSpec, ensure_register
from qrcashier.sandbox.clock import Clock
from tests.integration.checkout.conftest import CLIENT_TIMEOUT, FAST_RETRY, POS, SANDBOX_POLL, STORE
from tests.unit.checkout.conftest import Harness

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@dataclass
class Sent:
    method: str
    path: str
    body: Any
    journal_state: str | None  # the register's live attempt's state in the journal as the request left


@dataclass
class PointRig:
    server: Any
    http: httpx.AsyncClient
    client: MercadoPagoClient
    token: str
    user_id: int
    tmp: Path
    sent: list[Sent] = field(default_factory=list)
    opened: list[Harness] = field(default_factory=list)
    journal: Journal | None = None

    def config(self, **kwargs: Any) -> RegisterConfig:
        kwargs.setdefault("poll", SANDBOX_POLL)
        return RegisterConfig("CAJA1", self.user_id, STORE, POS, SITES["MLA"], **kwargs)

    async def engine(self, terminal: str = VIRTUAL_TERMINAL, config: RegisterConfig | None = None, *,
                     till: TillConfig | None = None) -> Harness:
        config = config or self.config()
        qr = make_gateway("instore_v2", self.client, config, publish_retry=FAST_RETRY)
        point = PointGateway(self.client, config, terminal, publish_retry=FAST_RETRY)
        self.journal = await Journal.open(self.tmp / "journal.sqlite3")
        engine = CheckoutEngine(self.journal, qr, config, point=point, till=till)
        harness = Harness(engine, self.journal, point, None)
        engine.subscribe(harness.events.append)
        self.opened.append(harness)
        await engine.start()
        return harness

    async def control(self, method: str, path: str, body: Any = None, *, ok: tuple[int, ...] = (200, 201, 204)) -> Any:
        reply = await self.http.request(method, self.server.base_url + path, json=body,
                                        headers={"Authorization": f"Bearer {self.token}"})
        assert reply.status_code in ok, reply.text
        return reply.json() if reply.content else None

    async def tap(self, action: str, terminal: str = VIRTUAL_TERMINAL, **body: Any) -> dict:
        """A person at the terminal: approve, reject, cancel, insert_card, ..."""
        return await self.control("POST", f"/sandbox/point/terminals/{terminal}/{action}", body)

    async def advance(self, seconds: float) -> None:
        await self.control("POST", "/sandbox/clock/advance", {"seconds": seconds})

    async def faults(self, *rules: dict[str, Any]) -> None:
        await self.control("PUT", "/sandbox/faults", list(rules))

    def point_orders(self, reference: str) -> list[Any]:
        book = next(e for e in self.server.state.extensions if type(e).__name__ == "PointBook")
        return [o for o in book.orders.values() if o.external_reference == reference]

    def creates(self) -> list[Sent]:
        return [s for s in self.sent if s.method == "POST" and s.path == "/v1/orders"]

    def reads(self) -> int:
        return sum(1 for s in self.sent if s.method == "GET" and s.path.startswith("/v1/orders/"))


@pytest_asyncio.fixture
async def point_rig(token: str, tmp_path: Path):
    from qrcashier.sandbox.server import SandboxServer

    server = await SandboxServer.start("127.0.0.1", 0, "MLA", clock=Clock(START), ipn_retry_delays=(0.2,),
                                       ipn_timeout=1.0, sweep_interval=0.05)
    holder: dict[str, PointRig] = {}

    async def record(request: httpx.Request) -> None:
        if request.url.path.startswith("/sandbox/"):
            return
        rig = holder.get("rig")
        state = None
        if rig is not None and rig.journal is not None:
            live = await rig.journal.run(lambda db: db.live_attempt("CAJA1"))
            state = None if live is None else str(live.state)
        body = json.loads(request.content) if request.content else None
        rig_sent = holder["rig"].sent if rig is not None else []
        rig_sent.append(Sent(request.method, request.url.path, body, state))

    http = httpx.AsyncClient(event_hooks={"request": [record]})
    client = MercadoPagoClient(
        MercadoPagoHTTP(http, AccessToken(token), base_url=server.base_url, timeout=CLIENT_TIMEOUT, retry=FAST_RETRY)
    )
    provisioned = await ensure_register(client, RegisterSpec(STORE, POS))
    rig = holder["rig"] = PointRig(server, http, client, token, provisioned.user.id, tmp_path)
    try:
        yield rig
    finally:
        for harness in rig.opened:
            await harness.engine.close()
            await harness.journal.close()
        await http.aclose()
        await server.close()
