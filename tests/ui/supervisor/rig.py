"""A register on the sandbox for the supervisor tests: the real engine, journal and client over
loopback, settings with a supervisor PIN, and the gate with a clock the test moves."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio
from PySide6.QtCore import Qt

from qrcashier.checkout import CheckoutEngine, InstoreV2Gateway, Journal, PollPolicy, RegisterConfig
from qrcashier.domain.cart import Cart
from qrcashier.domain.money import SITES
from qrcashier.domain.sale import AttemptState
from qrcashier.mercadopago import AccessToken, MercadoPagoClient, MercadoPagoHTTP, RetryPolicy
from qrcashier.provisioning import RegisterSpec, ensure_register
from qrcashier.supervisor import hash_pin
from qrcashier.ui.supervisor.pin import SupervisorGate
from tests.ui.setup.helpers import TLS, wait_until

PIN = "482913"
MLA = SITES["MLA"]
FAST = PollPolicy(interval=0.05, idle_interval=0.1, max_backoff=0.2, tick=0.1, expiry_grace=0.1, min_gap=0.02)
# Reads slow enough that a payment can land without the engine seeing it before a cancel.
SLOW = PollPolicy(interval=30, idle_interval=30, max_backoff=30, tick=30, expiry_grace=0.1, min_gap=10)
_ENCODED: dict[str, str] = {}


def encoded_pin() -> str:
    if "pin" not in _ENCODED:  # ~0.1 s of scrypt: once per session is enough
        _ENCODED["pin"] = hash_pin(PIN)
    return _ENCODED["pin"]


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


@dataclass
class Shop:
    server: Any
    http: httpx.AsyncClient
    client: MercadoPagoClient
    token: str
    settings: Any
    gate: SupervisorGate
    clock: Clock
    tmp: Path

    @contextlib.asynccontextmanager
    async def register(self, poll: PollPolicy = FAST):
        """The engine for CAJA1 on a journal in tmp, closed when the block ends.

        Closed inside the test on purpose: pytest-qt processes Qt events before fixture
        teardown, outside the running qasync loop, and a live watcher task stepped there fails."""
        user = await self.client.get_me()
        config = RegisterConfig("CAJA1", user.id, "KIOSCO1", "CAJA1", MLA, poll=poll)
        journal = await Journal.open(self.tmp / "journal.sqlite3")
        engine = CheckoutEngine(journal, InstoreV2Gateway(self.client, config), config)
        try:
            await engine.start()
            yield engine
        finally:
            await engine.close()
            await journal.close()

    async def control(self, method: str, path: str, body: Any = None) -> Any:
        reply = await self.http.request(
            method, self.server.base_url + path, json=body, headers={"Authorization": f"Bearer {self.token}"}
        )
        assert reply.status_code < 300, reply.text
        return reply.json() if reply.content else None

    async def pay(self, amount: str | None = None, merchant_order_id: int | None = None) -> dict:
        body: dict[str, Any] = {"status": "approved"}
        if amount is not None:
            body["amount"] = float(amount)
        if merchant_order_id is not None:
            body["merchant_order_id"] = merchant_order_id
        return await self.control("POST", "/sandbox/pos/CAJA1/pay", body)

    async def charge(self, engine: CheckoutEngine, total: str = "3000.00"):
        cart = Cart(MLA)
        cart.add("Yerba 1kg", total, 1)
        return await engine.charge(cart)

    async def paid_sale(self, engine: CheckoutEngine, total: str = "3000.00"):
        attempt = await self.charge(engine, total)
        payment = (await self.pay())["payment"]
        return await wait_state(engine, attempt.id, AttemptState.PAID), payment


async def wait_state(engine: CheckoutEngine, attempt_id: int, *states: AttemptState, timeout: float = 10.0):
    """The attempt once it is in one of `states` (read from the journal, on its thread)."""
    async def reached() -> bool:
        return (await engine.attempt(attempt_id)).state in states

    await wait_until(reached, timeout, f"attempt {attempt_id} to become {'/'.join(states)}")
    return await engine.attempt(attempt_id)


async def enter_pin(qtbot, gate: SupervisorGate, pin: str = PIN, name: str = "Marta") -> None:
    """Wait for the gate's prompt and type the name and PIN into it, then press Confirm."""
    await wait_until(lambda: gate.prompt is not None and gate.prompt.isVisible(), 10, "the PIN prompt")
    prompt = gate.prompt
    prompt.name_field.setText(name)
    prompt.pin_field.setText(pin)
    qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)


@pytest_asyncio.fixture
async def shop(settings, token, tmp_path):
    from qrcashier.sandbox.server import SandboxServer

    # No sweeper tick during teardown (see Shop.register): orders here never need to expire.
    server = await SandboxServer.start(host="127.0.0.1", port=0, sweep_interval=3600, ipn_timeout=1.0)
    http = httpx.AsyncClient(verify=TLS, timeout=5.0)
    client = MercadoPagoClient(MercadoPagoHTTP(
        http, AccessToken(token), base_url=server.base_url, timeout=httpx.Timeout(2.0),
        retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.05, max_retry_after=0.5),
    ))
    await ensure_register(client, RegisterSpec("KIOSCO1", "CAJA1"))
    settings.pin_hash = encoded_pin()
    clock = Clock()
    shop = Shop(server, http, client, token, settings, SupervisorGate(settings, clock=clock), clock, tmp_path)
    try:
        yield shop
    finally:
        await http.aclose()
        await server.close()
        await asyncio.sleep(0)


__all__ = ["PIN", "Shop", "enter_pin", "shop", "encoded_pin", "wait_state"]
