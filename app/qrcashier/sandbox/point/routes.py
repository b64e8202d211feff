"""Point routes: the terminals list and setup (Mercado Pago's paths), the Point side of the
`/v1/orders` routes (called by `sandbox.orders.routes` for `type: "point"` and ORD ids it
does not hold), and the control API + terminal page that play the terminal.

    GET  /sandbox/point/terminals                          the account's terminals and their live order
    POST /sandbox/point/terminals/{id}/{action}            show | insert_card | approve | reject | cancel |
                                                           action_required | expire | offline | online
    GET  /sandbox/point/terminal/{id}?code=PHONE_CODE      the terminal page (a browser plays the terminal)
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from aiohttp import web

from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.control import control_account
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.httputil import context, json_response, read_json
from qrcashier.sandbox.orders.errors import OrdersError
from qrcashier.sandbox.orders.rules import amount_text
from qrcashier.sandbox.point.book import REJECT_DETAILS, PointBook, PointOrder, install, order_view, terminal_view

routes = web.RouteTableDef()
MAX_PAGE = 50
CANCEL_HEADER = "x-allow-cancelable-status"


def point_book(request: web.Request) -> PointBook:
    return install(context(request).state)


def owns(request: web.Request, order_id: str) -> bool:
    return point_book(request).owns(order_id)


# --- the Orders API's Point side (called from sandbox.orders.routes) ---------------------------

def create(request: web.Request, acct: Account, body: Any, *, test_ids: bool) -> tuple[int, Any]:
    book = point_book(request)
    return 201, order_view(book.create(acct, body, test_ids=test_ids), acct.site)


def view(request: web.Request, acct: Account, order_id: str) -> dict[str, Any]:
    return order_view(point_book(request).get(acct, order_id), acct.site)


def cancel(request: web.Request, acct: Account, order_id: str) -> tuple[int, Any]:
    book = point_book(request)
    order = book.get(acct, order_id)
    header = request.headers.get(CANCEL_HEADER, "").strip().lower() == "at_terminal"
    if book.cancel(order, at_terminal_header=header):
        return 200, order_view(order, acct.site)
    return 202, None


def refund(request: web.Request, acct: Account, order_id: str, body: Any) -> tuple[int, Any]:
    book = point_book(request)
    order = book.get(acct, order_id)
    amount = None
    if body not in (None, {}):
        txs = body.get("transactions") if isinstance(body, dict) and set(body) == {"transactions"} else None
        if not isinstance(txs, list) or len(txs) != 1 or not isinstance(txs[0], dict) \
                or set(txs[0]) != {"id", "amount"}:
            raise OrdersError(400, "unsupported_properties", "A refund body is {\"transactions\": [{id, amount}]}")
        if txs[0]["id"] != order.payment_tx_id:
            raise OrdersError(404, "transaction_not_found", f"{txs[0]['id']!r} is not this order's payment")
        amount = amount_text(txs[0]["amount"], acct.site, "$.transactions[0].amount")
    new = book.refund(order, amount)
    answer = order_view(order, acct.site)
    for r in answer["transactions"].get("refunds", []):
        r["status"] = "processing" if r["id"] == new.id else r["status"]
    new.status = "processed"  # the next read shows it finished
    return 201, {"id": order.id, "status": answer["status"], "status_detail": answer["status_detail"],
                 "transactions": {"refunds": answer["transactions"]["refunds"]}}


def simulate(request: web.Request, acct: Account, order_id: str, body: Any) -> None:
    book = point_book(request)
    book.simulate(acct, book.get(acct, order_id), body)


# --- terminals -------------------------------------------------------------------------------

def _account(request: web.Request) -> Account:
    from qrcashier.sandbox.orders.routes import account  # the Orders API's auth and envelope

    return account(request)


@routes.get("/terminals/v1/list")
async def list_terminals(request: web.Request) -> web.Response:
    acct = _account(request)
    try:
        limit = min(int(request.query.get("limit", MAX_PAGE)), MAX_PAGE)  # more is clamped, as observed
        offset = int(request.query.get("offset", 0))
    except ValueError:
        raise OrdersError(400, "bad_request", "limit and offset are whole numbers") from None
    if limit < 1 or offset < 0:
        raise OrdersError(400, "bad_request", "limit is 1 to 50 and offset 0 or more")
    store_id, pos_id = request.query.get("store_id"), request.query.get("pos_id")
    found = [t for t in point_book(request).terminals_of(acct)
             if (store_id is None or t.store_id == store_id) and (pos_id is None or str(t.pos_id) == pos_id)]
    return json_response({"data": {"terminals": [terminal_view(t) for t in found[offset:offset + limit]]},
                          "paging": {"total": len(found), "limit": limit, "offset": offset}})


@routes.patch("/terminals/v1/setup")
async def setup_terminals(request: web.Request) -> web.Response:
    acct = _account(request)
    if acct.site.id not in ("MLA", "MLB", "MLC", "MLM"):
        raise OrdersError(400, "unsupported_site", "Point is available in AR, BR, CL and MX")
    body = await read_json(request)
    rows = body.get("terminals") if isinstance(body, dict) else None
    if not isinstance(rows, list) or not rows:
        raise OrdersError(400, "required_properties", "Missing properties", "missing properties: '$.terminals'")
    done = []
    for row in rows:
        if not isinstance(row, dict) or set(row) - {"id", "operating_mode"} or "id" not in row:
            raise OrdersError(400, "invalid_payload", "each terminal is {id, operating_mode}")
        if row.get("operating_mode") not in ("PDV", "STANDALONE"):
            raise OrdersError(400, "property_value", "operating_mode is PDV or STANDALONE")
        terminal = point_book(request).set_mode(acct, str(row["id"]), row["operating_mode"])
        done.append({"id": terminal.id, "operating_mode": terminal.operating_mode})
    return json_response({"terminals": done})


# --- the control API and the terminal page -------------------------------------------------------

def _live(book: PointBook, acct: Account, terminal_id: str) -> PointOrder:
    order = book.live_on(acct, terminal_id)
    if order is None:
        raise ApiError(409, "no_order", f"Terminal {terminal_id} has no order waiting")
    return order


@routes.get("/sandbox/point/terminals")
async def control_terminals(request: web.Request) -> web.Response:
    acct = control_account(request)
    book = point_book(request)
    rows = []
    for t in book.terminals_of(acct):
        live = book.live_on(acct, t.id)
        latest = max((o for o in book.orders.values() if o.owner == acct.id and o.terminal_id == t.id),
                     key=lambda o: o.created_date, default=None)
        rows.append({**terminal_view(t), "online": t.online,
                     "order": None if live is None else order_view(live, acct.site),
                     "last_order": None if latest is None else order_view(latest, acct.site),
                     "currency": acct.site.currency})
    return json_response({"terminals": rows, "reject_details": list(REJECT_DETAILS)})


@routes.post("/sandbox/point/terminals/{terminal_id}/{action}")
async def control_action(request: web.Request) -> web.Response:
    acct = control_account(request)
    book = point_book(request)
    terminal_id, action = request.match_info["terminal_id"], request.match_info["action"]
    terminal = book.terminal(acct, terminal_id)
    if terminal is None:
        raise ApiError(404, "not_found", f"Terminal {terminal_id} not found")
    body = await read_json(request) or {}
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the body is a JSON object")
    if action in ("offline", "online"):
        terminal.online = action == "online"
        return json_response({**terminal_view(terminal), "online": terminal.online})
    order = _live(book, acct, terminal_id)
    if action == "show":
        book.show(order)
    elif action == "insert_card":
        book.insert_card(order)
    elif action == "approve":
        installments = body.get("installments", 1)
        last_four = str(body.get("last_four", "0604"))
        if not isinstance(installments, int) or not 1 <= installments <= 24 or not (
                len(last_four) == 4 and last_four.isdigit()):
            raise ApiError(400, "bad_request", "installments is 1 to 24 and last_four four digits")
        book.approve(order, brand=str(body.get("brand", "master")), card_type=str(body.get("type", "credit_card")),
                     installments=installments, last_four=last_four)
    elif action == "reject":
        detail = body.get("status_detail", "insufficient_amount")
        if detail not in REJECT_DETAILS:
            raise ApiError(400, "bad_request", f"status_detail is one of {', '.join(REJECT_DETAILS)}")
        book.reject(order, detail)
    elif action == "cancel":
        book.cancel_on_terminal(order)
    elif action == "action_required":
        book.action_required(order)
    elif action == "expire":
        book.expire(order)
    else:
        raise ApiError(404, "not_found", f"unknown terminal action {action!r}")
    return json_response(order_view(order, acct.site))


@routes.get("/sandbox/point/terminal/{terminal_id}")
async def terminal_page(request: web.Request) -> web.Response:
    html = resources.files(__package__).joinpath("terminal.html").read_text(encoding="utf-8")
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})
