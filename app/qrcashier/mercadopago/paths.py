"""The one table of Mercado Pago's URL paths: the client and the checkout gateways build every
request path here, with each id quoted as one path segment."""

from __future__ import annotations

from qrcashier.mercadopago.http import segment

ME = "/users/me"
POS = "/pos"
MERCHANT_ORDERS_SEARCH = "/merchant_orders/search"
ORDERS = "/v1/orders"


def user_stores(user_id: int) -> str:
    return f"/users/{segment(user_id)}/stores"


def user_stores_search(user_id: int) -> str:
    return f"{user_stores(user_id)}/search"


def pos(pos_id: int) -> str:
    return f"{POS}/{segment(pos_id)}"


def instore_v2_order_in_store(user_id: int, external_store_id: str, external_pos_id: str) -> str:
    """Instore v2: create or replace the POS's one order (PUT)."""
    return (
        f"/instore/qr/seller/collectors/{segment(user_id)}/stores/{segment(external_store_id)}"
        f"/pos/{segment(external_pos_id)}/orders"
    )


def instore_v2_order(user_id: int, external_pos_id: str) -> str:
    """Instore v2: read or delete the POS's order (GET, DELETE)."""
    return f"/instore/qr/seller/collectors/{segment(user_id)}/pos/{segment(external_pos_id)}/orders"


def v1_order(user_id: int, external_pos_id: str) -> str:
    """The legacy v1 order on the POS's static QR (POST, DELETE)."""
    return f"/mpmobile/instore/qr/{segment(user_id)}/{segment(external_pos_id)}"


def dynamic_qr(user_id: int, external_pos_id: str) -> str:
    """The legacy dynamic QR (POST) or hybrid order (PUT) of the instore family."""
    return f"/instore/orders/qr/seller/collectors/{segment(user_id)}/pos/{segment(external_pos_id)}/qrs"


def merchant_order(merchant_order_id: int) -> str:
    return f"/merchant_orders/{segment(merchant_order_id)}"


def payment(payment_id: int) -> str:
    return f"/v1/payments/{segment(payment_id)}"


def payment_refunds(payment_id: int) -> str:
    return f"{payment(payment_id)}/refunds"


def order(order_id: str) -> str:
    return f"{ORDERS}/{segment(order_id)}"


def order_cancel(order_id: str) -> str:
    return f"{order(order_id)}/cancel"


def order_refund(order_id: str) -> str:
    return f"{order(order_id)}/refund"
