"""The Orders API for QR (`/v1/orders`) in the sandbox, with `order.*` webhooks (api §2, §7.2, §8.2).

Routes (Mercado Pago's; errors in the Orders envelope `{"errors": [{code, message, details}]}`):

    POST /v1/orders                 201 the order (X-Idempotency-Key required)
    GET  /v1/orders/{id}            200 the order
    POST /v1/orders/{id}/cancel     200 the canceled order (key required; only while `created`)
    POST /v1/orders/{id}/refund     201 {id, status, status_detail, transactions.refunds} (key required;
                                    only once `processed`; no body = in full)
    POST /v1/orders/{id}/events     204: simulate processed|failed|canceled|expired|refunded|action_required (§2.7)

Control routes (the sandbox's own, per account by bearer token):

    PUT|GET|DELETE /sandbox/webhooks     {"url": ...} -> {"url", "secret", "deliveries"}: where order.*
                                         webhooks go, and the secret that signs them
    GET  /sandbox/orders                 the account's Orders API orders
    PUT|GET /sandbox/orders/settings     {"partial_refunds": true|false} (server-wide)

How it behaves (decisions where the sources are silent are marked "sandbox"):

- Idempotency (§8.2): per account and key, the first successful answer is kept 24 hours
  with a fingerprint of the method, path and JSON body. The same request again gets that
  answer (same status, same body); another request under the key gets 409
  `idempotency_key_already_used`; no key gets 400 `empty_required_header`. Refusals are not
  kept (sandbox), so a corrected request may reuse its key.
- Ids: `ORD` + a 26-character ULID (`ORDTST` + ULID for `TEST-` tokens), `PAY…`, `REF…`.
  Amounts are strings in the site's unit; `user_id` is a string; dates are UTC with "Z".
- The order goes on its POS like any in-store order, so the control API's scan, pay and
  expire, the phone page and the expiry sweep work on it. A scan makes a merchant_order
  underneath (§3.3); the payment is a classic `/v1/payments` one whose
  `point_of_interaction.references` names the order, and whose id is the transaction's
  `reference_id`.
- Statuses: created → processed/accredited (paid in full) | expired | canceled | failed;
  processed → refunded (in full) or processed/partially_refunded. A rejected payment leaves
  the order `created` with its transaction `failed` (sandbox: the payer may try again, as in
  the app); a partial payment is refused (sandbox: a QR order is paid in full); a second
  payment, or one after the order was canceled or expired, is refused.
- Refunds go through the payment's refunds underneath (so `/v1/payments/{id}/refunds` shows
  them); the 201 shows the new refund `processing`, a later GET shows it `processed`.
  Partial refunds take `{"transactions": [{"id": "PAY…", "amount": "…"}]}`; with
  `partial_refunds` off they get 400 `unsupported_properties`.
- Webhooks: every change (`order.processed`, `.canceled`, `.expired`, `.refunded`,
  `.failed`, `.action_required`) is POSTed to the account's webhook URL as
  `?data.id=<id>&type=order` with `x-signature` (ts in seconds, HMAC-SHA256 over the
  manifest with the id lower-cased) and `x-request-id`, retried on the IPN schedule. The
  secret is per account, stable across restarts (derived from the token's hash).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import secrets
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import aiohttp
from aiohttp import web
from yarl import URL

from qrcashier.domain.money import MAX_AMOUNT, Site, to_json_string
from qrcashier.notifications.signature import signature_header
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.clock import utc_date
from qrcashier.sandbox.errors import ApiError
from qrcashier.sandbox.httputil import bearer, context, json_response
from qrcashier.sandbox.models import MerchantOrder, OrderDraft, OrderItem, Payment, Pos, PosOrder, Refund
from qrcashier.sandbox.state import SandboxState
from qrcashier.sandbox.validation import is_url

log = logging.getLogger("qrcashier.sandbox.orders")

routes = web.RouteTableDef()

IDEMPOTENCY_TTL = timedelta(hours=24)
DEFAULT_EXPIRATION = "PT15M"
MIN_EXPIRATION, MAX_EXPIRATION = timedelta(seconds=30), timedelta(hours=3600)
MODES = ("static", "dynamic", "hybrid")
ALLOWED_FIELDS = {
    "type", "total_amount", "description", "external_reference", "expiration_time", "marketplace_fee",
    "integration_data", "config", "transactions", "taxes", "items", "discounts", "processing_mode",
}
ITEM_FIELDS = {"title", "unit_price", "quantity", "unit_measure", "external_code", "external_categories"}
REFERENCE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
ORDER_ID_RE = re.compile(r"^ORD(TST)?[0-9A-HJKMNP-TV-Z]{26}$")
DURATION_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
EVENT_STATUSES = ("processed", "failed", "canceled", "expired", "refunded", "action_required")


# ---------------------------------------------------------------- errors


class OrdersError(ApiError):
    """An error in the Orders API's envelope."""

    def __init__(self, status: int, code: str, message: str, *details: str) -> None:
        super().__init__(status, code, message)
        self.details = list(details)

    def body(self) -> dict[str, Any]:
        return {"errors": [{"code": self.error, "message": self.message, "details": self.details}]}


