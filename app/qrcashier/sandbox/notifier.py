"""IPN delivery, as Mercado Pago does it for in-store orders (mercadopago-api.md §7.1).

`POST {notification_url}?topic=merchant_order&id={id}` with
`{"resource": "{base_url}/merchant_orders/{id}", "topic": "merchant_order"}`, and
`?topic=payment&id={id}` with `{"resource": "{id}", "topic": "payment"}`; User-Agent
`MercadoPago Feed v2.0 <topic>`. A 200 or 201 answer ends it; anything else (another
status, a timeout, a refused connection) is retried after each delay of the schedule
(MP: about 30 s, 5 min, 30 min), with a timeout per attempt. Like MP's, the
`x-signature` header is present but cannot be verified (QR notifications are not signed).

Each notification is its own background task, so no API answer ever waits for one;
`close()` cancels whatever is still pending. Every attempt is recorded in
`state.deliveries`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from collections.abc import Sequence

import aiohttp
from yarl import URL

from qrcashier.sandbox.clock import utc_date
from qrcashier.sandbox.models import Delivery, Notification
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
        """Schedule delivery (a state listener: called synchronously, returns at once)."""
        delivery = Delivery(
            id=len(self.state.deliveries) + 1,
            url=notification.url,
            topic=notification.topic,
            resource_id=notification.resource_id,
        )
        self.state.deliveries.append(delivery)
        task = asyncio.get_running_loop().create_task(self._deliver(delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def idle(self) -> None:
        """Wait until every delivery scheduled so far has succeeded or given up (for tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _deliver(self, delivery: Delivery) -> None:
        for delay in (0.0, *self.retry_delays):
            if delay:
                await asyncio.sleep(delay)
            if await self._attempt(delivery):
                delivery.delivered = True
                return
        delivery.gave_up = True
        log.warning("IPN %s %s gave up after %d attempts", delivery.topic, delivery.resource_id, len(delivery.attempts))

    async def _attempt(self, delivery: Delivery) -> bool:
        topic, rid = delivery.topic, delivery.resource_id
        url = URL(delivery.url).update_query(topic=topic, id=str(rid))
        resource = f"{self.base_url}/merchant_orders/{rid}" if topic == "merchant_order" else str(rid)
        headers = {
            "User-Agent": f"MercadoPago Feed v2.0 {topic}",
            "x-request-id": str(uuid.uuid4()),
            "x-signature": f"ts={int(time.time())},v1={secrets.token_hex(32)}",
        }
        record: dict[str, object] = {"at": utc_date(self.state.now()), "status": None, "error": None}
        delivery.attempts.append(record)
        try:
            async with self._session.post(
                url,
                json={"resource": resource, "topic": topic},
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.timeout),
            ) as resp:
                await resp.read()
                record["status"] = resp.status
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            record["error"] = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            log.info("IPN %s %s to %s failed: %s", topic, rid, url.host, record["error"])
            return False
        return record["status"] in (200, 201)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
