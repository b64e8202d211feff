"""An HTTP receiver for Mercado Pago's notifications: an accelerator, never a source of truth.

    receiver = await NotificationReceiver.start(
        "127.0.0.1", 8766, secret=None, on_notification=engine_trigger,
    )
    receiver.url          # "http://127.0.0.1:8766/notifications": put the public URL in front of it
    await receiver.close()

`on_notification(topic, resource_id)` is awaited in a background task after the answer
has gone out; `topic` is "merchant_order", "payment" or "order". The engine's watcher
polls anyway: a notification only makes it read again *now*, through the same path as
every poll (`CheckoutEngine.notify`). Nothing in a notification's body is ever believed.

What arrives (mercadopago-api.md §7):

- **IPN**: `POST ?topic=merchant_order|payment&id=<id>` with `{"resource", "topic"}`.
  Mercado Pago does not sign QR IPNs (its `x-signature` never verifies, §7.1), so they are
  accepted unsigned, as a trigger only, and only with `accept_ipn=True`: anyone who reaches
  the receiver can send one, so by default they are refused (401) and signed webhooks alone count.
- **Webhook**: `POST ?data.id=<id>&type=payment|order` with a JSON body and
  `x-signature` / `x-request-id`. With a `secret` configured the signature must verify
  (HMAC-SHA256, constant-time, `ts` within the window, request id not seen before) or
  the answer is 401. Without a secret, webhooks are accepted as triggers, like IPNs.
  A replay of a delivery already accepted is answered 200 (so a duplicate delivery
  stops) and triggers nothing.

Answers: 200 `{"status": "accepted"}` (triggered) or `{"status": "ignored"}` (a topic
the register does not follow, or a replay); 400 for a request without a usable id;
401 for a bad signature; 413 above `max_body` bytes; 405 for other methods. `GET` on the
path answers 200, to check from outside that the public URL reaches this receiver.

It binds 127.0.0.1 unless told otherwise: exposing it is the job of a tunnel or reverse
proxy with TLS in front, configured on purpose. Nothing is logged but the topic, the id
and the verdict (never a header, a body or the secret).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from qrcashier.notifications.signature import DEFAULT_WINDOW, InvalidSignature, SignatureVerifier
from qrcashier.serving import url_host

log = logging.getLogger("qrcashier.notifications")

DEFAULT_PATH = "/notifications"
DEFAULT_MAX_BODY = 64 * 1024
MAX_PENDING = 64  # callbacks still running; beyond this a trigger is dropped (the poll goes on)
IPN_TOPICS = {"merchant_order": "merchant_order", "payment": "payment"}
WEBHOOK_TYPES = {
    "payment": "payment",
    "order": "order",
    "merchant_order": "merchant_order",
    "topic_merchant_order_wh": "merchant_order",
}
RESOURCE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

NotificationCallback = Callable[[str, str], Awaitable[None] | None]


@dataclass
class ReceiverStats:
    accepted: int = 0
    ignored: int = 0
    rejected: int = 0
    replayed: int = 0
    failed_callbacks: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _resource_from(value: Any) -> str | None:
    """An id from an IPN `resource` (a URL ending in the id, or the id itself)."""
    if value is None:
        return None
    text = str(value).strip().rstrip("/")
    return text.rsplit("/", 1)[-1] or None


class NotificationReceiver:
    def __init__(
        self,
        on_notification: NotificationCallback,
        *,
        secret: str | None = None,
        path: str = DEFAULT_PATH,
        max_body: int = DEFAULT_MAX_BODY,
        window: float | None = DEFAULT_WINDOW,
        accept_ipn: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not path.startswith("/"):
            raise ValueError("the path starts with '/'")
        self._callback = on_notification
        self._verifier = SignatureVerifier(secret, window=window, clock=clock) if secret else None
        self.path = path
        self.max_body = max_body
        self.accept_ipn = accept_ipn
        self.stats = ReceiverStats()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self.url = ""

    @property
    def verifies_signatures(self) -> bool:
        return self._verifier is not None

    # --- life cycle ---------------------------------------------------------------------

    @classmethod
    async def start(
        cls,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        secret: str | None = None,
        on_notification: NotificationCallback,
        path: str = DEFAULT_PATH,
        max_body: int = DEFAULT_MAX_BODY,
        window: float | None = DEFAULT_WINDOW,
        accept_ipn: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> NotificationReceiver:
        """Listen on host:port (0: a free port) and return once it answers.

        `secret` is the webhook secret from "Your integrations → Webhooks" (None: webhooks
        are accepted unverified, as triggers only). `window` bounds `ts` (seconds)."""
        receiver = cls(
            on_notification, secret=secret, path=path, max_body=max_body, window=window,
            accept_ipn=accept_ipn, clock=clock,
        )
        app = web.Application(client_max_size=max_body)
        app.router.add_route("POST", path, receiver._handle)
        app.router.add_route("GET", path, receiver._health)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=0.5)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:
            await runner.cleanup()
            raise
        receiver._runner = runner
        bound = runner.addresses[0][1]
        receiver.url = f"http://{url_host(host)}:{bound}{path}"
        return receiver

    async def close(self) -> None:
        """Stop listening and cancel the callbacks still running."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def idle(self) -> None:
        """Wait until every callback started so far has finished (for tests and benchmarks)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def __aenter__(self) -> NotificationReceiver:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- handling -----------------------------------------------------------------------

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            topic, resource_id, kind = await self._read(request)
        except _Refused as exc:
            self.stats.reject(exc.reason)
            log.info("notification refused (%s)", exc.reason)
            return web.json_response({"status": "refused", "reason": exc.reason}, status=exc.status)
        except InvalidSignature as exc:
            if exc.reason == InvalidSignature.REPLAYED:
                self.stats.replayed += 1
                log.info("webhook replay ignored")
                return web.json_response({"status": "ignored", "reason": exc.reason})
            self.stats.reject(exc.reason)
            log.warning("webhook refused: bad signature (%s)", exc.reason)
            return web.json_response({"status": "refused", "reason": "invalid_signature"}, status=401)
        if topic is None:
            self.stats.ignored += 1
            log.debug("%s notification for a topic not followed: ignored", kind)
            return web.json_response({"status": "ignored"})
        self.stats.accepted += 1
        log.debug("%s notification %s %s: re-read", kind, topic, resource_id)
        self._trigger(topic, resource_id)
        return web.json_response({"status": "accepted"})

    async def _read(self, request: web.Request) -> tuple[str | None, str, str]:
        """(topic to trigger or None to ignore, resource id, "ipn" | "webhook")."""
        if request.content_length is not None and request.content_length > self.max_body:
            raise _Refused(413, "too_large")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise _Refused(413, "too_large") from None
        body = self._json(raw)
        query = request.query
        data = body.get("data") if isinstance(body.get("data"), dict) else {}
        webhook = "data.id" in query or "type" in query or (not ("topic" in query or "id" in query) and (
            "type" in body or bool(data)
        ))
        if webhook:
            data_id = query.get("data.id")
            if self._verifier is not None:
                # The manifest's id is the query's data.id, exactly as Mercado Pago signed it.
                self._verifier.verify(request.headers.get("x-signature"), request.headers.get("x-request-id"), data_id)
            topic = WEBHOOK_TYPES.get(str(query.get("type") or body.get("type") or ""))
            if topic is None:
                return None, "", "webhook"
            resource_id = data_id if data_id is not None else (None if data.get("id") is None else str(data["id"]))
            return topic, self._checked_id(resource_id), "webhook"
        if not self.accept_ipn:
            raise _Refused(401, "ipn_not_accepted")
        topic = IPN_TOPICS.get(str(query.get("topic") or body.get("topic") or ""))
        if topic is None:
            return None, "", "ipn"
        resource_id = query.get("id") or _resource_from(body.get("resource"))
        return topic, self._checked_id(resource_id), "ipn"

    @staticmethod
    def _json(raw: bytes) -> dict[str, Any]:
        if not raw.strip():
            return {}
        try:
            value = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return {}  # the query string is what counts; a garbled body is not trusted anyway
        return value if isinstance(value, dict) else {}

    @staticmethod
    def _checked_id(resource_id: str | None) -> str:
        if resource_id is None or not RESOURCE_ID.match(resource_id):
            raise _Refused(400, "no_resource_id")
        return resource_id

    def _trigger(self, topic: str, resource_id: str) -> None:
        if len(self._tasks) >= MAX_PENDING:
            log.warning("notification callbacks are backed up: trigger dropped (the poll continues)")
            return
        task = asyncio.get_running_loop().create_task(self._call(topic, resource_id), name=f"notification-{topic}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _call(self, topic: str, resource_id: str) -> None:
        try:
            result = self._callback(topic, resource_id)
            if inspect.isawaitable(result):
                await result
        except asyncio.CancelledError:
            raise
        except Exception:
            self.stats.failed_callbacks += 1
            log.exception("the notification callback failed for %s %s", topic, resource_id)
