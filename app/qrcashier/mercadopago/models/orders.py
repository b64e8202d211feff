"""Typed models for what the client sends and receives.

Reading is strict about what the app relies on (ids, statuses, amounts) and
lenient about the rest: a reply missing a field we need raises
MalformedResponse; unknown extra fields are ignored. Amounts are Decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from qrcashier.domain.money import Site, to_json_number
from qrcashier.mercadopago.errors import MalformedResponse

T = TypeVar("T")

# Mercado Pago's POS external_id: alphanumeric only, fewer than 40 characters.
POS_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,39}$")
# A store's external_id: at most 60 alphanumeric characters.
STORE_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9]{1,60}$")


# --- reading helpers -------------------------------------------------------------------------

def _obj(data: Any, what: str) -> dict:
    if not isinstance(data, dict):
        raise MalformedResponse(f"expected a JSON object for {what}, got {type(data).__name__}")
    return data


def _get(d: dict, key: str, what: str) -> Any:
    if key not in d or d[key] is None:
        raise MalformedResponse(f"{what} has no {key!r}")
    return d[key]


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise MalformedResponse(f"{what} is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise MalformedResponse(f"{what} is not an integer: {value!r}")


def _money(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MalformedResponse(f"{what} is not an amount")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise MalformedResponse(f"{what} is not an amount: {value!r}") from None
    if not amount.is_finite():
        raise MalformedResponse(f"{what} is not a finite amount")
    return amount


def _opt_money(value: Any, what: str) -> Decimal:
    return Decimal(0) if value is None else _money(value, what)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def format_expiration(when: datetime) -> str:
    """ISO-8601 with milliseconds and offset, as the v2 order's expiration_date wants."""
    if when.tzinfo is None:
        raise ValueError("an expiration date needs a time zone")
    return when.isoformat(timespec="milliseconds")  # e.g. 2023-08-22T16:34:56.559-04:00


# --- accounts, stores, POS -------------------------------------------------------------------

@dataclass(frozen=True)
class User:
    id: int
    nickname: str
    site_id: str
    country_id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> User:
        d = _obj(data, "user")
        return cls(
            id=_int(_get(d, "id", "user"), "user id"),
            nickname=str(d.get("nickname") or ""),
            site_id=str(_get(d, "site_id", "user")),
            country_id=_opt_str(d.get("country_id")),
            email=_opt_str(d.get("email")),
            first_name=_opt_str(d.get("first_name")),
            last_name=_opt_str(d.get("last_name")),
        )


@dataclass(frozen=True)
class Location:
    street_number: str
    street_name: str
    city_name: str
    state_name: str
    latitude: Decimal
    longitude: Decimal
    reference: str | None = None

    def to_json(self) -> dict:
        d = {
            "street_number": str(self.street_number),
            "street_name": self.street_name,
            "city_name": self.city_name,
            "state_name": self.state_name,
            "latitude": float(self.latitude),
            "longitude": float(self.longitude),
        }
        if self.reference:
            d["reference"] = self.reference
        return d


@dataclass(frozen=True)
class NewStore:
    name: str
    external_id: str
    location: Location
    business_hours: dict[str, list[dict[str, str]]] | None = None

    def __post_init__(self) -> None:
        if not STORE_EXTERNAL_ID.match(self.external_id):
            raise ValueError("a store's external id is 1 to 60 letters and digits")
        if not self.name.strip():
            raise ValueError("a store needs a name")

    def to_json(self) -> dict:
        d: dict[str, Any] = {
            "name": self.name,
            "external_id": self.external_id,
            "location": self.location.to_json(),
        }
        if self.business_hours:
            d["business_hours"] = self.business_hours
        return d


@dataclass(frozen=True)
class Store:
    id: str  # a string in real replies, a number in the docs' sample: kept as text
    name: str
    external_id: str | None
    address_line: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> Store:
        d = _obj(data, "store")
        location = d.get("location") if isinstance(d.get("location"), dict) else {}
        return cls(
            id=str(_get(d, "id", "store")),
            name=str(d.get("name") or ""),
            external_id=_opt_str(d.get("external_id")),
            address_line=_opt_str(location.get("address_line")),
        )


