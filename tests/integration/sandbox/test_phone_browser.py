"""The phone page driven in a real headless Chromium (over the DevTools protocol): scan, pay part, pay.

Skipped where Chromium is not installed (`apt-get install chromium` provides /usr/bin/chromium):
the suite must not depend on a browser, and the JSON the page runs on is covered by
test_phone.py either way.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
from pathlib import Path

import aiohttp
import pytest

from tests.support.waiting import wait_until

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
]


class DevTools:
    """The few DevTools-protocol calls the test needs, on one page's websocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.last_id = 0

    async def call(self, method: str, **params):
        self.last_id += 1
        await self.ws.send_json({"id": self.last_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    async def eval(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 10.0) -> None:
        await wait_until(lambda: self.eval(expression), timeout=timeout, what=expression, interval=0.05)


def visible(element_id: str) -> str:
    return f"!document.getElementById({json.dumps(element_id)}).closest('.hidden')"


@pytest.mark.asyncio
async def test_a_customer_pays_in_two_parts_on_the_phone_page(server, seller, tmp_path: Path) -> None:
    await seller.put_order()
    url = (await seller.client.get("/sandbox/pos/POS1/phone")).json()["url"]
    profile = tmp_path / "profile"
    browser = await asyncio.create_subprocess_exec(
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=412,860", "--remote-debugging-port=0", "about:blank",
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        await wait_until(lambda: port_file.exists() and port_file.read_text().strip(), timeout=20,
                         what="the browser's DevTools port", interval=0.05)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as r:
                page = next(t for t in await r.json() if t["type"] == "page")
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                tab = DevTools(ws)
                await tab.call("Page.navigate", url=url)
                await tab.wait_for(visible("scan-btn"))
                assert await tab.eval("document.getElementById('title').textContent") == "Sale 42"
                assert await tab.eval("document.getElementById('total').textContent") == "$\u00a0200,00"

                await tab.eval("document.getElementById('scan-btn').click()")
                await tab.wait_for(visible("pay-btn"))
                [mo] = server.state.merchant_orders.values()
                assert mo.status == "opened"

                await tab.eval("document.getElementById('partial-toggle').click()")
                await tab.eval("document.getElementById('partial-amount').value = '50,5'")
                await tab.eval("document.getElementById('partial-form').requestSubmit()")
                await tab.wait_for(visible("progress"))
                assert str(mo.paid_amount) == "50.50" and mo.status == "opened"
                assert await tab.eval("document.getElementById('pay-btn').textContent") == "Pay $\u00a0149,50"

                await tab.eval("document.getElementById('pay-btn').click()")
                await tab.wait_for(visible("result-card"))
                assert await tab.eval("document.getElementById('result-title').textContent") == "Payment approved"
                assert mo.status == "closed" and mo.order_status == "paid"

                shot = await tab.call("Page.captureScreenshot", format="png")
                assert base64.b64decode(shot["data"]).startswith(b"\x89PNG")
    finally:
        browser.terminate()
        try:
            await asyncio.wait_for(browser.wait(), timeout=10)
        except TimeoutError:
            browser.kill()
            await browser.wait()
