"""The unattended model end to end on loopback: the sandbox (Mercado Pago's side), the merchant
endpoint (the merchant's side), the real client on the suite's token, the notification
receiver, and the checkout engine with the unattended gateway."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio

from qrcashier.checkout import CheckoutEngine, Journal, PollPolicy, RegisterConfig
from qrcashier.checkout.events import Event
from qrcashier.checkout.gateway_unattended import UnattendedGateway
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy
from qrcashier.notifications import NotificationReceiver
from qrcashier.provisioning import RegisterSpec, ensure_register
from qrcashier.sandbox.server import SandboxServer
from qrcashier.unattended import MerchantEndpoint
from tests.support.waiting import wait_until as _wait_until

MLA = SITES["MLA"]
STORE, POS = "STORE1", "PUMP1"
# Slow on purpose: paid must be seen through the notification, well before the next poll.
SLOW_POLL = PollPolicy(interval=5.0, idle_interval=5.0, idle_after=90, max_backoff=5.0, tick=0.05, expiry_grace=0.1,
                       min_gap=0.01)
FAST_POLL = PollPolicy(interval=0.05, idle_interval=0.1, idle_after=90, max_backoff=0.2, tick=0.05, expiry_grace=0.1,
                       min_gap=0.01)
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=0.5)


def cart() -> Cart:
    c = Cart(MLA)
    c.add("Super 95", "1500.50", 2)
    c.add("Coffee", "899.99", 1)
    return c  # 3900.99


async def until(condition: Callable[[], bool | Awaitable[bool]], timeout: float = 3.0, what: str = "condition") -> None:
    """Wait for `condition()` to hold, checking every few milliseconds."""
    await _wait_until(condition, timeout, what)


@dataclass
class Register:
    engine: CheckoutEngine
    journal: Journal
    gateway: UnattendedGateway
    events: list[Event] = field(default_factory=list)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    async def state(self, attempt_id: int) -> AttemptState:
        return (await self.engine.attempt(attempt_id)).state

    async def wait_state(self, attempt_id: int, *states: AttemptState, timeout: float = 3.0) -> None:
        async def check() -> bool:
            return (await self.state(attempt_id)) in states

        await until(check, timeout, f"attempt {attempt_id} to be {'/'.join(states)}")


@dataclass
class Rig:
    sandbox: SandboxServer
    endpoint: MerchantEndpoint
    receiver: NotificationReceiver
    http: httpx.AsyncClient
    client: MercadoPagoClient
    token: str
    user_id: int
    pos_id: int
    tmp: Path
    notifications: list[tuple[str, str]] = field(default_factory=list)
    registers: list[Register] = field(default_factory=list)

    async def control(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return await self.http.request(
            method, self.sandbox.base_url + path, json=body, headers={"Authorization": f"Bearer {self.token}"}
        )

    async def scan(self) -> httpx.Response:
        """The customer scans the POS's QR (the sandbox polls the POS url while this runs)."""
        return await self.control("POST", f"/sandbox/pos/{POS}/scan")

    async def pay(self, status: str = "approved", merchant_order_id: int | None = None) -> httpx.Response:
        body: dict[str, Any] = {"status": status}
        if merchant_order_id is not None:
            body["merchant_order_id"] = merchant_order_id
        return await self.control("POST", f"/sandbox/pos/{POS}/pay", body)

    async def phone(self) -> dict:
        return (await self.control("GET", f"/sandbox/pos/{POS}")).json()

    async def register(self, poll: PollPolicy = SLOW_POLL, **config: Any) -> Register:
        cfg = RegisterConfig("PUMP1", self.user_id, STORE, POS, MLA, poll=poll,
                             notification_url=self.receiver.url, order_title="Fuel", **config)
        gateway = UnattendedGateway(self.client, cfg, self.endpoint.board, publish_retry=FAST_RETRY)
        journal = await Journal.open(self.tmp / "journal.sqlite3")
        engine = CheckoutEngine(journal, gateway, cfg)
        register = Register(engine, journal, gateway)
        engine.subscribe(register.events.append)
        self.registers.append(register)
        await engine.start()
        return register


@pytest_asyncio.fixture
async def rig(token: str, tmp_path: Path) -> AsyncIterator[Rig]:
    sandbox = await SandboxServer.start(
        "127.0.0.1", 0, "MLA", ipn_retry_delays=(0.2,), ipn_timeout=1.0, sweep_interval=0.1,
        unattended_poll_interval=0.05, unattended_timeout=1.0,
    )
    endpoint = await MerchantEndpoint.start(registers=[POS], contract="202")
    notifications: list[tuple[str, str]] = []
    registers: list[Register] = []

    def on_notification(topic: str, resource_id: str) -> None:
        notifications.append((topic, resource_id))
        for register in registers:
            register.engine.notify(topic, resource_id)

    receiver = await NotificationReceiver.start(on_notification=on_notification, accept_ipn=True)
    http = httpx.AsyncClient(timeout=10)
    client = MercadoPagoClient(MercadoPagoHTTP(http, AccessToken(token), base_url=sandbox.base_url, retry=FAST_RETRY))
    # What the setup wizard does for a self-service register: the POS gets the endpoint's url.
    provisioned = await ensure_register(client, RegisterSpec(STORE, POS, pos_name="Pump 1"))
    pos = await client.update_pos(provisioned.pos.id, url=endpoint.pos_url(POS), fixed_amount=True)
    assert pos.url == endpoint.pos_url(POS) and pos.fixed_amount
    rig = Rig(sandbox, endpoint, receiver, http, client, token, provisioned.user.id, pos.id, tmp_path,
              notifications, registers)
    try:
        yield rig
    finally:
        for register in registers:
            await register.engine.close()
            await register.journal.close()
        await http.aclose()
        await receiver.close()
        await endpoint.close()
        await sandbox.close()