def _as_orders_error(exc: ApiError) -> OrdersError:
    if isinstance(exc, OrdersError):
        return exc
    code = {401: "unauthorized"}.get(exc.status, exc.error)
    return OrdersError(exc.status, code, exc.message)


# ---------------------------------------------------------------- records


@dataclass
class RefundTx:
    id: str
    transaction_id: str
    refund_id: int  # the classic refund underneath
    amount: Decimal
    status: str = "processed"


@dataclass
class QrOrder:
    id: str
    owner: int
    pos_id: int
    pos_order_id: str  # the PosOrder the order sits on its POS as
    external_reference: str
    description: str | None
    total_amount: Decimal
    expiration_time: str
    expires_at: datetime
    mode: str
    items: list[dict[str, Any]]
    payment_tx_id: str
    created_date: datetime
    last_updated_date: datetime
    application_id: str
    live_mode: bool
    qr_data: str | None = None
    status: str = "created"
    status_detail: str = "created"
    tx_status: str = "created"
    tx_status_detail: str = "ready_to_process"
    paid_amount: Decimal | None = None
    payment_id: int | None = None  # the classic payment (approved, or the last rejected one)
    refunds: list[RefundTx] = field(default_factory=list)
    version: int = 1

    @property
    def refunded(self) -> Decimal:
        return sum((r.amount for r in self.refunds), Decimal(0))


@dataclass
class StoredAnswer:
    fingerprint: str
    status: int
    body: Any
    expires_at: datetime


@dataclass
class WebhookConfig:
    url: str | None
    secret: str


@dataclass
class WebhookDelivery:
    id: int
    owner: int
    url: str
    action: str
    order_id: str
    request_id: str
    attempts: list[dict[str, Any]] = field(default_factory=list)
    delivered: bool = False
    gave_up: bool = False


# ---------------------------------------------------------------- helpers


def new_ulid(now: datetime) -> str:
    """26 Crockford base-32 characters: 48 bits of milliseconds, 80 random bits."""
    value = ((int(now.timestamp() * 1000) & ((1 << 48) - 1)) << 80) | secrets.randbits(80)
    return "".join(CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(26)))


def parse_duration(text: Any) -> timedelta | None:
    if not isinstance(text, str):
        return None
    match = DURATION_RE.match(text)
    if not match or text in ("P", "PT"):
        return None
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


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


def _text(value: Any, path: str, max_length: int, *, required: bool = False) -> str | None:
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


# ---------------------------------------------------------------- the book of orders


