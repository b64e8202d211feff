"""Small pieces every server we run shares: the sandbox, the merchant endpoint, the
notification receiver (all aiohttp, all bound to loopback unless told otherwise)."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # aiohttp loads only with a server
    from aiohttp import web


def url_host(host: str) -> str:
    """How a URL names the bound host (a wildcard bind is reached on loopback)."""
    if host in ("", "0.0.0.0", "::"):
        return "127.0.0.1"
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


async def start_site(runner: web.AppRunner, host: str, port: int) -> str:
    """Set `runner` up and bind it to host:port; the base URL it answers on. A bind that fails
    cleans the runner up, so nothing is left half-started."""
    from aiohttp import web

    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except BaseException:
        await runner.cleanup()
        raise
    return f"http://{url_host(host)}:{runner.addresses[0][1]}"


async def until_signalled() -> None:
    """Wait for SIGINT or SIGTERM (on Windows Ctrl+C raises KeyboardInterrupt instead)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


def run_server_cli(prog: str, serve: Callable[[], Awaitable[None]], *, host: str, port: int, quiet: bool) -> int:
    """Run a server command until it is signalled; exit 1 with one line if it cannot listen."""
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # e.g. the port is taken
        print(f"{prog}: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
