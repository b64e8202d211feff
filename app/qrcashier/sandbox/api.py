"""The Mercado Pago routes the sandbox serves (paths, methods and answers per mercadopago-api.md).

Decisions where the sources are silent (each also noted where it is made):
- A numeric user id in a path that is not the token's own user answers 403 `forbidden`
  (the resource exists as far as the caller can tell; it is theirs to fix).
- An account with QR switched off gets 403 `forbidden` from the store, POS and in-store
  order endpoints; `/users/me`, merchant_orders and payments keep working.
- v2 PUT and DELETE answer 204; v1 POST answers 200; dynamic QR POST/PUT answer 201 with
  `qr_data` (the hybrid PUT's body is disputed, §1.5: the sandbox returns it).
- A dynamic QR POST's order is kept off the POS's static QR (§1.5): the v2 GET answers 404
  for it unless a static order is there (MP documents no GET for a dynamic QR).
"""

from __future__ import annotations

import re

from aiohttp import web

from qrcashier.sandbox import validation, views
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError, bad_request, payments_error, pos_error
from qrcashier.sandbox.httputil import bearer, context, json_response, path_int, query_int, read_json

routes = web.RouteTableDef()

ALNUM_RE = re.compile(r"^[A-Za-z0-9]+$")


def account(request: web.Request, *, qr: bool = False) -> Account:
    acct = context(request).state.authenticate(bearer(request))
    if qr and not acct.qr_enabled:
        raise ApiError(403, "forbidden", "The account is not enabled for in-store QR payments")
    return acct


def check_user(acct: Account, raw: str, error: str) -> None:
    """The path's user id: numeric (else 400 `error`) and the token's own (else 403)."""
    if not raw.isdigit():
        raise bad_request(error, f"{raw!r} is not a valid user id")
    if int(raw) != acct.id:
        raise ApiError(403, "forbidden", "The user id in the path does not belong to the access token")


def external_pos_id(request: web.Request, name: str = "external_pos_id") -> str:
    raw = request.match_info[name]
    if not ALNUM_RE.match(raw):
        raise bad_request("invalid_externalPosId", f"{raw!r} is not a valid external POS id")
    return raw


# ---------------------------------------------------------------- users


@routes.get("/users/me")
async def users_me(request: web.Request) -> web.Response:
    return json_response(views.user_me(account(request)))


# ---------------------------------------------------------------- stores