class OrdersApi:
    """The Orders API's records and rules, an extension of the sandbox state.

    `SandboxState` calls it on its own events (`tick`, `check_payment`, `payment_made`,
    `order_expired`, `payment_refunded`); it calls the state for the POS, the scans,
    payments and refunds underneath."""

    def __init__(
        self,
        state: SandboxState,
        session: aiohttp.ClientSession | None = None,
        *,
        retry_delays: Sequence[float] = (30.0, 300.0, 1800.0),
        timeout: float = 5.0,
    ) -> None:
        self.state = state
        self.orders: dict[str, QrOrder] = {}
        self.by_pos_order: dict[str, str] = {}
        self.answers: dict[tuple[int, str], StoredAnswer] = {}
        self.webhooks: dict[int, WebhookConfig] = {}
        self.deliveries: list[WebhookDelivery] = []
        self.partial_refunds = True
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self._session = session
        self._own_session = False
        self._tasks: set[asyncio.Task[None]] = set()

    # --- lookups --------------------------------------------------------------------------

    def get(self, account: Account, order_id: str) -> QrOrder:
        if not ORDER_ID_RE.match(order_id):
            raise OrdersError(400, "invalid_path_param", f"{order_id!r} is not an order id", "id")
        self.state.tick()
        order = self.orders.get(order_id)
        if order is None or order.owner != account.id:
            raise OrdersError(404, "order_not_found", f"Order {order_id} not found")
        return order

    def _of_pos_order(self, pos_order_id: str | None) -> QrOrder | None:
        order_id = self.by_pos_order.get(pos_order_id or "")
        return self.orders.get(order_id) if order_id else None

    def _pos(self, order: QrOrder) -> Pos | None:
        return self.state.pos.get(order.pos_id)

    def _on_its_pos(self, order: QrOrder) -> Pos | None:
        pos = self._pos(order)
        return pos if pos is not None and pos.order is not None and pos.order.id == order.pos_order_id else None

    # --- idempotency ----------------------------------------------------------------------

    def replay(self, account: Account, key: str, print_: str) -> StoredAnswer | None:
        now = self.state.now()
        for k in [k for k, v in self.answers.items() if v.expires_at <= now]:
            del self.answers[k]
        stored = self.answers.get((account.id, key))
        if stored is None:
            return None
        if stored.fingerprint != print_:
            raise OrdersError(
                409, "idempotency_key_already_used",
                "The idempotency key was already used with another request", "X-Idempotency-Key",
            )
        return stored

    def remember(self, account: Account, key: str, print_: str, status: int, body: Any) -> None:
        self.answers[(account.id, key)] = StoredAnswer(print_, status, body, self.state.now() + IDEMPOTENCY_TTL)

    # --- create -----------------------------------------------------------------------------

    def create(self, account: Account, body: Any, *, test_ids: bool) -> QrOrder:
        site = account.site
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
        description = _text(body.get("description"), "$.description", 150)
        expiration = body.get("expiration_time", DEFAULT_EXPIRATION)
        lifetime = parse_duration(expiration)
        if lifetime is None or not MIN_EXPIRATION <= lifetime <= MAX_EXPIRATION:
            raise OrdersError(400, "property_type", "expiration_time is an ISO-8601 duration from PT30S to PT3600H",
                              "$.expiration_time")
        if "marketplace_fee" in body:
            raise OrdersError(404, "marketplace_fee_not_allowed", "marketplace_fee needs a marketplace integration")
        integration = body.get("integration_data")
        if integration is not None:
            sponsor = integration.get("sponsor") if isinstance(integration, dict) else None
            if isinstance(sponsor, dict) and str(sponsor.get("id")) == str(account.id):
                raise OrdersError(400, "sponsor_id_not_valid", "The sponsor must be another account")
        config = body["config"]
        qr = config.get("qr") if isinstance(config, dict) else None
        if not isinstance(qr, dict) or "external_pos_id" not in qr:
            raise OrdersError(400, "required_properties", "Missing properties",
                              "missing properties: '$.config.qr.external_pos_id'")
        mode = qr.get("mode", "static")
        if mode not in MODES:
            raise OrdersError(400, "property_type", f"config.qr.mode is one of {', '.join(MODES)}", "$.config.qr.mode")
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
        items = self._items(body.get("items"), site)
        external_pos_id = qr["external_pos_id"]
        pos = next(
            (p for p in self.state.pos.values() if p.owner == account.id and p.external_id == external_pos_id), None
        )
        if pos is None:
            raise OrdersError(404, "pos_not_found", f"Point of sale {external_pos_id} not found")
        return self._place(account, pos, body, total, reference, description, expiration, lifetime, mode, items,
                           test_ids=test_ids)

    @staticmethod
    def _items(raw: Any, site: Site) -> list[dict[str, Any]]:
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
            _text(item["title"], f"{where}.title", 150, required=True)
            _text(item["unit_measure"], f"{where}.unit_measure", 10, required=True)
            _text(item.get("external_code"), f"{where}.external_code", 30)
            unit_price = amount_text(item["unit_price"], site, f"{where}.unit_price")
            quantity = item["quantity"]
            if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
                raise OrdersError(400, "property_type", f"{where}.quantity must be a whole number >= 1")
            items.append({**item, "unit_price": to_json_string(unit_price, site)})
        return items

    def _place(self, account, pos, body, total, reference, description, expiration, lifetime, mode, items,
               *, test_ids: bool) -> QrOrder:
        site, now = account.site, self.state.now()
        order_id = ("ORDTST" if test_ids else "ORD") + new_ulid(now)
        draft_items = [
            OrderItem(
                title=i["title"], unit_price=Decimal(i["unit_price"]), quantity=i["quantity"],
                total_amount=Decimal(i["unit_price"]) * i["quantity"], unit_measure=i["unit_measure"],
                sku_number=i.get("external_code"),
            )
            for i in items
        ]
        title = description or f"Order {reference}"
        draft = OrderDraft(
            external_reference=reference,
            title=title,
            total_amount=total,
            items=draft_items,
            submitted={
                "external_reference": reference, "title": title, "description": description,
                "total_amount": total,
                "items": [{"title": i.title, "unit_price": i.unit_price, "quantity": i.quantity,
                           "unit_measure": i.unit_measure, "total_amount": i.total_amount} for i in draft_items],
            },
            description=description,
            expires_at=now + lifetime,
        )
        pos_order = self.state.put_order(account, pos, draft, "orders")
        order = QrOrder(
            id=order_id,
            owner=account.id,
            pos_id=pos.id,
            pos_order_id=pos_order.id,
            external_reference=reference,
            description=description,
            total_amount=total,
            expiration_time=expiration,
            expires_at=now + lifetime,
            mode=mode,
            items=items,
            payment_tx_id="PAY" + new_ulid(now),
            created_date=now,
            last_updated_date=now,
            application_id=str(1_000_000_000_000_000 + account.id % 1_000_000_000),
            live_mode=not account.is_test,
        )
        if mode in ("dynamic", "hybrid"):
            order.qr_data = self.state.dynamic_qr_data(account, pos, pos_order)
        self.orders[order.id] = order
        self.by_pos_order[pos_order.id] = order.id
        return order

    # --- changes ----------------------------------------------------------------------------

    def _changed(self, order: QrOrder, action: str | None) -> None:
        order.last_updated_date = self.state.now()
        order.version += 1
        if action is not None:
            self._webhook(order, action)

    def _take_off_pos(self, order: QrOrder) -> None:
        pos = self._on_its_pos(order)
        if pos is not None:
            self.state.delete_order(pos)

    def cancel(self, order: QrOrder) -> QrOrder:
        if order.status == "canceled":
            raise OrdersError(409, "order_already_canceled", f"Order {order.id} is already canceled")
        if order.status != "created":
            raise OrdersError(409, "cannot_cancel_order", f"Order {order.id} is {order.status} and cannot be canceled")
        self._take_off_pos(order)
        self._close_scans(order)
        order.status, order.status_detail = "canceled", "canceled"
        order.tx_status, order.tx_status_detail = "canceled", "canceled_by_api"
        self._changed(order, "order.canceled")
        return order

    def _close_scans(self, order: QrOrder) -> None:
        """A canceled, failed or expired order cannot be paid: its open scans end (expired)."""
        for mo in self.state.merchant_orders.values():
            if mo.order_id == order.pos_order_id and mo.status == "opened":
                mo.status = "expired"
                mo.last_updated = self.state.now()

    def fail(self, order: QrOrder, detail: str) -> None:
        if order.status != "created":
            raise OrdersError(409, "cannot_fail_order", f"Order {order.id} is {order.status}")
        self._take_off_pos(order)
        self._close_scans(order)
        order.status, order.status_detail = "failed", detail
        order.tx_status, order.tx_status_detail = "failed", detail
        self._changed(order, "order.failed")

    def expire(self, order: QrOrder) -> None:
        pos = self._on_its_pos(order)
        if pos is not None:
            self.state.expire_order(pos)  # calls order_expired below
            return
        self._mark_expired(order)

    def _mark_expired(self, order: QrOrder) -> None:
        if order.status not in ("created", "action_required"):
            return
        self._close_scans(order)
        order.status, order.status_detail = "expired", "expired"
        order.tx_status, order.tx_status_detail = "expired", "expired"
        self._changed(order, "order.expired")

    def refund(self, account: Account, order: QrOrder, key: str, amount: Decimal | None) -> RefundTx:
        if order.status == "refunded":
            raise OrdersError(409, "order_already_refunded", f"Order {order.id} is already refunded")
        if order.status != "processed" or order.payment_id is None:
            raise OrdersError(409, "cannot_refund_order", f"Order {order.id} is {order.status} and cannot be refunded")
        remaining = (order.paid_amount or Decimal(0)) - order.refunded
        if amount is not None and amount > remaining:
            raise OrdersError(400, "invalid_refund_amount", f"At most {remaining} can be refunded")
        before = {r.refund_id for r in order.refunds}
        try:
            self.state.refund(account, order.payment_id, f"orders:{order.id}:{key}", amount)
        except ApiError as exc:
            # the payment's own refusal, in the Orders API's words (api §2.4: 409 cannot_refund_order)
            raise OrdersError(409 if exc.status < 500 else exc.status, "cannot_refund_order", exc.message) from None
        return next(r for r in order.refunds if r.refund_id not in before)  # added by payment_refunded

    def require_action(self, order: QrOrder, detail: str) -> None:
        if order.status != "created":
            raise OrdersError(409, "cannot_update_order", f"Order {order.id} is {order.status}")
        order.status, order.status_detail = "action_required", detail
        order.tx_status, order.tx_status_detail = "action_required", detail
        self._changed(order, "order.action_required")

    # --- hooks called by SandboxState ---------------------------------------------------------

    def tick(self, now: datetime) -> None:
        """Orders no longer on their POS (replaced) still expire on time."""
        for order in list(self.orders.values()):
            if order.status in ("created", "action_required") and order.expires_at <= now:
                if self._on_its_pos(order) is None:
                    self._mark_expired(order)

    def check_payment(self, mo: MerchantOrder, status: str, amount: Decimal) -> None:
        order = self._of_pos_order(mo.order_id)
        if order is None:
            return
        if order.status not in ("created", "action_required"):
            raise ApiError(409, "order_not_payable", f"Order {order.id} is {order.status}: it cannot be paid")
        if status == "approved" and amount != mo.remaining:
            raise ApiError(400, "invalid_amount", "An Orders API QR order is paid in full")

    def payment_made(self, account: Account, pos: Pos, payment: Payment, mo: MerchantOrder) -> None:
        order = self._of_pos_order(mo.order_id)
        if order is None:
            return
        payment.order_reference = order.id
        order.payment_id = payment.id
        if payment.status == "approved":
            order.paid_amount = payment.amount
            order.status, order.status_detail = "processed", "accredited"
            order.tx_status, order.tx_status_detail = "processed", "accredited"
            self._changed(order, "order.processed")
        else:
            # The payer may try again: the order stays payable, its transaction shows the failure.
            order.tx_status, order.tx_status_detail = "failed", _failure_detail(payment.status_detail)
            self._changed(order, None)

    def order_expired(self, pos_order: PosOrder) -> None:
        order = self._of_pos_order(pos_order.id)
        if order is not None:
            self._mark_expired(order)

    def payment_refunded(self, payment: Payment, refund: Refund) -> None:
        order = self.orders.get(getattr(payment, "order_reference", None) or "")
        if order is None or any(r.refund_id == refund.id for r in order.refunds):
            return
        order.refunds.append(RefundTx("REF" + new_ulid(self.state.now()), order.payment_tx_id, refund.id, refund.amount))
        if order.refunded >= (order.paid_amount or Decimal(0)):
            order.status, order.status_detail = "refunded", "refunded"
            order.tx_status, order.tx_status_detail = "refunded", "refunded"
        else:
            order.status_detail = order.tx_status_detail = "partially_refunded"
        self._changed(order, "order.refunded")

    # --- the JSON shapes ------------------------------------------------------------------------

    def view(self, order: QrOrder, account: Account) -> dict[str, Any]:
        site = account.site
        tx: dict[str, Any] = {
            "id": order.payment_tx_id,
            "amount": to_json_string(order.total_amount, site),
            "status": order.tx_status,
            "status_detail": order.tx_status_detail,
        }
        if order.payment_id is not None:
            tx["reference_id"] = str(order.payment_id)
        if order.paid_amount is not None:
            tx["paid_amount"] = to_json_string(order.paid_amount, site)
            tx["payment_method"] = {"id": "account_money", "type": "account_money", "installments": 1}
        body: dict[str, Any] = {
            "id": order.id,
            "type": "qr",
            "processing_mode": "automatic",
            "external_reference": order.external_reference,
            "total_amount": to_json_string(order.total_amount, site),
            "expiration_time": order.expiration_time,
            "country_code": site.country_code,
            "user_id": str(order.owner),
            "status": order.status,
            "status_detail": order.status_detail,
            "currency": site.currency,
            "created_date": utc_date(order.created_date),
            "last_updated_date": utc_date(order.last_updated_date),
            "integration_data": {"application_id": order.application_id},
            "transactions": {"payments": [tx]},
            "config": {"qr": {"external_pos_id": self._external_pos_id(order), "mode": order.mode}},
        }
        if order.description is not None:
            body["description"] = order.description
        if order.paid_amount is not None:
            body["total_paid_amount"] = to_json_string(order.paid_amount, site)
        if order.refunds:
            body["transactions"]["refunds"] = [self._refund_view(r, site) for r in order.refunds]
        if order.items:
            body["items"] = order.items
        if order.qr_data is not None:
            body["type_response"] = {"qr_data": order.qr_data}
        return body

    def _external_pos_id(self, order: QrOrder) -> str:
        pos = self._pos(order)
        return pos.external_id if pos is not None else ""

    @staticmethod
    def _refund_view(r: RefundTx, site: Site, status: str | None = None) -> dict[str, Any]:
        return {"id": r.id, "transaction_id": r.transaction_id, "reference_id": str(r.refund_id),
                "amount": to_json_string(r.amount, site), "status": status or r.status}

    def refund_answer(self, order: QrOrder, account: Account, new: RefundTx, before: tuple[str, str]) -> dict[str, Any]:
        """The 201 of a refund (§2.4): the order as it was, the new refund still `processing`."""
        site = account.site
        return {
            "id": order.id,
            "status": before[0],
            "status_detail": before[1],
            "transactions": {
                "refunds": [self._refund_view(r, site, "processing" if r is new else None) for r in order.refunds]
            },
        }

    # --- webhooks -------------------------------------------------------------------------------

    def webhook_config(self, account: Account) -> WebhookConfig:
        config = self.webhooks.get(account.id)
        if config is None:
            secret = hashlib.sha256(b"sandbox-webhook-secret:" + account.token_hash.encode()).hexdigest()[:40]
            config = self.webhooks[account.id] = WebhookConfig(None, secret)
        return config

    def _webhook(self, order: QrOrder, action: str) -> None:
        config = self.webhooks.get(order.owner)
        if config is None or not config.url:
            return
        account = next((a for a in self.state.accounts.values() if a.id == order.owner), None)
        if account is None:
            return
        data = self.view(order, account)
        payload = {
            "action": action,
            "api_version": "v1",
            "application_id": order.application_id,
            "data": {
                "id": order.id,
                "external_reference": order.external_reference,
                "status": order.status,
                "status_detail": order.status_detail,
                "total_paid_amount": data.get("total_paid_amount", to_json_string(Decimal(0), account.site)),
                "transactions": data["transactions"],
                "type": "qr",
                "version": order.version,
            },
            "date_created": utc_date(self.state.now()),
            "live_mode": order.live_mode,
            "type": "order",
            "user_id": str(order.owner),
        }
        delivery = WebhookDelivery(len(self.deliveries) + 1, order.owner, config.url, action, order.id, str(uuid.uuid4()))
        self.deliveries.append(delivery)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # state driven outside a loop (unit tests of the rules): recorded only
            return
        task = loop.create_task(self._deliver(delivery, config.secret, payload))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
            self._own_session = True
        return self._session

    async def _deliver(self, delivery: WebhookDelivery, secret: str, payload: dict[str, Any]) -> None:
        for delay in (0.0, *self.retry_delays):
            if delay:
                await asyncio.sleep(delay)
            if await self._attempt(delivery, secret, payload):
                delivery.delivered = True
                return
        delivery.gave_up = True
        log.warning("webhook %s %s gave up after %d attempts", delivery.action, delivery.order_id, len(delivery.attempts))

    async def _attempt(self, delivery: WebhookDelivery, secret: str, payload: dict[str, Any]) -> bool:
        url = URL(delivery.url).update_query({"data.id": delivery.order_id, "type": "order"})
        headers = {
            "User-Agent": "MercadoPago WebHook v1.0",
            "x-request-id": delivery.request_id,
            # Signed afresh on each attempt, with the wall clock in seconds (what receivers compare with).
            "x-signature": signature_header(secret, delivery.order_id, delivery.request_id, int(time.time())),
        }
        record: dict[str, Any] = {"at": utc_date(self.state.now()), "status": None, "error": None}
        delivery.attempts.append(record)
        try:
            async with self._client().post(
                url, json=payload, headers=headers, timeout=aiohttp.ClientTimeout(total=self.timeout)
            ) as resp:
                await resp.read()
                record["status"] = resp.status
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            record["error"] = type(exc).__name__
            log.info("webhook %s %s to %s failed: %s", delivery.action, delivery.order_id, url.host, record["error"])
            return False
        return record["status"] in (200, 201)

    async def idle(self) -> None:
        """Wait until every webhook scheduled so far was delivered or gave up (tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._own_session and self._session is not None:
            await self._session.close()
        self._session = None


def _failure_detail(detail: str | None) -> str:
    return detail if detail and not detail.startswith("cc_rejected") else "rejected_by_issuer"


def install(state: SandboxState, session: aiohttp.ClientSession | None = None, **kwargs: Any) -> OrdersApi:
    """Attach the Orders API to a sandbox state (once) and return it."""
    for ext in state.extensions:
        if isinstance(ext, OrdersApi):
            return ext
    api = OrdersApi(state, session, **kwargs)
    state.extensions.append(api)
    return api


def book(request: web.Request) -> OrdersApi:
    return install(context(request).state)


# ---------------------------------------------------------------- MP routes


def _account(request: web.Request) -> Account:
    try:
        acct = context(request).state.authenticate(bearer(request))
    except ApiError as exc:
        raise _as_orders_error(exc) from None
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


def _json(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise OrdersError(400, "json_syntax_error", "The request body is not valid JSON") from None


async def _keyed(request: web.Request, handle) -> web.Response:
    """Authenticate, require the key, replay or run `handle(account, body)` and keep its answer."""
    try:
        acct = _account(request)
        key = _key(request)
        raw = await request.read()
        api = book(request)
        print_ = fingerprint(request.method, request.path, raw)
        stored = api.replay(acct, key, print_)
        if stored is not None:
            return json_response(stored.body, status=stored.status)
        status, body = handle(api, acct, key, _json(raw))
    except OrdersError:
        raise
    except ApiError as exc:
        raise _as_orders_error(exc) from None
    api.remember(acct, key, print_, status, body)
    return json_response(body, status=status)


@routes.post("/v1/orders")
async def create_order(request: web.Request) -> web.Response:
    test_ids = (bearer(request) or "").startswith("TEST-")

    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        order = api.create(acct, body, test_ids=test_ids)
        return 201, api.view(order, acct)

    return await _keyed(request, handle)


@routes.get("/v1/orders/{order_id}")
async def get_order(request: web.Request) -> web.Response:
    acct = _account(request)
    api = book(request)
    return json_response(api.view(api.get(acct, request.match_info["order_id"]), acct))


@routes.post("/v1/orders/{order_id}/cancel")
async def cancel_order(request: web.Request) -> web.Response:
    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        order = api.cancel(api.get(acct, request.match_info["order_id"]))
        return 200, api.view(order, acct)

    return await _keyed(request, handle)


@routes.post("/v1/orders/{order_id}/refund")
async def refund_order(request: web.Request) -> web.Response:
    def handle(api: OrdersApi, acct: Account, key: str, body: Any) -> tuple[int, Any]:
        order = api.get(acct, request.match_info["order_id"])
        amount = _refund_amount(api, acct, order, body)
        before = (order.status, order.status_detail)
        new = api.refund(acct, order, key, amount)
        return 201, api.refund_answer(order, acct, new, before)

    return await _keyed(request, handle)


def _refund_amount(api: OrdersApi, acct: Account, order: QrOrder, body: Any) -> Decimal | None:
    if body in (None, {}):
        return None
    if not isinstance(body, dict) or set(body) - {"transactions"}:
        raise OrdersError(400, "unsupported_properties", "A refund body carries only transactions")
    if not api.partial_refunds:
        raise OrdersError(400, "unsupported_properties", "additionalProperties '$.transactions' not allowed",
                          "partial refunds are not available for QR orders on this account")
    txs = body["transactions"]
    if not isinstance(txs, list) or len(txs) != 1 or not isinstance(txs[0], dict) or set(txs[0]) != {"id", "amount"}:
        raise OrdersError(400, "property_type", "transactions is [{\"id\": \"PAY…\", \"amount\": \"…\"}]")
    if txs[0]["id"] != order.payment_tx_id:
        raise OrdersError(400, "property_type", f"{txs[0]['id']!r} is not this order's payment", "$.transactions[0].id")
    return amount_text(txs[0]["amount"], acct.site, "$.transactions[0].amount")


@routes.post("/v1/orders/{order_id}/events")
async def simulate_event(request: web.Request) -> web.Response:
    """Test simulation (§2.7: official for Point, reported for QR): move an order's status."""
    acct = _account(request)
    api = book(request)
    order = api.get(acct, request.match_info["order_id"])
    body = _json(await request.read())
    if not isinstance(body, dict) or body.get("status") not in EVENT_STATUSES:
        raise OrdersError(400, "property_type", f"status is one of {', '.join(EVENT_STATUSES)}", "$.status")
    status, detail = body["status"], body.get("status_detail")
    state = context(request).state
    try:
        if status == "processed":
            pos = api._on_its_pos(order)
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
        raise _as_orders_error(exc) from None
    return web.Response(status=204)


