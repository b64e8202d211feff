"""Sending a publish one try at a time, to know whether any try may have reached Mercado Pago.

The same rule as `InstoreV2Gateway.publish`, shared by the other gateways (Orders API,
legacy v1, legacy dynamic/hybrid QR): each try goes out with no retries inside the HTTP
layer; between tries the gateway waits like the HTTP layer would (backoff, a short
Retry-After). When every try failed:

- none could have reached Mercado Pago (refused or timed-out connects) → `NotDelivered`:
  nothing happened, the sale can be charged again;
- an earlier try may have landed (a timeout, a drop, a 5xx, a garbled reply) and the last
  was refused outright → `OutcomeUnknown`: the engine reconciles by reference;
- otherwise the last error itself (retryable: unknown; not: a definitive refusal).

Only requests that are safe to repeat come through here: the v2 and v1 "create or
replace the POS's order" calls, the hybrid PUT, and the Orders API create with its
idempotency key (the same key and body on every try).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from qrcashier.checkout.gateway import NotDelivered, OutcomeUnknown, never_sent
from qrcashier.mercadopago.errors import MercadoPagoError, RateLimited
from qrcashier.mercadopago.http import NO_RETRY, MercadoPagoHTTP, Reply, RetryPolicy

DEFAULT_PUBLISH_RETRY = RetryPolicy(attempts=3, base_delay=0.25, max_delay=2.0, max_retry_after=5.0)


async def publish_request(
    http: MercadoPagoHTTP,
    method: str,
    path: str,
    *,
    policy: RetryPolicy,
    json_body: Any = None,
    headers: Mapping[str, str] | Callable[[], Mapping[str, str]] | None = None,
    idempotency_key: str | None = None,
    read: Callable[[Reply], Any] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Any:
    """Send until it succeeds or the policy gives up; return `read(reply)` (or the reply).

    `headers` may be a callable, evaluated per try (e.g. a TTL that shrinks). `read`
    parses the reply inside the try, so a garbled answer counts as a failed try."""
    maybe_reached = False
    tries = 0
    while True:
        tries += 1
        try:
            reply = await http.request(
                method, path, json_body=json_body, idempotency_key=idempotency_key, retry=NO_RETRY,
                headers=headers() if callable(headers) else headers,
            )
            return read(reply) if read is not None else reply
        except MercadoPagoError as exc:
            wait = policy.wait_before_next(exc, tries)
            if wait is None:
                if not maybe_reached and never_sent(exc):
                    raise NotDelivered(exc.user_message) from exc
                if maybe_reached and not exc.retryable:
                    raise OutcomeUnknown(exc.user_message) from exc
                raise
            if exc.retryable and not never_sent(exc) and not isinstance(exc, RateLimited):
                maybe_reached = True
            await sleep(wait)
