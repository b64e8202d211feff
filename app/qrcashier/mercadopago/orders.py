"""The Orders API for QR (`/v1/orders`, `type: "qr"`): models and `OrdersClient`.

mercadopago-api.md §2. What sets it apart from the older in-store APIs:

- Every POST (create, cancel, refund) needs an `X-Idempotency-Key`. The same key with the
  same body within 24 h returns the first answer; with another body it is a 409
  `idempotency_key_already_used`; without a key, a 400 `empty_required_header`. So a
  create that timed out is retried with the *same* key and the *same* body (the HTTP
  layer does that for keyed POSTs), and can never make a second order.
- Amounts are decimal strings ("50.00"; whole units for CLP/COP), ids are strings
  (`ORD…`, `PAY…`, `REF…`; `user_id` too), dates are UTC with a "Z".
- Errors come in `{"errors": [{"code", "message", "details"}]}` (errors.py reads it).
- `expiration_time` is an ISO-8601 duration (PT30S to PT3600H; default PT15M).
- `notification_url` is not accepted: Orders notifications are set up per application.

Statuses (§2.6): created → processed (accredited) | expired | canceled | failed;
processed → refunded, or processed/partially_refunded. Cancel only while `created`;
refund only once `processed`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_string
from qrcashier.domain.sale import REFERENCE_RE
from qrcashier.mercadopago import paths
from qrcashier.mercadopago.errors import MalformedResponse
from qrcashier.mercadopago.http import MercadoPagoHTTP, RetryPolicy
from qrcashier.mercadopago.reading import read_key, read_money, read_obj, read_opt_str, read_opt_time
from qrcashier.mercadopago.vocabulary import QR_MODES

MIN_EXPIRATION = timedelta(seconds=30)
MAX_EXPIRATION = timedelta(hours=3600)
MAX_ITEMS = 10
_DURATION_RE = re.compile(
    r"^P(?:(?P<days>\d+)D)?(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def format_duration(value: timedelta) -> str:
    """A whole number of seconds as an ISO-8601 duration: PT15M, PT1H30M, PT45S, PT3600H."""
    total = int(value.total_seconds())
    if total <= 0 or total != value.total_seconds():
        raise ValueError("a duration is a positive whole number of seconds")
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds:
        text += f"{seconds}S"
    return text


def parse_duration(text: str) -> timedelta:
    """`PT16M`, `PT1H`, `P1DT2H`... (days, hours, minutes, whole seconds)."""
    match = _DURATION_RE.match(text or "")
    if not match or text in ("P", "PT"):
        raise ValueError(f"{text!r} is not an ISO-8601 duration")
    parts = {k: int(v) for k, v in match.groupdict().items() if v}
    return timedelta(**parts)


def _check_key(idempotency_key: str) -> str:
    if not idempotency_key or len(idempotency_key) > 64:
        raise ValueError("an Orders API write needs an idempotency key of 1 to 64 characters")
    return idempotency_key


# --- what the client sends --------------------------------------------------------------------

@dataclass(frozen=True)
class QrOrderItem:
    title: str
    unit_price: Decimal
    quantity: int
    unit_measure: str = "unit"
    external_code: str | None = None

    def __post_init__(self) -> None:
        if not self.title.strip() or len(self.title) > 150:
            raise ValueError("an item title is 1 to 150 characters")
        if not self.unit_measure or len(self.unit_measure) > 10:
            raise ValueError("an item's unit_measure is 1 to 10 characters")
        if self.external_code is not None and len(self.external_code) > 30:
            raise ValueError("an item's external_code is at most 30 characters")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int) or self.quantity < 1:
            raise ValueError("an item's quantity is a whole number of at least 1")

    def to_json(self, site: Site) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title,
            "unit_price": to_json_string(self.unit_price, site),
            "quantity": self.quantity,
            "unit_measure": self.unit_measure,
        }
        if self.external_code:
            d["external_code"] = self.external_code
        return d


@dataclass(frozen=True)
class NewQrOrder:
    """The body of `POST /v1/orders` for a QR order (§2.1).

    `expiration_time` must be a whole number of seconds between 30 s and 3600 h; keep it
    the same on every retry of one attempt (a different body under the same key is a 409).
    """

    external_reference: str
    total_amount: Decimal
    external_pos_id: str
    mode: str = "static"
    description: str | None = None
    expiration_time: timedelta | None = None
    items: tuple[QrOrderItem, ...] = ()

    def __post_init__(self) -> None:
        if not REFERENCE_RE.match(self.external_reference):
            raise ValueError("external_reference is 1 to 64 characters of [A-Za-z0-9_-]")
        if self.mode not in QR_MODES:
            raise ValueError(f"the QR mode is one of {QR_MODES}")
        if not self.external_pos_id:
            raise ValueError("an Orders QR order needs the POS external id")
        if self.description is not None and len(self.description) > 150:
            raise ValueError("the description is at most 150 characters")
        if self.expiration_time is not None and not MIN_EXPIRATION <= self.expiration_time <= MAX_EXPIRATION:
            raise ValueError("expiration_time is between 30 seconds and 3600 hours")
        if len(self.items) > MAX_ITEMS:
            raise ValueError(f"an Orders QR order carries at most {MAX_ITEMS} items")
        if self.total_amount <= 0:
            raise ValueError("the total must be positive")

    def to_json(self, site: Site) -> dict[str, Any]:
        total = to_json_string(self.total_amount, site)
        d: dict[str, Any] = {
            "type": "qr",
            "total_amount": total,
            "external_reference": self.external_reference,
            "config": {"qr": {"external_pos_id": self.external_pos_id, "mode": self.mode}},
            # Exactly one payment, for the whole total (a missing one is a 400, §2.1).
            "transactions": {"payments": [{"amount": total}]},
        }
        if self.description:
            d["description"] = self.description
        if self.expiration_time is not None:
            d["expiration_time"] = format_duration(self.expiration_time)
        if self.items:
            d["items"] = [i.to_json(site) for i in self.items]
        return d


# --- what Mercado Pago answers ------------------------------------------------------------------

def _opt_amount(value: Any, what: str) -> Decimal | None:
    return None if value is None else read_money(value, what)


@dataclass(frozen=True)
class OrderPaymentTx:
    """`transactions.payments[]`: the order's payment transaction."""

    id: str  # PAY…
    amount: Decimal
    status: str | None
    status_detail: str | None
    paid_amount: Decimal | None = None
    reference_id: str | None = None  # the classic /v1/payments id, once there is a payment
    payment_method_id: str | None = None
    payment_method_type: str | None = None

    @property
    def payment_id(self) -> int | None:
        """`reference_id` as the classic numeric payment id, when it is one."""
        ref = self.reference_id
        return int(ref) if ref is not None and ref.isdigit() else None

    @classmethod
    def from_json(cls, data: Any) -> OrderPaymentTx:
        d = read_obj(data, "order payment transaction")
        method = d.get("payment_method") if isinstance(d.get("payment_method"), dict) else {}
        return cls(
            id=str(read_key(d, "id", "order payment transaction")),
            amount=read_money(read_key(d, "amount", "order payment transaction"), "payment amount"),
            status=read_opt_str(d.get("status")),
            status_detail=read_opt_str(d.get("status_detail")),
            paid_amount=_opt_amount(d.get("paid_amount"), "paid_amount"),
            reference_id=read_opt_str(d.get("reference_id")),
            payment_method_id=read_opt_str(method.get("id")),
            payment_method_type=read_opt_str(method.get("type")),
        )