# ---------------------------------------------------------------- control routes


def _control_account(request: web.Request) -> Account:
    return context(request).state.authenticate(bearer(request))


def _webhook_view(api: OrdersApi, acct: Account) -> dict[str, Any]:
    config = api.webhook_config(acct)
    return {
        "url": config.url,
        "secret": config.secret,
        "deliveries": [
            {"id": d.id, "url": d.url, "action": d.action, "order_id": d.order_id, "request_id": d.request_id,
             "attempts": d.attempts, "delivered": d.delivered, "gave_up": d.gave_up}
            for d in api.deliveries if d.owner == acct.id
        ],
    }


@routes.put("/sandbox/webhooks")
async def put_webhooks(request: web.Request) -> web.Response:
    acct = _control_account(request)
    api = book(request)
    raw = await request.read()
    body = _json(raw) if raw.strip() else None
    if not isinstance(body, dict) or not (body.get("url") is None or is_url(body.get("url"))):
        raise ApiError(400, "bad_request", "url must be an http(s) URL or null")
    api.webhook_config(acct).url = body.get("url")
    return json_response(_webhook_view(api, acct))


@routes.get("/sandbox/webhooks")
async def get_webhooks(request: web.Request) -> web.Response:
    acct = _control_account(request)
    return json_response(_webhook_view(book(request), acct))


@routes.delete("/sandbox/webhooks")
async def delete_webhooks(request: web.Request) -> web.Response:
    acct = _control_account(request)
    book(request).webhook_config(acct).url = None
    return web.Response(status=204)


@routes.get("/sandbox/orders")
async def list_orders(request: web.Request) -> web.Response:
    acct = _control_account(request)
    api = book(request)
    context(request).state.tick()
    return json_response([api.view(o, acct) for o in api.orders.values() if o.owner == acct.id])


@routes.get("/sandbox/orders/settings")
async def get_orders_settings(request: web.Request) -> web.Response:
    return json_response({"partial_refunds": book(request).partial_refunds})


@routes.put("/sandbox/orders/settings")
async def put_orders_settings(request: web.Request) -> web.Response:
    api = book(request)
    raw = await request.read()
    body = _json(raw) if raw.strip() else None
    if not isinstance(body, dict) or set(body) - {"partial_refunds"} or not isinstance(body.get("partial_refunds"), bool):
        raise ApiError(400, "bad_request", "settings: partial_refunds must be true or false")
    api.partial_refunds = body["partial_refunds"]
    return json_response({"partial_refunds": api.partial_refunds})
