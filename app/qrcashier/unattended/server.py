"""Start and stop a merchant endpoint inside a running asyncio loop (the app's, or its own).

    endpoint = await MerchantEndpoint.start(host="127.0.0.1", port=0, registers=["CAJA1"], contract="202")
    endpoint.base_url            # "http://127.0.0.1:54321"
    endpoint.pos_url("CAJA1")    # the url to give the POS: <public or base>/mp/unattended?pos=CAJA1
    endpoint.place("CAJA1", instore_order, site)   # Mercado Pago's next call gets it (200)
    endpoint.withdraw("CAJA1")                    # back to "no order yet"
    await endpoint.close()

It binds loopback unless told otherwise. Mercado Pago must reach the public listener over
HTTPS: put a reverse proxy with TLS in front of it and pass that address as `public_url`
(README, "Self-service registers"). The optional control listener (`control_port`) lets a register or a
device in another process place orders (control.py); it binds loopback too, and beyond
loopback only with a control key (an open control API would hand anyone's order to Mercado Pago).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from aiohttp import web

from qrcashier.checkout.board import TakeReason
from qrcashier.domain.money import Site
from qrcashier.mercadopago.models import InstoreOrder
from qrcashier.serving import start_site
from qrcashier.unattended.addresses import DEFAULT_PATH, check_public_url, pos_url
from qrcashier.unattended.board import LocalBoard
from qrcashier.unattended.control import build_control_app
from qrcashier.unattended.endpoint import DEFAULT_MAX_BODY, DEFAULT_MAX_QUERY, Contract, EndpointSettings, build_app
from qrcashier.unattended.orders import DEFAULT_PAID_HOLD, OrderBook, PlacedOrder, SlotStatus, utcnow

access_log = logging.getLogger("qrcashier.unattended.access")


class UnsafeBind(ValueError):
    """A listener asked to bind beyond loopback without what makes that safe."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_control_bind(host: str, key: str | None) -> None:
    """Refuse a control API reachable beyond loopback without a key."""
    if not key and not is_loopback(host):
        raise UnsafeBind(f"the control API binds {host or 'every interface'} only with a control key")


def bound_address(runner: web.AppRunner) -> str:
    """host:port the listener really bound (a wildcard bind shows as 0.0.0.0 or ::)."""
    host, port = runner.addresses[0][:2]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def _serve(app: web.Application, host: str, port: int, log_access: bool) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(
        app,
        access_log=access_log if log_access else None,
        shutdown_timeout=0.5,
        keepalive_timeout=15.0,
    )
    return runner, await start_site(runner, host, port)


class MerchantEndpoint:
    """A running endpoint: its order book, its address, and how to stop it."""

    def __init__(
        self,
        book: OrderBook,
        settings: EndpointSettings,
        runner: web.AppRunner,
        base_url: str,
        public_url: str | None,
    ) -> None:
        self.book = book
        self.settings = settings
        self._runner = runner
        self.base_url = base_url
        self.public_url = public_url
        self.control_url: str | None = None
        self._control_runner: web.AppRunner | None = None
        self.board = LocalBoard(book)

    @classmethod
    async def start(
        cls,
        host: str = "127.0.0.1",
        port: int = 0,
        registers: Iterable[str] = (),
        contract: Contract | str = Contract.ACCEPTED,
        *,
        public_url: str | None = None,
        path: str = DEFAULT_PATH,
        client_id: str | None = None,
        max_query: int = DEFAULT_MAX_QUERY,
        max_body: int = DEFAULT_MAX_BODY,
        paid_hold: float = DEFAULT_PAID_HOLD,
        clock: Callable[[], datetime] = utcnow,
        control_host: str = "127.0.0.1",
        control_port: int | None = None,
        control_key: str | None = None,
        log_access: bool = True,
    ) -> MerchantEndpoint:
        """Serve the registers' slots on host:port (0 = a free port). `public_url` is the
        route's address as Mercado Pago reaches it (through the reverse proxy); POS urls
        are built on it. `control_port` (0 = free) also serves the control API; beyond
        loopback only with `control_key` (UnsafeBind otherwise, before anything binds)."""
        if control_port is not None:
            check_control_bind(control_host, control_key)
        settings = EndpointSettings(
            contract=Contract.parse(contract), client_id=client_id, path=path, max_query=max_query, max_body=max_body
        )
        if public_url is not None:
            check_public_url(public_url)
        book = OrderBook(registers, clock=clock, paid_hold=paid_hold)
        runner, base_url = await _serve(build_app(book, settings), host, port, log_access)
        endpoint = cls(book, settings, runner, base_url, public_url)
        if control_port is not None:
            try:
                endpoint._control_runner, endpoint.control_url = await _serve(
                    build_control_app(book, control_key), control_host, control_port, log_access
                )
            except BaseException:
                await runner.cleanup()
                raise
        return endpoint

    # --- settings -------------------------------------------------------------------------

    @property
    def contract(self) -> Contract:
        return self.settings.contract

    @contract.setter
    def contract(self, value: Contract | str) -> None:
        self.settings.contract = Contract.parse(value)

    @property
    def bound(self) -> str:
        """host:port the public listener really bound."""
        return bound_address(self._runner)

    @property
    def control_bound(self) -> str | None:
        return bound_address(self._control_runner) if self._control_runner is not None else None

    @property
    def route_url(self) -> str:
        """The address of the polling route as Mercado Pago reaches it."""
        return self.public_url or f"{self.base_url}{self.settings.path}"

    def pos_url(self, external_pos_id: str) -> str:
        """The `url` to create the POS with (`NewPos(url=...)`, `fixed_amount=True`)."""
        return pos_url(self.route_url, external_pos_id)

    # --- the register's side --------------------------------------------------------------

    @property
    def registers(self) -> frozenset[str]:
        return self.book.registers

    def add_register(self, external_pos_id: str) -> None:
        self.book.add_register(external_pos_id)

    def remove_register(self, external_pos_id: str) -> PlacedOrder | None:
        return self.book.remove_register(external_pos_id)

    def place(self, external_pos_id: str, order: InstoreOrder, site: Site) -> PlacedOrder:
        return self.book.place(external_pos_id, order, site)

    def withdraw(self, external_pos_id: str, reference: str | None = None) -> PlacedOrder | None:
        return self.book.withdraw(external_pos_id, reference)

    def take(self, external_pos_id: str, reference: str | None, reason: TakeReason | str) -> PlacedOrder | None:
        return self.book.take(external_pos_id, reference, reason)

    def set_preparing(self, external_pos_id: str, preparing: bool = True) -> None:
        self.book.set_preparing(external_pos_id, preparing)

    def set_device_down(self, external_pos_id: str, down: bool = True) -> None:
        self.book.set_device_down(external_pos_id, down)

    def status(self, external_pos_id: str) -> SlotStatus:
        return self.book.status(external_pos_id)

    # --- life cycle -----------------------------------------------------------------------

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            if self._control_runner is not None:
                await self._control_runner.cleanup()
        await self._runner.cleanup()

    async def __aenter__(self) -> MerchantEndpoint:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