@dataclass(frozen=True)
class OrderRefundTx:
    """`transactions.refunds[]`: one refund of the order's payment."""

    id: str  # REF…
    transaction_id: str | None  # the PAY… it refunds
    amount: Decimal
    status: str | None  # "processing", then "processed"
    reference_id: str | None = None  # the classic refund id

    @property
    def refund_id(self) -> int | None:
        ref = self.reference_id
        return int(ref) if ref is not None and ref.isdigit() else None

    @classmethod
    def from_json(cls, data: Any) -> OrderRefundTx:
        d = read_obj(data, "order refund transaction")
        return cls(
            id=str(read_key(d, "id", "order refund transaction")),
            transaction_id=read_opt_str(d.get("transaction_id")),
            amount=read_money(read_key(d, "amount", "order refund transaction"), "refund amount"),
            status=read_opt_str(d.get("status")),
            reference_id=read_opt_str(d.get("reference_id")),
        )


@dataclass(frozen=True)
class Order:
    """An Orders API order as read back (create, get, cancel, refund answers).

    The refund answer is abridged (§2.4: id, status and the refunds), so only `id` and
    `status` are required; the rest is None or empty when absent.
    """

    id: str
    status: str
    status_detail: str | None
    external_reference: str | None
    total_amount: Decimal | None
    total_paid_amount: Decimal | None
    currency: str | None
    country_code: str | None
    user_id: str | None
    type: str | None
    mode: str | None
    external_pos_id: str | None
    expiration_time: str | None
    qr_data: str | None  # dynamic and hybrid modes: the EMVCo payload to render
    payments: tuple[OrderPaymentTx, ...]
    refunds: tuple[OrderRefundTx, ...]
    created_date: datetime | None = None
    last_updated_date: datetime | None = None

    @property
    def paid_total(self) -> Decimal:
        """What was paid: `total_paid_amount`, else the payments' `paid_amount`s."""
        if self.total_paid_amount is not None:
            return self.total_paid_amount
        return sum((p.paid_amount or Decimal(0) for p in self.payments), Decimal(0))

    @classmethod
    def from_json(cls, data: Any) -> Order:
        d = read_obj(data, "order")
        tx = d.get("transactions") if isinstance(d.get("transactions"), dict) else {}
        payments = tx.get("payments") or []
        refunds = tx.get("refunds") or []
        if not isinstance(payments, list) or not isinstance(refunds, list):
            raise MalformedResponse("order transactions are not lists")
        config = d.get("config") if isinstance(d.get("config"), dict) else {}
        qr = config.get("qr") if isinstance(config.get("qr"), dict) else {}
        type_response = d.get("type_response") if isinstance(d.get("type_response"), dict) else {}
        return cls(
            id=str(read_key(d, "id", "order")),
            status=str(read_key(d, "status", "order")),
            status_detail=read_opt_str(d.get("status_detail")),
            external_reference=read_opt_str(d.get("external_reference")),
            total_amount=_opt_amount(d.get("total_amount"), "total_amount"),
            total_paid_amount=_opt_amount(d.get("total_paid_amount"), "total_paid_amount"),
            currency=read_opt_str(d.get("currency")),
            country_code=read_opt_str(d.get("country_code")),
            user_id=read_opt_str(d.get("user_id")),
            type=read_opt_str(d.get("type")),
            mode=read_opt_str(qr.get("mode")),
            external_pos_id=read_opt_str(qr.get("external_pos_id")),
            expiration_time=read_opt_str(d.get("expiration_time")),
            qr_data=read_opt_str(type_response.get("qr_data")),
            payments=tuple(OrderPaymentTx.from_json(p) for p in payments),
            refunds=tuple(OrderRefundTx.from_json(r) for r in refunds),
            created_date=read_opt_time(d.get("created_date")),
            last_updated_date=read_opt_time(d.get("last_updated_date")),
        )


