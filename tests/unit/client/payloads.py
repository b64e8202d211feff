"""Reply bodies copied VERBATIM from ../shared/mercadopago-api.md (section noted on each).

Where the doc abridges a value with `{…}` (not JSON) or lists fields without a
sample, the gap is filled as noted; every other byte is the doc's.
"""

from __future__ import annotations

import re

# The POS's EMVCo payload (one JSON string, too long for a line of this file).
POS_QR_CODE = (
    "00020101021143540016com.mercadolibre0130https://mpago.la/pos/1205871025015001120456564683520497005303032"
    "5802AR5915Lisandro Arenas6004CABA63042C9B"
)
# §5.2 POST /pos, response 201 (real, COMM)
POS_CREATED = """{"id": 120587102,
 "qr": {"image": "https://www.mercadopago.com/instore/merchant/qr/120587102/<uuid>.png",
        "template_document": "https://www.mercadopago.com/instore/merchant/qr/120587102/template_<uuid>.pdf",
        "template_image": "https://www.mercadopago.com/instore/merchant/qr/120587102/template_<uuid>.png"},
 "status": "active",
 "date_created": "2025-10-31T16:09:38.000-04:00", "date_last_updated": "2025-10-31T16:09:38.000-04:00",
 "uuid": "7d52cdadeb4a4a60bd448328f25078c378142ca93bd54d499d4b0debe0bc029e",
 "user_id": 495852790, "name": "POS Mi Tienda Nueva", "fixed_amount": true, "category": 621102,
 "store_id": "71238321", "external_store_id": "STOREFAKA", "external_id": "STOREFAKAPOS001",
 "url": "https://…",
 "site": "MLA",
 "qr_code": "<qr_code>"}""".replace("<qr_code>", POS_QR_CODE)

# §5.2 GET /pos → {"paging":{"total":1,"offset":0,"limit":50},"results":[<pos>…]}
POS_LIST = '{"paging":{"total":1,"offset":0,"limit":50},"results":[' + POS_CREATED + "]}"

# §5.1 POST /users/{user_id}/stores, response 201. The doc abridges business_hours as `{…}`;
# filled with the request sample's business_hours from the same section.
STORE_CREATED = """{"id": "71238321", "name": "…", "date_creation": "2025-10-31T16:09:36.615Z",
 "business_hours": {"monday": [{"open": "08:00", "close": "12:00"}], "tuesday": [{"open": "09:00", "close": "18:00"}]},
 "location": {"address_line": "Otra Calle 1235, La Plata, Buenos Aires, Argentina",
              "latitude": -34.9206, "longitude": -57.9537, "reference": "…",
              "id": "TUxBQ0xBUGxhdGE", "type": "city", "city": "La Plata", "state_id": "AR-B"},
 "external_id": "STOREFAKA"}"""

STORE_SEARCH = '{"paging":{"total":1,"offset":0,"limit":50},"results":[' + STORE_CREATED + "]}"

# §3.2 merchant_order sample (annotated JSON: the // annotations are stripped by mo_json()).
MERCHANT_ORDER_ANNOTATED = """{
  "id": 9999999999,                      // integer
  "status": "closed",                    // "opened" | "closed" | "expired"
  "external_reference": "default",
  "preference_id": "…",                  // string (for QR v2 an internal id)
  "payments": [{
    "id": 9999999999, "transaction_amount": 1, "total_paid_amount": 1, "shipping_cost": 0,
    "currency_id": "ARS", "status": "approved", "status_detail": "accredited",
    "operation_type": "regular_payment",
    "date_approved": "2019-04-02T14:35:35.000-04:00", "date_created": "…", "last_modified": "…",
    "amount_refunded": 0 }],
  "shipments": [],
  "payouts": [],
  "collector": {"id": 999999999, "email": "collector@email.com", "nickname": null},
  "marketplace": "NONE",
  "notification_url": null,
  "date_created": "2018-09-14T13:11:31.000-04:00",
  "last_updated": "2018-09-14T13:11:43.000-04:00",
  "sponsor_id": null,
  "shipping_cost": 0,
  "total_amount": 5,
  "site_id": "MLA",
  "paid_amount": 5,
  "refunded_amount": 0,
  "payer": {"id": 999999999, "email": "payer@email.com"},
  "items": [{"id": "item id", "category_id": "…", "currency_id": "ARS", "description": "…",
             "picture_url": "…", "title": "item title", "quantity": 1, "unit_price": 5}],
  "cancelled": false,
  "additional_info": "…",
  "application_id": 9999999999999999,
  "is_test": false,
  "order_status": "paid"
}"""


def strip_annotations(text: str) -> str:
    """Drop `// ...` annotations (preceded by whitespace, so `https://` is untouched)."""
    return re.sub(r"[ \t]+//[^\n]*", "", text)


MERCHANT_ORDER = strip_annotations(MERCHANT_ORDER_ANNOTATED)

