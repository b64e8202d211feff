"""The two classic searches, with the date ranges the till's reconciliation reads (point §B1, §B2).

`GET /v1/payments/search`: `{"paging": {total, offset, limit}, "results": [...]}`, filtered by
`external_reference`, `range` (date_created | date_last_updated | date_approved |
money_release_date; default date_created) between `begin_date` (default NOW-3MONTHS) and
`end_date` (default NOW), each `NOW`, `NOW-<n>DAYS`, `NOW-<n>MONTHS` or ISO-8601 with an
offset; ordered by `sort` (date_approved | date_created | date_last_updated | id |
money_release_date) and `criteria` (asc | desc). Bad dates are 400 code 1001, a bad sort 1003,
a bad criteria 1004. A payment has no separate release in the sandbox: its money is released
when it is approved (sandbox).

`GET /merchant_orders/search`: `{"elements", "next_offset", "total"}`, filtered by `status`,
`order_status`, `preference_id`, `external_reference`, `application_id`, `payer_id`,
`sponsor_id`, `site_id`, `marketplace`, `items` (an item id), and `date_created_from/_to`,
`last_updated_from/_to` (ISO-8601; a bad one is 400 `ds_search_query`). Both page by
`offset`/`limit` (limit at most 100, default 30).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from qrcashier.sandbox import views
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.errors import ApiError, payments_error
from qrcashier.sandbox.httputil import bearer, context, json_response, query_int
from qrcashier.sandbox.models import Payment

routes = web.RouteTableDef()

RELATIVE_RE = re.compile(r"^NOW(?:-(\d{1,4})(DAYS?|MONTHS?))?$")
RANGES = ("date_created", "date_last_updated", "date_approved", "money_release_date")
SORTS = ("date_approved", "date_created", "date_last_updated", "id", "money_release_date")
MO_TEXT_FILTERS = ("status", "order_status", "preference_id", "external_reference", "application_id",
                   "sponsor_id", "site_id", "marketplace")


def account(request: web.Request) -> Account:
    return context(request).state.authenticate(bearer(request))


def absolute_date(text: str) -> datetime | None:
    """ISO-8601 with an offset (`2025-12-09T00:00:00.000-03:00`, `...Z`), else None."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def search_date(text: str, now: datetime) -> datetime | None:
    """A payments-search date: `NOW`, `NOW-30DAYS`, `NOW-1MONTH(S)` or absolute; None if neither."""
    match = RELATIVE_RE.match(text.strip().upper())
    if match is None:
        return absolute_date(text)
    count, unit = int(match.group(1) or 0), match.group(2) or "DAYS"
    return now - (timedelta(days=count) if unit.startswith("DAY") else timedelta(days=30 * count))


def _payment_date(p: Payment, field: str) -> datetime | None:
    if field == "date_created":
        return p.date_created
    if field == "date_last_updated":
        return p.date_last_updated
    return p.date_approved  # date_approved and money_release_date (sandbox: released on approval)


@routes.get("/v1/payments/search")
async def search_payments(request: web.Request) -> web.Response:
    acct = account(request)
    state = context(request).state
    limit = query_int(request, "limit", 30, maximum=100)
    offset = query_int(request, "offset", 0)
    query, now = request.query, state.now()
    date_range = query.get("range") or "date_created"
    if date_range not in RANGES:
        raise payments_error(400, "bad_request", f"range is one of {', '.join(RANGES)}", 1)
    bounds = []
    for name, default in (("begin_date", "NOW-3MONTHS"), ("end_date", "NOW")):
        when = search_date(query.get(name) or default, now)
        if when is None:
            raise payments_error(400, "bad_request", "Date format must be yyyy-MM-dd'T'HH:mm:ss.SSSZ", 1001)
        bounds.append(when)
    sort, criteria = query.get("sort") or "date_created", query.get("criteria") or "asc"
    if sort not in SORTS:
        raise payments_error(400, "bad_request", "Invalid sort value", 1003)
    if criteria not in ("asc", "desc"):
        raise payments_error(400, "bad_request", "Invalid criteria value", 1004)
    found = [
        p for p in state.search_payments(acct, query.get("external_reference"))
        if (when := _payment_date(p, date_range)) is not None and bounds[0] <= when <= bounds[1]
    ]
    # Stable sorts: by id first, so equal dates keep the order of creation.
    found.sort(key=lambda p: p.id)
    if sort != "id":
        found.sort(key=lambda p: _payment_date(p, sort) or datetime.min.replace(tzinfo=now.tzinfo))
    if criteria == "desc":
        found.reverse()
    return json_response(views.paging([views.payment(p, acct) for p in found], limit, offset))


def _mo_matches(view: dict[str, Any], query: Any, dates: dict[str, datetime]) -> bool:
    for key in MO_TEXT_FILTERS:
        wanted = query.get(key)
        if wanted is not None and str(view.get(key)) != wanted:
            return False
    payer_id = query.get("payer_id")
    if payer_id is not None and str((view.get("payer") or {}).get("id")) != payer_id:
        return False
    items = query.get("items")
    if items is not None and not set(items.split(",")) & {str(i.get("id")) for i in view.get("items") or []}:
        return False
    for key, when in dates.items():
        field = "date_created" if key.startswith("date_created") else "last_updated"
        value = absolute_date(view[field])
        if value is None or (value < when if key.endswith("_from") else value > when):
            return False
    return True


@routes.get("/merchant_orders/search")
@routes.get("/merchant_orders")
async def search_merchant_orders(request: web.Request) -> web.Response:
    acct = account(request)
    state = context(request).state
    limit = query_int(request, "limit", 30, maximum=100, error="ds_search_query")
    offset = query_int(request, "offset", 0, error="ds_search_query")
    dates: dict[str, datetime] = {}
    for key in ("date_created_from", "date_created_to", "last_updated_from", "last_updated_to"):
        if request.query.get(key):
            when = absolute_date(request.query[key])
            if when is None:
                raise ApiError(400, "ds_search_query", f"{key} must be ISO-8601 with an offset")
            dates[key] = when
    found = [
        view for view in (views.merchant_order(mo, acct) for mo in state.search_merchant_orders(acct, {}))
        if _mo_matches(view, request.query, dates)
    ]
    page = found[offset : offset + limit]
    empty_as_null = not page and state.settings.search_empty_elements == "null"
    return json_response({
        "elements": None if empty_as_null else page, "next_offset": offset + len(page), "total": len(found),
    })
