"""Typed models for what the client sends and receives.

Reading is strict about what the app relies on (ids, statuses, amounts) and
lenient about the rest: a reply missing a field we need raises
MalformedResponse; unknown extra fields are ignored. Amounts are Decimal.

- `accounts`: users, stores, POS, pages of them.
- `orders`: the orders placed on a POS (Instore v2, legacy v1, dynamic QR).
- `payments`: merchant orders, payments and refunds.
"""

from qrcashier.mercadopago.models.accounts import (
    POS_EXTERNAL_ID,
    STORE_EXTERNAL_ID,
    Location,
    NewPos,
    NewStore,
    Page,
    Pos,
    Store,
    User,
)
from qrcashier.mercadopago.models.orders import (
    DynamicQr,
    HybridQr,
    InstoreOrder,
    OrderItem,
    Tax,
    V1Order,
)
from qrcashier.mercadopago.models.payments import (
    MerchantOrder,
    MerchantOrderPage,
    OrderPayment,
    Payment,
    Refund,
)

__all__ = [
    "DynamicQr",
    "HybridQr",
    "InstoreOrder",
    "Location",
    "MerchantOrder",
    "MerchantOrderPage",
    "NewPos",
    "NewStore",
    "OrderItem",
    "OrderPayment",
    "POS_EXTERNAL_ID",
    "Page",
    "Payment",
    "Pos",
    "Refund",
    "STORE_EXTERNAL_ID",
    "Store",
    "Tax",
    "User",
    "V1Order",
]
