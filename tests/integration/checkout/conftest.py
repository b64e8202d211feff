"""The sandbox over loopback for the engine's tests (`rig`).

`rig` is parametrized over the Mercado Pago APIs the engine can charge through (`API_KINDS`:
Instore v2, the Orders API, legacy v1): every sandbox test runs on each gateway, and reads
what differs between them (routes for faults, what the API can report) from `rig.api`."""

from __future__ import annotations

import asyncio
import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from qrcashier.checkout import CheckoutEngine, Journal, PollPolicy, RegisterConfig
from qrcashier.checkout.gateways import make_gateway
from qrcashier.domain.money import SITES
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy
from qrcashier.provisioning import RegisterSpec, ensure_register
from tests.support.waiting import wait_until
from tests.unit.checkout.conftest import Harness

SANDBOX_POLL = PollPolicy(interval=0.05, idle_interval=0.1, idle_after=90, max_backoff=0.2, tick=0.05, expiry_grace=0.1,
                          min_gap=0.02)
# A Retry-After above half a second is handed to the engine (which must honour it) rather
# than slept through inside the HTTP layer.
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=0.5)
CLIENT_TIMEOUT = httpx.Timeout(0.25, connect=0.25)
STORE, POS = "STORE1", "POS1"


@dataclass
class Sent:
    method: str
    path: str
    body: Any
    at: float  # the loop's clock when it was sent


@dataclass(frozen=True)
class Api:
    """One Mercado Pago API family as the sandbox matrix sees it: the request of each step
    (a fault rule's `path` glob and `method`), and what the API can and cannot do."""

    name: str  # make_gateway's setting value
    publish: dict[str, str]
    read: dict[str, str]  # what the watcher reads once the order is placed
    withdraw: dict[str, str]
    refund: dict[str, str]
    push_topic: str  # the notification a payment pushes
    reports_scans: bool = True  # the Orders API cannot tell that a customer scanned
    partial_payments: bool = True  # an Orders API QR order is paid in full, or not at all
    cancel_is_final: bool = False  # after an Orders API cancel, a scan already open cannot pay
    replays_publish: bool = False  # republishing sends the same keyed create again (Orders API)

    def is_(self, step: str, sent: Sent) -> bool:
        rule = getattr(self, step)
        return sent.method == rule["method"] and fnmatch.fnmatchcase(sent.path, rule["path"])


_CLASSIC_READ = {"path": "/merchant_orders/search", "method": "GET"}
_CLASSIC_REFUND = {"path": "/v1/payments/*/refunds", "method": "POST"}
API_KINDS = {
    "instore_v2": Api(
        "instore_v2",
        publish={"path": "/instore/qr/seller/collectors/*/orders", "method": "PUT"},
        read=_CLASSIC_READ,
        withdraw={"path": "/instore/qr/seller/collectors/*/orders", "method": "DELETE"},
        refund=_CLASSIC_REFUND,
        push_topic="merchant_order",
    ),
    "orders": Api(
        "orders",
        publish={"path": "/v1/orders", "method": "POST"},
        read={"path": "/v1/orders/*", "method": "GET"},
        withdraw={"path": "/v1/orders/*/cancel", "method": "POST"},
        refund={"path": "/v1/orders/*/refund", "method": "POST"},
        push_topic="order",
        reports_scans=False,
        partial_payments=False,
        cancel_is_final=True,
        replays_publish=True,
    ),
    "v1": Api(
        "v1",
        publish={"path": "/mpmobile/instore/qr/*", "method": "POST"},
        read=_CLASSIC_READ,
        withdraw={"path": "/mpmobile/instore/qr/*", "method": "DELETE"},
        refund=_CLASSIC_REFUND,
        push_topic="merchant_order",
    ),
}


