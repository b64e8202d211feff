"""The qt_async marker really runs tests on a running qasync loop over real sockets."""

import asyncio

import httpx
import pytest
from aiohttp import web
from PySide6.QtCore import QTimer

from tests.support.waiting import wait_until


@pytest.mark.qt_async
@pytest.mark.asyncio
async def test_qasync_loop_runs_qt_timers_and_real_http(qapp):
    loop = asyncio.get_running_loop()
    assert type(loop).__module__.startswith("qasync")
    fired = []
    QTimer.singleShot(10, lambda: fired.append(True))
    await wait_until(lambda: fired, timeout=2)

    app = web.Application()
    app.router.add_get("/ping", lambda request: web.json_response({"ok": True}))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            reply = await client.get(f"http://127.0.0.1:{port}/ping")
        assert reply.json() == {"ok": True}
    finally:
        await runner.cleanup()