# --- the client -------------------------------------------------------------------------------

class OrdersClient:
    """One async method per Orders API call. Shares the app's MercadoPagoHTTP (auth, retries)."""

    def __init__(self, http: MercadoPagoHTTP) -> None:
        self.http = http

    async def create(
        self, order: NewQrOrder, site: Site, *, idempotency_key: str, retry: RetryPolicy | None = None
    ) -> Order:
        """`POST /v1/orders` (201). Retried by the HTTP layer with the same key and body (`retry`:
        its policy for this call; a publish sends one try at a time)."""
        reply = await self.http.request(
            "POST", paths.ORDERS, json_body=order.to_json(site), idempotency_key=_check_key(idempotency_key),
            retry=retry,
        )
        return Order.from_json(reply.body)

    async def get(self, order_id: str) -> Order:
        reply = await self.http.request("GET", paths.order(order_id))
        return Order.from_json(reply.body)

    async def cancel(self, order_id: str, *, idempotency_key: str) -> Order:
        """`POST /v1/orders/{id}/cancel`: only while `created` (else a 409)."""
        reply = await self.http.request(
            "POST", paths.order_cancel(order_id), idempotency_key=_check_key(idempotency_key)
        )
        return Order.from_json(reply.body)

    async def refund(
        self,
        order_id: str,
        *,
        idempotency_key: str,
        transactions: Sequence[tuple[str, Decimal]] | None = None,
        site: Site | None = None,
    ) -> Order:
        """`POST /v1/orders/{id}/refund`: no body refunds in full; `transactions`
        (`[(PAY id, amount)]`) refunds in part where the account supports it (§2.4)."""
        body = None
        if transactions:
            if site is None:
                raise ValueError("a partial refund needs the site to format its amounts")
            body = {
                "transactions": [
                    {"id": tx_id, "amount": to_json_string(amount, site)} for tx_id, amount in transactions
                ]
            }
        reply = await self.http.request(
            "POST", paths.order_refund(order_id), json_body=body,
            idempotency_key=_check_key(idempotency_key),
        )
        return Order.from_json(reply.body)


__all__ = [
    "NewQrOrder",
    "Order",
    "OrderPaymentTx",
    "OrderRefundTx",
    "OrdersClient",
    "QrOrderItem",
    "format_duration",
    "parse_duration",
]
