"""Accounts, stores and POS: what the client sends and receives to set a register up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from qrcashier.mercadopago.errors import MalformedResponse
from qrcashier.mercadopago.reading import (
    read_int,
    read_key,
    read_obj,
    read_opt_str,
)
from qrcashier.mercadopago.vocabulary import POS_EXTERNAL_ID, STORE_EXTERNAL_ID  # noqa: F401 (re-exported)

T = TypeVar("T")

# The external_id patterns (re-exported here) live in the light vocabulary module: settings
# reads them before the first paint without loading the models.



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
        d = read_obj(data, "user")
        return cls(
            id=read_int(read_key(d, "id", "user"), "user id"),
            nickname=str(d.get("nickname") or ""),
            site_id=str(read_key(d, "site_id", "user")),
            country_id=read_opt_str(d.get("country_id")),
            email=read_opt_str(d.get("email")),
            first_name=read_opt_str(d.get("first_name")),
            last_name=read_opt_str(d.get("last_name")),
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
        d = read_obj(data, "store")
        location = d.get("location") if isinstance(d.get("location"), dict) else {}
        return cls(
            id=str(read_key(d, "id", "store")),
            name=str(d.get("name") or ""),
            external_id=read_opt_str(d.get("external_id")),
            address_line=read_opt_str(location.get("address_line")),
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
        d = read_obj(data, "POS")
        qr = d.get("qr") if isinstance(d.get("qr"), dict) else {}
        category = d.get("category")
        return cls(
            id=read_int(read_key(d, "id", "POS"), "POS id"),
            name=str(d.get("name") or ""),
            external_id=read_opt_str(d.get("external_id")),
            store_id=read_opt_str(d.get("store_id")),
            external_store_id=read_opt_str(d.get("external_store_id")),
            fixed_amount=bool(d.get("fixed_amount", False)),
            status=read_opt_str(d.get("status")),
            category=None if category is None else read_int(category, "POS category"),
            url=read_opt_str(d.get("url")),
            uuid=read_opt_str(d.get("uuid")),
            qr_code=read_opt_str(d.get("qr_code")),
            qr_image=read_opt_str(qr.get("image")),
            qr_template_document=read_opt_str(qr.get("template_document")),
            site=read_opt_str(d.get("site")),
            user_id=None if d.get("user_id") is None else read_int(d["user_id"], "POS user_id"),
        )


@dataclass(frozen=True)
class Page(Generic[T]):
    results: list[T]
    total: int
    offset: int
    limit: int

    @classmethod
    def from_json(cls, data: Any, item: Any, what: str) -> Page:
        d = read_obj(data, what)
        paging = d.get("paging") if isinstance(d.get("paging"), dict) else {}
        raw = d.get("results") or []
        if not isinstance(raw, list):
            raise MalformedResponse(f"{what} results is not a list")
        results = [item.from_json(r) for r in raw]
        return cls(
            results=results,
            total=read_int(paging.get("total", len(results)), "paging.total"),
            offset=read_int(paging.get("offset", 0), "paging.offset"),
            limit=read_int(paging.get("limit", len(results)), "paging.limit"),
        )
