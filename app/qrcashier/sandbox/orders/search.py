"""`GET /v1/orders`, the Orders API's search (point §B3), and the operations a QR order refuses.

Search: `begin_date` and `end_date` are required, RFC 3339 with an offset, at most 30 days
apart, begin not in the future and not after end (else 400 `missing_required_params` /
`invalid_parameter`); filters `external_reference`, `type`, `status`, `status_detail`;
orders by `created_date`, `sort_order` asc (default, sandbox) or desc. It pages both ways the
SDKs send: `page` (1-based) and `page_size` (Node, Go) or `offset` and `limit` (Python's
auto-pager); page size 50 by default, 100 at most (sandbox: MP documents neither). Answer:
`{"data": [order...], "paging": {"total", "total_pages", "offset", "limit"}}`.

`POST /v1/orders/{id}/process` and `/capture` exist for cards (`processing_mode: manual`,
`capture_mode: manual`); a QR order is processed by the payer's scan and never captured, so
they answer 409 `unsupported_operation` in the Orders envelope (sandbox: the code is ours).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from aiohttp import web

from qrcashier.domain.sale import REFERENCE_RE
from qrcashier.sandbox.httputil import json_response
from qrcashier.sandbox.orders.book import book
from qrcashier.sandbox.orders.errors import OrdersError
from qrcashier.sandbox.orders.routes import account

routes = web.RouteTableDef()

MAX_SPAN = timedelta(days=30)
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 100
FILTERS = ("type", "status", "status_detail", "external_reference")


def _date(request: web.Request, name: str) -> datetime:
    raw = request.query.get(name)
    if not raw:
        raise OrdersError(400, "missing_required_params", f"{name} is required", name)
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or "T" not in raw:
        raise OrdersError(400, "invalid_parameter", f"{name} must be an RFC 3339 date with an offset", name)
    return when


def _whole(request: web.Request, name: str, default: int, lowest: int, highest: int | None = None) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < lowest or (highest is not None and int(raw) > highest):
        span = f"from {lowest}" + (f" to {highest}" if highest is not None else "")
        raise OrdersError(400, "invalid_parameter", f"{name} must be a whole number {span}", name)
    return int(raw)


def _window(request: web.Request) -> tuple[int, int]:
    """(offset, limit) from page/page_size or offset/limit."""
    if "page" in request.query or "page_size" in request.query:
        size = _whole(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        return (_whole(request, "page", 1, 1) - 1) * size, size
    return _whole(request, "offset", 0, 0), _whole(request, "limit", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)


@routes.get("/v1/orders")
async def search_orders(request: web.Request) -> web.Response:
    acct = account(request)
    api = book(request)
    begin, end = _date(request, "begin_date"), _date(request, "end_date")
    if begin > api.state.now():
        raise OrdersError(400, "invalid_parameter", "begin_date cannot be in the future", "begin_date")
    if end < begin or end - begin > MAX_SPAN:
        raise OrdersError(400, "invalid_parameter", "end_date must be after begin_date and within 30 days of it",
                          "end_date")
    reference = request.query.get("external_reference")
    if reference is not None and not REFERENCE_RE.match(reference):
        raise OrdersError(400, "invalid_parameter", "external_reference is up to 64 of [A-Za-z0-9_-]",
                          "external_reference")
    order = request.query.get("sort_order") or "asc"
    if order not in ("asc", "desc"):
        raise OrdersError(400, "invalid_parameter", "sort_order is asc or desc", "sort_order")
    offset, limit = _window(request)
    found = [
        view for view in (api.view(o, acct) for o in api.of_account(acct) if begin <= o.created_date <= end)
        if all(request.query.get(k) is None or view.get(k) == request.query[k] for k in FILTERS)
    ]
    if order == "desc":
        found.reverse()
    return json_response({
        "data": found[offset : offset + limit],
        "paging": {"total": len(found), "total_pages": math.ceil(len(found) / limit), "offset": offset,
                   "limit": limit},
    })


async def _refused(request: web.Request, operation: str) -> web.Response:
    acct = account(request)
    order = book(request).get(acct, request.match_info["order_id"])
    raise OrdersError(409, "unsupported_operation", f"A QR order cannot be {operation}: it is paid by a scan",
                      f"order {order.id} is {order.status}")


@routes.post("/v1/orders/{order_id}/process")
async def process_order(request: web.Request) -> web.Response:
    return await _refused(request, "processed by the API")


@routes.post("/v1/orders/{order_id}/capture")
async def capture_order(request: web.Request) -> web.Response:
    return await _refused(request, "captured")
