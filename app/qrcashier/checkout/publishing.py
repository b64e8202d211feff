"""Sending a publish one try at a time, to know whether any try may have reached Mercado Pago.

Every gateway's publish (Instore v2, Orders API, legacy v1, legacy dynamic/hybrid QR) goes
through `publish`: each try is one client call made with the HTTP layer's retries off
(`NO_RETRY`); between tries it waits as `RetryPolicy.wait_before_next` says (backoff, a short
Retry-After), the one retry rule. When every try failed:

- none could have reached Mercado Pago (refused or timed-out connects) → `NotDelivered`:
  nothing happened, the sale can be charged again;
- an earlier try may have landed (a timeout, a drop, a 5xx, a garbled reply) and the last
  was refused outright → `OutcomeUnknown`: the engine reconciles by reference;
- otherwise the last error itself (retryable: unknown; not: a definitive refusal).

Only calls that are safe to repeat get more than one try: the v2 and v1 "create or replace
the POS's order" calls, the hybrid PUT, and the Orders API create with its idempotency key
(the same key and body on every try). The dynamic QR POST gets `RetryPolicy(attempts=1)`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from qrcashier.checkout.gateway import NotDelivered, OutcomeUnknown, never_sent
from qrcashier.mercadopago.errors import MercadoPagoError, RateLimited
from qrcashier.mercadopago.http import RetryPolicy

DEFAULT_PUBLISH_RETRY = RetryPolicy(attempts=3, base_delay=0.25, max_delay=2.0, max_retry_after=5.0)

T = TypeVar("T")


async def publish(
    send: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Call `send()` (one try: a client method with `retry=NO_RETRY`) until it succeeds or the
    policy gives up. `send` is called afresh per try, so what it computes (a TTL that shrinks)
    is current, and a reply it cannot parse counts as a failed try."""
    maybe_reached = False
    tries = 0
    while True:
        tries += 1
        try:
            return await send()
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