@dataclass(frozen=True)
class NewPos:
    name: str
    external_id: str
    store_id: str
    external_store_id: str
    fixed_amount: bool = True
    category: int | None = None
    url: str | None = None  # unattended model only

    def __post_init__(self) -> None:
        if not POS_EXTERNAL_ID.match(self.external_id):
            raise ValueError("a POS external id is 1 to 39 letters and digits (no spaces or hyphens)")
        if not self.name.strip() or len(self.name) >= 45:
            raise ValueError("a POS name is 1 to 44 characters")
        if not str(self.store_id).isdigit():
            raise ValueError("the store id is Mercado Pago's numeric store id")
        if self.url is not None and not self.fixed_amount:
            raise ValueError("an unattended POS (with a url) needs fixed_amount")

    def to_json(self) -> dict:
        d: dict[str, Any] = {
            "name": self.name,
            "fixed_amount": self.fixed_amount,
            "store_id": int(self.store_id),
            "external_store_id": self.external_store_id,
            "external_id": self.external_id,
        }
        if self.category is not None:
            d["category"] = self.category
        if self.url is not None:
            d["url"] = self.url
        return d


@dataclass(frozen=True)
class Pos:
    id: int
    name: str
    external_id: str | None
    store_id: str | None
    external_store_id: str | None
    fixed_amount: bool
    status: str | None = None
    category: int | None = None
    url: str | None = None
    uuid: str | None = None
    qr_code: str | None = None  # the EMVCo payload of the static QR (recent replies only)
    qr_image: str | None = None
    qr_template_document: str | None = None
    site: str | None = None
    user_id: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> Pos:
        d = _obj(data, "POS")
        qr = d.get("qr") if isinstance(d.get("qr"), dict) else {}
        category = d.get("category")
        return cls(
            id=_int(_get(d, "id", "POS"), "POS id"),
            name=str(d.get("name") or ""),
            external_id=_opt_str(d.get("external_id")),
            store_id=_opt_str(d.get("store_id")),
            external_store_id=_opt_str(d.get("external_store_id")),
            fixed_amount=bool(d.get("fixed_amount", False)),
            status=_opt_str(d.get("status")),
            category=None if category is None else _int(category, "POS category"),
            url=_opt_str(d.get("url")),
            uuid=_opt_str(d.get("uuid")),
            qr_code=_opt_str(d.get("qr_code")),
            qr_image=_opt_str(qr.get("image")),
            qr_template_document=_opt_str(qr.get("template_document")),
            site=_opt_str(d.get("site")),
            user_id=None if d.get("user_id") is None else _int(d["user_id"], "POS user_id"),
        )


@dataclass(frozen=True)
class Page(Generic[T]):
    results: list[T]
    total: int
    offset: int
    limit: int

    @classmethod
    def from_json(cls, data: Any, item: Any, what: str) -> Page:
        d = _obj(data, what)
        paging = d.get("paging") if isinstance(d.get("paging"), dict) else {}
        raw = d.get("results") or []
        if not isinstance(raw, list):
            raise MalformedResponse(f"{what} results is not a list")
        results = [item.from_json(r) for r in raw]
        return cls(
            results=results,
            total=_int(paging.get("total", len(results)), "paging.total"),
            offset=_int(paging.get("offset", 0), "paging.offset"),
            limit=_int(paging.get("limit", len(results)), "paging.limit"),
        )


