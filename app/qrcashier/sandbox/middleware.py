"""Middlewares: JSON error envelopes for everything, fault injection for the MP routes,
and an access log that never writes tokens or query strings."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.faults import FaultRule
from qrcashier.sandbox.httputil import context, error_response, json_response

log = logging.getLogger("qrcashier.sandbox")

REASON_ERRORS = {404: "not_found", 405: "method_not_allowed", 413: "request_entity_too_large"}


@web.middleware
async def envelope_middleware(request: web.Request, handler) -> web.StreamResponse:
    """Every answer is JSON: ApiError, aiohttp's own 404/405, and unexpected errors (500)."""
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        error = REASON_ERRORS.get(exc.status, "bad_request")
        message = f"Resource {request.path} not found" if exc.status == 404 else exc.reason
        return error_response(ApiError(exc.status, error, message))
    except Exception:
        log.exception("sandbox handler failed on %s %s", request.method, request.path)
        return error_response(ApiError(500, "internal_error", "Internal server error"))


def is_control_path(path: str) -> bool:
    return path == "/sandbox" or path.startswith("/sandbox/")


@web.middleware
async def fault_middleware(request: web.Request, handler) -> web.StreamResponse:
    """Apply the first matching fault rule to a Mercado Pago route (never to /sandbox/)."""
    if is_control_path(request.path):
        return await handler(request)
    rule = context(request).state.faults.take(request.method, request.path)
    if rule is None:
        return await handler(request)
    log.info("fault %s on %s %s", rule.kind, request.method, request.path)
    if rule.kind == "latency":
        if not rule.after:
            await asyncio.sleep(rule.seconds)
            return await handler(request)
        response = await _perform(request, handler)
        await asyncio.sleep(rule.seconds)
        return response
    performed = await _perform(request, handler) if rule.after else None
    if rule.kind == "drop":
        return _drop(request)
    if rule.kind == "malformed":
        return _malformed(performed)
    return _failure(rule)


async def _perform(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc)


def _drop(request: web.Request) -> web.Response:
    """Close the connection with no HTTP answer; the client sees a transport error.

    Writing the response afterwards fails with a connection error, which aiohttp treats
    as a client that went away (nothing is logged as a server error).
    """
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=204)


def _malformed(performed: web.StreamResponse | None) -> web.Response:
    body = performed.body if isinstance(performed, web.Response) and isinstance(performed.body, bytes) else b""
    cut = body[: len(body) // 2] if len(body) > 2 else b'{"sandbox": "malformed'
    return web.Response(status=200, body=cut, content_type="application/json")


def _failure(rule: FaultRule) -> web.Response:
    error = "too_many_requests" if rule.status == 429 else ("internal_error" if rule.status >= 500 else "bad_request")
    message = "Too many requests (sandbox fault)" if rule.status == 429 else "Injected failure (sandbox fault)"
    headers = {"Retry-After": str(rule.retry_after)} if rule.retry_after is not None else None
    return json_response(ApiError(rule.status, error, message).body(), status=rule.status, headers=headers)


class SafeAccessLogger(AbstractAccessLogger):
    """Method, path (no query string: a phone code may be there), status and time. No headers."""

    def log(self, request, response, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status, time * 1000)
