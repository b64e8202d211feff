"""Sample values shared by the ui_parts tests and the screenshot script."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from qrcashier.domain.emvco import dynamic_order_payload, static_pos_payload
from qrcashier.domain.money import SITES
from qrcashier.domain.receipt import Receipt, ReceiptLine, ReceiptRefund

BUENOS_AIRES = timezone(timedelta(hours=-3))

STATIC_AR = static_pos_payload(
    48213907, currency_numeric="032", country="AR", merchant_name="Almacen Don Pepe", city="Buenos Aires"
)
DYNAMIC_BR = dynamic_order_payload(
    "in-store-order-7f3c2a9e-41d5-4b8e-9a77-0c3e5d1f2b6a",
    currency_numeric="986",
    country="BR",
    merchant_name="Padaria Sao Jorge",
    city="Sao Paulo",
)


def sample_receipt(*, copy: bool = False, refunds: bool = False, site_id: str = "MLA") -> Receipt:
    return Receipt(
        store_name="Almacén Don Pepe",
        store_address="Av. Corrientes 1234, C1043 CABA",
        register_name="Caja 1",
        sale_number=1042,
        lines=[
            ReceiptLine("Coca-Cola 500 ml", Decimal(1), Decimal("1200"), Decimal("1200")),
            ReceiptLine("Alfajor triple de dulce de leche", Decimal(3), Decimal("450"), Decimal("1350")),
            ReceiptLine("Queso cremoso (kg)", Decimal("0.350"), Decimal("9800"), Decimal("3430")),
        ],
        total=Decimal("5980"),
        site=SITES[site_id],
        paid_at=datetime(2026, 9, 1, 14, 3, 27, tzinfo=BUENOS_AIRES),
        operator="Ana",
        payment_ids=["123456789012"],
        merchant_order_id="98765432101",
        copy=copy,
        refunds=[ReceiptRefund(Decimal("1200"), "123456789012")] if refunds else [],
    )
