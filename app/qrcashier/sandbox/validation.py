"""Request-body validation, with the `error` codes mercadopago-api.md lists for each endpoint.

Bodies arrive parsed with `parse_float=Decimal`, so a JSON number is an int or a Decimal
here; a float never appears. Each check raises `ApiError` (400) with the documented code.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from qrcashier.domain.money import InvalidAmount, Site, parse_amount, quantize
from qrcashier.sandbox.clock import parse_date
from qrcashier.sandbox.errors import bad_request, pos_error
from qrcashier.sandbox.geography import is_place
from qrcashier.sandbox.models import OrderDraft, OrderItem

ALNUM_RE = re.compile(r"^[A-Za-z0-9]+$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
HOUR_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def is_text(value: Any, *, max_length: int | None = None) -> bool:
    return isinstance(value, str) and bool(value.strip()) and (max_length is None or len(value) <= max_length)


def is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value


def money(value: Any, site: Site, error: str, what: str, *, allow_zero: bool = False) -> Decimal:
    """A JSON number valid as an amount on the site (its decimals, positive, capped)."""
    if not is_number(value):
        raise bad_request(error, f"{what} must be a number")
    try:
        return parse_amount(value, site, allow_zero=allow_zero)
    except InvalidAmount as exc:
        raise bad_request(error, f"{what} is invalid: {exc}") from None


def positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def optional_text(body: dict[str, Any], key: str, error: str, max_length: int) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > max_length:
        raise bad_request(error, f"{key} must be a string of at most {max_length} characters")
    return value


def require_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_request("bad_request", "The request body must be a JSON object")
    return body


# ---------------------------------------------------------------- instore orders (v2, dynamic QR)


def v2_order(body: Any, *, site: Site, collector_id: int, now: datetime) -> OrderDraft:
    """The body of `PUT .../orders` (v2) or `POST .../qrs` (dynamic QR)."""
    body = require_object(body)
    external_reference = body.get("external_reference")
    if not is_text(external_reference, max_length=256):
        raise bad_request("invalid_external_reference", "external_reference is required (at most 256 characters)")
    title = body.get("title")
    if not is_text(title, max_length=256):
        raise bad_request("invalid_title", "title is required (at most 256 characters)")
    description = optional_text(body, "description", "invalid_description", 256)
    notification_url = body.get("notification_url")
    if notification_url is not None and not (is_url(notification_url) and len(notification_url) <= 500):
        raise bad_request(
            "invalid_notification_url", "notification_url must be an http(s) URL of at most 500 characters"
        )
    expires_at = None
    if body.get("expiration_date") is not None:
        expires_at = parse_date(body["expiration_date"])
        if expires_at is None:
            raise bad_request(
                "invalid_expiration_date",
                "expiration_date must be ISO-8601 with an offset, e.g. 2023-08-22T16:34:56.559-04:00",
            )
        if expires_at <= now:
            raise bad_request("invalid_expiration_date", "expiration_date must be in the future")
    sponsor_id = None
    if body.get("sponsor") is not None:
        sponsor = body["sponsor"]
        sponsor_id = sponsor.get("id") if isinstance(sponsor, dict) else None
        if not positive_int(sponsor_id) or sponsor_id == collector_id:
            raise bad_request(
                "invalid_sponsor.id", "sponsor.id must be the user id of another account on the same site"
            )
    cash_out = body.get("cash_out")
    if cash_out is not None:
        if not isinstance(cash_out, dict):
            raise bad_request("invalid_cash_out.amount", "cash_out must be an object with an amount")
        money(cash_out.get("amount"), site, "invalid_cash_out.amount", "cash_out.amount", allow_zero=True)
    raw_items = body.get("items")
    # Cash-out-only orders (no items) need commercial enablement; the sandbox requires items.
    if not isinstance(raw_items, list) or not raw_items:
        raise bad_request("invalid_items", "items are required (cash out is required when order has no items)")
    items = [_v2_item(raw, site) for raw in raw_items]
    total = money(body.get("total_amount"), site, "invalid_total_amount", "total_amount")
    if total != sum((i.total_amount for i in items), Decimal(0)):
        raise bad_request("invalid_total_amount", "total_amount must equal the sum of items' total_amount")
    submitted = {
        key: body[key]
        for key in (
            "external_reference", "title", "description", "notification_url", "expiration_date",
            "total_amount", "items", "sponsor", "cash_out", "taxes",
        )
        if key in body
    }
    return OrderDraft(
        external_reference=external_reference,
        title=title,
        description=description,
        notification_url=notification_url,
        expires_at=expires_at,
        total_amount=total,
        items=items,
        sponsor_id=sponsor_id,
        submitted=submitted,
    )


def _v2_item(raw: Any, site: Site) -> OrderItem:
    if not isinstance(raw, dict):
        raise bad_request("invalid_items", "each item must be an object")
    title = raw.get("title")
    if not is_text(title, max_length=256):
        raise bad_request("invalid_items.title", "items.title is required")
    unit_measure = raw.get("unit_measure")
    if not is_text(unit_measure, max_length=64):
        raise bad_request("invalid_items.unit_measure", "items.unit_measure is required, e.g. \"unit\"")
    quantity = raw.get("quantity")
    if not positive_int(quantity):
        raise bad_request("invalid_items.quantity", "items.quantity must be an integer greater than zero")
    if is_number(raw.get("unit_price")) and raw["unit_price"] <= 0:
        # Mercado Pago takes no negative (discount) or free items: a discount goes into the prices
        raise bad_request("invalid_items.unit_price", "items.unit_price must be greater than zero")
    unit_price = money(raw.get("unit_price"), site, "invalid_items.unit_price", "items.unit_price")
    line_total = money(raw.get("total_amount"), site, "invalid_items.total_amount", "items.total_amount")
    if line_total != quantize(unit_price * quantity, site):
        raise bad_request("invalid_items.total_amount", "items.total_amount must equal unit_price times quantity")
    if raw.get("currency_id") is not None and raw["currency_id"] != site.currency:
        raise bad_request("invalid_items.currency_id", f"items.currency_id must be {site.currency}")
    extras = {}
    for key in ("description", "sku_number", "category"):
        extras[key] = optional_text(raw, key, f"invalid_items.{key}", 256)
    return OrderItem(
        title=title,
        unit_price=unit_price,
        quantity=quantity,
        total_amount=line_total,
        unit_measure=unit_measure,
        **extras,
    )


# ---------------------------------------------------------------- legacy v1


def v1_order(body: Any, *, site: Site, collector_id: int, expires_at: datetime) -> OrderDraft:
    """The body of `POST /mpmobile/instore/qr/{user_id}/{external_id}` (§1.4)."""
    body = require_object(body)
    external_reference = body.get("external_reference")
    if external_reference is not None and not isinstance(external_reference, str):
        raise bad_request("invalid_preference_body", "external_reference must be a string")
    notification_url = body.get("notification_url")
    if notification_url is not None and not is_url(notification_url):
        raise bad_request("invalid_preference_body", "notification_url must be an http(s) URL")
    sponsor_id = body.get("sponsor_id")
    if sponsor_id is not None and (not positive_int(sponsor_id) or sponsor_id == collector_id):
        raise bad_request(
            "invalid_sponsor_id", "sponsor_id must be the user id of another active account on the same site"
        )
    raw_items = body.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise bad_request("invalid_items", "items are required")
    items = []
    for raw in raw_items:
        if not isinstance(raw, dict) or not is_text(raw.get("title")):
            raise bad_request("invalid_items", "each item needs a title")
        if raw.get("currency_id") != site.currency:
            raise bad_request("invalid_items", f"currency_id is required and must be {site.currency}")
        if not positive_int(raw.get("quantity")):
            raise bad_request("invalid_items", "quantity must be an integer greater than zero")
        unit_price = money(raw.get("unit_price"), site, "invalid_items", "unit_price")
        items.append(
            OrderItem(
                title=raw["title"],
                unit_price=unit_price,
                quantity=raw["quantity"],
                total_amount=quantize(unit_price * raw["quantity"], site),
                description=raw.get("description") if isinstance(raw.get("description"), str) else None,
                id=str(raw["id"]) if raw.get("id") is not None else None,
                picture_url=raw.get("picture_url") if isinstance(raw.get("picture_url"), str) else None,
            )
        )
    total = sum((i.total_amount for i in items), Decimal(0))
    return OrderDraft(
        external_reference=external_reference or "",
        title=items[0].title,
        description=items[0].description,
        notification_url=notification_url,
        expires_at=expires_at,
        total_amount=total,
        items=items,
        sponsor_id=sponsor_id,
        submitted=dict(body),
    )


# ---------------------------------------------------------------- stores


def store_body(body: Any, site: Site, *, partial: bool) -> dict[str, Any]:
    """`POST /users/{id}/stores` (everything required) or its PUT (only what is sent)."""
    body = require_object(body)
    out: dict[str, Any] = {}
    if "name" in body or not partial:
        if not is_text(body.get("name"), max_length=100):
            raise bad_request("invalid_name", "name is required (at most 100 characters)")
        out["name"] = body["name"]
    if "external_id" in body or not partial:
        external_id = body.get("external_id")
        if not isinstance(external_id, str) or not ALNUM_RE.match(external_id) or len(external_id) > 60:
            raise bad_request("invalid_external_id", "external_id is required: at most 60 letters and digits")
        out["external_id"] = external_id
    if "location" in body or not partial:
        out["location"] = _location(body.get("location"), site)
    if body.get("business_hours") is not None:
        out["business_hours"] = _business_hours(body["business_hours"])
    return out


def _location(location: Any, site: Site) -> dict[str, Any]:
    if not isinstance(location, dict):
        raise bad_request("invalid_location", "location is required")
    for key in ("street_number", "street_name", "city_name", "state_name"):
        if not is_text(location.get(key)):
            raise bad_request("invalid_location", f"location.{key} is required and must be a string")
    for key, limit in (("latitude", 90), ("longitude", 180)):
        value = location.get(key)
        if not is_number(value) or abs(value) > limit:
            raise bad_request("invalid_location", f"location.{key} must be a number within ±{limit}")
    if not is_place(site.id, location["state_name"], location["city_name"]):
        raise bad_request("invalid_location", f"{location['city_name']}, {location['state_name']} is not a city of "
                          f"{site.id}'s location tree (sandbox/geography.py)")
    if location.get("reference") is not None and not isinstance(location["reference"], str):
        raise bad_request("invalid_location", "location.reference must be a string")
    return dict(location)


def _business_hours(hours: Any) -> dict[str, Any]:
    if not isinstance(hours, dict) or any(day not in WEEKDAYS for day in hours):
        raise bad_request("invalid_business_hours", "business_hours keys are monday … sunday")
    for day, intervals in hours.items():
        ok = isinstance(intervals, list) and len(intervals) <= 4 and all(
            isinstance(i, dict) and HOUR_RE.match(str(i.get("open"))) and HOUR_RE.match(str(i.get("close")))
            for i in intervals
        )
        if not ok:
            raise bad_request(
                "invalid_business_hours", f"business_hours.{day} must be up to four {{open, close}} HH:MM intervals"
            )
    return dict(hours)


# ---------------------------------------------------------------- POS

POS_FIELDS = ("name", "fixed_amount", "category", "store_id", "external_store_id", "external_id", "url")
POS_UPDATABLE = ("name", "fixed_amount", "category", "store_id", "external_store_id", "url")


def pos_body(body: Any, *, update: bool) -> dict[str, Any]:
    """Field checks of `POST /pos` / `PUT /pos/{id}`; store lookups are the state's job."""
    if body is None or body == {}:
        raise pos_error("MISSING_BODY", "The request body is missing", update=update)
    if not isinstance(body, dict):
        raise pos_error("MISSING_BODY", "The request body must be a JSON object", update=update)
    allowed = POS_UPDATABLE if update else POS_FIELDS
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise pos_error("UNKNOWN_FIELD_EXCEPTION", f"Unknown field(s): {', '.join(unknown)}", update=update)
    if "name" in body or not update:
        name = body.get("name")
        if not is_text(name):
            raise pos_error("INVALID_NAME", "name is required", update=update)
        if len(name) >= 45:
            raise pos_error("NAME_TOO_LONG", "name must be shorter than 45 characters", update=update)
    if "fixed_amount" in body and not isinstance(body["fixed_amount"], bool):
        raise pos_error("INVALID_FIXED_AMOUNT", "fixed_amount must be true or false", update=update)
    if body.get("category") is not None and not positive_int(body["category"]):
        raise pos_error("INVALID_CATEGORY", "category must be a numeric MCC", update=update)
    if "store_id" in body or not update:
        store_id = body.get("store_id")
        numeric = positive_int(store_id) or (isinstance(store_id, str) and store_id.isdigit())
        if not numeric:
            raise pos_error("INVALID_STORE_ID", "store_id is required and must be the numeric store id", update=update)
    if "external_store_id" in body or not update:
        if not is_text(body.get("external_store_id")):
            raise pos_error("INVALID_EXTERNAL_STORE_ID", "external_store_id is required", update=update)
    if not update:
        external_id = body.get("external_id")
        if not isinstance(external_id, str) or not ALNUM_RE.match(external_id):
            raise pos_error(
                "INVALID_EXTERNAL_ID", "external_id is required: letters and digits only, no spaces or hyphens"
            )
        if len(external_id) >= 40:
            raise pos_error("EXTERNAL_ID_TOO_LONG", "external_id must be shorter than 40 characters")
    if body.get("url") is not None:
        if not is_url(body["url"]):
            raise pos_error("INVALID_URL", "url must be an http(s) URL", update=update)
        if len(body["url"]) >= 300:
            raise pos_error("URL_TOO_LONG", "url must be shorter than 300 characters", update=update)
    return dict(body)