@routes.post("/users/{user_id}/stores")
async def create_store(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_user_id")
    fields = validation.store_body(await read_json(request), acct.site, partial=False)
    store = context(request).state.create_store(acct, fields)
    return json_response(views.store(store, acct), status=201)


@routes.get("/users/{user_id}/stores/search")
async def search_stores(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_user_id")
    limit = query_int(request, "limit", 50, maximum=100)
    offset = query_int(request, "offset", 0)
    found = context(request).state.find_stores(acct, request.query.get("external_id"))
    return json_response(views.paging([views.store(s, acct) for s in found], limit, offset))


@routes.get("/stores/{store_id}")
async def get_store(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    store = context(request).state.get_store(acct, request.match_info["store_id"])
    return json_response(views.store(store, acct))


@routes.put("/users/{user_id}/stores/{store_id}")
async def update_store(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_user_id")
    fields = validation.store_body(await read_json(request), acct.site, partial=True)
    store = context(request).state.update_store(acct, request.match_info["store_id"], fields)
    return json_response(views.store(store, acct))


@routes.delete("/users/{user_id}/stores/{store_id}")
async def delete_store(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_user_id")
    store = context(request).state.delete_store(acct, request.match_info["store_id"])
    return json_response({"store": store.id, "user": str(acct.id)})


# ---------------------------------------------------------------- POS


def pos_id(request: web.Request) -> int:
    return path_int(request, "pos_id", pos_error("INVALID_POS_ID", "The POS id must be numeric", update=True))


@routes.post("/pos")
async def create_pos(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    body = validation.pos_body(await read_json(request), update=False)
    ctx = context(request)
    pos = ctx.state.create_pos(acct, body)
    return json_response(views.pos(pos, acct, ctx.base_url), status=201)


@routes.get("/pos")
async def list_pos(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    ctx = context(request)
    limit = query_int(request, "limit", 50, maximum=100)
    offset = query_int(request, "offset", 0)
    filters = {k: request.query.get(k) for k in ("external_id", "external_store_id", "store_id", "category")}
    found = ctx.state.find_pos(acct, filters)
    return json_response(views.paging([views.pos(p, acct, ctx.base_url) for p in found], limit, offset))


@routes.get("/pos/{pos_id}")
async def get_pos(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    ctx = context(request)
    return json_response(views.pos(ctx.state.get_pos(acct, pos_id(request)), acct, ctx.base_url))


@routes.put("/pos/{pos_id}")
async def update_pos(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    ctx = context(request)
    target = pos_id(request)
    body = validation.pos_body(await read_json(request), update=True)
    pos = ctx.state.update_pos(acct, target, body)
    return json_response(views.pos(pos, acct, ctx.base_url))


@routes.delete("/pos/{pos_id}")
async def delete_pos(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    context(request).state.delete_pos(acct, pos_id(request))
    return web.Response(status=204)


# ---------------------------------------------------------------- in-store orders v2


async def _put_v2(request: web.Request, external_store_id: str | None) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collectorId")
    state = context(request).state
    pos = state.pos_by_external_id(acct, external_pos_id(request), external_store_id)
    draft = validation.v2_order(await read_json(request), site=acct.site, collector_id=acct.id, now=state.now())
    state.put_order(acct, pos, draft, "v2")
    return web.Response(status=204)


@routes.put("/instore/qr/seller/collectors/{user_id}/stores/{external_store_id}/pos/{external_pos_id}/orders")
async def put_order(request: web.Request) -> web.Response:
    return await _put_v2(request, request.match_info["external_store_id"])


@routes.put("/instore/qr/seller/collectors/{user_id}/pos/{external_pos_id}/orders")
async def put_order_without_store(request: web.Request) -> web.Response:
    return await _put_v2(request, None)


@routes.get("/instore/qr/seller/collectors/{user_id}/pos/{external_pos_id}/orders")
async def get_order(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collectorId")
    state = context(request).state
    pos = state.pos_by_external_id(acct, external_pos_id(request))
    order = state.current_order(pos)
    if order is None:
        raise ApiError(404, "point_of_sale_in_store_order_not_found", "No associated order found.")
    body = views.instore_order(order, acct)
    # The sources disagree on object vs one-element array (§1.2): a setting picks.
    return json_response([body] if state.settings.instore_order_get_format == "array" else body)


@routes.delete("/instore/qr/seller/collectors/{user_id}/pos/{external_pos_id}/orders")
async def delete_order(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collectorId")
    state = context(request).state
    state.delete_order(state.pos_by_external_id(acct, external_pos_id(request)))
    return web.Response(status=204)


# ---------------------------------------------------------------- legacy v1


def _ttl(request: web.Request) -> int | None:
    raw = request.headers.get("X-Ttl-Store-Preference")
    if raw is None:
        return None
    if not raw.strip().isdigit() or int(raw) < 1:
        raise bad_request("invalid_preference_body", "X-Ttl-Store-Preference must be a whole number of seconds")
    return int(raw)


@routes.post("/mpmobile/instore/qr/{user_id}/{external_id}")
async def post_v1(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collector_id")
    state = context(request).state
    pos = state.pos_by_external_id(acct, external_pos_id(request, "external_id"))
    expires_at = state.v1_expiry(_ttl(request))
    draft = validation.v1_order(await read_json(request), site=acct.site, collector_id=acct.id, expires_at=expires_at)
    order = state.put_order(acct, pos, draft, "v1")
    return json_response(views.v1_preference(order, acct), status=200)


@routes.delete("/mpmobile/instore/qr/{user_id}/{external_id}")
async def delete_v1(request: web.Request) -> web.Response:
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collector_id")
    state = context(request).state
    state.delete_order(state.pos_by_external_id(acct, external_pos_id(request, "external_id")))
    return web.Response(status=204)


# ---------------------------------------------------------------- dynamic QR


@routes.post("/instore/orders/qr/seller/collectors/{user_id}/pos/{external_pos_id}/qrs")
@routes.put("/instore/orders/qr/seller/collectors/{user_id}/pos/{external_pos_id}/qrs")
async def dynamic_qr(request: web.Request) -> web.Response:
    """POST: a dynamic QR only. Its order is not on the POS's static QR (the v2 GET does not
    show it, the v2 DELETE does not remove it: there is no DELETE for it); it is payable until
    paid or until its expiration_date (§1.5). PUT ("hybrid"): the order goes on the static QR
    like the v2 PUT (replacing it; the DELETE removes it), and a dynamic QR for it as well."""
    acct = account(request, qr=True)
    check_user(acct, request.match_info["user_id"], "invalid_collectorId")
    state = context(request).state
    pos = state.pos_by_external_id(acct, external_pos_id(request))
    draft = validation.v2_order(await read_json(request), site=acct.site, collector_id=acct.id, now=state.now())
    if request.method == "PUT":
        order = state.put_order(acct, pos, draft, "hybrid")
    else:
        order = state.create_dynamic_order(acct, pos, draft)
    qr_data = state.dynamic_qr_data(acct, pos, order)
    return json_response({"qr_data": qr_data, "in_store_order_id": order.id}, status=201)


# ---------------------------------------------------------------- merchant_orders


@routes.get("/merchant_orders/{mo_id}")
async def get_merchant_order(request: web.Request) -> web.Response:
    acct = account(request)
    mo_id = path_int(request, "mo_id", ApiError(404, "not_found", "Merchant order not found"))
    return json_response(views.merchant_order(context(request).state.get_merchant_order(acct, mo_id), acct))


# ---------------------------------------------------------------- payments and refunds


def _payment_id(request: web.Request) -> int:
    return path_int(request, "payment_id", payments_error(404, "not_found", "Payment not found", 2000))


@routes.get("/v1/payments/{payment_id}")
async def get_payment(request: web.Request) -> web.Response:
    acct = account(request)
    return json_response(views.payment(context(request).state.get_payment(acct, _payment_id(request)), acct))


@routes.post("/v1/payments/{payment_id}/refunds")
async def create_refund(request: web.Request) -> web.Response:
    acct = account(request)
    payment_id = _payment_id(request)
    body = await read_json(request)
    amount = None
    if body not in (None, {}):
        if not isinstance(body, dict) or set(body) - {"amount"}:
            raise payments_error(400, "bad_request", "The body may only carry an amount", 1000)
        try:
            amount = validation.money(body.get("amount"), acct.site, "bad_request", "amount")
        except ApiError as exc:
            raise payments_error(400, "bad_request", exc.message, 1000) from None
    key = request.headers.get("X-Idempotency-Key")
    status, refund, _ = context(request).state.refund(acct, payment_id, key, amount)
    return json_response(views.refund(refund, acct), status=status)


@routes.get("/v1/payments/{payment_id}/refunds")
@routes.get("/v1/payments/{payment_id}/refunds/")  # the Node SDK lists with the slash
async def list_refunds(request: web.Request) -> web.Response:
    acct = account(request)
    payment = context(request).state.get_payment(acct, _payment_id(request))
    return json_response([views.refund(r, acct) for r in payment.refunds])


@routes.get("/v1/payments/{payment_id}/refunds/{refund_id}")
async def get_refund(request: web.Request) -> web.Response:
    acct = account(request)
    payment = context(request).state.get_payment(acct, _payment_id(request))
    wanted = request.match_info["refund_id"]
    for r in payment.refunds:
        if str(r.id) == wanted:
            return json_response(views.refund(r, acct))
    raise payments_error(404, "not_found", "Refund not found", 2000)
