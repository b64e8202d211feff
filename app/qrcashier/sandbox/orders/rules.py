"""What an Orders API request may carry (api §2.1, §2.4), checked before the book changes."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from qrcashier.domain.money import MAX_AMOUNT, Site, to_json_string
from qrcashier.domain.sale import REFERENCE_RE
from qrcashier.mercadopago.orders import MAX_EXPIRATION, MIN_EXPIRATION, parse_duration
from qrcashier.mercadopago.vocabulary import QR_MODES
from qrcashier.sandbox.orders.errors import OrdersError

DEFAULT_EXPIRATION = "PT15M"
ALLOWED_FIELDS = {
    "type", "total_amount", "description", "external_reference", "expiration_time", "marketplace_fee",
    "integration_data", "config", "transactions", "taxes", "items", "discounts", "processing_mode",
}
ITEM_FIELDS = {"title", "unit_price", "quantity", "unit_measure", "external_code", "external_categories"}
ORDER_ID_RE = re.compile(r"^ORD(TST)?[0-9A-HJKMNP-TV-Z]{26}$")
EVENT_STATUSES = ("processed", "failed", "canceled", "expired", "refunded", "action_required")


@dataclass(frozen=True)
class OrderRequest:
    """A create request that passed the rules."""

    total: Decimal
    reference: str
    description: str | None
    expiration: str
    lifetime: timedelta
    mode: str
    items: list[dict[str, Any]]
    external_pos_id: Any


def lifetime_of(text: Any) -> timedelta | None:
    """An `expiration_time` as a duration, or None when it is not one."""
    try:
        return parse_duration(text) if isinstance(text, str) else None
    except ValueError:
        return None


def amount_text(value: Any, site: Site, what: str, code: str = "property_type") -> Decimal:
    """A positive decimal string in the site's unit (whole units for CLP/COP)."""
    pattern = r"^\d+$" if site.decimals == 0 else rf"^\d+(\.\d{{1,{site.decimals}}})?$"
    if not isinstance(value, str) or not re.match(pattern, value):
        raise OrdersError(400, code, f"{what} must be a decimal string in {site.currency}", f"{what}: {value!r}")
    try:
        amount = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already says it is a number
        raise OrdersError(400, code, f"{what} is not a number") from None
    if amount <= 0 or amount > MAX_AMOUNT:
        raise OrdersError(400, code, f"{what} must be positive and at most {MAX_AMOUNT}")
    return amount