# --- orders ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrderItem:
    title: str
    unit_price: Decimal
    quantity: int
    unit_measure: str = "unit"
    sku_number: str | None = None
    category: str | None = None
    description: str | None = None

    @property
    def total_amount(self) -> Decimal:
        return self.unit_price * self.quantity

    def to_json(self, site: Site) -> dict:
        d: dict[str, Any] = {
            "title": self.title,
            "unit_price": to_json_number(self.unit_price, site),
            "quantity": self.quantity,
            "unit_measure": self.unit_measure,
            "total_amount": to_json_number(self.total_amount, site),
        }
        for key in ("sku_number", "category", "description"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d

    @classmethod
    def from_json(cls, data: Any) -> OrderItem:
        d = _obj(data, "order item")
        return cls(
            title=str(_get(d, "title", "order item")),
            unit_price=_money(_get(d, "unit_price", "order item"), "unit_price"),
            quantity=_int(_get(d, "quantity", "order item"), "quantity"),
            unit_measure=str(d.get("unit_measure") or "unit"),
            sku_number=_opt_str(d.get("sku_number")),
            category=_opt_str(d.get("category")),
            description=_opt_str(d.get("description")),
        )


@dataclass(frozen=True)
class Tax:
    value: Decimal
    type: str = "IVA"


@dataclass(frozen=True)
class InstoreOrder:
    """The order placed on a POS (instore v2 body; also the unattended reply body)."""

    external_reference: str
    title: str
    total_amount: Decimal
    items: tuple[OrderItem, ...]
    description: str | None = None
    notification_url: str | None = None
    expiration_date: datetime | None = None
    sponsor_id: int | None = None
    cash_out_amount: Decimal | None = None
    taxes: tuple[Tax, ...] = ()

    def to_json(self, site: Site) -> dict:
        d: dict[str, Any] = {
            "external_reference": self.external_reference,
            "title": self.title,
            "total_amount": to_json_number(self.total_amount, site),
            "items": [i.to_json(site) for i in self.items],
        }
        if self.description is not None:
            d["description"] = self.description
        if self.notification_url is not None:
            d["notification_url"] = self.notification_url
        if self.expiration_date is not None:
            d["expiration_date"] = format_expiration(self.expiration_date)
        if self.sponsor_id is not None:
            d["sponsor"] = {"id": self.sponsor_id}
        if self.cash_out_amount is not None:
            d["cash_out"] = {"amount": to_json_number(self.cash_out_amount, site)}
        if self.taxes:
            # A whole value goes out as an integer (COP/CLP bodies must not carry "1900.0").
            d["taxes"] = [
                {"value": int(t.value) if t.value == t.value.to_integral_value() else float(t.value), "type": t.type}
                for t in self.taxes
            ]
        return d

    @classmethod
    def from_json(cls, data: Any) -> InstoreOrder:
        # The GET answers an object in one doc and a one-element array in another.
        if isinstance(data, list):
            if len(data) != 1:
                raise MalformedResponse(f"expected one order, got {len(data)}")
            data = data[0]
        d = _obj(data, "in-store order")
        items = d.get("items") or []
        if not isinstance(items, list):
            raise MalformedResponse("order items is not a list")
        expiration = d.get("expiration_date")
        sponsor = d.get("sponsor") if isinstance(d.get("sponsor"), dict) else {}
        cash_out = d.get("cash_out") if isinstance(d.get("cash_out"), dict) else {}
        return cls(
            external_reference=str(_get(d, "external_reference", "in-store order")),
            title=str(d.get("title") or ""),
            total_amount=_money(_get(d, "total_amount", "in-store order"), "total_amount"),
            items=tuple(OrderItem.from_json(i) for i in items),
            description=_opt_str(d.get("description")),
            notification_url=_opt_str(d.get("notification_url")),
            expiration_date=_parse_time(expiration) if expiration else None,
            sponsor_id=None if sponsor.get("id") is None else _int(sponsor["id"], "sponsor.id"),
            cash_out_amount=None if cash_out.get("amount") is None else _money(cash_out["amount"], "cash_out"),
            taxes=tuple(
                Tax(_money(t.get("value"), "tax value"), str(t.get("type") or "IVA"))
                for t in d.get("taxes") or []
                if isinstance(t, dict)
            ),
        )

    def v1_json(self, site: Site) -> dict:
        """The legacy v1 body: items carry currency_id, the sponsor is a flat sponsor_id."""
        d: dict[str, Any] = {
            "external_reference": self.external_reference,
            "items": [
                {
                    "id": i.sku_number or str(n + 1),
                    "title": i.title,
                    "currency_id": site.currency,
                    "unit_price": to_json_number(i.unit_price, site),
                    "quantity": i.quantity,
                    **({"description": i.description} if i.description else {}),
                }
                for n, i in enumerate(self.items)
            ],
        }
        if self.notification_url is not None:
            d["notification_url"] = self.notification_url
        if self.sponsor_id is not None:
            d["sponsor_id"] = self.sponsor_id
        return d


@dataclass(frozen=True)
class V1Order:
    """The legacy v1 reply, shaped like a Checkout preference."""

    id: str
    external_reference: str | None
    collector_id: int | None
    total_amount: Decimal | None

    @classmethod
    def from_json(cls, data: Any) -> V1Order:
        d = _obj(data, "v1 order")
        total = d.get("total_amount", d.get("amount"))
        return cls(
            id=str(_get(d, "id", "v1 order")),
            external_reference=_opt_str(d.get("external_reference")),
            collector_id=None if d.get("collector_id") is None else _int(d["collector_id"], "collector_id"),
            total_amount=None if total is None else _money(total, "total_amount"),
        )


@dataclass(frozen=True)
class DynamicQr:
    qr_data: str
    in_store_order_id: str

    @classmethod
    def from_json(cls, data: Any) -> DynamicQr:
        d = _obj(data, "dynamic QR")
        return cls(str(_get(d, "qr_data", "dynamic QR")), str(_get(d, "in_store_order_id", "dynamic QR")))


# --- merchant orders, payments, refunds ------------------------------------------------------

@dataclass(frozen=True)
class OrderPayment:
    """A payment as listed inside a merchant_order."""

    id: int
    status: str
    status_detail: str | None
    transaction_amount: Decimal
    total_paid_amount: Decimal
    amount_refunded: Decimal
    currency_id: str | None
    date_approved: datetime | None

    @classmethod
    def from_json(cls, data: Any) -> OrderPayment:
        d = _obj(data, "merchant_order payment")
        amount = _money(_get(d, "transaction_amount", "merchant_order payment"), "transaction_amount")
        approved = d.get("date_approved")
        return cls(
            id=_int(_get(d, "id", "merchant_order payment"), "payment id"),
            status=str(_get(d, "status", "merchant_order payment")),
            status_detail=_opt_str(d.get("status_detail")),
            transaction_amount=amount,
            total_paid_amount=_money(d["total_paid_amount"], "total_paid_amount")
            if d.get("total_paid_amount") is not None
            else amount,
            amount_refunded=_opt_money(d.get("amount_refunded"), "amount_refunded"),
            currency_id=_opt_str(d.get("currency_id")),
            date_approved=_parse_time(approved) if approved else None,
        )


@dataclass(frozen=True)
class MerchantOrder:
    id: int
    status: str  # opened | closed | expired
    order_status: str | None  # payment_required | paid | partially_paid | reverted | ...
    external_reference: str | None
    total_amount: Decimal
    paid_amount: Decimal
    refunded_amount: Decimal
    payments: tuple[OrderPayment, ...]
    site_id: str | None = None
    preference_id: str | None = None
    date_created: datetime | None = None
    last_updated: datetime | None = None
    is_test: bool | None = None

    @property
    def approved_payments(self) -> tuple[OrderPayment, ...]:
        return tuple(p for p in self.payments if p.status == "approved")

    @property
    def approved_total(self) -> Decimal:
        return sum((p.transaction_amount for p in self.approved_payments), Decimal(0))

    @classmethod
    def from_json(cls, data: Any) -> MerchantOrder:
        d = _obj(data, "merchant_order")
        payments = d.get("payments") or []
        if not isinstance(payments, list):
            raise MalformedResponse("merchant_order payments is not a list")
        created, updated = d.get("date_created"), d.get("last_updated")
        return cls(
            id=_int(_get(d, "id", "merchant_order"), "merchant_order id"),
            status=str(_get(d, "status", "merchant_order")),
            order_status=_opt_str(d.get("order_status")),
            external_reference=_opt_str(d.get("external_reference")),
            total_amount=_money(_get(d, "total_amount", "merchant_order"), "total_amount"),
            paid_amount=_opt_money(d.get("paid_amount"), "paid_amount"),
            refunded_amount=_opt_money(d.get("refunded_amount"), "refunded_amount"),
            payments=tuple(OrderPayment.from_json(p) for p in payments),
            site_id=_opt_str(d.get("site_id")),
            preference_id=_opt_str(d.get("preference_id")),
            date_created=_opt_time(created),
            last_updated=_opt_time(updated),
            is_test=d.get("is_test") if isinstance(d.get("is_test"), bool) else None,
        )


@dataclass(frozen=True)
class MerchantOrderPage:
    elements: list[MerchantOrder]
    total: int
    next_offset: int | None

    @classmethod
    def from_json(cls, data: Any) -> MerchantOrderPage:
        d = _obj(data, "merchant_orders search")
        raw = d.get("elements") or []  # `elements` may be null when nothing matches
        if not isinstance(raw, list):
            raise MalformedResponse("merchant_orders search elements is not a list")
        elements = [MerchantOrder.from_json(e) for e in raw]
        nxt = d.get("next_offset")
        return cls(
            elements=elements,
            total=_int(d.get("total", len(elements)), "total"),
            next_offset=None if nxt is None else _int(nxt, "next_offset"),
        )


@dataclass(frozen=True)
class Refund:
    id: int
    payment_id: int
    amount: Decimal
    status: str | None
    date_created: datetime | None = None

    @classmethod
    def from_json(cls, data: Any) -> Refund:
        d = _obj(data, "refund")
        created = d.get("date_created")
        return cls(
            id=_int(_get(d, "id", "refund"), "refund id"),
            payment_id=_int(_get(d, "payment_id", "refund"), "refund payment_id"),
            amount=_money(_get(d, "amount", "refund"), "refund amount"),
            status=_opt_str(d.get("status")),
            date_created=_opt_time(created),
        )


@dataclass(frozen=True)
class Payment:
    id: int
    status: str
    status_detail: str | None
    transaction_amount: Decimal
    transaction_amount_refunded: Decimal
    currency_id: str | None
    external_reference: str | None
    merchant_order_id: str | None  # payment.order.id, a string in real replies
    date_approved: datetime | None = None
    refunds: tuple[Refund, ...] = field(default_factory=tuple)

    @property
    def refundable(self) -> Decimal:
        return self.transaction_amount - self.transaction_amount_refunded

    @classmethod
    def from_json(cls, data: Any) -> Payment:
        d = _obj(data, "payment")
        order = d.get("order") if isinstance(d.get("order"), dict) else {}
        approved = d.get("date_approved")
        return cls(
            id=_int(_get(d, "id", "payment"), "payment id"),
            status=str(_get(d, "status", "payment")),
            status_detail=_opt_str(d.get("status_detail")),
            transaction_amount=_money(_get(d, "transaction_amount", "payment"), "transaction_amount"),
            transaction_amount_refunded=_opt_money(d.get("transaction_amount_refunded"), "refunded"),
            currency_id=_opt_str(d.get("currency_id")),
            external_reference=_opt_str(d.get("external_reference")),
            merchant_order_id=_opt_str(order.get("id")),
            date_approved=_parse_time(approved) if approved else None,
            refunds=tuple(Refund.from_json(r) for r in d.get("refunds") or [] if isinstance(r, dict)),
        )


def _opt_time(value: Any) -> datetime | None:
    """An informational timestamp: None when absent or unreadable (the docs' samples abridge them as "…")."""
    if not value:
        return None
    try:
        return _parse_time(value)
    except MalformedResponse:
        return None


def _parse_time(value: Any) -> datetime:
    if not isinstance(value, str):
        raise MalformedResponse(f"not a date: {value!r}")
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise MalformedResponse(f"not an ISO-8601 date: {value!r}") from None
