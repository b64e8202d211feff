"""One place where Mercado Pago requests are made: auth, timeouts, safe retries, error mapping.

Retries happen only where repeating cannot do harm: GETs, the idempotent PUT
and DELETE, and POSTs that carry the caller's stable `X-Idempotency-Key`. An
unkeyed POST is sent once, whatever happens. A 429 is honoured by waiting for
its `Retry-After` when that is short; a longer wait is handed to the caller as
`RateLimited.retry_after`, so a poller can reschedule instead of sleeping here.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

from qrcashier.mercadopago.errors import (
    BadRequest,
    Cause,
    MalformedResponse,
    MercadoPagoError,
    RateLimited,
    Timeout,
    TokenMissing,
    Unauthorized,
    Unreachable,
    error_for_status,
    parse_error_body,
)
from qrcashier.mercadopago.secret import AccessToken

log = logging.getLogger("qrcashier.mercadopago")

DEFAULT_BASE_URL = "https://api.mercadopago.com"
# Connect fast or fail fast; a read may take a little longer on Mercado Pago's side.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})
# 400 codes that mean the token itself was refused: raised as Unauthorized, whatever the status.
TOKEN_REFUSED_CODES = frozenset({"invalid_access_token", "invalid_token"})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # tries in all, the first included
    base_delay: float = 0.25  # seconds, doubled each retry, with jitter
    max_delay: float = 4.0
    max_retry_after: float = 5.0  # a longer Retry-After is returned to the caller

    def delay(self, retry_number: int) -> float:
        base = min(self.max_delay, self.base_delay * (2 ** (retry_number - 1)))
        return base * (0.5 + random.random() / 2)

    def wait_before_next(self, exc: MercadoPagoError, tries: int) -> float | None:
        """Seconds to wait before the next try after `tries` failed ones, or None to give up and raise.
        The one retry rule: reads in the HTTP layer and the one-try-at-a-time publishes use it."""
        if not exc.retryable or tries >= self.attempts:
            return None
        if isinstance(exc, RateLimited) and exc.retry_after is not None:
            return exc.retry_after if exc.retry_after <= self.max_retry_after else None
        return self.delay(tries)


NO_RETRY = RetryPolicy(attempts=1)


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any  # parsed JSON (floats as Decimal), or None for an empty body
    headers: httpx.Headers


def segment(value: object) -> str:
    """One URL path segment, percent-encoded so an id can never change the path."""
    text = str(value)
    if not text:
        raise ValueError("an empty id cannot be part of a path")
    return quote(text, safe="")


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class MercadoPagoHTTP:
    """Sends requests for the client. Injected with the app's one httpx.AsyncClient."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        token: AccessToken,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._client = client
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry
        self._sleep = sleep
        self.last_success: datetime | None = None  # wall-clock time of the last good answer
        self._contact_listeners: list[Callable[[datetime], None]] = []

    @property
    def token(self) -> AccessToken | None:
        return self._token

    def replace_token(self, token: AccessToken | None) -> None:
        """From the next request on, send `token` (a supervisor replaced it in Settings); None: it
        was removed, and every request fails with TokenMissing, unsent, until one is set again."""
        self._token = token

    def on_contact(self, listener: Callable[[datetime], None]) -> None:
        """Call `listener(when)` after every successful exchange (for "last contact" displays)."""
        self._contact_listeners.append(listener)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        ok: tuple[int, ...] = (200, 201, 204),
        timeout: httpx.Timeout | float | None = None,
        retry: RetryPolicy | None = None,
    ) -> Reply:
        method = method.upper()
        safe = method in SAFE_METHODS or idempotency_key is not None
        policy = retry or self.retry
        if not safe:
            policy = NO_RETRY
        token = self._token  # this request's, for its header and for redacting its errors
        if token is None:
            raise TokenMissing(method=method, path=path)
        send_headers = {"Authorization": token.bearer_header(), "Accept": "application/json"}
        if idempotency_key is not None:
            send_headers["X-Idempotency-Key"] = idempotency_key
        if headers:
            send_headers.update(headers)
        content = None
        if json_body is not None:
            content = json.dumps(json_body, separators=(",", ":"), default=_json_default).encode()
            send_headers["Content-Type"] = "application/json"
        url = self.base_url + path

        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                reply = await self._send_once(method, url, path, params, content, send_headers, ok, timeout, token)
            except MercadoPagoError as exc:
                elapsed_ms = (time.perf_counter() - started) * 1000
                log.info(
                    "mp %s %s -> %s in %.0f ms (try %d/%d)",
                    method, path, type(exc).__name__, elapsed_ms, attempt, policy.attempts,
                )
                wait = policy.wait_before_next(exc, attempt)
                if wait is None:
                    raise
                await self._sleep(wait)
                continue
            elapsed_ms = (time.perf_counter() - started) * 1000
            log.debug("mp %s %s -> %d in %.0f ms", method, path, reply.status, elapsed_ms)
            self.last_success = datetime.now(UTC)
            for listener in self._contact_listeners:
                listener(self.last_success)
            return reply

    async def _send_once(self, method, url, path, params, content, headers, ok, timeout, token) -> Reply:
        where = {"method": method, "path": path}
        try:
            response = await self._client.request(
                method,
                url,
                params=_clean_params(params),
                content=content,
                headers=headers,
                timeout=timeout if timeout is not None else self.timeout,
            )
        except httpx.ConnectTimeout:
            raise Unreachable("connection timed out", maybe_sent=False, **where) from None
        except httpx.TimeoutException:
            raise Timeout("no answer in time", **where) from None
        except httpx.ConnectError:
            raise Unreachable("connection refused or no route", maybe_sent=False, **where) from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
            # The connection broke after the request went out: the outcome is unknown.
            raise Unreachable("the connection was dropped", **where) from None
        except httpx.TransportError as exc:
            raise Unreachable(type(exc).__name__, **where) from None
        text = response.text
        body = None
        parse_failed = False
        if text.strip():
            try:
                body = json.loads(text, parse_float=Decimal)
            except ValueError:
                parse_failed = True
        if response.status_code in ok:
            if parse_failed:
                raise MalformedResponse("the reply is not valid JSON", status=response.status_code, **where)
            return Reply(response.status_code, body, response.headers)
        err = parse_error_body(body)
        redact = token.redact  # a server that echoes the token must not put it in our errors
        causes = tuple(Cause(redact(c.code), redact(c.description)) for c in err.causes)
        cls = error_for_status(response.status_code)
        if cls is BadRequest and err.code in TOKEN_REFUSED_CODES:
            cls = Unauthorized  # the legacy v1/v2 routes refuse a bad token with a 400 (api §1.3, §1.4)
        kwargs: dict[str, Any] = {}
        if cls is RateLimited:
            kwargs["retry_after"] = parse_retry_after(response.headers.get("Retry-After"))
        raise cls(
            redact(err.message or response.reason_phrase or ""),
            status=response.status_code,
            code=None if err.code is None else redact(err.code),
            causes=causes,
            **where,
            **kwargs,
        )


def _clean_params(params: Mapping[str, Any] | None) -> dict[str, str] | None:
    if not params:
        return None
    return {k: str(v) for k, v in params.items() if v is not None}


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        # Amounts are already converted by the site's rules; a stray Decimal is sent as a number.
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot send {type(value).__name__} as JSON")