@dataclass
class SandboxRig:
    """A sandbox server, a client on the suite's token, a provisioned store and POS, and the
    customer's side of the control API. `sent` records every request the client made."""

    server: Any
    http: httpx.AsyncClient
    client: MercadoPagoClient
    token: str
    user_id: int
    tmp: Path
    sent: list[Sent] = field(default_factory=list)
    opened: list[Harness] = field(default_factory=list)
    api: Api = API_KINDS["instore_v2"]

    async def control(self, method: str, path: str, body: Any = None) -> Any:
        """Call the control API; None when the sandbox refuses with 409 (e.g. nothing on the QR)."""
        response = await self.http.request(
            method, self.server.base_url + path, json=body, headers={"Authorization": f"Bearer {self.token}"}
        )
        if response.status_code == 409:
            return None
        assert response.status_code in (200, 201, 204), response.text
        return response.json() if response.content else None

    async def scan(self, pos: str = POS) -> dict | None:
        return await self.control("POST", f"/sandbox/pos/{pos}/scan")

    async def pay(self, status: str = "approved", amount: str | None = None, merchant_order_id: int | None = None,
                  pos: str = POS) -> dict | None:
        body: dict[str, Any] = {"status": status}
        if amount is not None:
            body["amount"] = float(amount)  # the control API takes a JSON number
        if merchant_order_id is not None:
            body["merchant_order_id"] = merchant_order_id
        return await self.control("POST", f"/sandbox/pos/{pos}/pay", body)

    async def faults(self, *rules: dict[str, Any]) -> None:
        await self.control("PUT", "/sandbox/faults", list(rules))

    def config(self, register_id: str = "CAJA1", pos: str = POS, **kwargs: Any) -> RegisterConfig:
        kwargs.setdefault("poll", SANDBOX_POLL)
        return RegisterConfig(register_id, self.user_id, STORE, pos, SITES["MLA"], **kwargs)

    async def engine(self, config: RegisterConfig | None = None, *, journal: str = "journal.sqlite3",
                     start: bool = True, clock: Any = None) -> Harness:
        """`clock`: the engine's (default: the system's); `self.server.state.clock` shares the
        sandbox's, so advancing it expires the order on both sides without waiting."""
        config = config or self.config()
        gateway = make_gateway(self.api.name, self.client, config, publish_retry=FAST_RETRY)
        journal_ = await Journal.open(self.tmp / journal)
        engine = CheckoutEngine(journal_, gateway, config, clock=clock)
        harness = Harness(engine, journal_, gateway, clock)
        engine.subscribe(harness.events.append)
        self.opened.append(harness)
        if start:
            await engine.start()
        return harness

    def reads(self) -> int:
        """How many reads of the order (the API's `read` request) the client has sent."""
        return sum(1 for s in self.sent if self.api.is_("read", s))

    async def read_again(self, times: int = 2) -> None:
        """Wait until the engine has read the order `times` more times. Reads go one after the
        other, so by the second the first one's answer has been applied: a state that holds
        then is the one the engine settled on (no sleeping and hoping it looked)."""
        target = self.reads() + times
        await wait_until(lambda: self.reads() >= target, what=f"{times} more reads of the order")

    def puts(self) -> list[str]:
        """The external_reference of every publish the client sent (the v2 PUT, the Orders API
        POST, the v1 POST)."""
        return [s.body["external_reference"] for s in self.sent if self.api.is_("publish", s)]

    def sandbox_payments(self, reference: str, status: str = "approved") -> list[Any]:
        return [p for p in self.server.state.payments.values()
                if p.draft.external_reference == reference and p.status in (status, "refunded")]


@pytest_asyncio.fixture(params=list(API_KINDS))
async def rig(request: pytest.FixtureRequest, token: str, tmp_path: Path):
    from qrcashier.sandbox.server import SandboxServer

    server = await SandboxServer.start(
        "127.0.0.1", 0, "MLA", ipn_retry_delays=(0.2,), ipn_timeout=1.0, sweep_interval=0.1
    )
    sent: list[Sent] = []

    async def record(request: httpx.Request) -> None:
        if request.url.path.startswith("/sandbox/"):
            return
        body = json.loads(request.content) if request.content else None
        sent.append(Sent(request.method, request.url.path, body, asyncio.get_running_loop().time()))

    http = httpx.AsyncClient(event_hooks={"request": [record]})
    client = MercadoPagoClient(
        MercadoPagoHTTP(http, AccessToken(token), base_url=server.base_url, timeout=CLIENT_TIMEOUT, retry=FAST_RETRY)
    )
    provisioned = await ensure_register(client, RegisterSpec(STORE, POS))
    rig = SandboxRig(server, http, client, token, provisioned.user.id, tmp_path, sent, api=API_KINDS[request.param])
    try:
        yield rig
    finally:
        for harness in rig.opened:
            await harness.engine.close()
            await harness.journal.close()
        await http.aclose()
        await server.close()
