"""Mercado Pago's Orders API routes for QR (api §2), answering in the Orders envelope."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from aiohttp import web

from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.httputil import bearer, context, json_response
from qrcashier.sandbox.orders.book import OrdersApi, book
from qrcashier.sandbox.orders.errors import OrdersError, as_orders_error
from qrcashier.sandbox.orders.rules import EVENT_STATUSES, fingerprint, parse_json, refund_amount
from qrcashier.sandbox.orders.views import refund_answer
from qrcashier.sandbox.point import routes as point

routes = web.RouteTableDef()

Handler = Callable[[OrdersApi, Account, str, Any], tuple[int, Any]]


def account(request: web.Request) -> Account:
    try:
        acct = context(request).state.authenticate(bearer(request))
    except ApiError as exc:
        raise as_orders_error(exc) from None
    if not acct.qr_enabled:
        raise OrdersError(403, "forbidden", "The account is not enabled for in-store QR payments")
    return acct


def _key(request: web.Request) -> str:
    key = request.headers.get("X-Idempotency-Key", "").strip()
    if not key:
        raise OrdersError(400, "empty_required_header", "Header X-Idempotency-Key is required", "X-Idempotency-Key")
    if len(key) > 64:
        raise OrdersError(400, "property_type", "X-Idempotency-Key is at most 64 characters", "X-Idempotency-Key")
    return key


async def _keyed(request: web.Request, handle: Handler) -> web.Response:
    """Authenticate, require the key, replay or run `handle(api, account, key, body)` and keep its answer."""
    try:
        acct = account(request)
        key = _key(request)
        raw = await request.read()
        api = book(request)
        print_ = fingerprint(request.method, request.path, raw)
        stored = api.replay(acct, key, print_)
        if stored is not None:
            return json_response(stored.body, status=stored.status)
        status, body = handle(api, acct, key, parse_json(raw))
    except OrdersError:
        raise
    except ApiError as exc:
        raise as_orders_error(exc) from None
    api.remember(acct, key, print_, status, body)
    return json_response(body, status=status)


@routes.post("/v1/orders")
async def create_order(request: web.Request) -> web.Response:
    test_ids = (bearer(request) or "").startswith("TEST-")

    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        if isinstance(body, dict) and body.get("type") == "point":
            return point.create(request, acct, body, test_ids=test_ids)
        order = api.create(acct, body, test_ids=test_ids)
        return 201, api.view(order, acct)

    return await _keyed(request, handle)


@routes.get("/v1/orders/{order_id}")
async def get_order(request: web.Request) -> web.Response:
    acct = account(request)
    if point.owns(request, request.match_info["order_id"]):
        return json_response(point.view(request, acct, request.match_info["order_id"]))
    api = book(request)
    return json_response(api.view(api.get(acct, request.match_info["order_id"]), acct))


@routes.post("/v1/orders/{order_id}/cancel")
async def cancel_order(request: web.Request) -> web.Response:
    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        if point.owns(request, request.match_info["order_id"]):
            return point.cancel(request, acct, request.match_info["order_id"])
        order = api.cancel(api.get(acct, request.match_info["order_id"]))
        return 200, api.view(order, acct)

    return await _keyed(request, handle)


@routes.post("/v1/orders/{order_id}/refund")
async def refund_order(request: web.Request) -> web.Response:
    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        if point.owns(request, request.match_info["order_id"]):
            return point.refund(request, acct, request.match_info["order_id"], body)
        order = api.get(acct, request.match_info["order_id"])
        amount = refund_amount(body, acct.site, order.payment_tx_id, partial_refunds=api.partial_refunds)
        before = (order.status, order.status_detail)
        new = api.refund(acct, order, key, amount)
        return 201, refund_answer(order, acct.site, new, before)

    return await _keyed(request, handle)


@routes.post("/v1/orders/{order_id}/events")
async def simulate_event(request: web.Request) -> web.Response:
    """Test simulation (§2.7: official for Point, reported for QR): move an order's status."""
    acct = account(request)
    if point.owns(request, request.match_info["order_id"]):
        point.simulate(request, acct, request.match_info["order_id"], parse_json(await request.read()))
        return web.Response(status=204)
    api = book(request)
    order = api.get(acct, request.match_info["order_id"])
    body = parse_json(await request.read())
    if not isinstance(body, dict) or body.get("status") not in EVENT_STATUSES:
        raise OrdersError(400, "property_type", f"status is one of {', '.join(EVENT_STATUSES)}", "$.status")
    status, detail = body["status"], body.get("status_detail")
    state = context(request).state
    try:
        if status == "processed":
            pos = api.on_its_pos(order)
            if pos is None or order.status != "created":
                raise OrdersError(409, "cannot_process_order", f"Order {order.id} is {order.status}")
            state.pay(acct, pos, status="approved")
        elif status == "failed":
            api.fail(order, str(detail or "rejected_by_issuer"))
        elif status == "canceled":
            api.cancel(order)
        elif status == "expired":
            if order.status not in ("created", "action_required"):
                raise OrdersError(409, "cannot_expire_order", f"Order {order.id} is {order.status}")
            api.expire(order)
        elif status == "refunded":
            api.refund(acct, order, f"event-{uuid.uuid4()}", None)
        else:
            api.require_action(order, str(detail or "waiting_payment"))
    except OrdersError:
        raise
    except ApiError as exc:
        raise as_orders_error(exc) from None
    return web.Response(status=204)