def text_field(value: Any, path: str, max_length: int, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise OrdersError(400, "required_properties", "Missing properties", f"missing properties: '{path}'")
        return None
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > max_length:
        raise OrdersError(400, "property_type", f"{path} must be a string of at most {max_length} characters", path)
    return value


def fingerprint(method: str, path: str, raw: bytes) -> str:
    """The request as idempotency compares it: method, path and the JSON body (key order free)."""
    text = raw.decode("utf-8", "replace").strip()
    if text:
        try:
            text = json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
        except ValueError:
            pass
    return hashlib.sha256(f"{method} {path}\n{text}".encode()).hexdigest()


def parse_json(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise OrdersError(400, "json_syntax_error", "The request body is not valid JSON") from None


def check_order_id(order_id: str) -> None:
    if not ORDER_ID_RE.match(order_id):
        raise OrdersError(400, "invalid_path_param", f"{order_id!r} is not an order id", "id")


def parse_create(body: Any, site: Site, account_id: int) -> OrderRequest:
    """The body of `POST /v1/orders` for a QR order, or the Orders API's 4xx."""
    if not isinstance(body, dict):
        raise OrdersError(400, "json_syntax_error", "The body must be a JSON object")
    unknown = sorted(set(body) - ALLOWED_FIELDS)
    if unknown:
        raise OrdersError(
            400, "unsupported_properties", f"additionalProperties '$.{unknown[0]}' not allowed",
            *(f"additionalProperties '$.{k}' not allowed" for k in unknown),
        )
    missing = [k for k in ("type", "total_amount", "external_reference", "config", "transactions") if k not in body]
    if missing:
        raise OrdersError(400, "required_properties", "Missing properties",
                          *(f"missing properties: '$.{k}'" for k in missing))
    if body["type"] != "qr":
        raise OrdersError(400, "property_type", "type must be \"qr\" here", "$.type")
    total = amount_text(body["total_amount"], site, "$.total_amount")
    reference = body["external_reference"]
    if not isinstance(reference, str) or not REFERENCE_RE.match(reference):
        raise OrdersError(400, "property_type", "external_reference is 1 to 64 characters of [A-Za-z0-9_-]",
                          "$.external_reference")
    description = text_field(body.get("description"), "$.description", 150)
    expiration = body.get("expiration_time", DEFAULT_EXPIRATION)
    lifetime = lifetime_of(expiration)
    if lifetime is None or not MIN_EXPIRATION <= lifetime <= MAX_EXPIRATION:
        raise OrdersError(400, "property_type", "expiration_time is an ISO-8601 duration from PT30S to PT3600H",
                          "$.expiration_time")
    if "marketplace_fee" in body:
        raise OrdersError(404, "marketplace_fee_not_allowed", "marketplace_fee needs a marketplace integration")
    integration = body.get("integration_data")
    if integration is not None:
        sponsor = integration.get("sponsor") if isinstance(integration, dict) else None
        if isinstance(sponsor, dict) and str(sponsor.get("id")) == str(account_id):
            raise OrdersError(400, "sponsor_id_not_valid", "The sponsor must be another account")
    config = body["config"]
    qr = config.get("qr") if isinstance(config, dict) else None
    if not isinstance(qr, dict) or "external_pos_id" not in qr:
        raise OrdersError(400, "required_properties", "Missing properties",
                          "missing properties: '$.config.qr.external_pos_id'")
    mode = qr.get("mode", "static")
    if mode not in QR_MODES:
        raise OrdersError(400, "property_type", f"config.qr.mode is one of {', '.join(QR_MODES)}", "$.config.qr.mode")
    payments = body["transactions"].get("payments") if isinstance(body["transactions"], dict) else None
    if not isinstance(payments, list) or len(payments) != 1 or not isinstance(payments[0], dict):
        raise OrdersError(400, "required_properties", "Missing properties",
                          "transactions.payments must hold exactly one payment")
    if "amount" not in payments[0]:
        raise OrdersError(400, "required_properties", "Missing properties",
                          "missing properties: '$.transactions.payments[0].amount'")
    paying = amount_text(payments[0]["amount"], site, "$.transactions.payments[0].amount")
    if paying != total:
        raise OrdersError(400, "invalid_total_amount", "total_amount must equal the sum of the payments")
    items = parse_items(body.get("items"), site)
    return OrderRequest(total, reference, description, expiration, lifetime, mode, items, qr["external_pos_id"])


def parse_items(raw: Any, site: Site) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 10:
        raise OrdersError(400, "property_type", "items is a list of at most 10", "$.items")
    items = []
    for n, item in enumerate(raw):
        where = f"$.items[{n}]"
        if not isinstance(item, dict):
            raise OrdersError(400, "property_type", f"{where} must be an object", where)
        unknown = sorted(set(item) - ITEM_FIELDS)
        if unknown:
            raise OrdersError(400, "unsupported_properties", f"additionalProperties '{where}.{unknown[0]}' not allowed")
        missing = [k for k in ("title", "unit_price", "quantity", "unit_measure") if k not in item]
        if missing:
            raise OrdersError(400, "required_properties", "Missing properties",
                              *(f"missing properties: '{where}.{k}'" for k in missing))
        text_field(item["title"], f"{where}.title", 150, required=True)
        text_field(item["unit_measure"], f"{where}.unit_measure", 10, required=True)
        text_field(item.get("external_code"), f"{where}.external_code", 30)
        unit_price = amount_text(item["unit_price"], site, f"{where}.unit_price")
        quantity = item["quantity"]
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            raise OrdersError(400, "property_type", f"{where}.quantity must be a whole number >= 1")
        items.append({**item, "unit_price": to_json_string(unit_price, site)})
    return items


def refund_amount(body: Any, site: Site, payment_tx_id: str, *, partial_refunds: bool) -> Decimal | None:
    """The amount of `POST /v1/orders/{id}/refund`: None (no body) refunds in full."""
    if body in (None, {}):
        return None
    if not isinstance(body, dict) or set(body) - {"transactions"}:
        raise OrdersError(400, "unsupported_properties", "A refund body carries only transactions")
    if not partial_refunds:
        raise OrdersError(400, "unsupported_properties", "additionalProperties '$.transactions' not allowed",
                          "partial refunds are not available for QR orders on this account")
    txs = body["transactions"]
    if not isinstance(txs, list) or len(txs) != 1 or not isinstance(txs[0], dict) or set(txs[0]) != {"id", "amount"}:
        raise OrdersError(400, "property_type", "transactions is [{\"id\": \"PAY…\", \"amount\": \"…\"}]")
    if txs[0]["id"] != payment_tx_id:
        raise OrdersError(400, "property_type", f"{txs[0]['id']!r} is not this order's payment", "$.transactions[0].id")
    return amount_text(txs[0]["amount"], site, "$.transactions[0].amount")


def failure_detail(detail: str | None) -> str:
    """A rejected payment's detail as the order's transaction shows it."""
    return detail if detail and not detail.startswith("cc_rejected") else "rejected_by_issuer"
