"""The sandbox's own API under /sandbox/: play the customer, inject faults, steer accounts.

The account is chosen like on the MP routes, by `Authorization: Bearer <token>`, or by
`?code=<phone code>` (what the phone page uses, so a token never travels in a URL; get
the link from `GET /sandbox/pos/{external_pos_id}/phone`). Faults, settings, the clock
and the state dump are server-wide and need no account.

Which order scan, pay and expire act on: the one `in_store_order_id` names (in the JSON body or
the query; a dynamic QR's id from `POST .../qrs`, 409 when it is not open), else the order on
the POS's static QR, else the newest dynamic QR still open (api §1.5: those are not on the
static QR). The phone page shows the same order.

    GET  /sandbox/pos/{external_pos_id}           what the phone shows (order, step, last merchant_order)
    GET  /sandbox/pos/{external_pos_id}/phone     {"url", "code"}: the phone page link for this POS
    POST /sandbox/pos/{external_pos_id}/scan      {"in_store_order_id"?}: 201 merchant_order (a new one
                                                  per scan); on an unattended POS with no order, first
                                                  polls its url
    POST /sandbox/pos/{external_pos_id}/pay       {"status": "approved"|"rejected", "amount"?, "merchant_order_id"?,
                                                  "in_store_order_id"?}: 201 {"payment", "merchant_order"}
    POST /sandbox/pos/{external_pos_id}/expire    {"in_store_order_id"?}: 200 {"merchant_orders": [...expired...]}
    GET  /sandbox/phone/{external_pos_id}?code=   the phone page (HTML)
    GET  /sandbox/qr/{pos_id}/{uuid}.png          the POS QR (also template_{uuid}.png / .pdf)
    PUT|GET|DELETE /sandbox/faults                fault rules (see faults.py)
    PUT|GET /sandbox/settings                     {"instore_order_get_format": "object"|"array", ...}
    POST /sandbox/token/revoke                    the bearer token stops working (401)
    POST /sandbox/token/renew                     {"access_token": new}: the new token opens the same
                                                  account, the bearer one is refused (401) from now on
    POST /sandbox/account/qr                      {"enabled": false} -> QR endpoints answer 403
    POST /sandbox/account/url-domains             {"domains": ["pay.example.com"] | null}: a POS url on any
                                                  other domain is refused with 403 (null: any domain)
    POST /sandbox/clock/advance                   {"seconds": n}: move the sandbox clock forward
    GET  /sandbox/state                           everything, for debugging (no tokens)
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
from importlib import resources
from typing import Any

import segno
from aiohttp import web
from yarl import URL

from qrcashier.sandbox import validation, views
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError, bad_request
from qrcashier.sandbox.faults import InvalidFault
from qrcashier.sandbox.httputil import bearer, context, json_response, path_int, read_json
from qrcashier.sandbox.models import Pos
from qrcashier.sandbox.state import SandboxState

routes = web.RouteTableDef()


def control_account(request: web.Request) -> Account:
    state = context(request).state
    if bearer(request) is not None or "code" not in request.query:
        return state.authenticate(bearer(request))
    return state.account_for_phone_code(request.query.get("code"))


def control_pos(request: web.Request) -> tuple[Account, Pos]:
    acct = control_account(request)
    return acct, context(request).state.pos_by_external_id(acct, request.match_info["external_pos_id"])


def order_choice(request: web.Request, body: Any) -> str | None:
    """The `in_store_order_id` a scan, pay or expire names (body first, then query), if any."""
    value = body.get("in_store_order_id") if isinstance(body, dict) else None
    if value is None:
        value = request.query.get("in_store_order_id")
    if value is not None and not validation.is_text(value, max_length=64):
        raise bad_request("invalid_in_store_order_id", "in_store_order_id must be an order id string")
    return value


async def ensure_order(request: web.Request, acct: Account, pos: Pos, *, scan: bool = False) -> None:
    """An unattended POS (one with a `url`) gets its order from that url when scanned; every
    scan asks again (`scan=True`), a pay with no scan reuses what the last one fetched."""
    ctx = context(request)
    if pos.url and ctx.unattended is not None:
        await ctx.unattended.ensure_order(ctx.state, acct, pos, fresh=scan)


# ---------------------------------------------------------------- the customer's side


def phone_view(request: web.Request, acct: Account, pos: Pos) -> dict[str, Any]:
    """What the phone page renders: which step the customer is at, and the order."""
    state = context(request).state
    order = state.open_order(pos)
    latest = state.merchant_orders.get(pos.last_merchant_order_id or 0)
    if order is None:
        step = "scan" if pos.url else "waiting"  # unattended: the scan asks the merchant for the order
    elif latest is not None and latest.order_id == order.id and latest.status == "opened":
        step = "pay"
    else:
        step = "scan"
    site = acct.site
    store = state.stores.get(pos.store_id)
    body: dict[str, Any] = {
        "pos": {"id": pos.id, "external_id": pos.external_id, "name": pos.name,
                "store_name": store.name if store else None, "unattended": bool(pos.url)},
        "merchant": acct.merchant_name,
        "site": {"id": site.id, "currency": site.currency, "decimals": site.decimals,
                 "locale": site.locale.replace("_", "-")},
        "step": step,
        "order": None,
        "merchant_order": views.merchant_order(latest, acct) if latest else None,
    }
    if order is not None:
        draft = order.draft
        body["order"] = {
            "id": order.id,
            "kind": order.kind,
            "external_reference": draft.external_reference,
            "title": draft.title,
            "description": draft.description,
            "total_amount": views.amount(draft.total_amount, site),
            "items": [
                {"title": i.title, "quantity": i.quantity, "unit_measure": i.unit_measure,
                 "unit_price": views.amount(i.unit_price, site), "total_amount": views.amount(i.total_amount, site)}
                for i in draft.items
            ],
        }
    return body


@routes.get("/sandbox/pos/{external_pos_id}")
async def pos_view(request: web.Request) -> web.Response:
    acct, pos = control_pos(request)
    return json_response(phone_view(request, acct, pos))


@routes.get("/sandbox/pos/{external_pos_id}/phone")
async def phone_link(request: web.Request) -> web.Response:
    acct, pos = control_pos(request)
    url = request.url.origin().join(URL(f"/sandbox/phone/{pos.external_id}")).with_query(code=acct.phone_code)
    return json_response({"url": str(url), "code": acct.phone_code})


@routes.post("/sandbox/pos/{external_pos_id}/scan")
async def scan(request: web.Request) -> web.Response:
    acct, pos = control_pos(request)
    chosen = order_choice(request, await read_json(request))
    if chosen is None:
        await ensure_order(request, acct, pos, scan=True)
    mo = context(request).state.scan(acct, pos, chosen)
    return json_response(views.merchant_order(mo, acct), status=201)


@routes.post("/sandbox/pos/{external_pos_id}/pay")
async def pay(request: web.Request) -> web.Response:
    acct, pos = control_pos(request)
    body = await read_json(request) or {}
    body = validation.require_object(body)
    amount = None
    if body.get("amount") is not None:
        amount = validation.money(body["amount"], acct.site, "invalid_amount", "amount")
    mo_id = body.get("merchant_order_id")
    if mo_id is not None and not validation.positive_int(mo_id):
        raise bad_request("invalid_merchant_order_id", "merchant_order_id must be an integer")
    status_detail = body.get("status_detail")
    if status_detail is not None and not validation.is_text(status_detail, max_length=64):
        raise bad_request("invalid_status_detail", "status_detail must be a short string")
    chosen = order_choice(request, body)
    if mo_id is None and chosen is None:
        await ensure_order(request, acct, pos)
    payment, mo = context(request).state.pay(
        acct, pos, status=body.get("status", "approved"), amount=amount,
        merchant_order_id=mo_id, status_detail=status_detail, in_store_order_id=chosen,
    )
    return json_response(
        {"payment": views.payment(payment, acct), "merchant_order": views.merchant_order(mo, acct)}, status=201
    )


@routes.post("/sandbox/pos/{external_pos_id}/expire")
async def expire(request: web.Request) -> web.Response:
    acct, pos = control_pos(request)
    chosen = order_choice(request, await read_json(request))
    expired = context(request).state.expire_order(pos, chosen)
    return json_response({"merchant_orders": [views.merchant_order(mo, acct) for mo in expired]})


@routes.get("/sandbox/phone/{external_pos_id}")
async def phone_page(request: web.Request) -> web.Response:
    html = resources.files(__package__).joinpath("phone.html").read_text(encoding="utf-8")
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})


# ---------------------------------------------------------------- QR images


def _render_qr(payload: str, kind: str, scale: int) -> bytes:
    out = io.BytesIO()
    segno.make(payload, error="m").save(out, kind=kind, scale=scale, border=4)
    return out.getvalue()


@routes.get("/sandbox/qr/{pos_id}/{name}")
async def qr_image(request: web.Request) -> web.Response:
    not_found = ApiError(404, "not_found", "QR not found")
    pos = context(request).state.pos.get(path_int(request, "pos_id", not_found))
    name = request.match_info["name"]
    if pos is None:
        raise not_found
    # The uuid in the file name is the only key: like MP's, the image URLs need no token.
    files = {
        f"{pos.uuid}.png": ("png", 8, "image/png"),
        f"template_{pos.uuid}.png": ("png", 16, "image/png"),
        f"template_{pos.uuid}.pdf": ("pdf", 8, "application/pdf"),
    }
    if name not in files:
        raise not_found
    kind, scale, content_type = files[name]
    data = await asyncio.to_thread(_render_qr, pos.qr_code, kind, scale)
    return web.Response(body=data, content_type=content_type)


# ---------------------------------------------------------------- faults, settings, accounts, clock


@routes.put("/sandbox/faults")
async def put_faults(request: web.Request) -> web.Response:
    state = context(request).state
    try:
        state.faults.set(await read_json(request))
    except InvalidFault as exc:
        raise bad_request("invalid_fault", str(exc)) from None
    return json_response(state.faults.to_json())


@routes.get("/sandbox/faults")
async def get_faults(request: web.Request) -> web.Response:
    return json_response(context(request).state.faults.to_json())


@routes.delete("/sandbox/faults")
async def delete_faults(request: web.Request) -> web.Response:
    context(request).state.faults.clear()
    return web.Response(status=204)


@routes.put("/sandbox/settings")
async def put_settings(request: web.Request) -> web.Response:
    settings = context(request).state.settings
    settings.update(validation.require_object(await read_json(request)))
    return json_response(vars(settings))


@routes.get("/sandbox/settings")
async def get_settings(request: web.Request) -> web.Response:
    return json_response(vars(context(request).state.settings))


@routes.post("/sandbox/token/revoke")
async def revoke_token(request: web.Request) -> web.Response:
    acct = context(request).state.authenticate(bearer(request))
    acct.revoked = True
    return json_response({"user_id": acct.id, "revoked": True})


@routes.post("/sandbox/token/renew")
async def renew_token(request: web.Request) -> web.Response:
    body = validation.require_object(await read_json(request))
    new = body.get("access_token")
    if not isinstance(new, str):
        raise bad_request("bad_request", "access_token must be a string")
    acct = context(request).state.renew_token(bearer(request) or "", new)
    return json_response({"user_id": acct.id, "renewed": True})


@routes.post("/sandbox/account/qr")
async def account_qr(request: web.Request) -> web.Response:
    acct = context(request).state.authenticate(bearer(request))
    body = validation.require_object(await read_json(request))
    if not isinstance(body.get("enabled"), bool):
        raise bad_request("bad_request", "enabled must be true or false")
    acct.qr_enabled = body["enabled"]
    return json_response({"user_id": acct.id, "qr_enabled": acct.qr_enabled})


@routes.post("/sandbox/account/url-domains")
async def account_url_domains(request: web.Request) -> web.Response:
    acct = context(request).state.authenticate(bearer(request))
    domains = validation.require_object(await read_json(request)).get("domains")
    if domains is not None and not (isinstance(domains, list) and all(isinstance(d, str) and d for d in domains)):
        raise bad_request("bad_request", "domains must be a list of host names, or null")
    acct.url_domains = None if domains is None else frozenset(d.lower().strip(".") for d in domains)
    return json_response({"user_id": acct.id, "url_domains": None if domains is None else sorted(acct.url_domains)})


@routes.post("/sandbox/clock/advance")
async def advance_clock(request: web.Request) -> web.Response:
    state = context(request).state
    body = validation.require_object(await read_json(request))
    seconds = body.get("seconds")
    if not validation.is_number(seconds) or seconds < 0:
        raise bad_request("bad_request", "seconds must be a number >= 0")
    state.clock.advance(float(seconds))
    state.tick()
    return json_response({"now": state.now().isoformat(timespec="milliseconds")})


@routes.get("/sandbox/state")
async def dump_state(request: web.Request) -> web.Response:
    ctx = context(request)
    return json_response(state_dump(ctx.state, ctx.base_url))


def state_dump(state: SandboxState, base_url: str) -> dict[str, Any]:
    """Every record in its MP shape, per account (keyed by user id; never by token)."""
    state.tick()
    accounts = []
    for acct in {a.id: a for a in state.accounts.values()}.values():  # a renewed token: one account, two keys
        mine = acct.id
        accounts.append({
            "user": views.user_me(acct),
            "qr_enabled": acct.qr_enabled,
            "revoked": acct.revoked,
            "stores": [views.store(s, acct) for s in state.stores.values() if s.owner == mine],
            "pos": [
                {**views.pos(p, acct, base_url),
                 "current_order": views.instore_order(p.order, acct) if p.order else None,
                 "dynamic_orders": [{"in_store_order_id": o.id, **views.instore_order(o, acct)}
                                    for o in state.dynamic_orders(p).values()]}
                for p in state.pos.values() if p.owner == mine
            ],
            "merchant_orders": [
                views.merchant_order(m, acct) for m in state.merchant_orders.values() if m.owner == mine
            ],
            "payments": [views.payment(p, acct) for p in state.payments.values() if p.owner == mine],
        })
    return {
        "now": state.now().isoformat(timespec="milliseconds"),
        "accounts": accounts,
        "deliveries": [dataclasses.asdict(d) for d in state.deliveries],
        "faults": state.faults.to_json(),
        "settings": vars(state.settings),
    }
