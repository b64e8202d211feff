"""The sandbox's own control routes for the Orders API, per account by bearer token.

    PUT|GET|DELETE /sandbox/webhooks     {"url": ...} -> {"url", "secret", "deliveries"}
    GET  /sandbox/orders                 the account's Orders API orders
    PUT|GET /sandbox/orders/settings     {"partial_refunds": true|false} (server-wide)
"""

from __future__ import annotations

from aiohttp import web

from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.httputil import bearer, context, json_response
from qrcashier.sandbox.orders.book import book
from qrcashier.sandbox.orders.rules import parse_json
from qrcashier.sandbox.validation import is_url

routes = web.RouteTableDef()


def _control_account(request: web.Request) -> Account:
    return context(request).state.authenticate(bearer(request))


@routes.put("/sandbox/webhooks")
async def put_webhooks(request: web.Request) -> web.Response:
    acct = _control_account(request)
    hooks = book(request).webhooks
    body = parse_json(await request.read())
    if not isinstance(body, dict) or not (body.get("url") is None or is_url(body.get("url"))):
        raise ApiError(400, "bad_request", "url must be an http(s) URL or null")
    hooks.config(acct).url = body.get("url")
    return json_response(hooks.view(acct))


@routes.get("/sandbox/webhooks")
async def get_webhooks(request: web.Request) -> web.Response:
    return json_response(book(request).webhooks.view(_control_account(request)))


@routes.delete("/sandbox/webhooks")
async def delete_webhooks(request: web.Request) -> web.Response:
    acct = _control_account(request)
    book(request).webhooks.config(acct).url = None
    return web.Response(status=204)


@routes.get("/sandbox/orders")
async def list_orders(request: web.Request) -> web.Response:
    acct = _control_account(request)
    api = book(request)
    return json_response([api.view(o, acct) for o in api.of_account(acct)])


@routes.get("/sandbox/orders/settings")
async def get_orders_settings(request: web.Request) -> web.Response:
    return json_response({"partial_refunds": book(request).partial_refunds})


@routes.put("/sandbox/orders/settings")
async def put_orders_settings(request: web.Request) -> web.Response:
    api = book(request)
    body = parse_json(await request.read())
    if (not isinstance(body, dict) or set(body) - {"partial_refunds"}
            or not isinstance(body.get("partial_refunds"), bool)):
        raise ApiError(400, "bad_request", "settings: partial_refunds must be true or false")
    api.partial_refunds = body["partial_refunds"]
    return json_response({"partial_refunds": api.partial_refunds})
