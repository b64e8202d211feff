"""The control API of a merchant endpoint: how a register or a device places its order.

Served on its own listener (loopback by default), never on the public one Mercado Pago
reaches. When the server was started with a key, every call needs
`Authorization: Bearer <key>`.

    GET    /registers                       every slot's status
    GET    /registers/{pos}                 one slot's status
    PUT    /registers/{pos}/order           {"site": "MLA", "order": <v2 order body>}
    DELETE /registers/{pos}/order?reference=...&reason=paid|cancelled|expired|withdrawn
    PUT    /registers/{pos}/preparing       {"preparing": true|false}
    PUT    /registers/{pos}/device          {"down": true|false}

Errors are `{"error": <code>, "message": <text>}` with 400 (invalid input), 401 (key),
404 (unknown register), 413 (body over 128 KiB).
"""

from __future__ import annotations

import hmac
import json
import logging
from datetime import datetime
from typing import Any

from aiohttp import web

from qrcashier.checkout.board import TakeReason
from qrcashier.domain.money import site as find_site
from qrcashier.mercadopago.errors import MalformedResponse
from qrcashier.mercadopago.models import InstoreOrder
from qrcashier.unattended.orders import InvalidOrder, OrderBook, SlotStatus, UnknownRegister

log = logging.getLogger("qrcashier.unattended.control")

MAX_CONTROL_BODY = 128 * 1024
BOOK = web.AppKey("control_book", OrderBook)
KEY = web.AppKey("control_key", str)


class ControlError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat()


def status_json(status: SlotStatus) -> dict[str, Any]:
    order = status.order
    return {
        "pos": status.external_pos_id,
        "state": str(status.state),
        "reference": None if order is None else order.external_reference,
        "total_amount": None if order is None else str(order.total_amount),
        "expires_at": None if order is None else _iso(order.expires_at),
        "polls": status.polls,
        "deliveries": status.deliveries,
        "last_poll_at": _iso(status.last_poll_at),
        "last_delivery_at": _iso(status.last_delivery_at),
        "last_taken": None if status.last_taken is None
        else {"reference": status.last_taken[0], "reason": str(status.last_taken[1])},
    }


def _book(request: web.Request) -> OrderBook:
    return request.app[BOOK]


def _status(request: web.Request) -> dict[str, Any]:
    pos = request.match_info["pos"]
    try:
        return status_json(_book(request).status(pos))
    except UnknownRegister:
        raise ControlError(404, "unknown_register", f"POS {pos!r} is not served here") from None


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.read())
    except web.HTTPRequestEntityTooLarge:
        raise
    except (ValueError, UnicodeDecodeError):
        raise ControlError(400, "invalid_json", "the body is not JSON") from None
    if not isinstance(data, dict):
        raise ControlError(400, "invalid_json", "the body is not a JSON object")
    return data


async def list_registers(request: web.Request) -> web.Response:
    book = _book(request)
    return web.json_response({"registers": [status_json(book.status(p)) for p in sorted(book.registers)]})


async def get_register(request: web.Request) -> web.Response:
    return web.json_response(_status(request))


async def put_order(request: web.Request) -> web.Response:
    pos = request.match_info["pos"]
    data = await _json(request)
    try:
        site = find_site(str(data.get("site") or ""))
    except ValueError:
        raise ControlError(400, "invalid_site", "site is a Mercado Pago site id such as MLA") from None
    try:
        order = InstoreOrder.from_json(data.get("order"))
        _book(request).place(pos, order, site)
    except UnknownRegister:
        raise ControlError(404, "unknown_register", f"POS {pos!r} is not served here") from None
    except (MalformedResponse, InvalidOrder, ValueError, TypeError) as exc:
        raise ControlError(400, "invalid_order", str(exc)) from None
    log.info("order %s placed on POS %s", order.external_reference, pos)
    return web.json_response(_status(request))


async def delete_order(request: web.Request) -> web.Response:
    pos = request.match_info["pos"]
    reference = request.query.get("reference")
    try:
        reason = TakeReason(request.query.get("reason", "withdrawn"))
    except ValueError:
        raise ControlError(400, "invalid_reason", "reason is paid, cancelled, expired or withdrawn") from None
    try:
        taken = _book(request).take(pos, reference, reason)
    except UnknownRegister:
        raise ControlError(404, "unknown_register", f"POS {pos!r} is not served here") from None
    return web.json_response({"taken": taken is not None, "status": _status(request)})


async def put_flag(request: web.Request) -> web.Response:
    pos = request.match_info["pos"]
    flag = request.match_info["flag"]
    data = await _json(request)
    key = "preparing" if flag == "preparing" else "down"
    value = data.get(key)
    if not isinstance(value, bool):
        raise ControlError(400, "invalid_flag", f"{key} is true or false")
    book = _book(request)
    try:
        if flag == "preparing":
            book.set_preparing(pos, value)
        else:
            book.set_device_down(pos, value)
    except UnknownRegister:
        raise ControlError(404, "unknown_register", f"POS {pos!r} is not served here") from None
    return web.json_response(_status(request))


@web.middleware
async def control_middleware(request: web.Request, handler) -> web.StreamResponse:
    key = request.app.get(KEY)
    if key:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {key}".encode()):
            return web.json_response({"error": "unauthorized", "message": "a valid control key is needed"}, status=401)
    try:
        return await handler(request)
    except ControlError as exc:
        return web.json_response({"error": exc.code, "message": exc.message}, status=exc.status)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status, "bad_request")
        return web.json_response({"error": code, "message": exc.reason}, status=exc.status)
    except Exception:
        log.exception("control call failed on %s %s", request.method, request.path)
        return web.json_response({"error": "internal_error", "message": "internal error"}, status=500)


def build_control_app(book: OrderBook, key: str | None = None) -> web.Application:
    app = web.Application(middlewares=[control_middleware], client_max_size=MAX_CONTROL_BODY)
    app[BOOK] = book
    if key:
        app[KEY] = key
    pos = "{pos:[A-Za-z0-9]{1,39}}"
    app.router.add_get("/registers", list_registers)
    app.router.add_get(f"/registers/{pos}", get_register)
    app.router.add_put(f"/registers/{pos}/order", put_order)
    app.router.add_delete(f"/registers/{pos}/order", delete_order)
    app.router.add_put(f"/registers/{pos}/{{flag:preparing|device}}", put_flag)
    return app
