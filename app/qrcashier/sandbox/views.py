"""The JSON shapes Mercado Pago answers with, built from the sandbox's records.

Field names and types follow mercadopago-api.md: ids are ints except where MP writes
strings (store ids, a payment's `pos_id`/`store_id`/`order.id`); amounts are JSON numbers
with the site's decimals (ints for CLP/COP); classic dates carry milliseconds and the
site's offset.
"""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

from qrcashier.domain.money import Site, to_json_number
from qrcashier.sandbox.accounts import Account
from qrcashier.sandbox.clock import local_date, utc_date
from qrcashier.sandbox.models import MerchantOrder, OrderItem, Payment, Pos, PosOrder, Refund, Store
from qrcashier.sandbox.state import buyer_id

COUNTRY_NAMES = {
    "AR": "Argentina", "BR": "Brasil", "MX": "México", "CL": "Chile",
    "CO": "Colombia", "PE": "Perú", "UY": "Uruguay",
}
ID_TYPES = {"MLA": "DNI", "MLB": "CPF", "MLM": "RFC", "MLC": "RUT", "MCO": "CC", "MPE": "DNI", "MLU": "CI"}


def amount(value: Decimal, site: Site) -> int | float:
    return to_json_number(value, site)


def plain(value: Any) -> Any:
    """Echo parsed JSON back: Decimals become ints when whole, floats otherwise."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def paging(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    page = items[offset : offset + limit]
    return {"paging": {"total": len(items), "offset": offset, "limit": limit}, "results": page}


def user_me(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "nickname": account.nickname,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "site_id": account.site.id,
        "country_id": account.site.country,
        "user_type": "normal",
        "tags": ["normal", "test_user"] if account.is_test else ["normal"],
        "status": {"site_status": "active"},
    }


def store(s: Store, account: Account) -> dict[str, Any]:
    loc = s.location
    city, state_name = loc["city_name"], loc["state_name"]
    country = account.site.country
    return {
        "id": s.id,
        "name": s.name,
        "date_creation": utc_date(s.date_created),
        "business_hours": s.business_hours or {},
        "location": {
            "address_line":
                f"{loc['street_name']} {loc['street_number']}, {city}, {state_name}, {COUNTRY_NAMES[country]}",
            "latitude": plain(loc["latitude"]),
            "longitude": plain(loc["longitude"]),
            "reference": loc.get("reference"),
            # MP's geo ids; the sandbox makes up stable look-alikes.
            "id": base64.b64encode(f"{account.site.id}C{city}".encode()).decode().rstrip("="),
            "type": "city",
            "city": city,
            "state_id": f"{country}-{state_name[:1].upper()}",
        },
        "external_id": s.external_id,
    }


def pos(p: Pos, account: Account, base_url: str) -> dict[str, Any]:
    qr_base = f"{base_url}/sandbox/qr/{p.id}"
    body = {
        "id": p.id,
        "qr": {
            "image": f"{qr_base}/{p.uuid}.png",
            "template_document": f"{qr_base}/template_{p.uuid}.pdf",
            "template_image": f"{qr_base}/template_{p.uuid}.png",
        },
        "status": "active",
        "date_created": local_date(p.date_created, account.site.id),
        "date_last_updated": local_date(p.date_last_updated, account.site.id),
        "uuid": p.uuid,
        "user_id": account.id,
        "name": p.name,
        "fixed_amount": p.fixed_amount,
        "category": p.category,
        "store_id": p.store_id,
        "external_store_id": p.external_store_id,
        "external_id": p.external_id,
        "site": account.site.id,
        "qr_code": p.qr_code,
    }
    if p.url is not None:
        body["url"] = p.url
    return body


def instore_order(order: PosOrder, account: Account) -> dict[str, Any]:
    """`GET .../pos/{external_pos_id}/orders`: the order as submitted (v1 ones in v2 shape)."""
    if order.kind != "v1":
        return plain(order.draft.submitted)
    site, draft = account.site, order.draft
    return {
        "external_reference": draft.external_reference,
        "title": draft.title,
        "description": draft.description,
        "notification_url": draft.notification_url,
        "expiration_date": local_date(draft.expires_at, site.id) if draft.expires_at else None,
        "total_amount": amount(draft.total_amount, site),
        "items": [
            {
                "title": i.title,
                "description": i.description,
                "unit_price": amount(i.unit_price, site),
                "quantity": i.quantity,
                "unit_measure": i.unit_measure,
                "total_amount": amount(i.total_amount, site),
            }
            for i in draft.items
        ],
    }


def v1_preference(order: PosOrder, account: Account) -> dict[str, Any]:
    """The preference-like answer of the legacy `POST /mpmobile/instore/qr/...` (§1.4)."""
    site, draft = account.site, order.draft
    return {
        "id": order.preference_id,
        "items": [
            {
                "id": i.id,
                "title": i.title,
                "currency_id": site.currency,
                "unit_price": amount(i.unit_price, site),
                "quantity": i.quantity,
                "description": i.description,
                "picture_url": i.picture_url,
            }
            for i in draft.items
        ],
        "collector_id": account.id,
        "total_amount": amount(draft.total_amount, site),
        "amount": amount(draft.total_amount, site),
        "external_reference": draft.external_reference,
        "operation_type": "regular_payment",
        "payment_methods": {
            "excluded_payment_methods": [{"id": ""}],
            "excluded_payment_types": [{"id": "ticket"}, {"id": "atm"}],
            "installments": None,
            "default_payment_method_id": None,
            "default_installments": None,
        },
        "marketplace": "NONE",
        "marketplace_fee": 0,
        "sponsor_id": draft.sponsor_id,
        "notification_url": draft.notification_url,
        "back_urls": {"success": "", "pending": "", "failure": ""},
        "payer": {"name": "", "surname": "", "email": "", "date_created": "",
                  "phone": {"area_code": "", "number": ""},
                  "identification": {"type": "", "number": ""},
                  "address": {"street_name": "", "street_number": None, "zip_code": ""}},
        "expires": False,
        "expiration_date_from": None,
        "expiration_date_to": None,
        "site_id": site.id,
        "client_id": str(account.id),
        "processing_modes": ["aggregator"],
        "date_created": local_date(order.created_at, site.id),
    }


def _mo_item(i: OrderItem, site: Site) -> dict[str, Any]:
    return {
        "id": i.id or i.sku_number or "",
        "category_id": i.category or "",
        "currency_id": site.currency,
        "description": i.description or "",
        "picture_url": i.picture_url,
        "title": i.title,
        "quantity": i.quantity,
        "unit_price": amount(i.unit_price, site),
    }


def _mo_payment(p: Payment, site: Site) -> dict[str, Any]:
    return {
        "id": p.id,
        "transaction_amount": amount(p.amount, site),
        "total_paid_amount": amount(p.amount, site),
        "shipping_cost": 0,
        "currency_id": site.currency,
        "status": p.status,
        "status_detail": p.status_detail,
        "operation_type": "regular_payment",
        "date_approved": local_date(p.date_approved, site.id) if p.date_approved else None,
        "date_created": local_date(p.date_created, site.id),
        "last_modified": local_date(p.date_last_updated, site.id),
        "amount_refunded": amount(p.refunded, site),
    }


def merchant_order(mo: MerchantOrder, account: Account) -> dict[str, Any]:
    site, draft = account.site, mo.draft
    return {
        "id": mo.id,
        "status": mo.status,
        "external_reference": draft.external_reference,
        "preference_id": mo.preference_id,
        "payments": [_mo_payment(p, site) for p in mo.payments],
        "shipments": [],
        "payouts": [],
        "collector": {"id": account.id, "email": account.email, "nickname": account.nickname},
        "marketplace": "NONE",
        "notification_url": draft.notification_url,
        "date_created": local_date(mo.date_created, site.id),
        "last_updated": local_date(mo.last_updated, site.id),
        "sponsor_id": draft.sponsor_id,
        "shipping_cost": 0,
        "total_amount": amount(mo.total_amount, site),
        "site_id": site.id,
        "paid_amount": amount(mo.paid_amount, site),
        "refunded_amount": amount(mo.refunded_amount, site),
        "payer": mo.payer,
        "items": [_mo_item(i, site) for i in draft.items],
        "cancelled": False,
        "additional_info": "",
        "application_id": None,
        "is_test": mo.is_test,
        "order_status": mo.order_status,
    }


def refund(r: Refund, account: Account) -> dict[str, Any]:
    site = account.site
    return {
        "id": r.id,
        "payment_id": r.payment_id,
        "amount": amount(r.amount, site),
        "metadata": {},
        "source": {"id": str(account.id), "name": account.merchant_name, "type": "collector"},
        "date_created": local_date(r.date_created, site.id),
        "unique_sequence_number": None,
        "refund_mode": "standard",
        "adjustment_amount": 0,
        "status": "approved",
        "reason": None,
        "labels": [],
        "amount_refunded_to_payer": amount(r.amount, site),
        "e2e_id": None,
        "partition_details": [],
    }


def payment(p: Payment, account: Account) -> dict[str, Any]:
    site, draft = account.site, p.draft
    paid = amount(p.amount, site)
    settled = p.counts_as_paid
    return {
        "id": p.id,
        "status": p.status,
        "status_detail": p.status_detail,
        "operation_type": "regular_payment",
        "payment_method_id": "account_money",
        "payment_type_id": "account_money",
        "currency_id": site.currency,
        "transaction_amount": paid,
        "transaction_amount_refunded": amount(p.refunded, site),
        "installments": 1,
        "external_reference": draft.external_reference,
        "description": draft.title,
        "collector_id": account.id,
        "pos_id": str(p.pos_id),
        "store_id": p.store_id,
        "processing_mode": "aggregator",
        "live_mode": not account.is_test,
        "binary_mode": True,
        "captured": True,
        "notification_url": draft.notification_url,
        "sponsor_id": draft.sponsor_id,
        "order": {"id": str(p.merchant_order_id), "type": "mercadopago"},
        "payer": {
            "id": str(buyer_id(account)),
            "email": "test_user_buyer@testuser.com",
            "identification": {"type": ID_TYPES.get(site.id, "DNI"), "number": "11111111"},
        },
        "point_of_interaction": {
            "type": "INSTORE",
            "sub_type": "INTRA_PSP",
            "business_info": {"unit": "wallet", "sub_unit": "qr", "branch": "QR"},
            # A payment through the Orders API names its order (api §4.4).
            **({"references": [{"id": p.order_reference, "type": "ORDER_MP"}]} if p.order_reference else {}),
        },
        "fee_details": [],
        "transaction_details": {
            "net_received_amount": paid if settled else 0,
            "total_paid_amount": paid,
            "installment_amount": paid,
            "overpaid_amount": 0,
        },
        "date_created": local_date(p.date_created, site.id),
        "date_approved": local_date(p.date_approved, site.id) if p.date_approved else None,
        "date_last_updated": local_date(p.date_last_updated, site.id),
        "money_release_status": "released" if settled else None,
        "refunds": [refund(r, account) for r in p.refunds],
        "additional_info": {
            "items": [
                {"title": i.title, "quantity": str(i.quantity), "unit_price": str(i.unit_price)} for i in draft.items
            ]
        },
    }