# §4.4 a real QR payment (GET /v1/payments/137159042654), abridged by the doc
PAYMENT = """{"id": 137159042654, "status": "approved", "status_detail": "accredited",
 "operation_type": "regular_payment", "payment_method_id": "visa", "payment_type_id": "credit_card",
 "currency_id": "ARS", "transaction_amount": 5200, "transaction_amount_refunded": 0,
 "installments": 1, "external_reference": "ID23", "description": "Order QR - Sucursal 22",
 "collector_id": 3021033244, "pos_id": "122220915", "store_id": "72054947",
 "processing_mode": "aggregator", "live_mode": true, "binary_mode": true, "captured": true,
 "notification_url": null, "sponsor_id": null,
 "order": {"id": "36246917291", "type": "mercadopago"},
 "payer": {"id": "2915257370", "email": "test_user_…@testuser.com",
           "identification": {"type": "DNI", "number": "1111111"}},
 "point_of_interaction": {"type": "INSTORE", "sub_type": "INTRA_PSP",
     "business_info": {"unit": "wallet", "sub_unit": "qr", "branch": "QR"},
     "references": [{"id": "ORDTST01KC220W64G2BQFHHEY1EN1ZZJ", "type": "ORDER_MP"}]},
 "fee_details": [{"type": "mercadopago_fee", "amount": 395.72, "fee_payer": "collector"}],
 "transaction_details": {"net_received_amount": 4648.28, "total_paid_amount": 5200, "installment_amount": 5200,
                         "overpaid_amount": 0},
 "date_created": "2025-12-09T13:20:17.000-04:00", "date_approved": "2025-12-09T13:20:17.000-04:00",
 "date_last_updated": "2025-12-09T13:20:25.000-04:00", "money_release_status": "released",
 "refunds": [],
 "additional_info": {"items": [{"title": " Citric naranja 1lt", "quantity": "1", "unit_price": "5200"}]}}"""

# §4.2 refund response
REFUND = """{"id": 1234567890, "payment_id": 123, "amount": 10.5, "metadata": {},
   "source": {"id": "…", "name": "…", "type": "collector"},
   "date_created": "…", "unique_sequence_number": null, "refund_mode": "standard",
   "adjustment_amount": 0, "status": "approved", "reason": null, "labels": [],
   "amount_refunded_to_payer": 10.5, "e2e_id": null, "partition_details": []}"""

# §1.5 dynamic QR, response 201
DYNAMIC_QR = """{"qr_data": "00020101021243650016COM.MERCADOLIBRE0201306...6304XXXX",
     "in_store_order_id": "d4e8ca59-3e1d-4c03-b1f6-580e87c654ae"}"""

# §1.4 the v1 reply: the doc lists its fields without a sample; built from that list.
V1_ORDER = """{"id": "360472057-3d2c0f1e-7a55-4f0c-9c3b-1f6a2b4c8d9e",
 "items": [{"id": "1", "title": "Coffee", "currency_id": "ARS", "unit_price": 150.5, "quantity": 2}],
 "collector_id": 360472057, "total_amount": 301, "amount": 301, "external_reference": "SALE-1",
 "operation_type": "regular_payment",
 "payment_methods": {"excluded_payment_types": [{"id": "ticket"}, {"id": "atm"}]},
 "marketplace": "NONE", "sponsor_id": null, "notification_url": null,
 "back_urls": {}, "payer": {}, "expires": false, "site_id": "MLA", "client_id": "123",
 "processing_modes": ["aggregator"]}"""

# §5.3 GET /users/me: the doc lists its fields without a sample; built from that list.
USERS_ME = """{"id": 495852790, "nickname": "TESTUSER495852790", "first_name": "Test", "last_name": "User",
 "email": "test_user_495852790@testuser.com", "site_id": "MLA", "country_id": "AR"}"""

# §1.2 GET the POS order: the devsite sample is an object, newer pages a one-element array.
INSTORE_ORDER = """{"external_reference": "SALE-7", "title": "Counter sale", "description": "2 items",
 "notification_url": "https://example.com/ipn", "expiration_date": "2023-08-22T16:34:56.559-04:00",
 "total_amount": 1234.5,
 "items": [{"sku_number": "A1", "category": "food", "title": "Empanada", "description": "carne",
            "unit_price": 411.5, "quantity": 3, "unit_measure": "unit", "total_amount": 1234.5}],
 "sponsor": {"id": 446566691}}"""

# --- error envelopes -------------------------------------------------------------------------

# §8.1 classic envelope (real)
POS_NOT_FOUND = '{"message": "Point of sale not found", "error": "pos_obtainment_error", "status": 404, "causes": []}'
# §1.2 404 when the POS has no order (the doc's `...` dropped)
ORDER_NOT_FOUND = '{"error":"point_of_sale_in_store_order_not_found","message":"No associated order found."}'
# §4.1 payments 404: `cause` (singular), code 2000
PAYMENT_NOT_FOUND = (
    '{"message":"Payment not found","error":"not_found","status":404,'
    '"cause":[{"code":2000,"description":"Payment not found","data":"…"}]}'
)
# §2.1 Orders API envelope (real)
ORDERS_REQUIRED = (
    '{"errors":[{"code":"required_properties","message":"Missing properties",'
    "\"details\":[\"missing properties: '$.transactions'\"]}]}"
)
# §1.4 the real v1 error
INVALID_PREFERENCE_BODY = (
    '{"error":"invalid_preference_body","message":"Invalid preference_body","status":400,"causes":[]}'
)
