"""Outgoing notifications, one delivery path for every kind (mercadopago-api.md §7).

IPNs for in-store orders (§7.1): `POST {notification_url}?topic=merchant_order&id={id}` with
`{"resource": "{base_url}/merchant_orders/{id}", "topic": "merchant_order"}`, and
`?topic=payment&id={id}` with `{"resource": "{id}", "topic": "payment"}`; User-Agent
`MercadoPago Feed v2.0 <topic>`. Like MP's, their `x-signature` header is present but cannot
be verified (QR notifications are not signed). The Orders API's signed `order.*` webhooks
(§7.2) go through `deliver` too (sandbox/orders/webhooks.py builds them).

A 200 or 201 answer ends a delivery; anything else (another status, a timeout, a refused
connection) is retried after each delay of the schedule (MP: about 30 s, 5 min, 30 min),
with a timeout per attempt. Each delivery is its own background task, so no API answer
ever waits for one; `close()` cancels whatever is still pending. Every attempt is recorded
on the delivery's record.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import aiohttp
from yarl import URL

from qrcashier.sandbox.clock import utc_date
from qrcashier.sandbox.models import Delivery, Notification, Tracked
from qrcashier.sandbox.state import SandboxState

log = logging.getLogger("qrcashier.sandbox.ipn")

MP_RETRY_DELAYS = (30.0, 300.0, 1800.0)


class Notifier:
    def __init__(
        self,
        state: SandboxState,
        base_url: str,
        session: aiohttp.ClientSession,
        *,
        retry_delays: Sequence[float] = MP_RETRY_DELAYS,
        timeout: float = 5.0,
    ) -> None:
        self.state = state
        self.base_url = base_url
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self._session = session  # owned by the server
        self._tasks: set[asyncio.Task[None]] = set()

    def notify(self, notification: Notification) -> None:
        """Schedule an IPN (a state listener: called synchronously, returns at once)."""
        topic, rid = notification.topic, notification.resource_id
        delivery = Delivery(id=len(self.state.deliveries) + 1, url=notification.url, topic=topic, resource_id=rid)
        self.state.deliveries.append(delivery)
        resource = f"{self.base_url}/merchant_orders/{rid}" if topic == "merchant_order" else str(rid)

        def headers() -> dict[str, str]:
            return {
                "User-Agent": f"MercadoPago Feed v2.0 {topic}",
                "x-request-id": str(uuid.uuid4()),
                "x-signature": f"ts={int(time.time())},v1={secrets.token_hex(32)}",
            }

        url = URL(notification.url).update_query(topic=topic, id=str(rid))
        self.deliver(delivery, url, {"resource": resource, "topic": topic}, headers, f"IPN {topic} {rid}")

    def deliver(
        self, record: Tracked, url: URL, body: Any, headers: Callable[[], dict[str, str]], what: str
    ) -> None:
        """POST `body` to `url` on the retry schedule, `headers()` made afresh for each attempt.

        Outside a running loop (unit tests of the state's rules) the delivery is recorded only."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(self._deliver(record, url, body, headers, what))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def idle(self) -> None:
        """Wait until every delivery scheduled so far has succeeded or given up (for tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _deliver(
        self, record: Tracked, url: URL, body: Any, headers: Callable[[], dict[str, str]], what: str
    ) -> None:
        for delay in (0.0, *self.retry_delays):
            if delay:
                await asyncio.sleep(delay)
            if await self._attempt(record, url, body, headers(), what):
                record.delivered = True
                return
        record.gave_up = True
        log.warning("%s gave up after %d attempts", what, len(record.attempts))

    async def _attempt(self, record: Tracked, url: URL, body: Any, headers: dict[str, str], what: str) -> bool:
        attempt: dict[str, Any] = {"at": utc_date(self.state.now()), "status": None, "error": None}
        record.attempts.append(attempt)
        try:
            async with self._session.post(
                url, json=body, headers=headers, timeout=aiohttp.ClientTimeout(total=self.timeout)
            ) as resp:
                await resp.read()
                attempt["status"] = resp.status
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            attempt["error"] = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            log.info("%s to %s failed: %s", what, url.host, attempt["error"])
            return False
        return attempt["status"] in (200, 201)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
