"""Orders placed on a POS: the Instore v2 order, the legacy v1 order and the dynamic QR."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_number
from qrcashier.mercadopago.errors import MalformedResponse
from qrcashier.mercadopago.reading import (
    format_expiration,
    read_int,
    read_key,
    read_money,
    read_obj,
    read_opt_str,
    read_time,
)


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
        d = read_obj(data, "order item")
        return cls(
            title=str(read_key(d, "title", "order item")),
            unit_price=read_money(read_key(d, "unit_price", "order item"), "unit_price"),
            quantity=read_int(read_key(d, "quantity", "order item"), "quantity"),
            unit_measure=str(d.get("unit_measure") or "unit"),
            sku_number=read_opt_str(d.get("sku_number")),
            category=read_opt_str(d.get("category")),
            description=read_opt_str(d.get("description")),
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
        d = read_obj(data, "in-store order")
        items = d.get("items") or []
        if not isinstance(items, list):
            raise MalformedResponse("order items is not a list")
        expiration = d.get("expiration_date")
        sponsor = d.get("sponsor") if isinstance(d.get("sponsor"), dict) else {}
        cash_out = d.get("cash_out") if isinstance(d.get("cash_out"), dict) else {}
        return cls(
            external_reference=str(read_key(d, "external_reference", "in-store order")),
            title=str(d.get("title") or ""),
            total_amount=read_money(read_key(d, "total_amount", "in-store order"), "total_amount"),
            items=tuple(OrderItem.from_json(i) for i in items),
            description=read_opt_str(d.get("description")),
            notification_url=read_opt_str(d.get("notification_url")),
            expiration_date=read_time(expiration) if expiration else None,
            sponsor_id=None if sponsor.get("id") is None else read_int(sponsor["id"], "sponsor.id"),
            cash_out_amount=None if cash_out.get("amount") is None else read_money(cash_out["amount"], "cash_out"),
            taxes=tuple(
                Tax(read_money(t.get("value"), "tax value"), str(t.get("type") or "IVA"))
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
        d = read_obj(data, "v1 order")
        total = d.get("total_amount", d.get("amount"))
        return cls(
            id=str(read_key(d, "id", "v1 order")),
            external_reference=read_opt_str(d.get("external_reference")),
            collector_id=None if d.get("collector_id") is None else read_int(d["collector_id"], "collector_id"),
            total_amount=None if total is None else read_money(total, "total_amount"),
        )


@dataclass(frozen=True)
class DynamicQr:
    qr_data: str
    in_store_order_id: str

    @classmethod
    def from_json(cls, data: Any) -> DynamicQr:
        d = read_obj(data, "dynamic QR")
        return cls(str(read_key(d, "qr_data", "dynamic QR")), str(read_key(d, "in_store_order_id", "dynamic QR")))


@dataclass(frozen=True)
class HybridQr:
    """The reply to the hybrid PUT: whether it carries `qr_data` is disputed (api §1.5), so
    both fields may be None (then the POS's static QR is shown)."""

    qr_data: str | None
    in_store_order_id: str | None

    @classmethod
    def from_json(cls, data: Any) -> HybridQr:
        if not isinstance(data, dict):
            return cls(None, None)
        qr_data, order_id = data.get("qr_data"), data.get("in_store_order_id")
        return cls(str(qr_data) if qr_data else None, str(order_id) if order_id else None)
