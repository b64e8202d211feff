"""Start and stop a sandbox inside a running asyncio loop.

    server = await SandboxServer.start(host="127.0.0.1", port=0, default_site="MLA")
    server.base_url   # "http://127.0.0.1:54321"
    server.state      # the SandboxState (tests may inspect and steer it)
    await server.close()

It binds loopback unless told otherwise, answers as soon as `start` returns, and runs two
kinds of background work, both cancelled by `close()`: IPN deliveries and a once-a-second
sweep that expires orders whose expiration date has passed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

import aiohttp
from aiohttp import web

from qrcashier.domain.money import site as find_site
from qrcashier.sandbox import api, control, search
from qrcashier.sandbox.clock import Clock
from qrcashier.sandbox.httputil import CONTEXT, Context
from qrcashier.sandbox.middleware import SafeAccessLogger, envelope_middleware, fault_middleware
from qrcashier.sandbox.notifier import MP_RETRY_DELAYS, Notifier
from qrcashier.sandbox.orders import book as orders_book
from qrcashier.sandbox.orders import control as orders_control
from qrcashier.sandbox.orders import routes as orders_routes
from qrcashier.sandbox.orders import search as orders_search
from qrcashier.sandbox.point import book as point_book
from qrcashier.sandbox.point import routes as point_routes
from qrcashier.sandbox.state import SandboxState
from qrcashier.sandbox.unattended import UnattendedPoller
from qrcashier.serving import start_site

access_log = logging.getLogger("qrcashier.sandbox.access")


def build_app(ctx: Context) -> web.Application:
    app = web.Application(middlewares=[envelope_middleware, fault_middleware])
    app[CONTEXT] = ctx
    app.add_routes(control.routes)
    app.add_routes(search.routes)  # before api's /{id} routes, which would take "search" as an id
    app.add_routes(api.routes)
    app.add_routes(orders_routes.routes)
    app.add_routes(orders_search.routes)
    app.add_routes(orders_control.routes)
    app.add_routes(point_routes.routes)
    return app


class SandboxServer:
    def __init__(
        self,
        runner: web.AppRunner,
        ctx: Context,
        session: aiohttp.ClientSession,
        notifier: Notifier,
        sweeper: asyncio.Task[None],
    ) -> None:
        self._runner = runner
        self._ctx = ctx
        self._session = session
        self.notifier = notifier
        self._sweeper = sweeper

    @property
    def base_url(self) -> str:
        return self._ctx.base_url

    @property
    def state(self) -> SandboxState:
        return self._ctx.state

    @classmethod
    async def start(
        cls,
        host: str = "127.0.0.1",
        port: int = 0,
        default_site: str = "MLA",
        *,
        clock: Clock | None = None,
        default_ttl: int = 600,
        ipn_retry_delays: Sequence[float] = MP_RETRY_DELAYS,
        ipn_timeout: float = 5.0,
        sweep_interval: float = 1.0,
        unattended_poll_interval: float = 1.0,
        unattended_timeout: float = 30.0,
    ) -> SandboxServer:
        """Serve on host:port (0 = a free port). `clock` freezes/steers time for tests;
        `default_ttl` is the legacy v1 order lifetime in seconds; the IPN options set the
        retry schedule (seconds after each failed attempt) and the per-attempt timeout;
        the unattended options how often and how long a scan polls a POS's url."""
        state = SandboxState(default_site=find_site(default_site), clock=clock or Clock(), default_ttl=default_ttl)
        ctx = Context(state=state)
        runner = web.AppRunner(
            build_app(ctx),
            handler_cancellation=True,  # a client that hangs up (e.g. on a latency fault) ends its handler
            shutdown_timeout=0.5,
            access_log_class=SafeAccessLogger,
            access_log=access_log,
        )
        ctx.base_url = await start_site(runner, host, port)
        session = aiohttp.ClientSession()  # outgoing calls: IPN deliveries and unattended POS urls
        notifier = Notifier(state, ctx.base_url, session, retry_delays=ipn_retry_delays, timeout=ipn_timeout)
        ctx.unattended = UnattendedPoller(session, interval=unattended_poll_interval, timeout=unattended_timeout)
        state.listeners.append(notifier.notify)
        # The Orders API (/v1/orders); its order.* webhooks go through the same notifier.
        orders_book.install(state, notifier)
        point_book.install(state)  # Point terminals' orders, on the same /v1/orders and webhooks
        sweeper = asyncio.get_running_loop().create_task(_sweep(state, sweep_interval))
        return cls(runner, ctx, session, notifier, sweeper)

    async def close(self) -> None:
        self._sweeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._sweeper
        await self._runner.cleanup()
        await self.notifier.close()
        await self._session.close()

    async def __aenter__(self) -> SandboxServer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


async def _sweep(state: SandboxState, interval: float) -> None:
    """Expire due orders even when nobody asks (so their IPNs go out on time)."""
    while True:
        await asyncio.sleep(interval)
        try:
            state.tick()
        except Exception:  # keep sweeping; the failure is logged, and requests tick too
            logging.getLogger("qrcashier.sandbox").exception("expiry sweep failed")
